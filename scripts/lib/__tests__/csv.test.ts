/**
 * The streaming RFC 4180 parser: well-formed input whatever the chunking, and every kind of
 * malformed record reported on its own line while the rest is kept.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CSV_BOM,
  CsvParser,
  MAX_HELD,
  REPORT_FOOTER_MARKER,
  csvCell,
  csvLine,
  parseCsvFile,
  safeCsvCell,
  safeCsvLine,
  type CsvFooter,
  type CsvIssue
} from '../csv.ts';
import { mulberry32 } from '../../audit/synth.ts';

interface Parsed {
  records: Array<[number, ...string[]]>;
  issues: CsvIssue[];
}

function parse(text: string, chunks: number[] | number = text.length || 1, header = true): Parsed {
  const out: Parsed = { records: [], issues: [] };
  const parser = new CsvParser({
    header,
    onRecord: (fields, line) => out.records.push([line, ...fields]),
    onIssue: (issue) => out.issues.push(issue)
  });
  const sizes = typeof chunks === 'number' ? [chunks] : chunks;
  let at = 0;
  let k = 0;
  while (at < text.length) {
    const size = Math.max(1, sizes[k++ % sizes.length]);
    parser.push(text.slice(at, at + size));
    at += size;
  }
  parser.end();
  return out;
}

/** Each issue's kind and lines. */
const brief = (issues: CsvIssue[]) => issues.map((i) => [i.kind, i.line, i.lastLine]);

describe('CsvParser on well-formed input', () => {
  const text =
    '\uFEFFid,name,notes\r\n' +
    '1,Acme,"multi\nline, ""quoted"" text"\r\n' +
    '2,Beta,plain\n' +
    '\n' +
    '3,"",\n' +
    '4,"Gamma, Inc",last';

  const expected: Array<[number, ...string[]]> = [
    [1, 'id', 'name', 'notes'],
    [2, '1', 'Acme', 'multi\nline, "quoted" text'],
    [4, '2', 'Beta', 'plain'],
    [6, '3', '', ''],
    [7, '4', 'Gamma, Inc', 'last']
  ];

  it('parses quotes, escaped quotes, embedded line breaks, CRLF, a BOM, blank lines and a last line without a break', () => {
    const result = parse(text);
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual(expected);
  });

  it('gives the same records for every way of cutting the input into chunks', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) {
      expect(parse(text, size).records).toEqual(expected);
    }
    const rnd = mulberry32(3);
    for (let run = 0; run < 50; run++) {
      const sizes = Array.from({ length: 8 }, () => 1 + Math.floor(rnd() * 9));
      expect(parse(text, sizes).records).toEqual(expected);
    }
  });

  it('round-trips values written with csvLine', () => {
    const rows = [
      ['plain', 'with,comma', 'with "quote"', 'multi\nline', ' leading space', 'trailing\t', ''],
      ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    ];
    const result = parse(`${rows.map(csvLine).join('\r\n')}\r\n`, 4, false);
    expect(result.records.map(([, ...fields]) => fields)).toEqual(rows);
  });

  it('quotes only when needed', () => {
    expect(csvCell('abc')).toBe('abc');
    expect(csvCell(12.5)).toBe('12.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(' pad')).toBe('" pad"');
  });

  it('supports another delimiter', () => {
    const out: string[][] = [];
    const parser = new CsvParser({ delimiter: ';', onRecord: (f) => out.push(f) });
    parser.push('a;"b;c"\n1;2\n');
    parser.end();
    expect(out).toEqual([
      ['a', 'b;c'],
      ['1', '2']
    ]);
  });
});

describe('CsvParser on malformed input', () => {
  const text = [
    'id,name,notes', // 1
    '1,Acme,ok', // 2
    '2,"Beta"x,bad', // 3 text after a closing quote
    '3,Gamma', // 4 too few fields
    '4,Delta,ok,extra', // 5 too many fields
    '5,"Open quote,never closed', // 6 unbalanced: swallows lines until the next quote
    '6,Epsilon,ok', // 7
    '7,"Zeta",ok', // 8
    '8,Eta,ok', // 9
    '9,Th"eta,ok', // 10 a stray quote in an unquoted field: kept, reported
    '10,Iota,ok' // 11
  ].join('\n');

  it('reports each malformed record with its line and kind, and keeps every other record', () => {
    for (const size of [1, 3, 1000]) {
      const result = parse(text, size);
      expect(result.issues.map((i) => [i.line, i.kind, i.skipped])).toEqual([
        [3, 'text-after-quote', true],
        [4, 'missing-column', true],
        [5, 'extra-column', true],
        [6, 'unterminated-quote', true],
        [10, 'stray-quote', false]
      ]);
      expect(result.records.map((r) => r[1])).toEqual(['id', '1', '6', '7', '8', '9', '10']);
      expect(result.records.map((r) => r[0])).toEqual([1, 2, 7, 8, 9, 10, 11]);
    }
  });

  it('reports an unbalanced quote on the last line, at the end of the input', () => {
    const result = parse('a,b\n1,2\n3,"open\n', 2);
    expect(result.issues).toEqual([
      expect.objectContaining({ kind: 'unterminated-quote', line: 3, skipped: true })
    ]);
    expect(result.records).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2']
    ]);
  });

  it('gives up on an open quote after maxRecordChars and resumes on the next line', () => {
    const lines = [
      'a,b',
      '1,"never closed',
      ...Array.from({ length: 50 }, (_, i) => `${i + 2},row ${i} with enough text`)
    ];
    const out: Array<[number, string]> = [];
    const issues: CsvIssue[] = [];
    const parser = new CsvParser({
      header: true,
      maxRecordChars: 200,
      onRecord: (f, line) => out.push([line, f[0]]),
      onIssue: (i) => issues.push(i)
    });
    const text = lines.join('\n');
    for (let i = 0; i < text.length; i += 64) {
      parser.push(text.slice(i, i + 64));
    }
    parser.end();
    expect(issues.map((i) => [i.line, i.kind])).toEqual([[2, 'unterminated-quote']]);
    expect(out).toHaveLength(51);
    expect(out[1]).toEqual([3, '2']);
  });

  it('streams a file with the same results', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-test-'));
    const file = join(dir, 'x.csv');
    writeFileSync(file, text);
    const records: number[] = [];
    const issues: number[] = [];
    await parseCsvFile(file, {
      header: true,
      chunkSize: 7,
      onRecord: (_f, line) => records.push(line),
      onIssue: (i) => issues.push(i.line)
    });
    expect(records).toEqual([1, 2, 7, 8, 9, 10, 11]);
    expect(issues).toEqual([3, 4, 5, 6, 10]);
  });
});

/** Every issue and record of `text`, the same for every way of cutting it into chunks. */
function parseEveryWay(text: string, options: { footer?: boolean } = {}) {
  const run = (sizes: number[]) => {
    const out = {
      records: [] as Array<[number, ...string[]]>,
      issues: [] as CsvIssue[],
      footers: [] as CsvFooter[]
    };
    const parser = new CsvParser({
      header: true,
      ...options,
      onRecord: (fields, line) => out.records.push([line, ...fields]),
      onIssue: (issue) => out.issues.push(issue),
      onFooter: (footer) => out.footers.push(footer)
    });
    let at = 0;
    let k = 0;
    while (at < text.length) {
      const size = sizes[k++ % sizes.length];
      parser.push(text.slice(at, at + size));
      at += size;
    }
    parser.end();
    return out;
  };
  const whole = run([text.length || 1]);
  const rnd = mulberry32(text.length);
  for (const sizes of [
    [1],
    [2],
    [3],
    [7],
    [64],
    Array.from({ length: 6 }, () => 1 + Math.floor(rnd() * 40))
  ]) {
    expect(run(sizes)).toEqual(whole);
  }
  return whole;
}

describe('CsvParser: one bad record, one diagnosis', () => {
  const header = 'id,name,notes,date\n';

  it('reports an unterminated quote in a multi-line cell once, with its first and last line, and resumes at the next record', () => {
    const { issues, records } = parseEveryWay(
      header +
        '1,Acme,"ok",2025-01-01\n' + // 2
        '2,Beta,"Goals: automate invoicing\n' + // 3: the quote is never closed
        'and cut DSO by 10 days,2025-01-02\n' + // 4
        '3,Gamma,plain,2025-01-03\n' + // 5
        '4,Delta,"multi\nline",2025-01-04\n' // 6-7
    );
    expect(issues).toEqual([
      {
        kind: 'unterminated-quote',
        line: 3,
        lastLine: 4,
        skipped: true,
        message:
          'unterminated quote: the quoted value of "notes" is never closed properly (its closing quote is missing, or a quote inside it is not doubled); lines 3–4 skipped as one record'
      }
    ]);
    expect(records.map((r) => r[0])).toEqual([1, 2, 5, 6]);
    expect(records[3]).toEqual([6, '4', 'Delta', 'multi\nline', '2025-01-04']);
  });

  it('reports an extra column on a record with a multi-line cell as one extra-column error, with no phantom error on the next line', () => {
    const { issues, records } = parseEveryWay(
      header + '1,Acme,"multi\nline",2025-01-01,EXTRA\n' + '2,Beta,plain,2025-01-02\n'
    );
    expect(issues).toEqual([
      {
        kind: 'extra-column',
        line: 2,
        lastLine: 3,
        skipped: true,
        message: 'extra column: 5 fields where the header has 4; the record (lines 2–3) is skipped'
      }
    ]);
    expect(records.map((r) => r[0])).toEqual([1, 4]);
  });

  it('reports a missing column with the right plural', () => {
    const { issues } = parseEveryWay(header + '1\n2,a,b\n');
    expect(issues.map((i) => i.message)).toEqual([
      'missing column: 1 field where the header has 4; the record is skipped',
      'missing column: 3 fields where the header has 4; the record is skipped'
    ]);
    expect(issues.map((i) => i.kind)).toEqual(['missing-column', 'missing-column']);
  });

  it('reports a quote not doubled inside a multi-line cell once', () => {
    const { issues, records } = parseEveryWay(
      header +
        '1,Acme,"Replace the tool\nso the team says "wow" at go-live",2025-01-01\n2,Beta,ok,2025-01-02\n'
    );
    expect(issues.map((i) => [i.kind, i.line, i.lastLine])).toEqual([['unterminated-quote', 2, 3]]);
    expect(records.map((r) => r[1])).toEqual(['id', '2']);
  });

  it('ends a record whose quote never closes at the end of the input, and says which lines it took', () => {
    const { issues, records } = parseEveryWay(
      header + '1,a,b,c\n2,"open,b,c\nmore text\nand more\n'
    );
    expect(issues.map((i) => [i.kind, i.line, i.lastLine])).toEqual([['unterminated-quote', 3, 5]]);
    expect(issues[0].message).toMatch(
      /the quoted value of "name" .*; lines 3–5 skipped as one record$/
    );
    expect(records.map((r) => r[0])).toEqual([1, 2]);
  });

  it('keeps a one-line record of its own right after a bad one (text after a quote), reported on its own', () => {
    const { issues } = parseEveryWay(
      header + '1,"open,a,b\n2,"Quoted"after,b,2025-01-02\n3,c,d,2025-01-03\n'
    );
    expect(issues.map((i) => [i.kind, i.line, i.lastLine])).toEqual([
      ['unterminated-quote', 2, 2],
      ['text-after-quote', 3, 3]
    ]);
    expect(issues[1].message).toBe(
      'text after a closing quote in "name" (a value must be wholly quoted or not at all); the record is skipped'
    );
  });

  it('names the column of a stray quote', () => {
    const { issues, records } = parseEveryWay(header + '1,Th"eta,ok,2025-01-01\n');
    expect(issues).toEqual([
      {
        kind: 'stray-quote',
        line: 2,
        lastLine: 2,
        skipped: false,
        message: 'a quote inside the unquoted value of "name" (kept as written)'
      }
    ]);
    expect(records[1]).toEqual([2, '1', 'Th"eta', 'ok', '2025-01-01']);
  });
});

describe('CsvParser: the Salesforce report footer', () => {
  const header = '"Opportunity Owner","Account Name","Amount"\n';
  const body = '"Ava","Acme","100"\n"Ben","Beta","200"\n';
  const footer =
    '\n"Closed Won Opportunities"\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."\n' +
    '"Confidential Information - Do Not Distribute"\n"Generated By:  Dana Whitfield  10/1/2025 9:14 AM"\n"Northwind Systems"\n';

  it('hands the footer to onFooter instead of reporting its lines as short records', () => {
    const { issues, records, footers } = parseEveryWay(header + body + footer);
    expect(issues).toEqual([]);
    expect(records.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(footers).toEqual([
      {
        firstLine: 4,
        lastLine: 9,
        lines: 5,
        text: [
          'Closed Won Opportunities',
          'Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.',
          'Confidential Information - Do Not Distribute',
          'Generated By:  Dana Whitfield  10/1/2025 9:14 AM',
          'Northwind Systems'
        ]
      }
    ]);
  });

  it('recognises the footer of a report saved again by Excel (cells padded with commas, CRLF)', () => {
    const text = (
      header +
      body +
      ',,\nClosed Won Opportunities,,\n"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.",,\nConfidential Information - Do Not Distribute,,\n'
    ).replace(/\n/g, '\r\n');
    const { issues, records, footers } = parseEveryWay(text);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(3);
    expect(footers.map((f) => [f.firstLine, f.lastLine, f.lines])).toEqual([[4, 7, 3]]);
  });

  it('recognises the footer after a last record whose quote never closes', () => {
    const { issues, footers, records } = parseEveryWay(
      header + '"Ava","Acme","100"\n"Ben","Beta,200\nthe rest of a cell\n' + footer
    );
    expect(issues.map((i) => [i.kind, i.line, i.lastLine])).toEqual([['unterminated-quote', 3, 4]]);
    expect(footers.map((f) => [f.firstLine, f.lines])).toEqual([[5, 5]]);
    expect(records.map((r) => r[0])).toEqual([1, 2]);
  });

  it('still reports lines with one cell when a real record follows them, or when no footer marker is there', () => {
    const middle = parseEveryWay(
      header + '"Ava","Acme","100"\n"lonely"\n\n"Ben","Beta","200"\n' + footer
    );
    expect(middle.issues.map((i) => [i.kind, i.line])).toEqual([['missing-column', 3]]);
    expect(middle.footers).toHaveLength(1);
    const noMarker = parseEveryWay(header + body + '\n"Just a title"\n"Some company"\n');
    expect(noMarker.footers).toEqual([]);
    expect(noMarker.issues.map((i) => [i.kind, i.line])).toEqual([
      ['missing-column', 5],
      ['missing-column', 6]
    ]);
  });

  it('holds at most MAX_HELD lines back, and leaves the footer alone when asked', () => {
    const many = Array.from({ length: MAX_HELD + 5 }, (_, i) => `"only ${i}",,`).join('\n');
    const held = parseEveryWay(`${header}${many}\n"Ben","Beta","200"\n`);
    expect(held.records).toHaveLength(MAX_HELD + 5 + 2);
    const off = parseEveryWay(header + body + footer, { footer: false });
    expect(off.footers).toEqual([]);
    expect(off.issues.map((i) => i.kind)).toEqual(Array(5).fill('missing-column'));
  });

  it('knows the footer markers', () => {
    for (const line of [
      'Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved.',
      'Copyright © 2000-2024 salesforce.com, inc. All rights reserved.',
      'Confidential Information - Do Not Distribute',
      'Generated By:  Dana Whitfield  10/1/2025 9:14 AM',
      'Grand Totals (12 records)'
    ]) {
      expect([line, REPORT_FOOTER_MARKER.test(line)]).toEqual([line, true]);
    }
    for (const line of ['Acme Corp', 'Generated leads from the webinar', 'Closed Won']) {
      expect([line, REPORT_FOOTER_MARKER.test(line)]).toEqual([line, false]);
    }
  });
});

describe('CSV cells for spreadsheets', () => {
  it('neutralises cells a spreadsheet would run as a formula (= + - @, tab, carriage return)', () => {
    expect(safeCsvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(safeCsvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(safeCsvCell('-2+3')).toBe("'-2+3");
    expect(safeCsvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCsvCell('\t=1')).toBe("'\t=1");
    expect(safeCsvCell('\r=1')).toBe(`"'\r=1"`);
    expect(safeCsvCell('Müller, Jürgen')).toBe('"Müller, Jürgen"');
    expect(safeCsvCell(-5)).toBe('-5');
    expect(safeCsvCell('')).toBe('');
    expect(safeCsvLine(['a', '=b', 3])).toBe("a,'=b,3");
    expect(CSV_BOM).toBe('\uFEFF');
  });
});

describe('CsvParser: its contract at the edges', () => {
  const collect = (header: boolean) => {
    const out: { records: unknown[][]; issues: CsvIssue[] } = { records: [], issues: [] };
    const parser = new CsvParser({
      header,
      onRecord: (fields, line) => out.records.push([line, ...fields]),
      onIssue: (issue) => out.issues.push(issue)
    });
    return { out, parser };
  };

  it('refuses a delimiter that is not one character, or is a quote or a line break, and takes a tab', () => {
    const onRecord = (): void => undefined;
    for (const delimiter of [';;', '', '"', '\n', '\r']) {
      expect(() => new CsvParser({ delimiter, onRecord })).toThrow(
        'CSV delimiter must be one character other than a quote, CR or LF'
      );
    }
    const records: string[][] = [];
    const parser = new CsvParser({ delimiter: '\t', onRecord: (f) => records.push(f) });
    parser.push('a\tb,c\n');
    parser.end();
    expect(records).toEqual([['a', 'b,c']]);
  });

  it('refuses input after the end, and a second end adds nothing', () => {
    const { out, parser } = collect(true);
    parser.push('id,name\n1,Alpha');
    parser.end();
    parser.end();
    expect(out).toEqual({
      records: [
        [1, 'id', 'name'],
        [2, '1', 'Alpha']
      ],
      issues: []
    });
    expect(() => parser.push('2,Beta\n')).toThrow('CsvParser: push after end');
  });

  it('drops the byte order mark of the first chunk that holds text, after empty chunks', () => {
    const { out, parser } = collect(true);
    expect(parser.columnCount).toBe(-1);
    parser.push('');
    parser.push(`${CSV_BOM}id,name\n`);
    expect(parser.columnCount).toBe(2);
    parser.push(`${CSV_BOM}1,Alpha\n`);
    parser.end();
    expect(out.records).toEqual([
      [1, 'id', 'name'],
      [2, `${CSV_BOM}1`, 'Alpha']
    ]);
  });

  it('names a column by its position when its header is blank, or when there is no header', () => {
    const withBlank = collect(true);
    withBlank.parser.push('id, ,x\n1,2"3,4\n');
    withBlank.parser.end();
    const headerless = collect(false);
    headerless.parser.push('a,b"c\n');
    headerless.parser.end();
    expect(headerless.parser.columnCount).toBe(-1);
    expect([withBlank.out.issues, headerless.out.issues]).toEqual([
      [
        {
          kind: 'stray-quote',
          line: 2,
          lastLine: 2,
          skipped: false,
          message: 'a quote inside the unquoted value of column 2 (kept as written)'
        }
      ],
      [
        {
          kind: 'stray-quote',
          line: 1,
          lastLine: 1,
          skipped: false,
          message: 'a quote inside the unquoted value of column 2 (kept as written)'
        }
      ]
    ]);
    expect(headerless.out.records).toEqual([[1, 'a', 'b"c']]);
  });
});

describe('CsvParser: line ends, chunk boundaries and the last line', () => {
  it('counts a CRLF blank line as one line, whatever the chunking', () => {
    const { issues, records } = parseEveryWay('a,b\r\n\r\n1,2\r\n\r\n\r\n3,4\r\n');
    expect(issues).toEqual([]);
    expect(records).toEqual([
      [1, 'a', 'b'],
      [3, '1', '2'],
      [6, '3', '4']
    ]);
  });

  it('drops a carriage return alone at the end of the input, and the one ending the last line', () => {
    expect(parseEveryWay('a,b\n1,2\n\r')).toEqual({
      records: [
        [1, 'a', 'b'],
        [2, '1', '2']
      ],
      issues: [],
      footers: []
    });
    const lastQuoted = parseEveryWay('a,b\n1,"2"\r');
    expect([lastQuoted.records, lastQuoted.issues]).toEqual([
      [
        [1, 'a', 'b'],
        [2, '1', '2']
      ],
      []
    ]);
    expect(parseEveryWay('a,b\n1,2\r').records).toEqual([
      [1, 'a', 'b'],
      [2, '1', '2']
    ]);
  });

  it('keeps a last line of one character, and a last quoted value closed at the very end', () => {
    expect(parse('x\ny', 1, false).records).toEqual([
      [1, 'x'],
      [2, 'y']
    ]);
    const closed = parseEveryWay('a,b\n1,"two"');
    expect([closed.records, closed.issues]).toEqual([
      [
        [1, 'a', 'b'],
        [2, '1', 'two']
      ],
      []
    ]);
  });

  it('reads a doubled quote and a line break split across chunks', () => {
    const { records, issues } = parseEveryWay('a,b\n1,"say ""hi""\r\nthen ""bye"""\n2,x\n');
    expect(issues).toEqual([]);
    expect(records).toEqual([
      [1, 'a', 'b'],
      [2, '1', 'say "hi"\r\nthen "bye"'],
      [4, '2', 'x']
    ]);
  });

  it('takes no header unless asked: records of any length are kept', () => {
    const records: string[][] = [];
    const issues: CsvIssue[] = [];
    const parser = new CsvParser({
      onRecord: (f) => records.push(f),
      onIssue: (i) => issues.push(i)
    });
    parser.push('a,b,c\n1\n2,3,4,5\n');
    parser.end();
    expect([records, issues, parser.columnCount]).toEqual([
      [['a', 'b', 'c'], ['1'], ['2', '3', '4', '5']],
      [],
      -1
    ]);
  });

  it('reads a line of many fields and many one-field lines, whatever the chunking', () => {
    const fields = 3000;
    const wide = Array.from({ length: fields }, (_, i) => String(i % 10)).join(',');
    const tall = Array.from({ length: fields }, (_, i) => `${i % 10}`).join('\n');
    for (const size of [1 << 16, 97]) {
      const wideOut = parse(`${wide}\n${wide}`, size, false);
      expect(wideOut.records.map((r) => [r.length, r[0], r[1], r[fields]])).toEqual([
        [fields + 1, 1, '0', '9'],
        [fields + 1, 2, '0', '9']
      ]);
      const tallOut = parse(`"q",${tall}\n`, size, false);
      expect(tallOut.records).toHaveLength(fields);
      expect(tallOut.records[0]).toEqual([1, 'q', '0']);
      expect(tallOut.records[fields - 1]).toEqual([fields, '9']);
    }
  });
});

describe('CsvParser: recovery after a bad record, caps and the footer at the edges', () => {
  const header = 'id,name,notes,date\n';

  it('ends a bad record at the line of its bad closing quote: a short line after it is reported on its own', () => {
    const { issues, records } = parseEveryWay(
      header + '1,"Replace it\nso we say "wow" now",x,y\nshort\n2,b,c,d\n'
    );
    expect(brief(issues)).toEqual([
      ['unterminated-quote', 2, 3],
      ['missing-column', 4, 4]
    ]);
    expect(records.map((r) => r[0])).toEqual([1, 5]);
  });

  it('says "the record is skipped" for a one-line bad record and names the first column by its header', () => {
    const { issues } = parseEveryWay(header + '"open,a,b,c\n2,b,c,d\n');
    expect(issues).toEqual([
      {
        kind: 'unterminated-quote',
        line: 2,
        lastLine: 2,
        skipped: true,
        message:
          'unterminated quote: the quoted value of "id" is never closed properly (its closing quote is missing, or a quote inside it is not doubled); the record is skipped'
      }
    ]);
  });

  it('names the first bad field of a record with two: text after a quote, and a stray quote', () => {
    const after = parseEveryWay(header + '1,"a"x,"b"y,d\n');
    expect(after.issues.map((i) => i.message)).toEqual([
      'text after a closing quote in "name" (a value must be wholly quoted or not at all); the record is skipped'
    ]);
    const stray = parseEveryWay(header + '1,a"b,c"d,e\n');
    expect(stray.issues.map((i) => i.message)).toEqual([
      'a quote inside the unquoted value of "name" (kept as written)'
    ]);
    expect(stray.records[1]).toEqual([2, '1', 'a"b', 'c"d', 'e']);
  });

  it('ends the skipping at a clean multi-line record, but not at a multi-line record with a quote problem', () => {
    const clean = parseEveryWay(header + '1,"open,a,b\n2,"multi\nline",c,d\n3,e,f,g\n');
    expect(brief(clean.issues)).toEqual([['unterminated-quote', 2, 2]]);
    expect(clean.records.map((r) => r[0])).toEqual([1, 3, 5]);
    // The quote opened on line 2 closes badly on line 3, which starts a multi-line record with a
    // quote problem of its own: not a clean start, so line 3 is skipped up to the cap (line 3).
    for (const problem of ['2,Th"eta,"multi\nline",d\n', '2,x,"multi\nline"!,d\n']) {
      const skipped = parseEveryWay(`${header}1,"open,a,b\n${problem}3,e,f,g\n`);
      expect(brief(skipped.issues)).toEqual([
        ['unterminated-quote', 2, 3],
        ['missing-column', 4, 4]
      ]);
      expect(skipped.records.map((r) => r[0])).toEqual([1, 5]);
    }
  });

  it('takes the next line as the header when the header line opens a quote it never closes, and any line ends the skipping without a header', () => {
    const badHeader = parseEveryWay('id,"name\nid,name\n1,a\n');
    expect(brief(badHeader.issues)).toEqual([['unterminated-quote', 1, 1]]);
    expect(badHeader.records).toEqual([
      [2, 'id', 'name'],
      [3, '1', 'a']
    ]);
    const headerless = parse('a,"open\nb\nc,d\n', 1, false);
    expect(brief(headerless.issues)).toEqual([['unterminated-quote', 1, 1]]);
    expect(headerless.records).toEqual([
      [2, 'b'],
      [3, 'c', 'd']
    ]);
  });

  it('reports a second quote that never closes as part of the bad record it falls in, and keeps the footer after them', () => {
    const { issues, footers, records } = parseEveryWay(
      header + '1,"open,a,b\n2,"again\nGenerated By: Dana\n'
    );
    expect(brief(issues)).toEqual([['unterminated-quote', 2, 3]]);
    expect(footers).toEqual([
      { firstLine: 4, lastLine: 4, lines: 1, text: ['Generated By: Dana'] }
    ]);
    expect(records).toHaveLength(1);
  });

  it('skips an unterminated quote on a last line without a line break, and a last skipped line without one', () => {
    const last = parseEveryWay(header + '1,a,b,c\n2,"open');
    expect(brief(last.issues)).toEqual([['unterminated-quote', 3, 3]]);
    const skipped = parseEveryWay(header + '1,"open,a,b\nx');
    expect(brief(skipped.issues)).toEqual([['unterminated-quote', 2, 3]]);
    expect(skipped.records).toHaveLength(1);
  });

  it('gives up skipping once the skipped lines pass maxRecordChars, and reads the lines after as records', () => {
    const run = (lines: string[]) => {
      const out: Parsed = { records: [], issues: [] };
      const parser = new CsvParser({
        header: true,
        maxRecordChars: 20,
        onRecord: (fields, line) => out.records.push([line, ...fields]),
        onIssue: (issue) => out.issues.push(issue)
      });
      const text = lines.join('\n');
      for (let i = 0; i < text.length; i += 5) {
        parser.push(text.slice(i, i + 5));
      }
      parser.end();
      return out;
    };
    // Each skipped line is 10 characters with its line break: 20 is still within the cap, 30 is past it.
    const out = run([
      'a,b',
      '1,"open',
      'xxxxxxxxx',
      'xxxxxxxxx',
      'xxxxxxxxx',
      'xxxxxxxxx',
      '2,y',
      ''
    ]);
    expect(brief(out.issues)).toEqual([
      ['unterminated-quote', 2, 5],
      ['missing-column', 6, 6]
    ]);
    expect(out.records).toEqual([
      [1, 'a', 'b'],
      [7, '2', 'y']
    ]);
  });

  it('accepts a record whose unfinished part reaches exactly maxRecordChars, and no longer one', () => {
    const run = (text: string) => {
      const out: Parsed = { records: [], issues: [] };
      const parser = new CsvParser({
        maxRecordChars: 10,
        onRecord: (fields, line) => out.records.push([line, ...fields]),
        onIssue: (issue) => out.issues.push(issue)
      });
      for (const c of text) {
        parser.push(c);
      }
      parser.end();
      return out;
    };
    // `"012345678"` is 11 characters: the parser holds at most 10 of it unfinished.
    expect(run('"012345678"\nz\n')).toEqual({
      records: [
        [1, '012345678'],
        [2, 'z']
      ],
      issues: []
    });
    const longer = run('"0123456789"\nz\n');
    expect(brief(longer.issues)).toEqual([['unterminated-quote', 1, 1]]);
    expect(longer.records).toEqual([[2, 'z']]);
  });

  /** Parses `text` one character per push (every line longer than the limit is seen as such). */
  function byChar(text: string, maxRecordChars: number, header = false): Parsed {
    const out: Parsed = { records: [], issues: [] };
    const parser = new CsvParser({
      header,
      maxRecordChars,
      onRecord: (fields, line) => out.records.push([line, ...fields]),
      onIssue: (issue) => out.issues.push(issue)
    });
    for (const c of text) {
      parser.push(c);
    }
    parser.end();
    return out;
  }

  it('skips an unquoted line longer than maxRecordChars as too long, not as a quote problem', () => {
    const out = byChar('a,b\n0123456789abc\nc,d\n', 8);
    expect(out.issues).toEqual([
      {
        kind: 'record-too-long',
        line: 2,
        lastLine: 2,
        skipped: true,
        message:
          'record too long: line 2 runs past 8 characters without a line end and no quoted value is open (not a CSV file, or a value far longer than any export holds); the record is skipped'
      }
    ]);
    expect(out.records).toEqual([
      [1, 'a', 'b'],
      [3, 'c', 'd']
    ]);
  });

  it('skips only the too-long line: a bad line after it has its own diagnosis', () => {
    // In an unterminated quote's recovery the short line 3 would be skipped with line 2; a line
    // too long without a quote ends at its own line end.
    const out = byChar('a,b\n0123456789,abc\nshort\nc,d\n', 8, true);
    expect(brief(out.issues)).toEqual([
      ['record-too-long', 2, 2],
      ['missing-column', 3, 3]
    ]);
    expect(out.records).toEqual([
      [1, 'a', 'b'],
      [4, 'c', 'd']
    ]);
  });

  it('names the first and last line of a too-long record that began with a multi-line quoted value', () => {
    const out = byChar('a,b\n"x\ny",0123456789abcdef\nc,d\n', 12, true);
    expect(out.issues.map((i) => [i.kind, i.line, i.lastLine, i.message])).toEqual([
      [
        'record-too-long',
        2,
        3,
        'record too long: line 3 runs past 12 characters without a line end and no quoted value is open (not a CSV file, or a value far longer than any export holds); the record (lines 2–3) is skipped'
      ]
    ]);
    expect(out.records).toEqual([
      [1, 'a', 'b'],
      [4, 'c', 'd']
    ]);
  });

  it('skips a too-long line that ends in CRLF across pushes and counts the lines after it', () => {
    const out = byChar('a,b\r\n0123456789abc\r\nc,d\r\ne,f\r\n', 8);
    expect(brief(out.issues)).toEqual([['record-too-long', 2, 2]]);
    expect(out.records).toEqual([
      [1, 'a', 'b'],
      [3, 'c', 'd'],
      [4, 'e', 'f']
    ]);
  });

  it('reports lines held back as a possible footer before the too-long line that follows them', () => {
    const out = byChar('a,b\nlonely\n0123456789abc\nc,d\n', 8, true);
    expect(brief(out.issues)).toEqual([
      ['missing-column', 2, 2],
      ['record-too-long', 3, 3]
    ]);
    expect(out.records).toEqual([
      [1, 'a', 'b'],
      [4, 'c', 'd']
    ]);
  });

  it('reports the lines held back before a record with a quote problem first, in line order', () => {
    const after = parseEveryWay(header + '1,a,b,c\nlonely\n2,"x"y,c,d\n');
    expect(brief(after.issues)).toEqual([
      ['missing-column', 3, 3],
      ['text-after-quote', 4, 4]
    ]);
    const open = parseEveryWay(header + '1,a,b,c\nlonely\n2,"open,c,d\n');
    expect(brief(open.issues)).toEqual([
      ['missing-column', 3, 3],
      ['unterminated-quote', 4, 4]
    ]);
  });

  it('emits held lines as soon as more than MAX_HELD are waiting, not before', () => {
    const records: number[] = [];
    const parser = new CsvParser({ header: true, onRecord: (_f, line) => records.push(line) });
    parser.push('a,b\n');
    for (let i = 0; i < MAX_HELD; i++) {
      parser.push(`only ${i},\n`);
    }
    expect(records).toEqual([1]);
    parser.push('one more,\n');
    expect(records).toHaveLength(MAX_HELD + 2);
    expect(records[MAX_HELD + 1]).toBe(MAX_HELD + 2);
  });
});

describe('CsvParser: where the footer starts', () => {
  const header = '"Owner","Account","Amount"\n';
  const body = '"Ava","Acme","100"\n';

  it('reports a one-cell line before the footer, and starts the footer at the blank line after it', () => {
    const { issues, footers, records } = parseEveryWay(
      header + body + '"lonely"\n\n"Title"\n"Confidential Information - Do Not Distribute"\n'
    );
    expect(brief(issues)).toEqual([['missing-column', 3, 3]]);
    expect(footers).toEqual([
      {
        firstLine: 4,
        lastLine: 6,
        lines: 2,
        text: ['Title', 'Confidential Information - Do Not Distribute']
      }
    ]);
    expect(records).toHaveLength(2);
  });

  it('keeps a full record right before a footer without a blank line, and counts a whitespace-only line as blank', () => {
    const noBlank = parseEveryWay(header + body + '"Ben","Beta",\n"Generated By: Dana"\n');
    expect(noBlank.records.map((r) => r[0])).toEqual([1, 2, 3]);
    expect(noBlank.footers).toEqual([
      { firstLine: 4, lastLine: 4, lines: 1, text: ['Generated By: Dana'] }
    ]);
    const spaces = parseEveryWay(header + body + '"x"\n  ,,\n"Grand Total"\n');
    expect(brief(spaces.issues)).toEqual([['missing-column', 3, 3]]);
    expect(spaces.footers).toEqual([
      { firstLine: 4, lastLine: 5, lines: 1, text: ['Grand Total'] }
    ]);
  });

  it('starts no footer at a blank line before the header', () => {
    const { footers, records } = parseEveryWay('\na,b\nConfidential Information\n');
    expect(records).toEqual([[2, 'a', 'b']]);
    expect(footers).toEqual([
      { firstLine: 3, lastLine: 3, lines: 1, text: ['Confidential Information'] }
    ]);
  });

  it('looks for no footer under a one-column header unless asked', () => {
    const one = parseEveryWay('name\nAva\nConfidential Information\n');
    expect([one.records.map((r) => r[1]), one.footers]).toEqual([
      ['name', 'Ava', 'Confidential Information'],
      []
    ]);
    const asked = parseEveryWay('name\nAva\n\nConfidential Information\n', { footer: true });
    expect([asked.records.map((r) => r[1]), asked.footers]).toEqual([
      ['name', 'Ava'],
      [{ firstLine: 3, lastLine: 4, lines: 1, text: ['Confidential Information'] }]
    ]);
  });

  it('keeps a CRLF report footer without a blank line at its first marker line, however the CRLF is split', () => {
    const { footers, records } = parseEveryWay(
      (header + body + '"Ben","Beta","200"\n"Copyright (c) 2025 salesforce.com, inc."\n').replace(
        /\n/g,
        '\r\n'
      )
    );
    expect(records).toHaveLength(3);
    expect(footers.map((f) => [f.firstLine, f.lastLine])).toEqual([[4, 4]]);
  });

  it('starts the footer at the last blank line before its marker, after a bad record whose skipped lines held a blank line', () => {
    const { issues, footers } = parseEveryWay(
      header +
        body +
        '"Ben","Beta,200\nrest\n\nmore"x\n\n"Title"\n"Copyright (c) 2025 salesforce.com, inc."\n'
    );
    expect(brief(issues)).toEqual([['unterminated-quote', 3, 6]]);
    expect(footers.map((f) => [f.firstLine, f.lastLine, f.text])).toEqual([
      [7, 9, ['Title', 'Copyright (c) 2025 salesforce.com, inc.']]
    ]);
  });

  it('reports a bad record whose skipped lines looked like a footer when a record follows them', () => {
    const { issues, footers, records } = parseEveryWay(
      header + body + '"Ben","Beta,200\nrest\n\nmore"x\n"Cy","Ceta","300"\n'
    );
    expect(brief(issues)).toEqual([['unterminated-quote', 3, 6]]);
    expect(footers).toEqual([]);
    expect(records.map((r) => r[0])).toEqual([1, 2, 7]);
  });

  it('knows where a marker must start the line, and a singular Grand Total', () => {
    for (const [line, marker] of [
      [' Generated By: Dana', true],
      ['Leads generated by the webinar', false],
      ['  Grand Total', true],
      ['Opportunities grand totals', false]
    ] as const) {
      expect([line, REPORT_FOOTER_MARKER.test(line)]).toEqual([line, marker]);
    }
  });
});

describe('CSV cells written for people', () => {
  it('quotes a value with a quote, comma, line break or space or control character at either end, and nothing else', () => {
    expect(
      [undefined, 0, -1.5, true, 'x', 'a b', 'end ', '\tstart', 'a\rb', 'a\nb', '~!'].map(csvCell)
    ).toEqual([
      '',
      '0',
      '-1.5',
      'true',
      'x',
      'a b',
      '"end "',
      '"\tstart"',
      '"a\rb"',
      '"a\nb"',
      '~!'
    ]);
    expect([csvLine([]), csvLine(['a']), csvLine([null, 'b,c', 2])]).toEqual(['', 'a', ',"b,c",2']);
    expect([safeCsvLine([]), safeCsvLine(['=1']), safeCsvLine(['-x', -3])]).toEqual([
      '',
      "'=1",
      "'-x,-3"
    ]);
    expect([safeCsvCell(null), safeCsvCell('a=1'), safeCsvCell('!x')]).toEqual(['', 'a=1', '!x']);
  });
});

describe('CsvParser: more edges the mutation run found unpinned', () => {
  const header = 'id,name,notes,date\n';

  it('keeps a blank line inside a bad record in it, up to the line of its bad closing quote', () => {
    const { issues, records } = parseEveryWay(header + '1,"open\n\nclose"x\n2,b,c,d\n');
    expect(brief(issues)).toEqual([['unterminated-quote', 2, 4]]);
    expect(records.map((r) => r[0])).toEqual([1, 5]);
  });

  it('never takes a multi-line record with one cell for a footer line', () => {
    const head = '"Owner","Account","Amount"\n"Ava","Acme","100"\n';
    const { records, footers } = parseEveryWay(head + '"Notes\nmore",,\n"Generated By: Dana"\n');
    expect(records.map((r) => r.slice(0, 2))).toEqual([
      [1, 'Owner'],
      [2, 'Ava'],
      [3, 'Notes\nmore']
    ]);
    expect(footers.map((f) => [f.firstLine, f.text])).toEqual([[5, ['Generated By: Dana']]]);
  });

  it('ends a record at a carriage return alone after a quoted value, and reads the next one whole', () => {
    expect(parseEveryWay('a,"b"\rc,d\n').records).toEqual([
      [1, 'a', 'b'],
      [2, 'c', 'd']
    ]);
  });

  it('reads a file in chunks of the size asked and reports the bytes read after each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-chunks-'));
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4\n');
    const progress: number[] = [];
    const records: string[][] = [];
    await parseCsvFile(file, {
      chunkSize: 5,
      onRecord: (f) => records.push(f),
      onProgress: (n) => progress.push(n)
    });
    expect(progress).toEqual([5, 10, 12]);
    expect(records).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4']
    ]);
  });
});
