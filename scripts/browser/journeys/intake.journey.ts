/**
 * The intake checklist (c-handoff-intake-checklist and its children c-handoff-intake-item,
 * -actions, -form, with c-handoff-modal) on the Handoff and Account record pages as a CSM meets
 * it: loading, verifying items until Accept is possible, accepting with the quality question
 * (docs/behaviour.md, "Handoff quality": a 3 naming two of the deal's rule set fields), returning
 * to Sales with reasons and the question skipped with a reason, logging the first touch and
 * escalating from the menu; a failed action and where the focus goes; the same by keyboard only
 * (Accept's dialog opens on the score); and the empty, error, read-only, closed, breached and
 * paused states, each scanned by axe. Data: the Jest fixture getIntakeView.json, changed by the
 * fake server as the Apex methods would change it; the checklist's children (the CS team,
 * go-live, the first-time guide) answered as for a CSM with nothing of theirs to show.
 */
import assert from 'node:assert/strict';
import {
  clean,
  fixture,
  type FakeServer,
  type Journey,
  type JourneyContext
} from '../lib/harness.ts';

const C = 'HandoffIntakeController';
const TAG = 'c-handoff-intake-checklist';
const RECORD_ID = '001000000000001AAA';
const FIRST = 'a0B000000000001AAA';
const OPEN_ITEM = 'a0C000000000002AAA';

interface Item {
  id: string;
  item: string;
  required: boolean;
  status: string;
  statusLabel: string;
  notes: string | null;
}
interface Handoff {
  id: string;
  name: string;
  status: string;
  statusLabel: string;
  items: Item[];
  [key: string]: unknown;
}
interface View {
  handoffs: Handoff[];
  [key: string]: unknown;
}
type Params = Record<string, unknown>;

/** The deal's rule set fields (HandoffIntakeController.getQualityFieldOptions). */
const QUALITY_FIELDS = [
  { value: 'Handoff_Customer_Goals__c', label: 'Customer Goals' },
  { value: 'Handoff_Champion__c', label: 'Champion' },
  { value: 'Handoff_Success_Criteria__c', label: 'Success Criteria' }
];

const $ = (t: JourneyContext, selector: string) => t.page.locator(`${TAG} ${selector}`);

function view(): View {
  return fixture<View>('handoffIntakeChecklist', 'getIntakeView');
}

/** Closes a handoff's actions as the controller does once it leaves intake. */
function leaveIntake(h: Handoff, status: string): void {
  Object.assign(h, {
    status,
    statusLabel: status,
    canAccept: false,
    canReturn: false,
    canEscalate: false,
    canEditChecklist: false
  });
}

/** The checklist's server: the view changes as the Apex methods change the records. */
function answer(server: FakeServer, data: View = view()): View {
  const find = (id: unknown): Handoff => {
    const h = data.handoffs.find((x) => x.id === id);
    assert.ok(h, `no handoff ${String(id)}`);
    return h;
  };
  server
    .on(`${C}.getIntakeView`, () => JSON.parse(JSON.stringify(data)) as unknown)
    .on('notifyRecordUpdateAvailable', null)
    .on(`${C}.saveItem`, (p: Params) => {
      for (const h of data.handoffs) {
        for (const i of h.items) {
          if (i.id === p.itemId) {
            Object.assign(i, { status: p.status, statusLabel: p.status, notes: p.notes });
          }
        }
      }
      return null;
    })
    .on(`${C}.getQualityFieldOptions`, QUALITY_FIELDS)
    .on(`${C}.acceptHandoffWithAnswer`, (p: Params) => {
      leaveIntake(find(p.handoffId), 'Accepted');
      return null;
    })
    .on(`${C}.returnToSalesWithAnswer`, (p: Params) => {
      const h = find(p.handoffId);
      leaveIntake(h, 'Returned to Sales');
      Object.assign(h, {
        returnReasons: p.reasons,
        returnReasonLabels: p.reasons,
        returnNotes: p.notes,
        returnedAt: '2026-03-02T17:00:00.000Z',
        returnCount: 1
      });
      return null;
    })
    .on(`${C}.logFirstTouch`, (p: Params) => {
      Object.assign(find(p.handoffId), {
        firstTouchAt: p.touchedAt,
        firstTouchChannel: p.channel,
        canLogFirstTouch: false
      });
      return null;
    })
    .on(`${C}.escalate`, (p: Params) => {
      const h = find(p.handoffId);
      Object.assign(h, {
        status: 'Escalated',
        statusLabel: 'Escalated',
        escalationLevel: 1,
        escalationCount: 1
      });
      return null;
    })
    // The children's reads: a CSM past the first handoffs, no CS roles, no go-live yet.
    .on('HandoffNewPeopleController.getGuide', { show: false })
    .on('HandoffTeamController.getTeamView', () => {
      const team = fixture<{ canReassign: boolean; members: { primary: boolean }[] }>(
        'handoffIntakeTeam',
        'getTeamView'
      );
      return { canReassign: false, members: team.members.filter((m) => m.primary) };
    })
    .on('HandoffGoLiveController.getGoLive', (p: Params) => ({
      handoffId: p.handoffId,
      goLiveDate: null,
      canRecord: false
    }));
  return data;
}

async function ready(t: JourneyContext): Promise<void> {
  await $(t, `c-handoff-intake-actions[data-id="${FIRST}"]`).waitFor({ timeout: 10_000 });
}

function accept(t: JourneyContext) {
  return $(t, `li[data-handoff="${FIRST}"] button[data-action="accept"]`);
}

async function announced(t: JourneyContext, text: string): Promise<void> {
  await t.expectText($(t, '[data-id="announcement"]'), text);
}

/** Opens a form from the "More actions" menu by its item's label. */
async function fromMenu(t: JourneyContext, label: string): Promise<void> {
  await $(t, `li[data-handoff="${FIRST}"] lightning-button-menu button`).first().click();
  await $(t, `li[data-handoff="${FIRST}"] lightning-menu-item`)
    .filter({ hasText: label })
    .locator('a, [role="menuitem"]')
    .first()
    .click();
  await $(t, 'c-handoff-modal [data-id="dialog"]').waitFor();
}

/** The focused element's type and value, through shadow roots (the score is a radio button). */
async function focusedRadio(t: JourneyContext): Promise<{ type: string; value: string }> {
  // A string, as the harness's own page scripts: the scripts' type check has no DOM types.
  return t.page.evaluate<{ type: string; value: string }>(`(() => {
    let element = document.activeElement;
    while (element && element.shadowRoot && element.shadowRoot.activeElement) {
      element = element.shadowRoot.activeElement;
    }
    return { type: element ? element.type || '' : '', value: element ? element.value || '' : '' };
  })()`);
}

/** Chooses a score in the open dialog's quality question. */
async function score(t: JourneyContext, value: string): Promise<void> {
  await $(t, 'c-handoff-quality-question lightning-radio-group label')
    .filter({ hasText: new RegExp(`^\\s*${value}\\s*$`) })
    .click();
}

async function focusIsNotLost(t: JourneyContext, after: string): Promise<void> {
  const focus = await t.focused();
  assert.notEqual(focus.tag, 'body', `the focus fell to the page after ${after}`);
}

const journeys: Journey[] = [
  {
    name: 'Intake: a CSM verifies the open items and accepts',
    async run(t) {
      const loading = t.server.hold(`${C}.getIntakeView`);
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, 'Acme');

      await t.step('a labelled spinner while loading', async () => {
        await $(t, '[data-id="loading"] lightning-spinner').waitFor();
        await t.axe('loading');
      });
      loading.release();
      await ready(t);

      await t.step('Accept is disabled, with what is still open beside it', async () => {
        assert.equal(await accept(t).isDisabled(), true);
        const hint = $(t, `li[data-handoff="${FIRST}"] [data-id="accept-hint"]`);
        assert.match(clean(await hint.textContent()), /Still open: Stakeholders confirmed\./);
        // The hint sits beside (or, on a phone, just under) Accept, not below every action.
        const button = await accept(t).boundingBox();
        const box = await hint.boundingBox();
        assert.ok(button && box, 'Accept and its hint are drawn');
        assert.ok(box.y - (button.y + button.height) < 24, 'the hint is far from Accept');
        await t.fitsWidth();
        await t.shot('intake', 'The intake checklist: items to verify, Accept and its hint');
        await t.frame(
          'On the Account, the intake checklist lists what to verify. Accept stays disabled, with what is still open beside it.'
        );
        await t.axe('open');
      });

      await t.step('verifying the open item saves it and enables Accept', async () => {
        await $(t, `li[data-item="${OPEN_ITEM}"] lightning-radio-group label`)
          .filter({ hasText: 'Verified' })
          .click();
        await t.until('the save', () => t.server.callsTo(`${C}.saveItem`).length === 1);
        assert.deepEqual(t.server.callsTo(`${C}.saveItem`)[0], {
          itemId: OPEN_ITEM,
          status: 'Verified',
          notes: ''
        });
        await announced(t, 'Stakeholders confirmed: Verified.');
        await t.until('Accept to be enabled', async () => !(await accept(t).isDisabled()));
        assert.equal(await $(t, '[data-id="accept-hint"]').count(), 0);
        await t.frame('Mark each item Verified as you check it; it saves at once.', accept(t));
      });

      await t.step('Accept opens the question, with the focus on the score', async () => {
        await accept(t).click();
        await $(t, 'c-handoff-modal [data-id="dialog"]').waitFor();
        await t.until('the rule set fields to be read', () =>
          t.server.callsTo(`${C}.getQualityFieldOptions`).some((p) => p.handoffId === FIRST)
        );
        assert.deepEqual(await focusedRadio(t), { type: 'radio', value: '1' });
        assert.equal(t.server.callsTo(`${C}.acceptHandoffWithAnswer`).length, 0);
        await t.fitsWidth();
        await t.axe('accept-dialog');
      });

      await t.step('a 3 asks which fields; two named, it accepts and says so', async () => {
        await score(t, '3');
        const fields = $(t, 'c-handoff-quality-question lightning-checkbox-group');
        await fields.waitFor();
        assert.deepEqual(
          (await fields.locator('label').allTextContents()).map(clean),
          QUALITY_FIELDS.map((f) => f.label)
        );
        for (const name of ['Customer Goals', 'Champion']) {
          await fields.locator('label').filter({ hasText: name }).click();
        }
        await t.shot(
          'accept-question',
          'Accepting: did you get what you needed? Below 4, which fields'
        );
        await t.frame(
          'Accept asks one question: did you get what you needed? Below 4, tick the fields that were missing or wrong.'
        );
        await t.axe('accept-gap-fields');
        await $(t, 'c-handoff-modal [data-id="confirm"]').click();
        await t.until(
          'the accept',
          () => t.server.callsTo(`${C}.acceptHandoffWithAnswer`).length === 1
        );
        assert.deepEqual(t.server.callsTo(`${C}.acceptHandoffWithAnswer`)[0], {
          handoffId: FIRST,
          answer: {
            score: 3,
            gapFields: ['Handoff_Customer_Goals__c', 'Handoff_Champion__c'],
            skipped: false,
            skipReason: ''
          }
        });
        await t.until(
          'the dialog to close',
          async () => (await $(t, 'c-handoff-modal').count()) === 0
        );
        await announced(t, 'HO-00001 accepted.');
        await t.expectText($(t, `li[data-handoff="${FIRST}"] [data-id="status"]`), 'Accepted');
        await focusIsNotLost(t, 'Accept');
        await t.fitsWidth();
        await t.shot('accepted', 'An accepted handoff: the checklist is read-only');
        await t.frame(
          'Accept the handoff when everything is verified; the checklist becomes read-only.'
        );
        await t.axe('closed');
      });
    }
  },
  {
    name: 'Intake: a CSM returns a handoff to Sales with reasons',
    async run(t) {
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
      await ready(t);

      await t.step('the return dialog opens with the focus on its first field', async () => {
        await $(t, `li[data-handoff="${FIRST}"] button[data-form="return"]`).click();
        await $(t, 'c-handoff-modal [data-id="dialog"]').waitFor();
        const focus = await t.focused();
        assert.equal(focus.tag, 'input', `focus on open: ${JSON.stringify(focus)}`);
        await t.fitsWidth();
        await t.axe('return-dialog');
      });

      await t.step('no reason: the dialog says what to fix and sends nothing', async () => {
        await $(t, 'c-handoff-modal [data-id="confirm"]').click();
        await $(t, 'c-handoff-modal [data-id="error"]').waitFor();
        assert.equal(t.server.callsTo(`${C}.returnToSalesWithAnswer`).length, 0);
      });

      await t.step(
        'with a reason, a note and the question skipped it returns the handoff',
        async () => {
          await $(t, 'c-handoff-modal lightning-checkbox-group label')
            .filter({ hasText: 'Missing information' })
            .click();
          await $(t, 'c-handoff-modal lightning-textarea[data-field="notes"] textarea').fill(
            'Stakeholder list is empty.'
          );
          await $(t, 'c-handoff-modal lightning-textarea[data-field="notes"] textarea').blur();
          // The return is fixed; the question is not answered yet, so the banner stays.
          await $(t, 'c-handoff-modal [data-id="error"]').waitFor();
          await $(t, 'c-handoff-quality-question [data-field="skip"] label').first().click();
          const why = $(t, 'c-handoff-quality-question [data-field="skipReason"] textarea');
          await why.fill('Call with the AE first.');
          await why.blur();
          // Fixed: the refusal's banner goes.
          await t.until(
            'the banner to go',
            async () => (await $(t, 'c-handoff-modal [data-id="error"]').count()) === 0
          );
          // Skipped: the score is disabled and not required.
          assert.equal(
            await $(t, 'c-handoff-quality-question lightning-radio-group input')
              .first()
              .isDisabled(),
            true
          );
          await t.axe('return-skipped');
          await t.shot('return', 'Returning a handoff to Sales: reasons, what to fix, due date');
          await t.frame(
            'Something missing or wrong? Return the handoff to Sales with the reasons and what to fix; the AE gets a task.'
          );
          await $(t, 'c-handoff-modal [data-id="confirm"]').click();
          await t.until(
            'the return',
            () => t.server.callsTo(`${C}.returnToSalesWithAnswer`).length === 1
          );
          const sent = t.server.callsTo(`${C}.returnToSalesWithAnswer`)[0];
          // The form's default due date (a date input's value) goes with the return.
          assert.match(String(sent.dueDate), /^\d{4}-\d{2}-\d{2}$/);
          assert.deepEqual(sent, {
            handoffId: FIRST,
            reasons: ['Missing information'],
            notes: 'Stakeholder list is empty.',
            dueDate: sent.dueDate,
            answer: {
              score: null,
              gapFields: [],
              skipped: true,
              skipReason: 'Call with the AE first.'
            }
          });
          await t.until(
            'the dialog to close',
            async () => (await $(t, 'c-handoff-modal').count()) === 0
          );
          await announced(t, 'HO-00001 returned to Sales. The AE has a task and a notification.');
          await $(t, `li[data-handoff="${FIRST}"] [data-id="returned"]`).waitFor();
          await focusIsNotLost(t, 'returning the handoff');
          await t.axe('returned');
        }
      );
    }
  },
  {
    name: 'Intake: a CSM logs the first touch and escalates from the menu',
    async run(t) {
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
      await ready(t);

      await t.step('Log first touch: when (now by default) and a channel', async () => {
        await fromMenu(t, 'Log first touch');
        await t.axe('first-touch-dialog');
        await $(
          t,
          'c-handoff-modal lightning-combobox button, c-handoff-modal lightning-combobox input'
        )
          .first()
          .click();
        await $(t, 'c-handoff-modal lightning-base-combobox-item')
          .filter({ hasText: 'Phone' })
          .click();
        await $(t, 'c-handoff-modal [data-id="confirm"]').click();
        await t.frame(
          'Log the first touch from the menu: when (now by default) and the channel. It stops the SLA clock.'
        );
        await t.until('the log', () => t.server.callsTo(`${C}.logFirstTouch`).length === 1);
        const sent = t.server.callsTo(`${C}.logFirstTouch`)[0];
        assert.equal(sent.channel, 'Phone');
        assert.ok(typeof sent.touchedAt === 'string' && sent.touchedAt !== '', 'no time sent');
        await announced(t, 'First touch logged for HO-00001. The SLA clock is stopped.');
        await focusIsNotLost(t, 'logging the first touch');
      });

      await t.step('Escalate: what is missing, then sent; the focus goes back', async () => {
        await fromMenu(t, 'Escalate');
        assert.equal((await t.focused()).tag, 'textarea');
        await t.page.keyboard.type('Stakeholders unknown; AE not answering.');
        await t.frame(
          'Escalate what is missing and cannot be resolved with the AE: the recipients are notified.'
        );
        await $(t, 'c-handoff-modal [data-id="confirm"]').click();
        await t.until('the escalation', () => t.server.callsTo(`${C}.escalate`).length === 1);
        assert.deepEqual(t.server.callsTo(`${C}.escalate`)[0], {
          handoffId: FIRST,
          reason: 'Stakeholders unknown; AE not answering.'
        });
        await announced(t, 'HO-00001 escalated. The recipients were notified.');
        await focusIsNotLost(t, 'escalating');
        await t.fitsWidth();
        await t.axe('escalated');
      });
    }
  },
  {
    name: 'Intake: a failed action, and keyboard only',
    async run(t) {
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
      await ready(t);

      await t.step('a failed save says why and takes the focus', async () => {
        t.server.fail(`${C}.saveItem`, 'This handoff was changed by someone else.');
        await $(t, `li[data-item="${OPEN_ITEM}"] lightning-radio-group label`)
          .filter({ hasText: 'Verified' })
          .click();
        const error = $(t, '[data-id="action-error-message"]');
        await error.waitFor();
        assert.match(clean(await error.textContent()), /changed by someone else/);
        await t.until(
          'the focus on the error',
          async () => (await t.focused()).dataId === 'action-error-message'
        );
        await t.shot('action-failed', 'A failed action: what happened, with the focus on it');
        await t.axe('action-failed');
      });

      await t.step('a refused form keeps its dialog and focuses the refusal', async () => {
        t.server.fail(`${C}.escalate`, 'Escalation is off for this segment.');
        await fromMenu(t, 'Escalate');
        await t.page.keyboard.type('Need the stakeholder list.');
        await $(t, 'c-handoff-modal [data-id="confirm"]').click();
        await t.expectText($(t, 'c-handoff-modal [data-id="error"]'), /Escalation is off/);
        await t.until(
          'the focus on the refusal',
          async () => (await t.focused()).dataId === 'error'
        );
        await t.page.keyboard.press('Escape');
        await t.until(
          'the dialog to close',
          async () => (await $(t, 'c-handoff-modal').count()) === 0
        );
      });

      await t.step('Return to Sales by keyboard; Esc gives the focus back', async () => {
        await t.tabTo((f) => f.text === 'Return to Sales', 80);
        await t.page.keyboard.press('Enter');
        await $(t, 'c-handoff-modal [data-id="dialog"]').waitFor();
        await t.page.keyboard.press('Escape');
        await t.until(
          'the dialog to close',
          async () => (await $(t, 'c-handoff-modal').count()) === 0
        );
        await t.until(
          'the focus back on Return to Sales',
          async () => (await t.focused()).text === 'Return to Sales'
        );
      });
    }
  },
  {
    name: 'Intake: a CSM accepts by keyboard',
    async run(t) {
      const data = view();
      for (const item of data.handoffs[0].items) {
        Object.assign(item, { status: 'Verified', statusLabel: 'Verified' });
      }
      answer(t.server, data);
      await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
      await ready(t);

      await t.step('Accept by keyboard: the dialog opens on the score', async () => {
        await t.tabTo((f) => f.dataId === 'accept', 80);
        await t.page.keyboard.press('Enter');
        await $(t, 'c-handoff-modal [data-id="dialog"]').waitFor();
        await t.until(
          'the focus on the score',
          async () => (await focusedRadio(t)).type === 'radio'
        );
        assert.deepEqual(await focusedRadio(t), { type: 'radio', value: '1' });
      });

      await t.step('Space and the arrows choose 3; Enter on Accept sends it', async () => {
        await t.page.keyboard.press('Space');
        await t.page.keyboard.press('ArrowRight');
        await t.page.keyboard.press('ArrowRight');
        assert.deepEqual(await focusedRadio(t), { type: 'radio', value: '3' });
        // Below 4: the deal's fields are offered.
        await $(t, 'c-handoff-quality-question lightning-checkbox-group').waitFor();
        await t.axe('accept-keyboard');
        await t.tabTo((f) => f.dataId === 'confirm', 20);
        await t.page.keyboard.press('Enter');
        await t.until(
          'the accept',
          () => t.server.callsTo(`${C}.acceptHandoffWithAnswer`).length === 1
        );
        assert.deepEqual(t.server.callsTo(`${C}.acceptHandoffWithAnswer`)[0], {
          handoffId: FIRST,
          answer: { score: 3, gapFields: [], skipped: false, skipReason: '' }
        });
        await announced(t, 'HO-00001 accepted.');
        await focusIsNotLost(t, 'accepting by keyboard');
      });
    }
  },
  {
    name: 'Intake: empty, error, read-only, breached and paused',
    async run(t) {
      await t.step('no open handoffs: says why one will appear', async () => {
        answer(t.server, { ...view(), handoffs: [] });
        await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
        await $(t, '[data-id="empty"]').waitFor();
        assert.match(clean(await $(t, '[data-id="empty"]').textContent()), /no open handoffs/);
        await t.axe('empty');
      });

      await t.step('a failed load says what went wrong; Try again loads it', async () => {
        answer(t.server);
        t.server.fail(`${C}.getIntakeView`, 'You do not have access to the Handoff object.');
        await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
        const error = $(t, '[data-id="load-error"]');
        await error.waitFor();
        assert.match(clean(await error.textContent()), /do not have access/);
        await t.shot(
          'intake-error',
          'The checklist when loading fails: what happened and Try again'
        );
        await t.axe('error');
        answer(t.server);
        await $(t, 'button[data-action="retry"]').click();
        await ready(t);
        await focusIsNotLost(t, 'Try again');
      });

      await t.step('read-only: an AE reads the checklist', async () => {
        const data = view();
        for (const h of data.handoffs) {
          Object.assign(h, {
            isAe: true,
            canEditChecklist: false,
            canAccept: false,
            canReturn: false,
            canEscalate: false,
            canLogFirstTouch: false,
            canRecordRepeatAsk: false
          });
        }
        answer(t.server, { ...data, canEditIntake: false });
        await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
        await $(t, `li[data-handoff="${FIRST}"] [data-id="checklist"]`).waitFor();
        assert.equal(await $(t, 'lightning-radio-group').count(), 0);
        await t.axe('read-only');
      });

      await t.step('breached', async () => {
        const data = view();
        Object.assign(data.handoffs[0], {
          slaBreached: true,
          firstTouchDueAt: '2020-01-01T00:00:00.000Z'
        });
        answer(t.server, data);
        await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
        await $(t, `li[data-handoff="${FIRST}"] [data-id="sla-breached"]`).waitFor();
        await t.axe('breached');
      });

      await t.step('paused', async () => {
        const data = view();
        Object.assign(data.handoffs[0], { slaPaused: true });
        answer(t.server, data);
        await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
        await $(t, `li[data-handoff="${FIRST}"] [data-id="sla-paused"]`).waitFor();
        await t.axe('paused');
      });

      await t.step('stakeholder changes since close: who and how, linked (issue 16)', async () => {
        const data = view();
        Object.assign(data.handoffs[0], {
          stakeholderChanges: [
            {
              id: 'a0S000000000001AAA',
              contactId: '003000000000001AAA',
              name: 'Ada Champion',
              roles: 'Champion; Decision Maker',
              status: 'Left Account',
              statusLabel: 'Left Account',
              detail: 'Other Corp',
              changedAt: '2026-03-02T06:00:00.000Z'
            },
            {
              id: 'a0S000000000002AAA',
              contactId: null,
              name: 'Di Gone',
              roles: 'Technical Contact',
              status: 'Contact Deleted',
              statusLabel: 'Contact Deleted',
              detail: null,
              changedAt: '2026-03-02T06:00:00.000Z'
            }
          ]
        });
        answer(t.server, data);
        await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
        const notice = $(t, `li[data-handoff="${FIRST}"] [data-id="stakeholder-changes"]`);
        await notice.waitFor();
        const text = clean(await notice.textContent());
        assert.match(text, /Stakeholder changes/);
        assert.match(
          text,
          /Ada Champion \(Champion; Decision Maker\): left the account, now at Other Corp/
        );
        assert.match(text, /Di Gone \(Technical Contact\): contact deleted/);
        assert.equal(
          await notice.locator('a[data-id="stakeholder-contact"]').getAttribute('href'),
          '/lightning/r/003000000000001AAA/view'
        );
        await t.fitsWidth();
        await t.axe('stakeholder-changes');
      });
    }
  }
];

export default journeys;
