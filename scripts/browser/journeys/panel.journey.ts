/**
 * The handoff panel (c-handoff-panel and its children c-handoff-panel-*) on the Opportunity
 * record page as an AE meets it: loading, the meter and the blockers changing as fields are
 * filled (before saving), a blocker moving the focus to its field, saving, requesting an
 * exception in a dialog, reading the summary; after close (on track, breached, paused), read-only
 * fields, no rules, a load error with Try again; and the same by keyboard only. Data: the Jest
 * fixtures of handoffPanel (getRecord, getObjectInfo, getPanelConfig, getExceptionState,
 * getLatestHandoff).
 */
import assert from 'node:assert/strict';
import {
  clean,
  fixture,
  type FakeServer,
  type Journey,
  type JourneyContext
} from '../lib/harness.ts';

const C = 'HandoffPanelController';
const TAG = 'c-handoff-panel';
const RECORD_ID = '006000000000001AAA';
const TITLE = 'Acme Corp - Platform';

type Json = Record<string, unknown>;
interface RecordJson {
  fields: Record<string, { value: unknown; displayValue?: string | null }>;
}

const $ = (t: JourneyContext, selector: string) => t.page.locator(`${TAG} ${selector}`);

/** The panel's server: the record changes as updateRecord saves it. */
function answer(
  server: FakeServer,
  options: { latest?: Json | null; objectInfo?: Json; record?: RecordJson } = {}
): { record: RecordJson } {
  const record = options.record ?? fixture<RecordJson>('handoffPanel', 'getRecord');
  server
    .on(`${C}.getPanelConfig`, fixture('handoffPanel', 'getPanelConfig'))
    .on(`${C}.getExceptionState`, fixture('handoffPanel', 'getExceptionState'))
    .on(`${C}.getLatestHandoff`, options.latest ?? null)
    .on(`${C}.getPrefillSources`, fixture('handoffPanel', 'getPrefillSources'))
    .on('HandoffAiDraftController.isAvailable', false)
    .on('getRecord', () => JSON.parse(JSON.stringify(record)) as unknown)
    .on('getObjectInfo', options.objectInfo ?? fixture('handoffPanel', 'getObjectInfo'))
    .on('notifyRecordUpdateAvailable', null)
    .on('updateRecord', (params: Json) => {
      const fields = params.fields as Json;
      for (const [name, value] of Object.entries(fields)) {
        record.fields[name] = { value, displayValue: null };
      }
      return { id: RECORD_ID, fields };
    });
  return { record };
}

async function ready(t: JourneyContext): Promise<void> {
  await $(t, 'c-handoff-panel-meter [data-id="meter-text"]').waitFor({ timeout: 10_000 });
  // The fields are drawn once the form has its record.
  await field(t, 'Handoff_Business_Pain__c').waitFor({ timeout: 10_000 });
}

async function meter(t: JourneyContext): Promise<string> {
  return clean(await $(t, '[data-id="meter-text"]').textContent());
}

async function blockers(t: JourneyContext): Promise<string[]> {
  return t.inPage<string[]>($(t, '.blocker-link'), 'data', 'field');
}

function field(t: JourneyContext, apiName: string, control = 'textarea') {
  // The row's data-field: LWC sets field-name as a property, not an attribute.
  return $(t, `c-handoff-panel-fields [data-field="${apiName}"] ${control}`);
}

/** Whether the focused element is a field's row or inside it. */
async function focusIn(t: JourneyContext, apiName: string): Promise<boolean> {
  return t.page.evaluate<boolean>(
    `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; return !!e && !!e.closest('[data-field="${apiName}"]'); })()`
  );
}

const journeys: Journey[] = [
  {
    name: 'Panel: an AE fills the handoff, saves, asks for an exception and reads the summary',
    async run(t) {
      const loading = t.server.hold(`${C}.getPanelConfig`);
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, TITLE);

      await t.step('a labelled spinner while loading', async () => {
        await $(t, '[data-id="loading"] lightning-spinner').waitFor();
        await t.axe('loading');
      });
      loading.release();
      await ready(t);

      await t.step('one number for the meter, and the blank required fields as links', async () => {
        assert.match(await meter(t), /^\d+% complete/);
        assert.doesNotMatch(await meter(t), /of \d+ required/);
        const missing = await blockers(t);
        assert.ok(missing.includes('Handoff_Business_Pain__c'), missing.join(', '));
        assert.ok(missing.includes('Handoff_Scope__c'), missing.join(', '));
        // The section's title sits on its own line, above its first field's required mark.
        const legend = await $(t, 'fieldset legend').first().boundingBox();
        const first = await $(t, 'fieldset .field-label').first().boundingBox();
        assert.ok(
          legend && first && legend.y + legend.height <= first.y + 1,
          'legend beside a field'
        );
        // One visible label per field (the panel's, with its required mark): the input field's
        // own label is kept for assistive technology only, so the control is still named.
        const labels = await t.inPage<
          { label: string; visible: number; hasControl: boolean; controlName: string }[]
        >($(t, 'c-handoff-panel-fields .field-row'), 'fieldLabels');
        assert.ok(labels.length > 0, 'no field rows');
        for (const l of labels) {
          assert.equal(l.visible, 1, `"${l.label}" is shown ${l.visible} times`);
        }
        for (const l of labels.filter((x) => x.hasControl)) {
          assert.ok(
            l.controlName.includes(l.label),
            `the control of "${l.label}" is named "${l.controlName}"`
          );
        }
        // The summary is behind a closed section, not repeated below the form.
        assert.equal(await $(t, '[data-id="summary-content"]').count(), 0);
        await t.fitsWidth();
        await t.shot('panel', 'The handoff panel: segment, meter, what blocks Closed Won, fields');
        await t.frame(
          'Open the deal: the handoff panel shows its segment, how complete the handoff is and which fields still block Closed Won.'
        );
        await t.axe('open');
      });

      await t.step('a blocker moves the focus to its field', async () => {
        await $(t, '.blocker-link[data-field="Handoff_Scope__c"]').click();
        assert.ok(await focusIn(t, 'Handoff_Scope__c'), 'the focus is at Scope and Requirements');
        await t.frame(
          'Select a blocker to jump straight to its field.',
          field(t, 'Handoff_Scope__c')
        );
      });

      await t.step('filling fields moves the meter and the blockers before saving', async () => {
        const before = await meter(t);
        await field(t, 'Handoff_Business_Pain__c').fill('Onboarding takes 90 days; churn risk.');
        await field(t, 'Handoff_Business_Pain__c').blur();
        await t.until('the meter to move', async () => (await meter(t)) !== before);
        const missing = await blockers(t);
        assert.ok(!missing.includes('Handoff_Business_Pain__c'), missing.join(', '));
        await $(t, '[data-id="unsaved"]').waitFor();
        await t.frame(
          'Fill a field: the meter and the list of blockers update before you save.',
          $(t, '[data-id="unsaved"]')
        );
      });

      await t.step('Save sends the changed field only, and says it saved', async () => {
        await $(t, 'lightning-button[data-id="save"] button').click();
        await t.until('the save', () => t.server.callsTo('updateRecord').length === 1);
        assert.deepEqual(t.server.callsTo('updateRecord')[0].fields, {
          Handoff_Business_Pain__c: 'Onboarding takes 90 days; churn risk.'
        });
        await t.until(
          'the saved toast',
          async () => (await t.page.locator('#toasts [data-toast="success"]').count()) > 0
        );
        await t.until(
          'no unsaved note',
          async () => (await $(t, '[data-id="unsaved"]').count()) === 0
        );
        await t.frame('Save: only what you changed is sent, and the panel confirms it.');
      });

      await t.step(
        'the exception dialog: a visible close button, a refusal, then sent',
        async () => {
          await $(t, 'lightning-button[data-id="request-button"] button').click();
          const dialog = $(t, 'c-handoff-modal [data-id="dialog"]');
          await dialog.waitFor();
          const close = $(t, 'c-handoff-modal button[data-id="close"]');
          const [{ fill, background: bg }] = await t.inPage<{ fill: string; background: string }[]>(
            close,
            'iconColours'
          );
          assert.notEqual(fill, 'rgb(255, 255, 255)', `the close X is white (${fill} on ${bg})`);
          assert.notEqual(fill, bg, `the close X has the colour of its background (${fill})`);
          const focus = await t.focused();
          assert.equal(focus.tag, 'textarea', `focus on open: ${JSON.stringify(focus)}`);
          await t.axe('exception-dialog');
          t.server.fail(`${C}.requestException`, 'Your manager has no approver set.');
          await t.page.keyboard.type('Security review pending; goals agreed verbally.');
          const due = $(t, 'lightning-input[data-id="request-due"] input');
          // Typed as the user's locale shows dates (en-US), then committed on leaving the field.
          await due.fill('Jan 15, 2999');
          await due.press('Tab');
          await t.frame(
            'Cannot get an answer before close? Request an exception: say why, and when the information will follow. Your manager approves it.'
          );
          await $(t, 'c-handoff-modal [data-id="confirm"]').click();
          await t.expectText($(t, 'c-handoff-modal [data-id="error"]'), /no approver set/);
          await t.shot('exception-refused', 'A refused exception request keeps the dialog open');
          t.server.on(`${C}.requestException`, {
            exceptionStatus: 'Requested',
            reason: 'Security review pending; goals agreed verbally.',
            dueDate: '2999-01-15',
            requestedAt: '2026-03-02T17:00:00.000Z',
            pending: true,
            approverName: 'Morgan Manager',
            decidedAt: null
          });
          await $(t, 'c-handoff-modal [data-id="confirm"]').click();
          await t.until('the dialog to close', async () => (await dialog.count()) === 0);
          assert.deepEqual(t.server.callsTo(`${C}.requestException`).at(-1), {
            opportunityId: RECORD_ID,
            reason: 'Security review pending; goals agreed verbally.',
            dueDate: '2999-01-15'
          });
          assert.equal((await t.focused()).dataId, 'exception-status');
          await t.frame(
            'The request is pending with your manager; the panel shows its status.',
            $(t, '[data-id="exception-status"]')
          );
        }
      );

      await t.step('the summary opens in place', async () => {
        await $(t, 'button[data-id="summary-toggle"]').click();
        await $(t, '[data-id="summary-content"]').waitFor();
        assert.equal(
          await $(t, 'button[data-id="summary-toggle"]').getAttribute('aria-expanded'),
          'true'
        );
        await t.fitsWidth();
        await t.frame(
          'Open the summary to read the handoff as Customer Success will receive it.',
          $(t, '[data-id="summary-content"]')
        );
        await t.axe('summary');
      });
    }
  },
  {
    name: 'Panel: after close — on track, breached, paused',
    async run(t) {
      const latest = fixture<Json>('handoffPanel', 'getLatestHandoff');
      answer(t.server, { latest });
      await t.open(TAG, { recordId: RECORD_ID }, TITLE);
      await ready(t);

      await t.step(
        'closed: the CSM and the SLA clock; no blockers, no exception request',
        async () => {
          await $(t, '[data-id="after-close"]').waitFor();
          await t.expectText($(t, '[data-id="csm-name"]'), 'Casey Success');
          assert.equal(await $(t, 'c-handoff-panel-blockers').count(), 0);
          assert.equal(await $(t, '[data-id="request-button"]').count(), 0);
          await t.fitsWidth();
          await t.shot('closed', 'After close: status, CSM and the first-touch clock');
          await t.frame(
            'After Closed Won, the panel names the CSM and shows the handoff status and the first-touch clock.'
          );
          await t.axe('closed');
        }
      );

      await t.step('breached', async () => {
        answer(t.server, {
          latest: { ...latest, firstTouchDueAt: '2020-01-01T00:00:00.000Z', slaBreached: true }
        });
        await t.open(TAG, { recordId: RECORD_ID }, TITLE);
        await ready(t);
        await $(t, '[data-id="sla"]').waitFor();
        assert.match(clean(await $(t, '[data-id="sla"]').textContent()), /\S/);
        await t.axe('breached');
      });

      await t.step('paused', async () => {
        answer(t.server, { latest: { ...latest, slaPaused: true } });
        await t.open(TAG, { recordId: RECORD_ID }, TITLE);
        await ready(t);
        await $(t, '[data-id="sla"]').waitFor();
        await t.axe('paused');
      });
    }
  },
  {
    name: 'Panel: read-only, a failed load and Try again',
    async run(t) {
      const info = fixture<{ fields: Record<string, Json> }>('handoffPanel', 'getObjectInfo');
      for (const f of Object.values(info.fields)) {
        f.updateable = false;
      }
      answer(t.server, { objectInfo: info as unknown as Json });
      await t.open(TAG, { recordId: RECORD_ID }, TITLE);
      await ready(t);

      await t.step('read-only fields cannot be typed in', async () => {
        assert.equal(await field(t, 'Handoff_Business_Pain__c').isEditable(), false);
        await t.axe('read-only');
      });

      await t.step('a failed load says what went wrong; Try again loads it', async () => {
        answer(t.server);
        t.server.fail(
          `${C}.getPanelConfig`,
          'You do not have access to the Apex class HandoffPanelController.'
        );
        await t.open(TAG, { recordId: RECORD_ID }, TITLE);
        const error = $(t, '[data-id="load-error"]');
        await error.waitFor();
        assert.match(clean(await error.textContent()), /do not have access/);
        await t.shot('error', 'The panel when loading fails: what happened and Try again');
        await t.axe('error');
        t.server.on(`${C}.getPanelConfig`, fixture('handoffPanel', 'getPanelConfig'));
        await $(t, 'button[data-id="retry"]').click();
        await ready(t);
        assert.equal(await error.count(), 0);
        const focus = await t.focused();
        assert.notEqual(focus.tag, 'body', 'focus fell to the page after Try again');
        assert.equal(focus.dataId, 'segment-heading');
      });
    }
  },
  {
    name: 'Panel: keyboard only',
    async run(t) {
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, TITLE);
      await ready(t);

      await t.step('Tab reaches the first blocker; Enter puts the focus in its field', async () => {
        await t.tabTo((f) => f.tag === 'button' && f.text === 'Business Pain');
        await t.page.keyboard.press('Enter');
        assert.ok(await focusIn(t, 'Handoff_Business_Pain__c'), 'the focus is at Business Pain');
        // lightning-input-field takes no focus itself: the row has it, the next Tab is the input.
        if ((await t.focused()).tag !== 'textarea') {
          await t.page.keyboard.press('Tab');
        }
        assert.equal((await t.focused()).tag, 'textarea');
        await t.page.keyboard.type('Typed by keyboard.');
        await t.until(
          'the blocker to go',
          async () => !(await blockers(t)).includes('Handoff_Business_Pain__c')
        );
      });

      await t.step('the exception dialog by keyboard: Esc gives the focus back', async () => {
        await t.tabTo((f) => f.text === 'Request an exception', 80);
        await t.page.keyboard.press('Enter');
        await $(t, 'c-handoff-modal [data-id="dialog"]').waitFor();
        assert.equal((await t.focused()).tag, 'textarea');
        await t.page.keyboard.press('Escape');
        await t.until(
          'the dialog to close',
          async () => (await $(t, 'c-handoff-modal').count()) === 0
        );
        const focus = await t.focused();
        assert.equal(focus.text, 'Request an exception', JSON.stringify(focus));
      });
    }
  }
];

export default journeys;
