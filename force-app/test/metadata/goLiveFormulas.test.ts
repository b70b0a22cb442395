/**
 * Truth tables for the time-to-first-value formula fields (issue 17): Handoff__c.Days_To_Go_Live__c
 * and Handoff__c.Go_Live_Days_Vs_Target__c, evaluated by formulon through lib/formula. Each
 * expected value is written here from the definition in docs/behaviour.md ("Time to first
 * value"), not from the formula.
 *
 * Blanks: both fields treat blanks as blanks, and Salesforce's rule for arithmetic is that a
 * blank operand makes the result blank. formulon does not implement that rule (it rejects a null
 * date in a subtraction), so `value()` applies it, only after checking that the formula is pure
 * arithmetic on the fields it names (no IF, BLANKVALUE or ISBLANK that could treat a blank
 * differently).
 */
import { extract } from 'formulon';
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

function value(name: string, record: Record<string, unknown>): unknown {
  const formula = formulaOf(name);
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if ((extract(formula) as string[]).some((f) => blank(record[f]))) {
    return null;
  }
  return evaluateFormula(formula, handoff, saveContext(record, {}));
}

describe('Handoff__c.Days_To_Go_Live__c', () => {
  it('is a whole-day number, blanks as blanks, pure arithmetic on the go-live and the close', () => {
    const field = handoff.fields.get('Days_To_Go_Live__c');
    expect(field?.type).toBe('Number');
    expect(field?.xml.scale).toBe('0');
    expect(field?.xml.formulaTreatBlanksAs).toBe('BlankAsBlank');
    expect([...(extract(formulaOf('Days_To_Go_Live__c')) as string[])].sort()).toEqual([
      'Closed_At__c',
      'Go_Live_Date__c'
    ]);
    expect(formulaOf('Days_To_Go_Live__c')).not.toMatch(
      /\b(IF|BLANKVALUE|ISBLANK|NULLVALUE)\s*\(/i
    );
  });

  it.each([
    ['no go-live yet', { Closed_At__c: '2026-03-02T15:00:00Z' }, null],
    ['no close (never closed)', { Go_Live_Date__c: '2026-03-10' }, null],
    ['neither', {}, null],
    [
      'live the day it closed',
      { Closed_At__c: '2026-03-02T15:00:00Z', Go_Live_Date__c: '2026-03-02' },
      0
    ],
    [
      'live the next day',
      { Closed_At__c: '2026-03-02T15:00:00Z', Go_Live_Date__c: '2026-03-03' },
      1
    ],
    [
      'live 45 days later',
      { Closed_At__c: '2026-03-02T15:00:00Z', Go_Live_Date__c: '2026-04-16' },
      45
    ],
    [
      'across a year end',
      { Closed_At__c: '2025-12-30T10:00:00Z', Go_Live_Date__c: '2026-01-02' },
      3
    ],
    [
      'across February of a leap year',
      { Closed_At__c: '2028-02-27T10:00:00Z', Go_Live_Date__c: '2028-03-01' },
      3
    ],
    // DATEVALUE of a date/time is its date in GMT, whatever the user's time zone:
    [
      'closed 23:30 on 1 March in Los Angeles (07:30 GMT on 2 March): counted from 2 March',
      { Closed_At__c: '2026-03-01T23:30:00-08:00', Go_Live_Date__c: '2026-03-05' },
      3
    ],
    [
      'closed 08:00 on 2 March in Tokyo (23:00 GMT on 1 March): counted from 1 March',
      { Closed_At__c: '2026-03-02T08:00:00+09:00', Go_Live_Date__c: '2026-03-05' },
      4
    ],
    [
      'closed at 00:00 GMT exactly',
      { Closed_At__c: '2026-03-02T00:00:00Z', Go_Live_Date__c: '2026-03-02' },
      0
    ],
    // The controller refuses a go-live before the close; data loaded around it is shown as is.
    [
      'a go-live before the close (loaded data)',
      { Closed_At__c: '2026-03-10T12:00:00Z', Go_Live_Date__c: '2026-03-08' },
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
    expect(formulaOf('Go_Live_Days_Vs_Target__c')).not.toMatch(
      /\b(IF|BLANKVALUE|ISBLANK|NULLVALUE)\s*\(/i
    );
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
