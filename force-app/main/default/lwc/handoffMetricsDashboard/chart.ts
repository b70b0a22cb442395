/**
 * @description Geometry of the dashboard's monthly bar charts, drawn as SVG by the template (no
 * charting library: see docs/behaviour.md, "Metrics dashboard charts"). Pure functions: a
 * value per month in, bar rectangles, reference lines and axis ticks out, in the coordinates of
 * a fixed viewBox that the SVG scales to its container.
 */

/** The viewBox the charts are drawn in (the SVG scales it to the available width). */
export const CHART_WIDTH = 360;
export const CHART_HEIGHT = 180;

const LEFT = 40;
const RIGHT = 8;
const TOP = 14;
const BOTTOM = 26;
const PLOT_WIDTH = CHART_WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = CHART_HEIGHT - TOP - BOTTOM;
const BASELINE = TOP + PLOT_HEIGHT;

/** One month of a chart. */
export interface ChartPoint {
  key: string;
  /** the month's short name for the axis */
  label: string;
  /** null: no value (no handoffs, or nothing measured) */
  value: number | null;
  /** the value as text, for the label above the bar */
  valueText: string;
  breached: boolean;
}

export interface Bar {
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  className: string;
  labelX: number;
  labelY: number;
  valueText: string;
  axisLabel: string;
  hasValue: boolean;
  /** a small baseline marker for a month without a value */
  markerX: number;
  markerY: number;
}

export interface Tick {
  key: string;
  y: number;
  text: string;
}

export interface ReferenceLine {
  y: number;
  labelY: number;
  text: string;
}

export interface ChartGeometry {
  viewBox: string;
  bars: Bar[];
  ticks: Tick[];
  axisX1: number;
  axisX2: number;
  baseline: number;
  labelX: number;
  axisLabelY: number;
  threshold: ReferenceLine | null;
  target: ReferenceLine | null;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten, at least `value`. */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) {
    return 1;
  }
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= value) {
      return step * power;
    }
  }
  return 10 * power;
}

/**
 * Lays out bars for the months, with optional threshold and target lines.
 * @param fixedMax the axis maximum (100 for percentages); otherwise derived from the data
 */
export function layoutChart(
  points: readonly ChartPoint[],
  options: {
    fixedMax?: number | null;
    threshold?: number | null;
    thresholdText?: string;
    target?: number | null;
    targetText?: string;
    formatTick: (value: number) => string;
  }
): ChartGeometry {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const references = [options.threshold, options.target].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v)
  );
  const max =
    options.fixedMax && options.fixedMax > 0
      ? Math.max(options.fixedMax, ...values)
      : niceMax(Math.max(0, ...values, ...references) * 1.1);
  const scale = (v: number): number => round(BASELINE - (Math.max(0, v) / max) * PLOT_HEIGHT);
  const band = PLOT_WIDTH / Math.max(1, points.length);
  const barWidth = round(Math.min(band * 0.6, 28));
  const bars: Bar[] = points.map((p, i) => {
    const center = LEFT + band * i + band / 2;
    const y = p.value === null ? BASELINE : scale(p.value);
    return {
      key: p.key,
      x: round(center - barWidth / 2),
      y,
      width: barWidth,
      height: round(BASELINE - y),
      className: p.breached ? 'bar bar_breach' : 'bar',
      labelX: round(center),
      labelY: round(Math.max(TOP - 2, y - 3)),
      valueText: p.valueText,
      axisLabel: p.label,
      hasValue: p.value !== null,
      markerX: round(center),
      markerY: BASELINE
    };
  });
  const ticks: Tick[] = [0, max / 2, max].map((v, i) => ({
    key: `tick-${i}`,
    y: scale(v),
    text: options.formatTick(v)
  }));
  const line = (value: number | null | undefined, text = ''): ReferenceLine | null => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return null;
    }
    return { y: scale(value), labelY: round(scale(value) - 2), text };
  };
  return {
    viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
    bars,
    ticks,
    axisX1: LEFT,
    axisX2: CHART_WIDTH - RIGHT,
    baseline: BASELINE,
    labelX: LEFT - 4,
    axisLabelY: CHART_HEIGHT - 8,
    threshold: line(options.threshold, options.thresholdText),
    target: line(options.target, options.targetText)
  };
}
