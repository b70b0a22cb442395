/**
 * The first-time guide (c-handoff-first-time-guide) as a person new to the process meets it: on
 * the Opportunity panel for an AE and on the intake checklist for a CSM — their place in their
 * first handoffs, the steps, their buddy (or whom to ask without one), Hide for now (kept for the
 * session, announced, focus on the note), nothing for someone past their first handoffs or when
 * the server fails (the guide is a help, never a blocker), and the same by keyboard.
 * Data: HandoffNewPeopleController.getGuide answers as the Apex class returns them.
 */
import assert from 'node:assert/strict';
import { clean, type Journey, type JourneyContext } from '../lib/harness.ts';

const GET = 'HandoffNewPeopleController.getGuide';
const TAG = 'c-handoff-first-time-guide';

const NEW_AE = {
  show: true,
  position: 2,
  firstCount: 5,
  handoffsSoFar: 1,
  buddyName: 'Dana Reyes'
};
const NEW_CSM = { show: true, position: 1, firstCount: 5, handoffsSoFar: 1, buddyName: null };

const $ = (t: JourneyContext, selector: string) => t.page.locator(`${TAG} ${selector}`);

async function steps(t: JourneyContext): Promise<string[]> {
  return (await $(t, '[data-id="steps"] li').allTextContents()).map(clean);
}

const journeys: Journey[] = [
  {
    name: 'First-time guide: a new AE on the panel reads it and hides it',
    async run(t) {
      t.server.on(GET, NEW_AE);
      await t.open(TAG, { audience: 'ae' }, 'Opportunity');

      await t.step('the guide names their place, the steps and their buddy', async () => {
        await $(t, '[data-id="guide"]').waitFor();
        await t.expectText($(t, 'h2'), 'Your first handoffs');
        await t.expectText($(t, '[data-id="position"]'), 'Handoff 2 of your first 5');
        assert.equal((await steps(t)).length, 4);
        assert.match((await steps(t))[0], /^Fill in the handoff section/);
        await t.expectText(
          $(t, '[data-id="buddy"]'),
          'Your buddy: Dana Reyes. They are copied on your first handoffs; ask them anything about the process.'
        );
        assert.deepEqual(t.server.callsTo(GET), [{ audience: 'ae' }]);
        await t.fitsWidth();
        await t.axe('shown');
      });

      await t.step('Hide for now hides it, says so and moves the focus to the note', async () => {
        await $(t, '[data-id="hide"] button').click();
        await t.expectText(
          $(t, '[data-id="hidden-note"]'),
          'First-time guide hidden until your next session.'
        );
        assert.equal(await $(t, '[data-id="guide"]').count(), 0);
        assert.equal((await t.focused()).dataId, 'hidden-note');
        await t.axe('hidden');
      });

      await t.step(
        'opened again in the same session, it stays hidden and asks nothing',
        async () => {
          const before = t.server.callsTo(GET).length;
          await t.open(TAG, { audience: 'ae' }, 'Opportunity');
          await t.page.locator(TAG).waitFor({ state: 'attached' });
          await t.page.waitForTimeout(200);
          assert.equal(await $(t, '[data-id="guide"]').count(), 0);
          assert.equal(t.server.callsTo(GET).length, before);
        }
      );
    }
  },
  {
    name: 'First-time guide: a new CSM without a buddy, by keyboard',
    async run(t) {
      t.server.on(GET, NEW_CSM);
      await t.open(TAG, { audience: 'csm' }, 'Account');
      await $(t, '[data-id="guide"]').waitFor();

      await t.step('CSM steps, and whom to ask without a buddy', async () => {
        await t.expectText($(t, '[data-id="position"]'), 'Handoff 1 of your first 5');
        assert.match((await steps(t))[0], /^Read the summary first/);
        await t.expectText(
          $(t, '[data-id="buddy"]'),
          'Ask your manager or a colleague who has done a few handoffs.'
        );
        assert.deepEqual(t.server.callsTo(GET), [{ audience: 'csm' }]);
      });

      await t.step(
        'Tab reaches Hide for now; Enter hides the guide and keeps the focus',
        async () => {
          await t.tabTo((f) => f.text === 'Hide for now');
          await t.page.keyboard.press('Enter');
          await $(t, '[data-id="hidden-note"]').waitFor();
          const focus = await t.focused();
          assert.notEqual(focus.tag, 'body', 'focus fell to the page after hiding');
          assert.equal(focus.dataId, 'hidden-note');
          await t.axe('hidden by keyboard');
        }
      );
    }
  },
  {
    name: 'First-time guide: nothing past the first handoffs, nothing on a failure',
    widths: [390],
    async run(t) {
      t.server.on(GET, {
        show: false,
        position: 7,
        firstCount: 5,
        handoffsSoFar: 6,
        buddyName: null
      });
      await t.open(TAG, { audience: 'ae' }, 'Opportunity');
      await t.step('an experienced AE sees no guide', async () => {
        await t.until('the guide asked for', () => t.server.callsTo(GET).length === 1);
        await t.page.waitForTimeout(200);
        assert.equal(await $(t, '[data-id="guide"]').count(), 0);
        assert.equal(await $(t, '[data-id="hidden-note"]').count(), 0);
      });
    }
  },
  {
    name: 'First-time guide: a server failure shows nothing and blocks nothing',
    widths: [390],
    async run(t) {
      t.server.fail(GET, 'The first-time guide could not be loaded.');
      await t.open(TAG, { audience: 'csm' }, 'Account');
      await t.step('no guide, no error on the page', async () => {
        await t.until('the guide asked for', () => t.server.callsTo(GET).length === 1);
        await t.page.waitForTimeout(200);
        assert.equal(await $(t, '[data-id="guide"]').count(), 0);
        assert.equal(clean(await t.page.locator(TAG).textContent()), '');
      });
    }
  }
];

export default journeys;
