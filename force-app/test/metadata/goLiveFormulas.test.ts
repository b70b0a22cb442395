/**
 * Truth tables for the time-to-first-value formula fields (issue 17): Handoff__c.Days_To_Go_Live__c
 * and Handoff__c.Go_Live_Days_Vs_Target__c, evaluated by formulon through lib/formula. Each
 * expected value is written here from the definition in docs/behaviour.md ("Time to first
 * value"), not from the formula.
 *
 * Blanks: both fields treat blanks as blanks. Salesforce's rules there: an arithmetic operand or
 * a DATEVALUE argument that is blank makes the result blank, and BLANKVALUE(a, b) is b when a is
 * blank (only then is b evaluated). formulon evaluates every argument eagerly and rejects a null
 * date, so `value()` first reduces the formula's syntax tree by those rules (and refuses any other
 * function, so an IF or ISBLANK could not slip a different blank treatment past this table), then
 * lets formulon evaluate what is left.
 */
import { ast, extract } from 'formulon';
import { evaluateFormula, saveContext } from './lib/formula';
import { loadObjects, type ObjectMeta } from './lib/metadata';

const handoff = loadObjects().get('Handoff__c') as ObjectMeta;

function formulaOf(name: string): string {
  const field = handoff.fields.get(name);
  if (!field?.formula) {
    throw new Error(`Handoff__c.${name} is not a formula field`);
  }
  return field.formula;
}

interface Node {
  type: string;
  id?: string;
  name?: string;
  arguments?: Node[];
}

const BLANK = Symbol('blank');
const OPERATORS: Record<string, string> = { subtract: '-', add: '+' };

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** The formula with Salesforce's blank rules applied; BLANK when the result is blank. */
function reduce(node: Node, record: Record<string, unknown>): string | typeof BLANK {
  if (node.type === 'identifier') {
    return isBlank(record[node.name as string]) ? BLANK : (node.name as string);
  }
  const args = node.arguments ?? [];
  if (node.type === 'callExpression' && node.id === 'blankvalue') {
    const first = reduce(args[0], record);
    return first === BLANK ? reduce(args[1], record) : first;
  }
  if (node.type === 'callExpression' && (node.id === 'datevalue' || node.id! in OPERATORS)) {
    const reduced = args.map((a) => reduce(a, record));
    if (reduced.includes(BLANK)) {
      return BLANK;
    }
    return node.id === 'datevalue'
      ? `DATEVALUE(${String(reduced[0])})`
      : `(${String(reduced[0])} ${OPERATORS[node.id!]} ${String(reduced[1])})`;
  }
  throw new Error(`the harness has no blank rule for ${node.type} ${node.id ?? node.name ?? ''}`);
}

function value(name: string, record: Record<string, unknown>): unknown {
  const reduced = reduce(ast(formulaOf(name)) as Node, record);
  if (reduced === BLANK) {
    return null;
  }
  return evaluateFormula(reduced, handoff, saveContext(record, {}));
}

describe('Handoff__c.Days_To_Go_Live__c', () => {
  it('is a whole-day number, blanks as blanks, on the go-live and the close date (else the close)', () => {
    const field = handoff.fields.get('Days_To_Go_Live__c');
    expect(field?.type).toBe('Number');
    expect(field?.xml.scale).toBe('0');
    expect(field?.xml.formulaTreatBlanksAs).toBe('BlankAsBlank');
    expect([...(extract(formulaOf('Days_To_Go_Live__c')) as string[])].sort()).toEqual([
      'Close_Date__c',
      'Closed_At__c',
      'Go_Live_Date__c'
    ]);
    expect(handoff.fields.get('Close_Date__c')?.type).toBe('Date');
  });

  const close = { Close_Date__c: '2026-03-02', Closed_At__c: '2026-03-02T15:00:00Z' };
  it.each([
    ['no go-live yet', close, null],
    ['no close (never closed)', { Go_Live_Date__c: '2026-03-10' }, null],
    ['neither', {}, null],
    ['live the day it closed', { ...close, Go_Live_Date__c: '2026-03-02' }, 0],
    ['live the next day', { ...close, Go_Live_Date__c: '2026-03-03' }, 1],
    ['live 45 days later', { ...close, Go_Live_Date__c: '2026-04-16' }, 45],
    [
      'across a year end',
      {
        Close_Date__c: '2025-12-30',
        Closed_At__c: '2025-12-30T10:00:00Z',
        Go_Live_Date__c: '2026-01-02'
      },
      3
    ],
    [
      'across February of a leap year',
      {
        Close_Date__c: '2028-02-27',
        Closed_At__c: '2028-02-27T10:00:00Z',
        Go_Live_Date__c: '2028-03-01'
      },
      3
    ],
    // The close date is a Date: no time zone. The GMT date of Closed_At__c no longer matters.
    [
      'closed 23:30 on 1 March in Los Angeles (2 March in GMT), live on 1 March: 0, not -1',
      {
        Close_Date__c: '2026-03-01',
        Closed_At__c: '2026-03-01T23:30:00-08:00',
        Go_Live_Date__c: '2026-03-01'
      },
      0
    ],
    [
      'closed 08:00 on 2 March in Tokyo (1 March in GMT): counted from 2 March',
      {
        Close_Date__c: '2026-03-02',
        Closed_At__c: '2026-03-02T08:00:00+09:00',
        Go_Live_Date__c: '2026-03-05'
      },
      3
    ],
    [
      "the deal's Close Date a week before the day it was won: counted from the Close Date",
      {
        Close_Date__c: '2026-02-23',
        Closed_At__c: '2026-03-02T15:00:00Z',
        Go_Live_Date__c: '2026-03-05'
      },
      10
    ],
    [
      'a close date without Closed_At__c (loaded data)',
      { Close_Date__c: '2026-03-02', Go_Live_Date__c: '2026-03-04' },
      2
    ],
    // A handoff created before Close_Date__c existed: the GMT date of Closed_At__c (DATEVALUE).
    [
      'no close date, closed 23:30 on 1 March in Los Angeles: counted from 2 March (GMT)',
      { Closed_At__c: '2026-03-01T23:30:00-08:00', Go_Live_Date__c: '2026-03-05' },
      3
    ],
    [
      'no close date, closed 08:00 on 2 March in Tokyo: counted from 1 March (GMT)',
      { Closed_At__c: '2026-03-02T08:00:00+09:00', Go_Live_Date__c: '2026-03-05' },
      4
    ],
    [
      'no close date, closed at 00:00 GMT exactly',
      { Closed_At__c: '2026-03-02T00:00:00Z', Go_Live_Date__c: '2026-03-02' },
      0
    ],
    ['no close date, no go-live', { Closed_At__c: '2026-03-02T00:00:00Z' }, null],
    // The controller refuses a go-live before the close date; data loaded around it is shown as is.
    [
      'a go-live before the close (loaded data)',
      {
        Close_Date__c: '2026-03-10',
        Closed_At__c: '2026-03-10T12:00:00Z',
        Go_Live_Date__c: '2026-03-08'
      },
      -2
    ]
  ])('%s', (_label, record, expected) => {
    expect(value('Days_To_Go_Live__c', record)).toBe(expected);
  });
});

describe('Handoff__c.Go_Live_Days_Vs_Target__c', () => {
  it('is a whole-day number, blanks as blanks, pure arithmetic on the go-live and the target', () => {
    const field = handoff.fields.get('Go_Live_Days_Vs_Target__c');
    expect(field?.type).toBe('Number');
    expect(field?.xml.scale).toBe('0');
    expect(field?.xml.formulaTreatBlanksAs).toBe('BlankAsBlank');
    expect([...(extract(formulaOf('Go_Live_Days_Vs_Target__c')) as string[])].sort()).toEqual([
      'Go_Live_Date__c',
      'Target_Go_Live__c'
    ]);
    expect(formulaOf('Go_Live_Days_Vs_Target__c')).not.toMatch(/\bBLANKVALUE\s*\(/i);
  });

  it.each([
    ['no go-live yet', { Target_Go_Live__c: '2026-04-01' }, null],
    ['no target on the deal', { Go_Live_Date__c: '2026-04-01' }, null],
    ['on the target day', { Target_Go_Live__c: '2026-04-01', Go_Live_Date__c: '2026-04-01' }, 0],
    [
      'a week late (positive)',
      { Target_Go_Live__c: '2026-04-01', Go_Live_Date__c: '2026-04-08' },
      7
    ],
    [
      'ten days early (negative)',
      { Target_Go_Live__c: '2026-04-11', Go_Live_Date__c: '2026-04-01' },
      -10
    ],
    [
      'late across a month end',
      { Target_Go_Live__c: '2026-01-30', Go_Live_Date__c: '2026-02-02' },
      3
    ]
  ])('%s', (_label, record, expected) => {
    expect(value('Go_Live_Days_Vs_Target__c', record)).toBe(expected);
  });
});
