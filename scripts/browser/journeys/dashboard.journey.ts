/**
 * The handoff health dashboard (c-handoff-metrics-dashboard) as a leader meets it on the Handoff
 * Metrics page: loading, the tiles beside their red flags, the charts at the width they really
 * have, the filters, a red flag and the reports behind it, sortable breakdowns; the empty and
 * error states, the compact home-page view, and the same by keyboard only; the AE's time and the
 * field relevance table (issue 16); the quality, go-live and new-people tables (issue 17). Data:
 * the Jest fixture getDashboard.json (the Apex method answers JSON text) and small AE-time, field
 * relevance, quality, go-live and new-people answers written here.
 */
import assert from 'node:assert/strict';
import { clean, fixture, type Journey, type JourneyContext } from '../lib/harness.ts';

const GET = 'HandoffMetricsController.getDashboard';
const AE_GET = 'HandoffMetricsController.getAeTime';
const RELEVANCE_GET = 'HandoffMetricsController.getFieldRelevance';
const QUALITY_GET = 'HandoffMetricsController.getQuality';
const GO_LIVE_GET = 'HandoffMetricsController.getGoLive';
const NEW_PEOPLE_GET = 'HandoffMetricsController.getNewPeople';
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

function qualityGroup(key: string, label: string, values: Json = {}): Json {
  return {
    key,
    label,
    handoffs: 6,
    rated: 5,
    scoreSum: 20,
    below3: 0,
    skipped: 0,
    skipReasons: [],
    topFields: [],
    ...values
  };
}

function qualityAnswer(): string {
  return JSON.stringify({
    total: qualityGroup('total', 'total', {
      handoffs: 18,
      rated: 15,
      scoreSum: 51,
      below3: 3,
      skipped: 1,
      topFields: [
        { name: 'Handoff_Risks__c', count: 3 },
        { name: 'Handoff_Customer_Goals__c', count: 1 }
      ]
    }),
    months: [qualityGroup('2026-03', '2026-03')],
    aes: [
      qualityGroup('005000000000001AAA', 'Alex Rivera', { handoffs: 10, rated: 9, scoreSum: 38 }),
      qualityGroup('005000000000002AAA', 'Sam Chen', {
        handoffs: 8,
        rated: 6,
        scoreSum: 13,
        below3: 3,
        topFields: [{ name: 'Handoff_Risks__c', count: 3 }]
      })
    ],
    segments: [],
    truncated: false
  });
}

function goLiveAnswer(): string {
  const group = (key: string, values: Json = {}): Json => ({
    key,
    label: key,
    handoffs: 9,
    goLives: 6,
    medianDays: 24,
    withTarget: 6,
    onTime: 4,
    late: 2,
    medianDaysLate: 6,
    ...values
  });
  return JSON.stringify({
    total: group('total', { handoffs: 18, goLives: 10, medianDays: 28 }),
    months: [group('2026-02')],
    segments: [
      group('SMB'),
      group('Enterprise', { goLives: 4, medianDays: 45, onTime: 1, late: 3 })
    ],
    truncated: false
  });
}

function newPeopleAnswer(): string {
  return JSON.stringify({
    quarterStart: '2026-01-01',
    people: [
      {
        userId: '005000000000003AAA',
        name: 'Jo Park',
        role: 'AE',
        handoffsAsNew: 3,
        handoffsSoFar: 3,
        completeAtClose: 2,
        handoffs: 3,
        rated: 2,
        scoreSum: 7
      },
      {
        userId: '005000000000004AAA',
        name: 'Lee Adams',
        role: 'CSM',
        handoffsAsNew: 2,
        handoffsSoFar: 2,
        completeAtClose: 2,
        handoffs: 2,
        rated: 0,
        scoreSum: 0
      }
    ],
    truncated: false
  });
}

/** The before/after card (c-handoff-before-after, issue 17) without a baseline loaded. */
const COMPARISON_GET = 'HandoffBaselineComparison.getComparison';
const NO_BASELINE = {
  hasBaseline: false,
  launchDate: null,
  afterHandoffs: 0,
  targetPercent: 20,
  guidance: 'No baseline loaded yet.',
  figures: []
};

/** Answers every live read of the dashboard (AE time, relevance, quality, go-live, new people). */
function answerLiveReads(t: JourneyContext, empty = false): void {
  t.server.on(AE_GET, () => aeAnswer(empty));
  t.server.on(RELEVANCE_GET, () => relevanceAnswer(empty));
  t.server.on(QUALITY_GET, () =>
    empty
      ? JSON.stringify({
          total: qualityGroup('total', 'total', { handoffs: 0, rated: 0, scoreSum: 0 }),
          months: [],
          aes: [],
          segments: [],
          truncated: false
        })
      : qualityAnswer()
  );
  t.server.on(GO_LIVE_GET, () =>
    empty
      ? JSON.stringify({
          total: { key: 'total', label: 'total', handoffs: 0, goLives: 0 },
          months: [],
          segments: [],
          truncated: false
        })
      : goLiveAnswer()
  );
  t.server.on(NEW_PEOPLE_GET, () =>
    empty
      ? JSON.stringify({ quarterStart: '2026-01-01', people: [], truncated: false })
      : newPeopleAnswer()
  );
  t.server.on(COMPARISON_GET, () => NO_BASELINE);
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
      answerLiveReads(t);
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
          // volume and the twelve measures (issue 17 added quality score, below 3, days to go-live)
          assert.equal(charts.length, 13);
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
          assert.deepEqual(tiles.slice(-5, -3), ['aeMinutes', 'prefilledShare']);
          await t.fitsWidth();
          await t.axe('ae-time');
        }
      );

      await t.step(
        'quality by AE, the fields named, go-live by segment and the new people, each sortable',
        async () => {
          const rows = (key: string) =>
            t.inPage<string[]>($(t, `section[data-id="${key}"] tbody tr`), 'data', 'row');
          const quality = $(t, 'section[data-id="quality"]');
          await quality.locator('tbody tr').first().waitFor();
          assert.deepEqual(await rows('quality'), ['Alex Rivera', 'Sam Chen']);
          await t.expectText(
            quality.locator('tr[data-row="Sam Chen"] td[data-cell="average"]'),
            '2.2 of 5'
          );
          await t.expectText(
            quality.locator('tr[data-row="Sam Chen"] td[data-cell="topFields"]'),
            'Handoff_Risks__c (3)'
          );
          await quality.locator('th[data-column="average"] button').click();
          await quality.locator('th[data-column="average"] button').click();
          assert.deepEqual(await rows('quality'), ['Sam Chen', 'Alex Rivera']);
          assert.deepEqual(await rows('qualityFields'), [
            'Handoff_Risks__c',
            'Handoff_Customer_Goals__c'
          ]);
          assert.deepEqual(await rows('goLive'), ['SMB', 'Enterprise']);
          await t.expectText(
            $(t, 'section[data-id="goLive"] tr[data-row="Enterprise"] td[data-cell="onTimeShare"]'),
            '25%'
          );
          assert.deepEqual(await rows('newPeople'), ['Jo Park', 'Lee Adams']);
          await t.expectText(
            $(t, 'section[data-id="newPeople"] tr[data-row="Lee Adams"] td[data-cell="role"]'),
            'CSM'
          );
          assert.deepEqual(t.server.callsTo(NEW_PEOPLE_GET).at(-1), { segment: 'Enterprise' });
          const tiles = await t.inPage<string[]>($(t, 'li[data-tile]'), 'data', 'tile');
          assert.deepEqual(tiles.slice(-3), ['qualityScore', 'qualityBelow3', 'daysToGoLive']);
          await t.shot('dashboard-issue-17', 'Handoff quality, time to first value and new people');
          await t.fitsWidth();
          await t.axe('issue-17-tables');
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
      answerLiveReads(t, true);
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
      answerLiveReads(t);
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
