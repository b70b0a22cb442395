/**
 * Tests of c/handoffPanelLabels: the frozen label objects (every label is its own name under
 * Jest, `c.Handoff_Panel_…`) and the text helpers.
 */
import {
  LABELS,
  SUMMARY_WORDS,
  errorMessage,
  formatDate,
  formatDateTime,
  formatLabel,
  todayIso
} from 'c/handoffPanelLabels';

describe('c/handoffPanelLabels', () => {
  it('gathers the panel family labels in one frozen object', () => {
    expect(Object.isFrozen(LABELS)).toBe(true);
    expect(LABELS.title).toBe('c.Handoff_Panel_Title');
    expect(LABELS.retry).toBe('c.Handoff_Panel_Retry');
    expect(LABELS.requiredLegend).toBe('c.Handoff_Panel_Required_Legend');
    for (const [key, value] of Object.entries(LABELS)) {
      expect([key, value]).toEqual([key, expect.stringMatching(/^c\.Handoff_Panel_\w+$/)]);
    }
  });

  it('gives the summary format its words', () => {
    expect(Object.isFrozen(SUMMARY_WORDS)).toBe(true);
    expect(SUMMARY_WORDS.title).toBe('c.Handoff_Summary_Title');
    expect(SUMMARY_WORDS.sectionNextSteps).toBe('c.Handoff_Summary_Section_Next_Steps');
    expect(Object.keys(SUMMARY_WORDS)).toHaveLength(13);
  });

  it('fills every occurrence of each placeholder', () => {
    expect(formatLabel('{0} of {1} ({0})', 3, 'twelve')).toBe('3 of twelve (3)');
    expect(formatLabel('No placeholder', 'x')).toBe('No placeholder');
  });

  it('reads Apex, LDS and JavaScript errors', () => {
    expect(errorMessage(undefined)).toBe('');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage({ body: { message: 'Apex says no.' } })).toBe('Apex says no.');
    expect(errorMessage({ body: [{ message: 'One.' }, { message: 'Two.' }] })).toBe('One. Two.');
    expect(errorMessage(new Error('Network down'))).toBe('Network down');
    expect(errorMessage({ body: {} })).toBe('[object Object]');
  });

  it('formats dates and times, and leaves what is not a date as it is', () => {
    expect(formatDate('2026-06-01')).toMatch(/2026/);
    expect(formatDateTime('2026-05-04T15:30:00.000Z')).toMatch(/2026/);
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime(null)).toBe('');
  });

  it("gives today's date in a time zone, as YYYY-MM-DD", () => {
    const instant = new Date('2026-01-01T03:00:00Z');
    expect(todayIso(instant, 'UTC')).toBe('2026-01-01');
    expect(todayIso(instant, 'America/Los_Angeles')).toBe('2025-12-31');
    expect(todayIso(instant, 'Not/AZone')).toBe('2026-01-01');
  });
});
