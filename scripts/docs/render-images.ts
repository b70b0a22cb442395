/**
 * Renders the documentation's pictures into docs/images/ with headless Chromium:
 *
 * - `audit-report.png`: the audit's HTML report on the shipped sample export
 *   (`scripts/audit/cli.ts --csv data/sample-closed-won.csv --activities data/sample-activities.csv`);
 * - `dashboard-trends.png`: the handoff health dashboard's monthly trend charts, drawn offline with
 *   the component's own chart geometry (`lwc/handoffMetricsDashboard/chart.ts`) and styles, from
 *   the sample Handoff__c export `data/sample-handoffs.csv` and the shipped thresholds.
 *
 *   npx tsx scripts/docs/render-images.ts
 *
 * Needs Chromium (`apt-get install -y chromium` on Debian, or set CHROMIUM to its path). Not part
 * of `npm run docs` or the tests: pictures are looked at, not diffed. Each image stays under 300 KB.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatNumber } from '../../force-app/main/default/lwc/handoffRules/handoffRules.ts';
import {
  METRICS,
  breaches,
  type HealthThreshold,
  type PeriodCounts
} from '../../force-app/main/default/lwc/handoffMetrics/handoffMetrics.ts';
import {
  layoutChart,
  type ChartGeometry,
  type ChartPoint
} from '../../force-app/main/default/lwc/handoffMetricsDashboard/chart.ts';
import { PROJECT_ROOT, SOURCE_ROOT } from '../../force-app/test/metadata/lib/metadata.ts';
import { countsFromCsv } from '../health/metrics.ts';
import { readRecords } from './model.ts';

const IMAGES = join(PROJECT_ROOT, 'docs', 'images');
const MAX_BYTES = 300 * 1024;

function chromium(): string {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((c): c is string => typeof c === 'string' && existsSync(c));
  if (!found) {
    throw new Error(
      'Chromium not found: install it (Debian: apt-get install -y chromium) or set CHROMIUM to its path.'
    );
  }
  return found;
}

/** Screenshots a local HTML file at a given window size. */
function screenshot(html: string, png: string, width: number, height: number): void {
  const profile = mkdtempSync(join(tmpdir(), 'docs-chromium-'));
  try {
    const run = spawnSync(
      chromium(),
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--hide-scrollbars',
        `--user-data-dir=${profile}`,
        `--window-size=${width},${height}`,
        `--screenshot=${png}`,
        `file://${html}`
      ],
      { encoding: 'utf8', timeout: 60_000 }
    );
    if (run.status !== 0 || !existsSync(png)) {
      throw new Error(`Chromium failed (${run.status}): ${run.stderr.slice(-500)}`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const size = statSync(png).size;
  if (size > MAX_BYTES) {
    throw new Error(`${png} is ${Math.round(size / 1024)} KB; keep images under 300 KB`);
  }
  console.log(`wrote ${png.slice(PROJECT_ROOT.length + 1)} (${Math.round(size / 1024)} KB)`);
}

function auditReport(work: string): void {
  const out = join(work, 'audit');
  const run = spawnSync(
    join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    [
      'scripts/audit/cli.ts',
      '--csv',
      'data/sample-closed-won.csv',
      '--activities',
      'data/sample-activities.csv',
      '--out',
      out,
      '--quiet'
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 }
  );
  if (run.status !== 0) {
    throw new Error(`the audit failed (${run.status}): ${run.stderr}`);
  }
  screenshot(join(out, 'audit.html'), join(IMAGES, 'audit-report.png'), 1000, 1500);
}

function thresholds(): HealthThreshold[] {
  return readRecords(SOURCE_ROOT)
    .filter((r) => r.type === 'Handoff_Health_Threshold' && r.values.Active__c === 'true')
    .map((r) => ({
      developerName: r.name,
      metric: r.values.Metric__c ?? '',
      comparator: r.values.Comparator__c === 'Above' ? 'Above' : 'Below',
      threshold: Number(r.values.Threshold__c ?? 0),
      target: r.values.Target__c ? Number(r.values.Target__c) : null,
      unit: (r.values.Unit__c ?? 'Count') as HealthThreshold['unit'],
      consecutivePeriods: Number(r.values.Consecutive_Periods__c ?? 1),
      period: r.values.Period__c === 'Hypercare Week' ? 'Hypercare Week' : 'Month',
      hypercareWeek: r.values.Hypercare_Week__c ? Number(r.values.Hypercare_Week__c) : null,
      action: r.values.Action__c ?? null,
      active: true
    }));
}

function svg(geometry: ChartGeometry, title: string): string {
  const ticks = geometry.ticks
    .map(
      (t) =>
        `<line class="gridline" x1="${geometry.axisX1}" x2="${geometry.axisX2}" y1="${t.y}" y2="${t.y}"/><text class="tick" x="${geometry.labelX}" y="${t.y}">${t.text}</text>`
    )
    .join('');
  const bars = geometry.bars
    .map(
      (b) =>
        (b.hasValue
          ? `<rect class="${b.className}" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}"/><text class="bar__label" x="${b.labelX}" y="${b.labelY}">${b.valueText}</text>`
          : `<circle class="no-value" cx="${b.markerX}" cy="${b.markerY}" r="3"/>`) +
        `<text class="axis__label" x="${b.labelX}" y="${geometry.axisLabelY}">${b.axisLabel}</text>`
    )
    .join('');
  const line = (cls: string, y: number | undefined) =>
    y === undefined
      ? ''
      : `<line class="${cls}" x1="${geometry.axisX1}" x2="${geometry.axisX2}" y1="${y}" y2="${y}"/>`;
  return `<figure class="chart"><figcaption>${title}</figcaption><svg class="chart__svg" viewBox="${geometry.viewBox}">${ticks}${bars}<line class="baseline" x1="${geometry.axisX1}" x2="${geometry.axisX2}" y1="${geometry.baseline}" y2="${geometry.baseline}"/>${line('line_threshold', geometry.threshold?.y)}${line('line_target', geometry.target?.y)}</svg></figure>`;
}

async function dashboardTrends(work: string): Promise<void> {
  const { periods } = await countsFromCsv(
    join(PROJECT_ROOT, 'data', 'sample-handoffs.csv'),
    () => undefined
  );
  const months = [...periods].sort((a, b) => (a.period < b.period ? -1 : 1)).slice(-12);
  const all = thresholds();
  const charts: [string, string, string][] = [
    ['Completion_Rate', 'Handoff completion rate', 'Percent'],
    ['Avg_Hours_To_First_Touch', 'Average hours to first touch', 'Hours'],
    ['Escalation_Rate', 'Escalation rate', 'Percent']
  ];
  const figures = charts.map(([metric, title, unit]) => {
    const threshold =
      all.find(
        (t) =>
          t.period === 'Month' &&
          (t.metric === metric ||
            (metric === 'Avg_Hours_To_First_Touch' && t.metric === 'First_Touch_Hours')) &&
          t.developerName !== 'Refinement_Completion'
      ) ?? null;
    const format = (v: number) =>
      unit === 'Percent' ? `${formatNumber(Math.round(v))}%` : `${formatNumber(Math.round(v))} h`;
    const points: ChartPoint[] = months.map((p: PeriodCounts) => {
      const value = METRICS[metric].value(p);
      return {
        key: p.period,
        label: new Date(`${p.period}-01T00:00:00Z`).toLocaleString('en', {
          month: 'short',
          timeZone: 'UTC'
        }),
        value,
        valueText:
          value === null
            ? ''
            : format(value) + (threshold && breaches(value, threshold) ? '!' : ''),
        breached: value !== null && threshold !== null && breaches(value, threshold)
      };
    });
    return svg(
      layoutChart(points, {
        fixedMax: unit === 'Percent' ? 100 : null,
        threshold: threshold?.threshold ?? null,
        target: threshold?.target ?? null,
        formatTick: format
      }),
      title
    );
  });
  const css = readFileSync(
    join(SOURCE_ROOT, 'lwc', 'handoffMetricsDashboard', 'handoffMetricsDashboard.css'),
    'utf8'
  ).replace(/:host/g, 'body');
  const html = join(work, 'trends.html');
  writeFileSync(
    html,
    `<!doctype html><html><head><meta charset="utf-8"><style>
body { font-family: system-ui, sans-serif; margin: 16px; color: #181818; background: #fff; }
h1 { font-size: 18px; margin: 0 0 4px; } p { font-size: 13px; color: #444; margin: 0 0 12px; }
.grid { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 12px 24px; }
figcaption { font-weight: 700; font-size: 13px; margin-bottom: 4px; }
${css}</style></head><body>
<h1>Handoff health: monthly trends (offline preview)</h1>
<p>Sample data (data/sample-handoffs.csv), ${months[0]?.period} to ${months[months.length - 1]?.period}. Red bars and “!”: past the red-flag threshold (dashed line); dotted line: target.</p>
<div class="grid">${figures.join('')}</div></body></html>`
  );
  screenshot(html, join(IMAGES, 'dashboard-trends.png'), 1200, 290);
}

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'docs-images-'));
  try {
    auditReport(work);
    await dashboardTrends(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`render-images: ${(e as Error).message}`);
    process.exitCode = 1;
  });
}
