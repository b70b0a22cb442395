/**
 * The streaming RFC 4180 parser: well-formed input whatever the chunking, and every kind of
 * malformed record reported on its own line while the rest is kept.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvParser, csvCell, csvLine, parseCsvFile, type CsvIssue } from '../csv.ts';
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
