/**
 * Placeholders: which values carry no information, how a mapping changes the list, and — on
 * generated files — that each field's fill count is exactly the number of deals with an
 * informative value in one of its columns (fallback lists skipping placeholders), and its
 * placeholder count the number with only placeholders.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvParser, csvLine } from '../../lib/csv.ts';
import { isFilled } from '../../lib/evaluator.ts';
import { runAudit } from '../cli.ts';
import { parseMapping } from '../mapping.ts';
import {
  DEFAULT_PLACEHOLDERS,
  Placeholders,
  parsePlaceholders,
  placeholderKey
} from '../placeholders.ts';
import { mulberry32 } from '../synth.ts';

const defaults = new Placeholders();

/** Values a rep types instead of information, in the spellings exports hold. */
const PLACEHOLDER_VALUES = [
  'N/A',
  'n/a',
  ' N/A ',
  'na',
  'NA',
  'n.a.',
  'N.A',
  '#N/A',
  'NULL',
  'null',
  'NaN',
  '<NA>',
  'TBD',
  'tbd.',
  '(TBD)',
  'TBC',
  'tba',
  'To be confirmed',
  'pending',
  '-',
  '--',
  '—',
  '–',
  '?',
  '???',
  '.',
  '...',
  '*',
  'none',
  'None',
  '(none)',
  '--None--',
  'nil',
  'unknown',
  'Unknown.',
  'not sure',
  'same as above',
  'Same as above.',
  'see above',
  'See notes',
  'ditto',
  'x',
  'X',
  'xxx',
  'test',
  'asdf',
  'not applicable',
  'nothing',
  '   ',
  '\t',
  '\u00a0'
];

/** Real answers, some starting like a placeholder or as short as one. */
const INFORMATIVE_VALUES = [
  'Cut onboarding from 6 weeks to 3; success = 90% self-serve by day 5',
  'None of the legacy data moves; a clean start',
  'NA region first, then EMEA in Q3',
  'TBD: go-live in March, after the ERP upgrade',
  '- bullet one: SSO via Okta\n- bullet two: NetSuite sync',
  'x-ray imaging integration',
  'Nathan Price',
  'Test automation team owns the sandbox',
  '003A000000123ABC',
  '0',
  'No',
  'Yes',
  'N/A? No — the budget is approved',
  '?? see SOW section 3 for the "phase 2" scope',
  'Müller',
  'Łukasz Wróbel',
  '佐藤 花子',
  'Same scope as the pilot, plus 2 regions',
  'Pending legal review of the DPA, expected 15 March',
  '5'
];

describe('the default placeholder vocabulary', () => {
  it('holds the values the issue saw counted as information, and the ones chosen by evidence', () => {
    for (const v of PLACEHOLDER_VALUES) {
      expect([v, defaults.test(v)]).toEqual([v, true]);
    }
  });

  it('leaves real answers alone, even when they start like a placeholder', () => {
    for (const v of INFORMATIVE_VALUES) {
      expect([v, defaults.test(v)]).toEqual([v, false]);
    }
  });

  it('never calls a blank value a placeholder (blank is blank)', () => {
    expect(defaults.test('')).toBe(false);
  });

  it('matches every listed word in any case, with spaces and punctuation around it', () => {
    for (const word of DEFAULT_PLACEHOLDERS) {
      for (const v of [
        word,
        word.toUpperCase(),
        `  ${word}  `,
        `(${word})`,
        `${word}.`,
        `- ${word} -`
      ]) {
        expect([v, defaults.test(v)]).toEqual([v, true]);
      }
    }
  });

  it('gives the same answer whatever the case and surrounding spaces (generated values)', () => {
    const rnd = mulberry32(99);
    const pool = [...PLACEHOLDER_VALUES, ...INFORMATIVE_VALUES];
    for (let i = 0; i < 2000; i++) {
      const v = pool[Math.floor(rnd() * pool.length)];
      const pad = ' '.repeat(Math.floor(rnd() * 3));
      const variant = `${pad}${rnd() < 0.5 ? v.toUpperCase() : v.toLowerCase()}${pad}`;
      expect([variant, defaults.test(variant)]).toEqual([variant, defaults.test(v)]);
    }
  });

  it('normalises for comparison: trimmed, lower case, one space, no punctuation at the ends', () => {
    expect(placeholderKey('  --None--  ')).toBe('none');
    expect(placeholderKey('Same   as\tabove.')).toBe('same as above');
    expect(placeholderKey('n/a')).toBe('n/a');
    expect(placeholderKey('#N/A N/A')).toBe('n/a n/a');
  });
});

describe('placeholders in the mapping file', () => {
  const file = 'm.json';

  it('takes the defaults when absent, none with false, a replacement list, or changes', () => {
    expect(parsePlaceholders(undefined, file)).toEqual({
      words: [...DEFAULT_PLACEHOLDERS],
      symbols: true,
      origin: 'default'
    });
    const none = parsePlaceholders(false, file);
    expect(none).toEqual({ words: [], symbols: false, origin: 'none (placeholders: false)' });
    const list = new Placeholders(parsePlaceholders(['ask AE'], file));
    expect(list.test('Ask AE')).toBe(true);
    expect(list.test('N/A')).toBe(false);
    expect(list.test('-')).toBe(true);
    const changed = parsePlaceholders({ add: ['ask AE'], remove: ['none', 'N/A'] }, file);
    expect(changed.origin).toBe('default, changed by the mapping');
    const p = new Placeholders(changed);
    expect([p.test('ask ae'), p.test('None'), p.test('n/a'), p.test('TBD')]).toEqual([
      true,
      false,
      false,
      true
    ]);
    const noSymbols = new Placeholders(parsePlaceholders({ symbols: false }, file));
    expect([noSymbols.test('-'), noSymbols.test('TBD'), noSymbols.test('  ')]).toEqual([
      false,
      true,
      true
    ]);
  });

  it('reads it from a mapping file', () => {
    const m = parseMapping(
      {
        deal: { id: 'Id', closeDate: 'CloseDate' },
        fields: {},
        placeholders: { remove: ['none'] }
      },
      file
    );
    expect(m.placeholders.words).not.toContain('none');
    expect(m.placeholders.origin).toBe('default, changed by the mapping');
  });

  it('names what is wrong', () => {
    const err = (raw: unknown) => () => parsePlaceholders(raw, file);
    expect(err('N/A')).toThrow(
      'Mapping m.json: "placeholders" must be false, a list of words, or { "add": [...], "remove": [...], "symbols": true|false }'
    );
    expect(err(['ok', ''])).toThrow(
      'Mapping m.json: "placeholders" must be a list of words (non-blank strings)'
    );
    expect(err({ add: 'x' })).toThrow(
      'Mapping m.json: "placeholders.add" must be a list of words (non-blank strings)'
    );
    expect(err({ remove: [3] })).toThrow(
      'Mapping m.json: "placeholders.remove" must be a list of words (non-blank strings)'
    );
    expect(err({ symbols: 'no' })).toThrow(
      'Mapping m.json: "placeholders.symbols" must be true or false'
    );
    expect(err({ ad: ['x'] })).toThrow(
      'Mapping m.json: "placeholders.ad" is not a known key (add, remove, symbols)'
    );
    expect(err({ remove: ['ask AE'] })).toThrow(
      /^Mapping m\.json: "placeholders\.remove" names "ask AE", not in the default list \(n\/a, na, /
    );
  });
});

describe('fill counts on generated files (property)', () => {
  /** The handoff fields of the generated files, with how many source columns each has. */
  const FIELDS: Array<{ apiName: string; columns: number; date?: boolean }> = [
    { apiName: 'Handoff_Customer_Goals__c', columns: 3 },
    { apiName: 'Handoff_Business_Pain__c', columns: 1 },
    { apiName: 'Handoff_Champion__c', columns: 2 },
    { apiName: 'Handoff_Scope__c', columns: 2 },
    { apiName: 'Handoff_Risks__c', columns: 1 },
    { apiName: 'Handoff_Target_Go_Live__c', columns: 2, date: true },
    { apiName: 'Handoff_Notes__c', columns: 1 }
  ];

  type Kind = 'informative' | 'placeholder' | 'blank';

  function generate(seed: number, rows: number) {
    const rnd = mulberry32(seed);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
    const columns = FIELDS.flatMap((f) =>
      Array.from({ length: f.columns }, (_, j) => `${f.apiName.slice(8, -3)} ${j + 1}`)
    );
    const lines = [csvLine(['Id', 'CloseDate', ...columns])];
    const expected = FIELDS.map(() => ({ filled: 0, placeholders: 0 }));
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      FIELDS.forEach((f, i) => {
        const kinds: Kind[] = [];
        for (let j = 0; j < f.columns; j++) {
          const x = rnd();
          const kind: Kind = x < 0.35 ? 'informative' : x < 0.7 ? 'placeholder' : 'blank';
          kinds.push(kind);
          if (kind === 'blank') {
            cells.push('');
          } else if (kind === 'placeholder') {
            cells.push(pick(PLACEHOLDER_VALUES));
          } else {
            cells.push(
              f.date
                ? `2025-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`
                : pick(INFORMATIVE_VALUES)
            );
          }
        }
        if (kinds.includes('informative')) {
          expected[i].filled++;
        } else if (kinds.includes('placeholder')) {
          expected[i].placeholders++;
        }
      });
      lines.push(csvLine([`006G${seed}x${r}`, '2025-06-01', ...cells]));
    }
    const mapping = {
      name: `generated ${seed}`,
      dateFormat: 'YYYY-MM-DD',
      deal: { id: 'Id', closeDate: 'CloseDate' },
      fields: Object.fromEntries(
        FIELDS.map((f) => [
          f.apiName,
          Array.from({ length: f.columns }, (_, j) => `${f.apiName.slice(8, -3)} ${j + 1}`)
        ])
      )
    };
    return { csv: `${lines.join('\r\n')}\r\n`, mapping, expected };
  }

  it.each([1, 2, 3, 4, 5])('counts informative values exactly (seed %i)', async (seed) => {
    const dir = mkdtempSync(join(tmpdir(), 'placeholder-prop-'));
    const { csv, mapping, expected } = generate(seed, 400);
    writeFileSync(join(dir, 'deals.csv'), csv);
    writeFileSync(join(dir, 'mapping.json'), JSON.stringify(mapping));
    const outcome = await runAudit({
      csv: join(dir, 'deals.csv'),
      mapping: join(dir, 'mapping.json'),
      scope: { kind: 'all' },
      out: join(dir, 'out'),
      quiet: true
    });
    expect(outcome.exitCode).toBe(0);
    const report = outcome.report;
    if (!report) {
      throw new Error(outcome.message);
    }
    expect(report.audited).toBe(400);
    const got = FIELDS.map((f) => {
      const row = report.fields.find((x) => x.apiName === f.apiName);
      return { filled: row?.filled, placeholders: row?.placeholders };
    });
    expect(got).toEqual(expected);
    // a placeholder in a date column is a placeholder, not a bad date
    expect(report.issueCounts.find((c) => c.kind === 'bad-date')).toBeUndefined();
  });

  it('counts every non-blank value as filled when the mapping turns placeholders off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'placeholder-off-'));
    const { csv, mapping } = generate(7, 100);
    writeFileSync(join(dir, 'deals.csv'), csv);
    writeFileSync(
      join(dir, 'mapping.json'),
      JSON.stringify({ ...mapping, placeholders: false, fields: { Handoff_Notes__c: 'Notes 1' } })
    );
    const outcome = await runAudit({
      csv: join(dir, 'deals.csv'),
      mapping: join(dir, 'mapping.json'),
      scope: { kind: 'all' },
      out: join(dir, 'out'),
      quiet: true
    });
    const notes = outcome.report?.fields.find((f) => f.apiName === 'Handoff_Notes__c');
    // Without placeholders, filled is the evaluator's own notion: any non-whitespace value.
    let nonBlank = 0;
    const parser = new CsvParser({
      header: true,
      onRecord: (fields, line) => {
        if (line > 1 && isFilled(fields[fields.length - 1])) {
          nonBlank++;
        }
      }
    });
    parser.push(csv);
    parser.end();
    expect(nonBlank).toBeGreaterThan(20);
    expect(notes?.placeholders).toBe(0);
    expect(notes?.filled).toBe(nonBlank);
  });
});
