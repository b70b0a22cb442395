/**
 * The mapping file and what helps when it does not fit: every error message, the presets for
 * the exports people have, the closest-name suggestions, and the date layout detection.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DateMisses,
  chooseDateFormat,
  describeDateFormat,
  detectDateFormat,
  formatsFitting
} from '../dateFormats.ts';
import { checkFieldNames, loadMapping, parseMapping } from '../mapping.ts';
import { PRESETS, closest, similarity, suggestMapping } from '../suggest.ts';
import { HANDOFF_FIELDS } from '../../lib/fields.ts';

const root = resolve(__dirname, '../../..');
const minimal = { deal: { id: 'Id', closeDate: 'CloseDate' }, fields: {} };

describe('mapping file errors', () => {
  const err = (json: unknown) => () => parseMapping(json, 'm.json');

  it.each([
    [[], 'Mapping m.json: not a JSON object'],
    [
      { ...minimal, placeholder: ['x'] },
      'Mapping m.json: "placeholder" is not a known key (did you mean "placeholders"?); the keys are name, description, dateFormat, delimiter, deal, wonStages, fields, activities, placeholders, expansionTypes'
    ],
    [
      { ...minimal, colour: 1 },
      'Mapping m.json: "colour" is not a known key; the keys are name, description, dateFormat, delimiter, deal, wonStages, fields, activities, placeholders, expansionTypes'
    ],
    [
      { ...minimal, dateFormat: 'M/D/YY' },
      'Mapping m.json: "dateFormat" must be "auto" or one of YYYY-MM-DD, MM/DD/YYYY, DD/MM/YYYY, DD.MM.YYYY'
    ],
    [{ ...minimal, delimiter: ';;' }, 'Mapping m.json: "delimiter" must be one character'],
    [
      { ...minimal, delimiter: '"' },
      'Mapping m.json: "delimiter" cannot be "\\"": a quote, CR or LF already has a meaning in CSV'
    ],
    [
      { ...minimal, delimiter: '\r' },
      'Mapping m.json: "delimiter" cannot be "\\r": a quote, CR or LF already has a meaning in CSV'
    ],
    [
      { ...minimal, delimiter: '\n' },
      'Mapping m.json: "delimiter" cannot be "\\n": a quote, CR or LF already has a meaning in CSV'
    ],
    [
      { ...minimal, deal: { id: 'Id', closeDate: 'CloseDate', owner_name: 'x' } },
      'Mapping m.json: "deal.owner_name" is not a known key (id, name, accountId, accountName, owner, closeDate, amount, type, employees, segmentOverride, stage, goLiveDate)'
    ],
    [
      { ...minimal, deal: { id: 'Id' } },
      'Mapping m.json: "deal.id" and "deal.closeDate" are required'
    ],
    [
      { ...minimal, deal: { id: 'Id', closeDate: 3 } },
      'Mapping m.json: "deal.closeDate" must be a column name'
    ],
    [
      { ...minimal, fields: [] },
      'Mapping m.json: "fields" must map handoff field API names to columns'
    ],
    [
      { ...minimal, fields: { Handoff_Scope__c: 5 } },
      'Mapping m.json: "Handoff_Scope__c" must be a column name, a list of column names or null'
    ],
    [
      { ...minimal, fields: { Handoff_Scope__c: { column: 'Scope', type: 'string' } } },
      'Mapping m.json: "Handoff_Scope__c.type" must be one of text, lookup, date, checkbox, number'
    ],
    [
      { ...minimal, expansionTypes: 'Existing Business' },
      'Mapping m.json: "expansionTypes" must be a list of Opportunity Type values'
    ],
    [
      { ...minimal, activities: { csmRolePattern: '(' } },
      'Mapping m.json: "activities.csmRolePattern" is not a valid regular expression'
    ]
  ])('%j', (json, message) => {
    expect(err(json)).toThrow(message);
  });

  it('names an unreadable file and invalid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mapping-'));
    expect(() => loadMapping(join(dir, 'nope.json'))).toThrow(
      /^Mapping .*nope\.json: cannot read the file$/
    );
    writeFileSync(join(dir, 'bad.json'), '{ "deal": ');
    expect(() => loadMapping(join(dir, 'bad.json'))).toThrow(
      /^Mapping .*bad\.json: invalid JSON \(/
    );
  });

  it('refuses a field neither the product nor the rules have, with the nearest name', () => {
    const m = parseMapping({ ...minimal, fields: { Handoff_Comitments__c: 'x' } }, 'm.json');
    expect(() => checkFieldNames(m, ['Custom_Field__c'])).toThrow(
      `Mapping m.json: "fields.Handoff_Comitments__c" (did you mean Handoff_Commitments__c?) is not a handoff field: neither the product nor the rules have it. The fields are ${[...HANDOFF_FIELDS.map((f) => f.apiName), 'Custom_Field__c'].join(', ')}`
    );
    const custom = parseMapping({ ...minimal, fields: { Custom_Field__c: 'x' } }, 'm.json');
    expect(() => checkFieldNames(custom, ['Custom_Field__c'])).not.toThrow();
  });

  it('reads "auto" (the default) as: detect the date layout', () => {
    expect(parseMapping(minimal, 'm.json').dateFormat).toBe('auto');
    expect(parseMapping({ ...minimal, dateFormat: 'DD.MM.YYYY' }, 'm.json').dateFormat).toBe(
      'DD.MM.YYYY'
    );
  });
});

describe('the mapping presets', () => {
  it.each(PRESETS.map((p) => [p.file, p.what]))(
    '%s (%s) is a valid mapping of product fields',
    (file) => {
      const m = loadMapping(join(root, file));
      expect(() => checkFieldNames(m, [])).not.toThrow();
      expect(m.fields.map((f) => f.apiName)).toEqual(HANDOFF_FIELDS.map((f) => f.apiName));
      expect(m.wonStages).toContain('Closed Won');
      expect(JSON.parse(readFileSync(join(root, file), 'utf8')).description).toMatch(/\w/);
    }
  );
});

describe('closest names', () => {
  it('finds names alike in words or letters, ignoring case, punctuation, Handoff_ and __c', () => {
    expect(similarity('Handoff_Customer_Goals__c', 'customer goals')).toBe(1);
    expect(similarity('OWNER.NAME', 'Owner.Name')).toBe(1);
    expect(similarity('Close Date', 'CloseDate')).toBe(1);
    expect(similarity('Deal owner', 'Opportunity Owner')).toBeCloseTo(0.5, 5);
    expect(similarity('', 'x')).toBe(0);
    expect(closest('Handoff_Risk__c', ['Handoff_Risks__c', 'Handoff_Scope__c'])).toBe(
      'Handoff_Risks__c'
    );
    expect(closest('Colour', ['Amount', 'Stage'])).toBeNull();
  });

  it('suggests a mapping from a report export’s labels, each column once', () => {
    const s = suggestMapping(
      [
        'Opportunity Owner',
        'Opportunity Name',
        'Opportunity ID',
        'Close Date',
        'Amount',
        'Stage',
        'Pain Points',
        'Economic Buyer',
        'Competitors',
        'Next Step'
      ],
      HANDOFF_FIELDS.map((f) => f.apiName),
      'x.csv'
    );
    expect(s.deal).toEqual({
      id: 'Opportunity ID',
      name: 'Opportunity Name',
      owner: 'Opportunity Owner',
      closeDate: 'Close Date',
      amount: 'Amount',
      stage: 'Stage'
    });
    expect(s.fields).toMatchObject({
      Handoff_Business_Pain__c: 'Pain Points',
      Handoff_Executive_Sponsor__c: 'Economic Buyer',
      Handoff_Competitive_Context__c: 'Competitors',
      Handoff_Customer_Goals__c: null
    });
    expect(s.name).toBe('Suggested for x.csv (check every line)');
  });
});

describe('the date layout', () => {
  it('is detected from the values, ISO and month-first winning ties, with what else fits', () => {
    expect(detectDateFormat(['10/4/2024', '12/31/2024', ''])).toEqual({
      format: 'MM/DD/YYYY',
      fits: 2,
      sampled: 2,
      alsoFits: []
    });
    expect(detectDateFormat(['31/12/2024', '1/2/2025']).format).toBe('DD/MM/YYYY');
    expect(detectDateFormat(['3/4/2025', '5/6/2025'])).toMatchObject({
      format: 'MM/DD/YYYY',
      alsoFits: ['DD/MM/YYYY']
    });
    expect(detectDateFormat(['2025-03-04T10:00:00.000Z', '2025-03-05 14:00']).format).toBe(
      'YYYY-MM-DD'
    );
    expect(detectDateFormat(['24.12.2024']).format).toBe('DD.MM.YYYY');
    expect(detectDateFormat(['ASAP', '']).format).toBeNull();
    expect(formatsFitting(['3/4/2025', ' 5/6/2025 '])).toEqual(['MM/DD/YYYY', 'DD/MM/YYYY']);
    expect(formatsFitting([])).toEqual([]);
  });

  it('is read from the first values of the date columns of a file (BOM and CRLF included)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dates-'));
    const file = join(dir, 'x.csv');
    writeFileSync(
      file,
      '\uFEFF"ID","CLOSEDATE","Go Live"\r\n"1","31/01/2025",""\r\n"2","1/2/2025","TBD"\r\n'
    );
    const choice = chooseDateFormat('auto', file, ['CloseDate', 'go live'], ',');
    expect(choice).toEqual({
      format: 'DD/MM/YYYY',
      origin: 'detected',
      sampled: 3,
      alsoFits: [],
      from: ['CLOSEDATE', 'Go Live']
    });
    expect(describeDateFormat(choice)).toBe(
      'DD/MM/YYYY (detected from 3 values of CLOSEDATE, Go Live)'
    );
    expect(describeDateFormat(chooseDateFormat('MM/DD/YYYY', file, [], ','))).toBe(
      'MM/DD/YYYY (set in the mapping)'
    );
    expect(describeDateFormat(chooseDateFormat('auto', file, ['Nope'], ','))).toBe(
      'YYYY-MM-DD (the default: no date values to detect from)'
    );
    expect(
      describeDateFormat({
        format: 'MM/DD/YYYY',
        origin: 'detected',
        sampled: 1,
        alsoFits: ['DD/MM/YYYY'],
        from: ['Close Date']
      })
    ).toBe(
      'MM/DD/YYYY (detected from 1 value of Close Date; DD/MM/YYYY fits them too — set "dateFormat" in the mapping if that is the layout)'
    );
  });

  it('is suggested when at least half the values fail the configured one and fit another', () => {
    const most = new DateMisses();
    most.total = 10;
    for (let i = 1; i <= 6; i++) {
      most.add(`${i}/20/2025`);
    }
    expect(most.hint('Close date', 'YYYY-MM-DD')).toBe(
      'Close date: 6 of 10 values are not YYYY-MM-DD but all read as MM/DD/YYYY: set "dateFormat": "MM/DD/YYYY" in the mapping, or leave it out to detect it'
    );
    const few = new DateMisses();
    few.total = 10;
    few.add('3/15/2025');
    expect(few.hint('Close date', 'YYYY-MM-DD')).toBeNull();
    const nonsense = new DateMisses();
    nonsense.total = 2;
    nonsense.add('ASAP');
    nonsense.add('Q3');
    expect(nonsense.hint('Go-live', 'YYYY-MM-DD')).toBeNull();
    const one = new DateMisses();
    one.total = 1;
    one.add('1/2/2025');
    expect(one.hint('Go-live', 'YYYY-MM-DD')).toBe(
      'Go-live: 1 of 1 value is not YYYY-MM-DD but it reads as MM/DD/YYYY (or DD/MM/YYYY): set "dateFormat": "MM/DD/YYYY" in the mapping, or leave it out to detect it'
    );
  });
});

describe('parseMapping: bad and unusual input, each with its message', () => {
  const base = { deal: { id: 'Id', closeDate: 'CloseDate' }, fields: {} };
  const parse = (json: unknown) => parseMapping(json, 'm.json');

  it.each([null, [], 'text', 3])('refuses %p as not a JSON object', (json) => {
    expect(() => parse(json)).toThrow(new Error('Mapping m.json: not a JSON object'));
  });

  it.each([['text'], [['Id']], [7]])('refuses a deal that is not an object (%p)', (deal) => {
    expect(() => parse({ ...base, deal })).toThrow(
      new Error('Mapping m.json: "deal" must be an object')
    );
  });

  it('reads a null deal as an empty one, which lacks the required columns', () => {
    expect(() => parse({ ...base, deal: null })).toThrow(
      new Error('Mapping m.json: "deal.id" and "deal.closeDate" are required')
    );
  });

  it('trims deal columns and leaves out blank ones; refuses a column that is not text', () => {
    const m = parse({
      ...base,
      deal: { id: ' Id ', closeDate: 'CloseDate', amount: '', owner: null, stage: ' Stage' }
    });
    expect(m.deal).toEqual({ id: 'Id', closeDate: 'CloseDate', stage: 'Stage' });
    expect(() => parse({ ...base, deal: { ...base.deal, amount: 5 } })).toThrow(
      new Error('Mapping m.json: "deal.amount" must be a column name')
    );
  });

  it('reads won stages as text and defaults them and the expansion types to none', () => {
    const m = parse({ ...base, wonStages: ['Closed Won', 7] });
    expect(m.wonStages).toEqual(['Closed Won', '7']);
    expect(parse(base).wonStages).toEqual([]);
    expect(parse({ ...base, wonStages: 'Closed Won' }).wonStages).toEqual([]);
    expect(parse(base).expansionTypes).toEqual([]);
  });

  it('trims expansion types and refuses blank or non-text ones', () => {
    expect(parse({ ...base, expansionTypes: [' Renewal ', 'Upsell'] }).expansionTypes).toEqual([
      'Renewal',
      'Upsell'
    ]);
    expect(parse({ ...base, expansionTypes: [] }).expansionTypes).toEqual([]);
    for (const expansionTypes of [['Renewal', ' '], ['Renewal', 3], 'Renewal']) {
      expect(() => parse({ ...base, expansionTypes })).toThrow(
        new Error('Mapping m.json: "expansionTypes" must be a list of Opportunity Type values')
      );
    }
  });

  it.each([undefined, null, ['a'], 'a'])('refuses fields given as %p', (fields) => {
    expect(() => parse({ ...base, fields })).toThrow(
      new Error('Mapping m.json: "fields" must map handoff field API names to columns')
    );
  });

  it('reads each way of naming columns, trimmed, with blanks dropped', () => {
    const m = parse({
      ...base,
      fields: {
        ' Handoff_Customer_Goals__c ': ' Goals ',
        Handoff_Scope__c: ['Scope A ', ' ', 'Scope B'],
        Handoff_Risks__c: null,
        Handoff_Notes__c: '',
        Handoff_Champion__c: { column: ' Champion ' },
        Handoff_Commitments__c: { columns: ['C1', 'C2'], column: 'ignored' },
        Handoff_Target_Go_Live__c: { type: 'text' }
      }
    });
    expect(m.fields.map((f) => [f.apiName, f.columns])).toEqual([
      ['Handoff_Customer_Goals__c', ['Goals']],
      ['Handoff_Scope__c', ['Scope A', 'Scope B']],
      ['Handoff_Risks__c', []],
      ['Handoff_Notes__c', []],
      ['Handoff_Champion__c', ['Champion']],
      ['Handoff_Commitments__c', ['C1', 'C2']],
      ['Handoff_Target_Go_Live__c', []]
    ]);
    expect(m.fields[6].type).toBe('text');
    const plain = parse({ ...base, fields: { Handoff_Target_Go_Live__c: 'Go live' } });
    expect(plain.fields[0].type).toBe('date');
    expect(() =>
      parse({ ...base, fields: { Handoff_Target_Go_Live__c: { column: 'X', type: 'Date' } } })
    ).toThrow(
      new Error(
        'Mapping m.json: "Handoff_Target_Go_Live__c.type" must be one of text, lookup, date, checkbox, number'
      )
    );
  });

  it('refuses columns that are neither text, a list of text nor null', () => {
    for (const value of [5, ['A', 5], { columns: [true] }]) {
      expect(() => parse({ ...base, fields: { Handoff_Scope__c: value } })).toThrow(
        new Error(
          'Mapping m.json: "Handoff_Scope__c" must be a column name, a list of column names or null'
        )
      );
    }
  });

  it('defaults the activity columns, trims given ones and ignores blank ones', () => {
    expect(parse(base).activities).toEqual({
      accountId: 'AccountId',
      date: 'ActivityDate',
      owner: undefined,
      role: undefined,
      csmRolePattern: undefined
    });
    const m = parse({
      ...base,
      activities: {
        accountId: ' Account ',
        date: '  ',
        owner: ' Owner',
        role: 7,
        csmRolePattern: ' ^CSM '
      }
    });
    expect(m.activities).toEqual({
      accountId: 'Account',
      date: 'ActivityDate',
      owner: 'Owner',
      role: undefined,
      csmRolePattern: '^CSM'
    });
    expect(() => parse({ ...base, activities: { csmRolePattern: '(' } })).toThrow(
      new Error('Mapping m.json: "activities.csmRolePattern" is not a valid regular expression')
    );
  });
});
