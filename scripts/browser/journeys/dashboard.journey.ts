/**
 * The handoff health dashboard (c-handoff-metrics-dashboard) as a leader meets it on the Handoff
 * Metrics page: loading, the tiles beside their red flags, the charts at the width they really
 * have, the filters, a red flag and the reports behind it, sortable breakdowns; the empty and
 * error states, the compact home-page view, and the same by keyboard only; the AE's time and the
 * field relevance table (issue 16). Data: the Jest fixture getDashboard.json (the Apex method
 * answers JSON text) and small AE-time and field relevance answers written here.
 */
import assert from 'node:assert/strict';
import { clean, fixture, type Journey, type JourneyContext } from '../lib/harness.ts';

const GET = 'HandoffMetricsController.getDashboard';
const AE_GET = 'HandoffMetricsController.getAeTime';
const RELEVANCE_GET = 'HandoffMetricsController.getFieldRelevance';
const TAG = 'c-handoff-metrics-dashboard';

type Json = Record<string, unknown>;

function data(): Json {
  return fixture<Json>('handoffMetricsDashboard', 'getDashboard');
}

function answer(value: Json = data()): string {
  return JSON.stringify(value);
}

function aeGroup(key: string, label: string, values: Json = {}): Json {
  return {
    key,
    label,
    handoffs: 6,
    measured: 5,
    medianMinutes: 8,
    fieldsFilled: 30,
    fieldsPrefilled: 9,
    ...values
  };
}

/** The AE's time of the fixture's last three months (medians within the target). */
function aeAnswer(empty = false): string {
  return JSON.stringify({
    targetMinMinutes: 5,
    targetMaxMinutes: 10,
    total: empty
      ? aeGroup('total', 'total', { handoffs: 0, measured: 0, medianMinutes: null })
      : aeGroup('total', 'total', { handoffs: 18, measured: 15, medianMinutes: 8.5 }),
    months: empty
      ? []
      : [
          aeGroup('2026-01', '2026-01'),
          aeGroup('2026-02', '2026-02', { medianMinutes: 9 }),
          aeGroup('2026-03', '2026-03', { medianMinutes: 7.5 })
        ],
    aes: empty
      ? []
      : [
          aeGroup('005000000000001AAA', 'Alex Rivera', { handoffs: 10, medianMinutes: 6 }),
          aeGroup('005000000000002AAA', 'Sam Chen', { handoffs: 8, medianMinutes: 14.25 })
        ],
    segments: [],
    truncated: false
  });
}

function relevanceRow(field: string, label: string, values: Json = {}): Json {
  return {
    field,
    label,
    segment: 'SMB',
    handoffs: 12,
    missingAtClose: 0,
    wouldHaveBlocked: 0,
    excepted: 0,
    prefilled: 0,
    itemsMissing: 0,
    askedAgain: 0,
    ...values
  };
}

function relevanceAnswer(empty = false): string {
  return JSON.stringify({
    rows: empty
      ? []
      : [
          relevanceRow('Handoff_Customer_Goals__c', 'Customer Goals', {
            missingAtClose: 1,
            prefilled: 4
          }),
          relevanceRow('Handoff_Risks__c', 'Risks', {
            missingAtClose: 4,
            wouldHaveBlocked: 3,
            excepted: 1,
            itemsMissing: 2,
            askedAgain: 1
          })
        ],
    truncated: false
  });
}

const $ = (t: JourneyContext, selector: string) => t.page.locator(`${TAG} ${selector}`);

async function waitForTiles(t: JourneyContext): Promise<void> {
  await $(t, 'li[data-tile="completion"]').waitFor();
}

interface ChartCheck {
  key: string;
  canvas: number;
  svgWidth: number;
  svgHeight: number;
  fontSizes: string[];
  labels: number;
  overlaps: string[];
  flags: string[];
}

/** Measures every chart as drawn (page-side: scripts/browser/app/main.ts). */
async function measureCharts(t: JourneyContext): Promise<ChartCheck[]> {
  return t.inPage<ChartCheck[]>($(t, 'figure[data-chart]'), 'measureCharts');
}

async function rowOrder(t: JourneyContext, group: string): Promise<string[]> {
  return t.inPage<string[]>($(t, `[data-breakdown="${group}"] tbody tr`), 'data', 'row');
}

const journeys: Journey[] = [
  {
    name: 'Dashboard: a leader reads the flags, filters, drills through and sorts',
    async run(t) {
      const loading = t.server.hold(GET);
      t.server.on(GET, () => answer());
      t.server.on(AE_GET, () => aeAnswer());
      t.server.on(RELEVANCE_GET, () => relevanceAnswer());
      await t.open(TAG, {}, 'Handoff Metrics');

      await t.step(
        'asks for twelve months of every segment, with a spinner meanwhile',
        async () => {
          await $(t, '[data-id="loading"] lightning-spinner').waitFor();
          await t.until('the first call', () => t.server.callsTo(GET).length === 1);
          assert.deepEqual(t.server.callsTo(GET)[0], { segment: null, months: 12 });
          await t.axe('loading');
        }
      );

      loading.release();
      await waitForTiles(t);

      await t.step('a tile never says "On target" beside its raised red flag', async () => {
        const flagged = await t.inPage($(t, '[data-id="flags"] li[data-flag]'), 'data', 'flag');
        assert.deepEqual(flagged, ['Completion_Rate', 'Escalation_Rate']);
        const keys = await t.inPage<string[]>($(t, 'li[data-tile]'), 'data', 'tile');
        const statuses = await t.inPage<string[]>(
          $(t, 'li[data-tile]'),
          'text',
          '[data-id="status"]'
        );
        assert.deepEqual(
          keys.filter((_key, i) => statuses[i] === 'Red flag raised'),
          ['completion', 'escalation']
        );
        const completion = $(t, 'li[data-tile="completion"]');
        await t.expectText(completion.locator('[data-id="value"]'), '92%');
        await t.expectText(
          completion.locator('[data-id="latest"]'),
          'Latest month, March 2026: 80%'
        );
        assert.doesNotMatch(clean(await completion.textContent()), /On target/);
        await t.fitsWidth();
        await t.axe('breached');
      });

      await t.step(
        'charts drawn at their width: capped height, one text size, no overlap',
        async () => {
          const charts = await measureCharts(t);
          assert.equal(charts.length, 10);
          for (const chart of charts) {
            assert.ok(
              Math.abs(chart.svgWidth - chart.canvas) <= 1,
              `${chart.key}: drawn ${chart.svgWidth} px wide in a ${chart.canvas} px canvas`
            );
            assert.equal(chart.svgHeight, 180, `${chart.key}: ${chart.svgHeight} px tall`);
            assert.deepEqual(
              chart.fontSizes,
              ['11px'],
              `${chart.key}: text sizes ${chart.fontSizes}`
            );
            assert.deepEqual(chart.overlaps, [], `${chart.key}: labels overlap`);
          }
          const completion = charts.find((c) => c.key === 'completion') as ChartCheck;
          assert.deepEqual(completion.flags, ['2026-02', '2026-03']);
          if (t.width >= 1280) {
            assert.ok(completion.labels > 0, 'a wide chart shows its values over the bars');
          }
          await t.shot('dashboard', 'Handoff health: red flags, key measures and monthly trends');
        }
      );

      await t.step('a red flag opens the report of its measure, as its tile does', async () => {
        const flag = $(t, 'li[data-flag="Completion_Rate"] a[data-id="flag-link"]');
        const tile = $(t, 'li[data-tile="completion"] a[data-id="tile-link"]');
        assert.equal(
          await flag.getAttribute('href'),
          '/lightning/r/Report/00O000000000001AAA/view'
        );
        assert.equal(await tile.getAttribute('href'), await flag.getAttribute('href'));
        const csm = $(t, '[data-breakdown="csm"] a[data-id="row-link"]').first();
        assert.match((await csm.getAttribute('href')) ?? '', /^\/lightning\/r\/User\/005/);
      });

      await t.step('filters: six months, then the Enterprise segment', async () => {
        await t.page.getByRole('combobox', { name: 'Period' }).click();
        await t.page.getByRole('option', { name: 'Last 6 months' }).click();
        await t.until('the 6-month call', () => t.server.callsTo(GET).length === 2);
        assert.deepEqual(t.server.callsTo(GET)[1], { segment: null, months: 6 });
        await t.expectText(
          $(t, '[data-id="subtitle"]'),
          'Handoffs closed in the 6 months to March 2026'
        );
        await t.page.getByRole('combobox', { name: 'Segment' }).click();
        await t.page.getByRole('option', { name: 'Enterprise' }).click();
        await t.until('the Enterprise call', () => t.server.callsTo(GET).length === 3);
        assert.deepEqual(t.server.callsTo(GET)[2], { segment: 'Enterprise', months: 6 });
        await t.axe('filtered');
      });

      await t.step('a breakdown sorts by any column, and back', async () => {
        assert.deepEqual(await rowOrder(t, 'segment'), ['SMB', 'Enterprise', 'Mid-Market']);
        const escalation = $(t, '[data-breakdown="segment"] th[data-column="escalation"]');
        await escalation.locator('button').click();
        assert.deepEqual(await rowOrder(t, 'segment'), ['Enterprise', 'Mid-Market', 'SMB']);
        assert.equal(await escalation.getAttribute('aria-sort'), 'descending');
        await t.expectText(
          $(t, '[data-id="announcement"]'),
          'Sorted by Escalation rate, descending.'
        );
        await escalation.locator('button').click();
        assert.deepEqual(await rowOrder(t, 'segment'), ['SMB', 'Mid-Market', 'Enterprise']);
        assert.equal(await escalation.getAttribute('aria-sort'), 'ascending');
        await t.fitsWidth();
        await t.axe('sorted');
      });

      await t.step(
        "the AE's time against the target, per AE, and field relevance, each sortable",
        async () => {
          const ae = $(t, 'section[data-id="ae"]');
          await ae.locator('tbody tr').first().waitFor();
          assert.match(clean(await ae.locator('[data-id="detail-help"]').textContent()), /5 to 10/);
          const aeRows = () => t.inPage<string[]>(ae.locator('tbody tr'), 'data', 'row');
          assert.deepEqual(await aeRows(), ['Alex Rivera', 'Sam Chen']);
          const median = ae.locator('th[data-column="median"]');
          await median.locator('button').click();
          assert.deepEqual(await aeRows(), ['Sam Chen', 'Alex Rivera']);
          assert.equal(await median.getAttribute('aria-sort'), 'descending');
          await t.expectText(
            ae.locator('tr[data-row="Sam Chen"] td[data-cell="median"]'),
            '14.3 min'
          );
          const relevance = $(t, 'section[data-id="relevance"]');
          const relevanceRows = () =>
            t.inPage<string[]>(relevance.locator('tbody tr'), 'data', 'row');
          assert.deepEqual(await relevanceRows(), ['Risks', 'Customer Goals']);
          await relevance.locator('th[data-column="prefilled"] button').click();
          assert.deepEqual(await relevanceRows(), ['Customer Goals', 'Risks']);
          assert.match(
            clean(await relevance.locator('[data-id="detail-help"]').textContent()),
            /^Approximate/
          );
          const tiles = await t.inPage<string[]>($(t, 'li[data-tile]'), 'data', 'tile');
          assert.deepEqual(tiles.slice(-2), ['aeMinutes', 'prefilledShare']);
          await t.fitsWidth();
          await t.axe('ae-time');
        }
      );
    }
  },
  {
    name: 'Dashboard: empty, failed and compact',
    async run(t) {
      const empty = data();
      empty.periods = (empty.periods as Json[]).map((p) => ({
        ...p,
        handoffs: 0,
        completeAtClose: 0,
        firstTouchCount: 0,
        firstTouchHoursSum: 0,
        firstTouchWithinSla: 0,
        firstTouchMedianHours: null,
        escalated: 0,
        exceptions: 0,
        returned: 0,
        repeatAsked: 0
      }));
      t.server.on(GET, () => answer(empty));
      t.server.on(AE_GET, () => aeAnswer(true));
      t.server.on(RELEVANCE_GET, () => relevanceAnswer(true));
      await t.open(TAG, {}, 'Handoff Metrics');

      await t.step('says when no handoff closed in the period', async () => {
        await t.expectText(
          $(t, '[data-id="empty"]'),
          'No handoffs closed in this period yet. The measures appear once deals close and handoffs are created.'
        );
        assert.equal(await $(t, 'li[data-tile]').count(), 0);
        await t.axe('empty');
      });

      await t.step('a failed refresh says what went wrong; Retry loads it', async () => {
        t.server.fail(GET, 'Handoff metrics are not available to your profile.');
        await $(t, 'button[data-action="refresh"]').click();
        const error = $(t, '[data-id="load-error"]');
        await error.waitFor();
        assert.match(clean(await error.textContent()), /not available to your profile/);
        await t.shot('error', 'The dashboard when loading fails');
        await t.axe('error');
        t.server.on(GET, () => answer());
        await $(t, 'button[data-action="retry"]').click();
        await waitForTiles(t);
        assert.equal((await t.focused()).dataId, 'refresh');
      });

      await t.step(
        'the compact home-page view: three tiles, the flags, a link to the page',
        async () => {
          await t.open(TAG, { compact: true }, 'Handoff home');
          await waitForTiles(t);
          const tiles = await t.inPage($(t, 'li[data-tile]'), 'data', 'tile');
          assert.deepEqual(tiles, ['completion', 'firstTouchMedian', 'escalation']);
          assert.equal(await $(t, 'figure[data-chart]').count(), 0);
          assert.equal(
            await $(t, 'a[data-id="open-dashboard"]').getAttribute('href'),
            '/lightning/n/Handoff_Metrics'
          );
          await t.fitsWidth();
          await t.axe('compact');
        }
      );
    }
  },
  {
    name: 'Dashboard: keyboard only',
    async run(t) {
      t.server.on(GET, () => answer());
      t.server.on(AE_GET, () => aeAnswer());
      t.server.on(RELEVANCE_GET, () => relevanceAnswer());
      await t.open(TAG, {}, 'Handoff Metrics');
      await waitForTiles(t);

      await t.step(
        'Tab order: Refresh, Period, Segment, the rollout reports, then the red flags',
        async () => {
          await t.tabTo((f) => f.dataId === 'refresh');
          await t.page.keyboard.press('Tab');
          assert.equal((await t.focused()).role, 'combobox');
          await t.page.keyboard.press('Tab');
          assert.equal((await t.focused()).role, 'combobox');
          await t.page.keyboard.press('Tab');
          assert.equal((await t.focused()).dataId, 'rollout-blocked');
          await t.page.keyboard.press('Tab');
          assert.equal((await t.focused()).dataId, 'rollout-pilot-link');
          await t.page.keyboard.press('Tab');
          const flag = await t.focused();
          assert.equal(flag.dataId, 'flag-link', `after the filters: ${JSON.stringify(flag)}`);
        }
      );

      await t.step('the period chosen with the arrow keys, the focus stays on it', async () => {
        await t.tabTo((f) => f.role === 'combobox', 10, 'Shift+Tab');
        await t.page.keyboard.press('Shift+Tab');
        assert.equal((await t.focused()).role, 'combobox');
        await t.page.keyboard.press('Enter');
        const three = t.page.getByRole('option', { name: 'Last 3 months' });
        await three.waitFor();
        // One ArrowUp at a time, each seen to move the highlight (the list opens asynchronously).
        await t.until(
          'the highlight on "Last 3 months"',
          async () => {
            if (/slds-has-focus/.test((await three.getAttribute('class')) ?? '')) {
              return true;
            }
            await t.page.keyboard.press('ArrowUp');
            await t.page.waitForTimeout(100);
            return false;
          },
          3000
        );
        await t.page.keyboard.press('Enter');
        await t.until('the 3-month call', () => t.server.callsTo(GET).some((c) => c.months === 3));
        assert.equal((await t.focused()).role, 'combobox');
      });

      await t.step('a sort button works with Enter and keeps the focus', async () => {
        await t.tabTo((f) => f.tag === 'button' && f.text === 'Escalation rate', 120);
        await t.page.keyboard.press('Enter');
        assert.deepEqual(await rowOrder(t, 'segment'), ['Enterprise', 'Mid-Market', 'SMB']);
        const focus = await t.focused();
        assert.equal(focus.text, 'Escalation rate');
      });
    }
  }
];

export default journeys;
