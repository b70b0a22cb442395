/**
 * @description Geometry of the dashboard's monthly bar charts, drawn as SVG by the template (no
 * charting library: see docs/behaviour.md, "Metrics dashboard charts"). Pure functions: a
 * value per month in, bar rectangles, reference lines and axis ticks out, in pixels of the width
 * the chart really has (the component measures it). The height is capped and text keeps its
 * size whatever the width; a value label is drawn over each bar only when every label fits its
 * bar's share of the width, and month names are thinned out when they would touch. A month past
 * the red-flag threshold carries a "!" above its bar in every case, besides its colour.
 */

/** The width the charts are laid out for until the component has measured its own. */
export const DEFAULT_WIDTH = 360;
/** The chart's height in pixels (capped: a wide chart does not grow taller). */
export const CHART_HEIGHT = 180;
/** The font size of every label in the chart, in pixels. */
export const FONT_SIZE = 11;
/** The narrowest chart that is drawn (a narrower container scrolls it). */
export const MIN_WIDTH = 240;

/** Average advance of a digit, %, h or letter at FONT_SIZE, in pixels (with a margin). */
const CHAR_WIDTH = 6.6;
/** Space kept clear between two neighbouring labels, in pixels. */
const LABEL_GAP = 4;
const LEFT = 44;
const RIGHT = 8;
const TOP = 26;
const BOTTOM = 24;

/** One month of a chart. */
export interface ChartPoint {
  key: string;
  /** the month's short name for the axis */
  label: string;
  /** the month's full name and value, for the bar's tooltip */
  title?: string;
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
  /** the month's name and value (a tooltip, and the value when labels are not drawn) */
  title: string;
  /** a "!" above a bar past the threshold */
  breached: boolean;
  flagY: number;
  axisLabel: string;
  /** the month name is drawn (every month, or every second or third on a narrow chart) */
  showAxisLabel: boolean;
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
  width: number;
  height: number;
  viewBox: string;
  bars: Bar[];
  ticks: Tick[];
  /** value labels are drawn over the bars (they all fit) */
  showValues: boolean;
  axisX1: number;
  axisX2: number;
  baseline: number;
  labelX: number;
  axisLabelY: number;
  threshold: ReferenceLine | null;
  target: ReferenceLine | null;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** The width a label of `text` takes at FONT_SIZE, in pixels (an estimate that errs wide). */
export function labelWidth(text: string): number {
  return text.length * CHAR_WIDTH;
}

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
 * @param options.width the chart's width in pixels (default DEFAULT_WIDTH, at least MIN_WIDTH)
 * @param options.ceiling the largest axis maximum that makes sense (100 for percentages); the
 *   axis otherwise ends at a round value just above the data and the reference lines
 */
export function layoutChart(
  points: readonly ChartPoint[],
  options: {
    width?: number;
    ceiling?: number | null;
    threshold?: number | null;
    thresholdText?: string;
    target?: number | null;
    targetText?: string;
    formatTick: (value: number) => string;
  }
): ChartGeometry {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width ?? DEFAULT_WIDTH));
  const height = CHART_HEIGHT;
  const plotWidth = width - LEFT - RIGHT;
  const plotHeight = height - TOP - BOTTOM;
  const baseline = TOP + plotHeight;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const references = [options.threshold, options.target].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v)
  );
  const highest = Math.max(0, ...values, ...references);
  let max = niceMax(highest * 1.1);
  if (options.ceiling && options.ceiling > 0 && max > options.ceiling) {
    max = Math.max(options.ceiling, ...values);
  }
  const scale = (v: number): number => round(baseline - (Math.max(0, v) / max) * plotHeight);
  const band = plotWidth / Math.max(1, points.length);
  const barWidth = round(Math.min(band * 0.6, 28));
  const widest = Math.max(0, ...points.map((p) => labelWidth(p.valueText)));
  const showValues = widest + LABEL_GAP <= band;
  const widestMonth = Math.max(0, ...points.map((p) => labelWidth(p.label)));
  const axisEvery = Math.max(1, Math.ceil((widestMonth + LABEL_GAP) / band));
  const bars: Bar[] = points.map((p, i) => {
    const center = LEFT + band * i + band / 2;
    const y = p.value === null ? baseline : scale(p.value);
    const labelY = round(y - 4);
    return {
      key: p.key,
      x: round(center - barWidth / 2),
      y,
      width: barWidth,
      height: round(baseline - y),
      className: p.breached ? 'bar bar_breach' : 'bar',
      labelX: round(center),
      labelY,
      valueText: p.valueText,
      title: p.title ?? p.valueText,
      breached: p.breached && p.value !== null,
      flagY: showValues && p.valueText ? round(labelY - FONT_SIZE - 1) : labelY,
      axisLabel: p.label,
      showAxisLabel: (points.length - 1 - i) % axisEvery === 0,
      hasValue: p.value !== null,
      markerX: round(center),
      markerY: baseline
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
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    bars,
    ticks,
    showValues,
    axisX1: LEFT,
    axisX2: width - RIGHT,
    baseline,
    labelX: LEFT - 4,
    axisLabelY: height - 8,
    threshold: line(options.threshold, options.thresholdText),
    target: line(options.target, options.targetText)
  };
}
