/**
 * Tests of c/handoffIntakeLabels: the frozen label object (every label is its own name under
 * Jest, `c.Handoff_Intake_…`) and the text helpers.
 */
import { LABELS, errorMessage, format, isoDate } from 'c/handoffIntakeLabels';

afterEach(() => {
  jest.useRealTimers();
});

describe('c/handoffIntakeLabels', () => {
  it('gathers the intake family labels in one frozen object', () => {
    expect(Object.isFrozen(LABELS)).toBe(true);
    expect(LABELS.accept).toBe('c.Handoff_Intake_Accept');
    expect(LABELS.moreActions).toBe('c.Handoff_Intake_More_Actions');
    expect(LABELS.close).toBe('c.Handoff_Intake_Close');
    for (const [key, value] of Object.entries(LABELS)) {
      expect([key, value]).toEqual([key, expect.stringMatching(/^c\.Handoff_Intake_\w+$/)]);
    }
  });

  it('fills placeholders, a missing value reading as nothing', () => {
    expect(format('{0}: {1}.', 'Scope', 'Verified')).toBe('Scope: Verified.');
    expect(format('{0} and {2}', 'one', null)).toBe('one and ');
    expect(format('{1}{0}', 0, 5)).toBe('50');
  });

  it('reads Apex, LDS and JavaScript errors', () => {
    expect(errorMessage({ body: { message: 'Apex says no.' } })).toBe('Apex says no.');
    expect(errorMessage({ body: [{ message: 'One' }, { message: '' }, { message: 'Two' }] })).toBe(
      'One, Two'
    );
    expect(errorMessage(new Error('Network down'))).toBe('Network down');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(undefined)).toBe('undefined');
  });

  it("gives today's browser date, plus days, as YYYY-MM-DD", () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date(2026, 1, 27, 12, 0, 0));
    expect(isoDate()).toBe('2026-02-27');
    expect(isoDate(2)).toBe('2026-03-01');
  });
});
