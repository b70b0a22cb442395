/**
 * My Handoffs (c-handoff-my-handoffs) as a CSM meets it on the Handoff home page: loading, the
 * groups with their counts and second lines, refresh, the empty and error states with a retry,
 * and the same by keyboard only. Data: the Jest fixture getMyHandoffs.json.
 */
import assert from 'node:assert/strict';
import { clean, fixture, type Journey, type JourneyContext } from '../lib/harness.ts';

const GET = 'HandoffIntakeController.getMyHandoffs';
const TAG = 'c-handoff-my-handoffs';
const EMPTY = { dueSoon: [], breached: [], returned: [], onHold: [], onTrackCount: 0 };

function data(): unknown {
  return fixture('handoffMyHandoffs', 'getMyHandoffs');
}

async function texts(t: JourneyContext, selector: string): Promise<string[]> {
  return (await t.page.locator(`${TAG} ${selector}`).allTextContents()).map(clean);
}

const journeys: Journey[] = [
  {
    name: 'My Handoffs: a CSM reads and refreshes the groups',
    async run(t) {
      const loading = t.server.hold(GET);
      t.server.on(GET, data());
      await t.open(TAG, {}, 'Handoff home');

      await t.step('a labelled spinner while loading', async () => {
        const spinner = t.page.locator(`${TAG} [data-id="loading"] lightning-spinner`);
        await spinner.waitFor();
        await t.expectText(t.page.locator(`${TAG} [data-id="loading"]`), 'Loading your handoffs…');
        await t.axe('loading');
      });

      loading.release();
      await t.step('the groups, each name apart from its count', async () => {
        await t.page.locator(`${TAG} section[data-group="breached"]`).waitFor();
        assert.deepEqual(await texts(t, 'section[data-group] h2'), [
          'SLA breached 1',
          'Due soon 2',
          'Returned to Sales 1',
          'On hold 0'
        ]);
        await t.fitsWidth();
      });

      await t.step('each row: status · segment · due, in the user’s time zone', async () => {
        assert.deepEqual(await texts(t, '[data-id="meta"]'), [
          'In Review · Enterprise · Due Jan 8, 2020, 7:00 AM',
          'New · SMB · Due Jan 8, 2099, 7:00 AM',
          'Escalated · Due Jan 9, 2099, 7:00 AM',
          'Returned to Sales · Mid-Market · Returned Feb 1, 2025'
        ]);
        const breached = t.page.locator(`${TAG} li[data-row="a0B000000000011AAA"] a`);
        assert.deepEqual(await t.inPage(breached, 'attribute', 'href'), [
          '/lightning/r/a0B000000000011AAA/view',
          '/lightning/r/001000000000011AAA/view'
        ]);
        await t.expectText(
          t.page.locator(`${TAG} [data-id="on-track"]`),
          '3 more open handoffs are on track.'
        );
        await t.shot('groups', 'My Handoffs: breached, due soon, returned and on hold');
        await t.frame(
          'Start on My Handoffs: what breached its SLA, what is due soon, what went back to Sales and what is on hold.'
        );
        await t.axe('breached');
      });

      await t.step('Refresh asks again and says it is up to date', async () => {
        const before = t.server.callsTo(GET).length;
        await t.page.locator(`${TAG} button[data-action="refresh"]`).click();
        await t.expectText(
          t.page.locator(`${TAG} [data-id="announcement"]`),
          'Your handoffs are up to date.'
        );
        assert.equal(t.server.callsTo(GET).length, before + 1);
      });
    }
  },
  {
    name: 'My Handoffs: nothing open, then a failure and a retry',
    async run(t) {
      t.server.on(GET, EMPTY);
      await t.open(TAG, {}, 'Handoff home');
      await t.step('says there is nothing open, and why new ones will appear', async () => {
        await t.expectText(
          t.page.locator(`${TAG} [data-id="empty"]`),
          'You have no open handoffs as CSM. New ones appear here when a deal assigned to you closes won.'
        );
        assert.equal(await t.page.locator(`${TAG} section[data-group]`).count(), 0);
        await t.axe('empty');
      });

      await t.step('a failed refresh says what went wrong and what to do', async () => {
        t.server.fail(GET, 'You do not have access to the Handoff object.');
        await t.page.locator(`${TAG} button[data-action="refresh"]`).click();
        const error = t.page.locator(`${TAG} [data-id="load-error"]`);
        await error.waitFor();
        assert.equal(await error.getAttribute('role'), 'alert');
        await t.expectText(error.locator('h2'), 'Your handoffs could not be loaded');
        assert.match(
          clean(await error.textContent()),
          /You do not have access to the Handoff object\./
        );
        await t.shot('error', 'My Handoffs when loading fails: what happened and Try again');
        await t.axe('error');
      });

      await t.step('Retry loads the handoffs', async () => {
        t.server.on(GET, data());
        await t.page.locator(`${TAG} button[data-action="retry"]`).click();
        await t.page.locator(`${TAG} section[data-group="breached"]`).waitFor();
        assert.equal(await t.page.locator(`${TAG} [data-id="load-error"]`).count(), 0);
      });
    }
  },
  {
    name: 'My Handoffs: keyboard only',
    async run(t) {
      t.server.on(GET, data());
      await t.open(TAG, {}, 'Handoff home');
      await t.page.locator(`${TAG} section[data-group="breached"]`).waitFor();

      await t.step(
        'Tab reaches Refresh first, then each handoff and its account in order',
        async () => {
          await t.tabTo((f) => f.dataId === 'refresh');
          const order: string[] = [];
          for (let i = 0; i < 5; i++) {
            await t.page.keyboard.press('Tab');
            order.push((await t.focused()).text);
          }
          assert.deepEqual(order, ['HO-00011', 'Globex', 'HO-00012', 'Initech', 'HO-00013']);
        }
      );

      await t.step('Enter on Refresh refreshes and keeps the focus there', async () => {
        await t.tabTo((f) => f.dataId === 'refresh', 10, 'Shift+Tab');
        const before = t.server.callsTo(GET).length;
        await t.page.keyboard.press('Enter');
        await t.until('the refresh', () => t.server.callsTo(GET).length === before + 1);
        await t.expectText(
          t.page.locator(`${TAG} [data-id="announcement"]`),
          'Your handoffs are up to date.'
        );
        assert.equal((await t.focused()).dataId, 'refresh');
      });

      await t.step('after a failure, Retry by keyboard, and the focus is not lost', async () => {
        t.server.fail(GET, 'Session expired.');
        await t.page.keyboard.press('Enter');
        await t.page.locator(`${TAG} [data-id="load-error"]`).waitFor();
        await t.tabTo((f) => f.dataId === 'retry');
        t.server.on(GET, data());
        await t.page.keyboard.press('Enter');
        await t.page.locator(`${TAG} section[data-group="breached"]`).waitFor();
        const focus = await t.focused();
        assert.notEqual(focus.tag, 'body', 'focus fell to the page after Retry');
        assert.equal(focus.dataId, 'refresh');
      });
    }
  }
];

export default journeys;
