/**
 * Tests of the dashboard's chart geometry (chart.ts): the height stays capped and the text keeps
 * its size at any width; value labels are drawn only when every one fits its bar; month names are
 * thinned out when they would touch, keeping the latest month; months past the threshold keep
 * their "!"; the axis ends just above the data, and at 100% at most for percentages.
 */
import { CHART_HEIGHT, MIN_WIDTH, labelWidth, layoutChart } from '../chart';

type ChartPoint = import('../chart').ChartPoint;

const MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];

function points(values: (number | null)[], text: (v: number) => string): ChartPoint[] {
  return values.map((value, i) => ({
    key: `m${i}`,
    label: MONTHS[i % 12],
    value,
    valueText: value === null ? '' : text(value),
    breached: value !== null && value > 25
  }));
}

const hours = points([18, 18, null, 18, 18, 18, null, 18, 18, 18, 26.5, 26.5], (v) => `${v} h`);
const formatTick = (v: number): string => String(v);

describe('chart layout', () => {
  it('is as tall on a wide screen as on a phone, and as wide as its container', () => {
    const narrow = layoutChart(hours, { width: 300, formatTick });
    const wide = layoutChart(hours, { width: 1200, formatTick });
    expect(narrow.height).toBe(CHART_HEIGHT);
    expect(wide.height).toBe(CHART_HEIGHT);
    expect(narrow.viewBox).toBe(`0 0 300 ${CHART_HEIGHT}`);
    expect(wide.viewBox).toBe(`0 0 1200 ${CHART_HEIGHT}`);
    expect(layoutChart(hours, { width: 100, formatTick }).width).toBe(MIN_WIDTH);
  });

  it('draws value labels only when every label fits its bar', () => {
    const wide = layoutChart(hours, { width: 600, formatTick });
    expect(wide.showValues).toBe(true);
    // 12 bars in 300 px: 22.8 px each, less than "26.5 h" needs
    const narrow = layoutChart(hours, { width: 300, formatTick });
    const band = (300 - 52) / 12;
    expect(labelWidth('26.5 h')).toBeGreaterThan(band);
    expect(narrow.showValues).toBe(false);
    // no two drawn labels overlap when shown
    const labelled = wide.bars.filter((b) => b.hasValue);
    for (let i = 1; i < labelled.length; i++) {
      const gap = labelled[i].labelX - labelled[i - 1].labelX;
      expect(gap).toBeGreaterThanOrEqual(
        (labelWidth(labelled[i].valueText) + labelWidth(labelled[i - 1].valueText)) / 2
      );
    }
  });

  it('keeps the "!" of a month past the threshold when labels are left out', () => {
    const narrow = layoutChart(hours, { width: 300, formatTick });
    expect(narrow.bars.filter((b) => b.breached).map((b) => b.key)).toEqual(['m10', 'm11']);
    const wide = layoutChart(hours, { width: 600, formatTick });
    const march = wide.bars[11];
    expect(march.flagY).toBeLessThan(march.labelY);
    // a month without a value has no bar, so no "!"
    expect(wide.bars[2].breached).toBe(false);
  });

  it('thins out month names that would touch, always naming the latest month', () => {
    const wide = layoutChart(hours, { width: 600, formatTick });
    expect(wide.bars.every((b) => b.showAxisLabel)).toBe(true);
    const narrow = layoutChart(hours, { width: MIN_WIDTH, formatTick });
    const named = narrow.bars.filter((b) => b.showAxisLabel).map((b) => b.axisLabel);
    expect(named.length).toBeLessThan(12);
    expect(named[named.length - 1]).toBe('Mar');
  });

  it('ends the axis just above the data and the reference lines, at 100% at most for rates', () => {
    const low = points([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], (v) => `${v}%`);
    const rate = layoutChart(low, { ceiling: 100, threshold: 10, formatTick });
    expect(rate.ticks.map((t) => t.text)).toEqual(['0', '10', '20']);
    const high = points([95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 80, 80], (v) => `${v}%`);
    const full = layoutChart(high, { ceiling: 100, threshold: 85, formatTick });
    expect(full.ticks.map((t) => t.text)).toEqual(['0', '50', '100']);
    expect(full.threshold?.y).toBeGreaterThan(full.bars[0].y);
  });
});
