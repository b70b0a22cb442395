/**
 * Time to first value in a real browser (issue 17): c-handoff-go-live as the CSM meets it in an
 * expanded handoff of the intake checklist (mounted alone here: the checklist's journey belongs to
 * its own file) — target vs actual, Record go-live with a date, a future date refused with the
 * server's message beside the input, a same-day go-live counted as 0 days, a correction that says
 * what it replaced, the same by keyboard, nothing to record for a read-only user, a failed read —
 * and c-handoff-before-after as the metrics dashboard shows it, with a baseline and without one
 * (it says how to load it). Axe at each state; three widths unless a journey names one.
 *
 * The fake server answers as the Apex classes do: HandoffGoLive's checks (date required, not in
 * the future, not before the close date) and its messages, the view re-read after a save.
 */
import assert from 'node:assert/strict';
import { clean, ServerError, type Journey, type JourneyContext } from '../lib/harness.ts';

const GET = 'HandoffGoLiveController.getGoLive';
const RECORD = 'HandoffGoLiveController.recordGoLive';
const COMPARE = 'HandoffBaselineComparison.getComparison';
const TAG = 'c-handoff-go-live';
const BEFORE_AFTER = 'c-handoff-before-after';
const HANDOFF_ID = 'a0H000000000001AAA';

const DAY = 86_400_000;
/** A YYYY-MM-DD day `offset` days from today (the machine's calendar, as the browser's). */
function day(offset: number): string {
  const now = new Date();
  const d = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) + offset * DAY);
  return d.toISOString().slice(0, 10);
}
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY);
}
/** As the date input takes it when typed (en-US, the harness browser's locale). */
function typed(value: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${value}T00:00:00Z`)
  );
}

const CLOSED_ON = day(-20);
const TARGET = day(-6);

interface View {
  handoffId: string;
  closedOn: string | null;
  targetGoLive: string | null;
  goLiveDate: string | null;
  recordedAt: string | null;
  daysToGoLive: number | null;
  daysVsTarget: number | null;
  canRecord: boolean;
}

/** The go-live view and recordGoLive, with HandoffGoLive's rules. */
function serveGoLive(t: JourneyContext, canRecord = true): { view: View } {
  const state: { view: View } = {
    view: {
      handoffId: HANDOFF_ID,
      closedOn: CLOSED_ON,
      targetGoLive: TARGET,
      goLiveDate: null,
      recordedAt: null,
      daysToGoLive: null,
      daysVsTarget: null,
      canRecord
    }
  };
  t.server.on(GET, () => JSON.parse(JSON.stringify(state.view)) as View);
  t.server.on(RECORD, (params: Record<string, unknown>) => {
    const date = params.goLiveDate as string | null;
    if (!date) {
      throw new ServerError('Enter the go-live date.');
    }
    if (date > day(0)) {
      throw new ServerError(
        'The go-live date cannot be in the future: record it once the customer is live.'
      );
    }
    if (date < CLOSED_ON) {
      throw new ServerError(`The go-live date cannot be before the deal closed (${CLOSED_ON}).`);
    }
    const previous = state.view.goLiveDate;
    state.view = {
      ...state.view,
      goLiveDate: date,
      recordedAt: new Date().toISOString(),
      daysToGoLive: daysBetween(CLOSED_ON, date),
      daysVsTarget: daysBetween(TARGET, date)
    };
    return {
      corrected: previous !== null,
      previousDate: previous,
      goLiveDate: date,
      message:
        previous === null
          ? `Go-live recorded: ${date}.`
          : `Go-live corrected: ${previous} replaced by ${date}.`
    };
  });
  return state;
}

const $ = (t: JourneyContext, selector: string) => t.page.locator(`${TAG} ${selector}`);

/** The date as the component shows it (Intl in the page, the component's own format). */
async function shown(t: JourneyContext, value: string): Promise<string> {
  return t.page.evaluate(
    (v) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(`${v}T00:00:00Z`)
      ),
    value
  );
}

/**
 * Mounts the go-live component where the intake checklist draws it: under the card's title (h2)
 * and the expanded handoff's name (h3), so its h4 section heading is in order, as in the page.
 */
async function openInChecklist(t: JourneyContext, handoffId = HANDOFF_ID): Promise<void> {
  await t.open(TAG, { handoffId }, 'Account');
  // A string runs in the page: this project's scripts are type-checked without the DOM library.
  await t.page.evaluate(`(() => {
    const root = document.getElementById('root');
    const card = document.createElement('h2');
    card.className = 'slds-text-heading_small';
    card.textContent = 'New handoffs';
    const handoff = document.createElement('h3');
    handoff.className = 'slds-text-heading_small';
    handoff.textContent = 'Globex — Expansion';
    root.prepend(card, handoff);
    // The card's white, as the checklist's lightning-card draws it around the component.
    root.classList.add('slds-theme_default');
  })()`);
}

async function enterDate(t: JourneyContext, value: string): Promise<void> {
  const input = $(t, '[data-id="form"] lightning-input input');
  await input.fill(typed(value));
  await input.press('Tab');
}

async function save(t: JourneyContext): Promise<void> {
  await $(t, '[data-id="save"] button').click();
}

const journeys: Journey[] = [
  {
    name: 'Go-live: the CSM records it, a future date is refused, a correction says so',
    async run(t) {
      serveGoLive(t);
      await openInChecklist(t);

      await t.step('target vs actual before anything is recorded', async () => {
        await $(t, '[data-id="target"]').waitFor();
        await t.expectText($(t, '[data-id="target"]'), await shown(t, TARGET));
        await t.expectText($(t, '[data-id="actual"]'), 'Not recorded yet');
        await t.expectText($(t, '[data-id="record"] button'), 'Record go-live');
        assert.deepEqual(t.server.callsTo(GET), [{ handoffId: HANDOFF_ID }]);
        await t.fitsWidth();
        await t.axe('not recorded');
      });

      await t.step(
        'Record go-live opens the date, focused, bounded by the close and today',
        async () => {
          await $(t, '[data-id="record"] button').click();
          await $(t, '[data-id="form"]').waitFor();
          assert.equal((await t.focused()).tag, 'input', 'focus in the date input');
          const input = $(t, '[data-id="form"] lightning-input');
          assert.equal(
            await input.evaluate((e) => (e as unknown as { min: string }).min),
            CLOSED_ON
          );
          assert.equal(
            await $(t, '[data-id="record"]').count(),
            0,
            'the button gives way to the form'
          );
          await t.fitsWidth();
          await t.axe('form open');
        }
      );

      await t.step("a date in the future is refused with the server's message", async () => {
        await enterDate(t, day(1));
        await save(t);
        await t.expectText(
          $(t, '[data-id="error"]'),
          'The go-live date cannot be in the future: record it once the customer is live.'
        );
        assert.deepEqual(t.server.callsTo(RECORD).at(-1), {
          handoffId: HANDOFF_ID,
          goLiveDate: day(1)
        });
        assert.equal(await $(t, '[data-id="form"]').count(), 1, 'the form stays open');
        await t.axe('refused');
      });

      await t.step('a go-live on the close day is recorded: 0 days from close', async () => {
        await enterDate(t, CLOSED_ON);
        await save(t);
        await t.expectText($(t, '[data-id="done"]'), `Go-live recorded: ${CLOSED_ON}.`);
        await t.expectText($(t, '[data-id="days"]'), '(0 days from close)');
        await t.expectText($(t, '[data-id="delta"]'), /14 days before the target/);
        await t.expectText($(t, '[data-id="status"]'), `Go-live recorded: ${CLOSED_ON}.`);
        await t.expectText($(t, '[data-id="record"] button'), 'Correct go-live');
        assert.equal((await t.focused()).text, 'Correct go-live', 'focus back on the button');
        assert.ok(t.server.callsTo(GET).length >= 2, 'the view was read again');
        await t.axe('recorded');
      });

      await t.step('a correction warns what it replaces and says so when saved', async () => {
        await $(t, '[data-id="record"] button').click();
        await t.expectText(
          $(t, '[data-id="warning"]'),
          `Saving replaces the recorded go-live (${await shown(t, CLOSED_ON)}).`
        );
        const late = day(-3);
        await enterDate(t, late);
        await save(t);
        await t.expectText(
          $(t, '[data-id="done"]'),
          `Go-live corrected: ${CLOSED_ON} replaced by ${late}.`
        );
        await t.expectText($(t, '[data-id="actual"]'), new RegExp(await shown(t, late)));
        await t.expectText($(t, '[data-id="days"]'), '(17 days from close)');
        await t.expectText($(t, '[data-id="delta"]'), /3 days after the target/);
        await t.fitsWidth();
        await t.axe('corrected');
      });
    }
  },
  {
    name: 'Go-live: recorded by keyboard',
    widths: [1280],
    async run(t) {
      serveGoLive(t);
      await openInChecklist(t);
      await $(t, '[data-id="record"]').waitFor();

      await t.step('Tab to Record go-live, Enter, type the date, Tab to Save, Enter', async () => {
        await t.tabTo((f) => f.text === 'Record go-live');
        await t.page.keyboard.press('Enter');
        await $(t, '[data-id="form"]').waitFor();
        assert.equal((await t.focused()).tag, 'input');
        await t.page.keyboard.type(typed(day(-10)));
        await t.tabTo((f) => f.text === 'Save go-live');
        await t.page.keyboard.press('Enter');
        await t.expectText($(t, '[data-id="done"]'), `Go-live recorded: ${day(-10)}.`);
        const focus = await t.focused();
        assert.notEqual(focus.tag, 'body', 'focus fell to the page after saving');
        assert.equal(focus.text, 'Correct go-live');
        await t.expectText($(t, '[data-id="days"]'), '(10 days from close)');
      });

      await t.step('Cancel by keyboard: nothing saved, focus back on the button', async () => {
        await t.page.keyboard.press('Enter');
        await $(t, '[data-id="form"]').waitFor();
        await t.tabTo((f) => f.text === 'Cancel');
        await t.page.keyboard.press('Enter');
        await $(t, '[data-id="record"]').waitFor();
        assert.equal((await t.focused()).text, 'Correct go-live');
        assert.equal(t.server.callsTo(RECORD).length, 1, 'nothing saved on cancel');
      });
    }
  },
  {
    name: 'Go-live: a read-only user sees target vs actual, nothing to record; a failed read says so',
    widths: [390],
    async run(t) {
      serveGoLive(t, false);
      await openInChecklist(t);
      await t.step('no Record go-live without edit access', async () => {
        await t.expectText($(t, '[data-id="actual"]'), 'Not recorded yet');
        assert.equal(await $(t, '[data-id="record"]').count(), 0);
        await t.axe('read only');
      });
      t.server.fail(GET, 'This handoff no longer exists or you cannot see it. Refresh the page.');
      await openInChecklist(t, 'a0H000000000002AAA');
      await t.step('a failed read shows why', async () => {
        await t.expectText(
          $(t, '[role="alert"]'),
          'Go-live could not be loaded: This handoff no longer exists or you cannot see it. Refresh the page.'
        );
        await t.axe('load error');
      });
    }
  },
  {
    name: 'Go-live: before and after launch on the dashboard, with a baseline',
    async run(t) {
      t.server.on(COMPARE, {
        hasBaseline: true,
        launchDate: '2026-06-01',
        baselinePeriod: '2025-01-06 to 2025-05-26',
        baselineDeals: 120,
        afterHandoffs: 64,
        targetPercent: 20,
        guidance: null,
        figures: [
          {
            key: 'completion',
            before: 0.5,
            after: 0.75,
            afterCount: 64,
            changePercent: 50,
            status: 'met',
            lowerIsBetter: false
          },
          {
            key: 'firstTouch',
            before: 48,
            after: 42,
            afterCount: 60,
            changePercent: 12.5,
            status: 'not-met',
            lowerIsBetter: true
          },
          {
            key: 'goLive',
            before: 40,
            after: null,
            afterCount: 0,
            changePercent: null,
            status: 'no-data',
            lowerIsBetter: true
          }
        ]
      });
      await t.open(BEFORE_AFTER, {}, 'Handoff metrics');
      const row = (key: string) => t.page.locator(`${BEFORE_AFTER} tr[data-key="${key}"]`);
      await t.step('each figure before, since launch, the change and the 20% target', async () => {
        await row('completion').waitFor();
        await t.expectText(
          t.page.locator(`${BEFORE_AFTER} [data-id="summary"]`),
          'Baseline: 120 deals closed 2025-01-06 to 2025-05-26. Since launch (2026-06-01): 64 handoffs.'
        );
        assert.deepEqual((await row('completion').locator('td').allTextContents()).map(clean), [
          '50.0%',
          '75.0%',
          '+50.0% · Target met'
        ]);
        assert.deepEqual((await row('firstTouch').locator('td').allTextContents()).map(clean), [
          '48.0',
          '42.0',
          '+12.5% · Below target'
        ]);
        assert.deepEqual((await row('goLive').locator('td').allTextContents()).map(clean), [
          '40.0',
          '–',
          '– · Not enough data'
        ]);
        await t.expectText(
          t.page.locator(`${BEFORE_AFTER} [data-id="target"]`),
          "Target: 20% better than before launch (the seed's 60–90-day review)."
        );
        assert.equal(await t.page.locator(`${BEFORE_AFTER} [data-id="guidance"]`).count(), 0);
        await t.fitsWidth();
        await t.axe('with a baseline');
      });
    }
  },
  {
    name: 'Go-live: before and after launch without a baseline says how to load it',
    async run(t) {
      const guidance =
        'No baseline loaded: run the audit on pre-launch deals, then load its baseline.json once with npm run baseline:load -- --file baseline.json (docs/audit.md, The baseline).';
      t.server.on(COMPARE, {
        hasBaseline: false,
        launchDate: '2026-06-01',
        baselinePeriod: null,
        baselineDeals: null,
        afterHandoffs: 64,
        targetPercent: 20,
        guidance,
        figures: ['completion', 'firstTouch', 'goLive'].map((key) => ({
          key,
          before: null,
          after: key === 'completion' ? 0.75 : 42,
          afterCount: 64,
          changePercent: null,
          status: 'no-data',
          lowerIsBetter: key !== 'completion'
        }))
      });
      await t.open(BEFORE_AFTER, {}, 'Handoff metrics');
      await t.step('the guidance names the command; no change is claimed', async () => {
        await t.expectText(t.page.locator(`${BEFORE_AFTER} [data-id="guidance"]`), guidance);
        assert.equal(await t.page.locator(`${BEFORE_AFTER} [data-id="summary"]`).count(), 0);
        const changes = (
          await t.page.locator(`${BEFORE_AFTER} td[data-id="change"]`).allTextContents()
        ).map(clean);
        assert.deepEqual(changes, [
          '– · Not enough data',
          '– · Not enough data',
          '– · Not enough data'
        ]);
        await t.fitsWidth();
        await t.axe('without a baseline');
      });
    }
  }
];

export default journeys;
