/**
 * The handoff panel (c-handoff-panel and its children c-handoff-panel-*) on the Opportunity
 * record page as an AE meets it: loading, the meter and the blockers changing as fields are
 * filled (before saving), a blocker moving the focus to its field, saving, requesting an
 * exception in a dialog, reading the summary; after close (on track, breached, paused), read-only
 * fields, no rules, a load error with Try again; and the same by keyboard only. Pre-fill (issue
 * 16): the suggestions from the deal's own data beside the empty fields, accepted one by one or
 * all at once, dismissed, never over a typed value, saved with Handoff_Prefilled_Fields__c, and by
 * keyboard; Draft with AI (held, answered, refused). Data: the Jest fixtures of handoffPanel
 * (getRecord, getObjectInfo, getPanelConfig, getExceptionState, getLatestHandoff,
 * getPrefillSources); the expected meter figures come from c/handoffRules' evaluate, the
 * evaluator the panel runs, over the same fixtures.
 */
import assert from 'node:assert/strict';
import {
  clean,
  fixture,
  type FakeServer,
  type Journey,
  type JourneyContext
} from '../lib/harness.ts';
import { evaluate } from '../../../force-app/main/default/lwc/handoffRules/handoffRules.ts';
import type { RuleConfig } from '../../../force-app/main/default/lwc/handoffRules/handoffRules.ts';

const C = 'HandoffPanelController';
const TAG = 'c-handoff-panel';
const RECORD_ID = '006000000000001AAA';
const TITLE = 'Acme Corp - Platform';
/** The deal's handoff (getLatestHandoff.json's id). */
const HANDOFF_ID = 'a01000000000001AAA';

type Json = Record<string, unknown>;
interface RecordJson {
  fields: Record<string, { value: unknown; displayValue?: string | null }>;
}

const $ = (t: JourneyContext, selector: string) => t.page.locator(`${TAG} ${selector}`);

/** The panel's server: the record changes as updateRecord saves it. */
function answer(
  server: FakeServer,
  options: {
    latest?: Json | null;
    objectInfo?: Json;
    record?: RecordJson;
    ai?: boolean;
    feedback?: Json;
  } = {}
): { record: RecordJson } {
  const record = options.record ?? fixture<RecordJson>('handoffPanel', 'getRecord');
  server
    .on(`${C}.getPanelConfig`, fixture('handoffPanel', 'getPanelConfig'))
    .on(`${C}.getExceptionState`, fixture('handoffPanel', 'getExceptionState'))
    .on(`${C}.getLatestHandoff`, options.latest ?? null)
    .on(`${C}.getPrefillSources`, fixture('handoffPanel', 'getPrefillSources'))
    .on('HandoffAiDraftController.isAvailable', options.ai === true)
    // The panel's children: a first-time guide for AEs past their first handoffs (nothing to
    // show) and the AE's question from Customer Success (nothing to answer unless given).
    .on('HandoffNewPeopleController.getGuide', { show: false })
    .on(`${C}.getAeFeedback`, options.feedback ?? { handoffId: null, canAnswer: false })
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

/** The pre-fill fixture's suggestions, as the panel shows them (value, and where it came from). */
const SUGGESTED = {
  Handoff_Executive_Sponsor__c: {
    label: 'Executive Sponsor',
    value: '003000000000002AAA',
    shown: 'Sam Okafor',
    source: 'From contact role: Economic Buyer',
    mapping: 'Executive_Sponsor_Contact_Role'
  },
  Handoff_Technical_Contact__c: {
    label: 'Technical Contact',
    value: '003000000000003AAA',
    shown: 'Lee Chen',
    source: 'From contact role: Technical Buyer',
    mapping: 'Technical_Contact_Contact_Role'
  },
  Handoff_Stakeholders__c: {
    label: 'Stakeholder Map',
    value:
      'Priya Raman | VP Customer Operations | Decision Maker (primary) | priya@example.com\n' +
      'Sam Okafor | CFO | Economic Buyer | sam@example.com\n' +
      'Lee Chen | IT Director | Technical Buyer',
    shown:
      'Priya Raman | VP Customer Operations | Decision Maker (primary) | priya@example.com ' +
      'Sam Okafor | CFO | Economic Buyer | sam@example.com ' +
      'Lee Chen | IT Director | Technical Buyer',
    source: "From the deal's contact roles: Decision Maker, Economic Buyer, Technical Buyer",
    mapping: 'Stakeholders_Contact_Roles'
  },
  Handoff_Scope__c: {
    label: 'Scope and Requirements',
    value: 'Platform licence | Qty 400 | From 2026-04-01 | Sales Cloud seats',
    shown: 'Platform licence | Qty 400 | From 2026-04-01 | Sales Cloud seats',
    source: "From the deal's products (1)",
    mapping: 'Scope_Products'
  },
  Handoff_Commitments__c: {
    label: 'Commitments',
    value: 'Kick-off call with IT on 12 March',
    shown: 'Kick-off call with IT on 12 March',
    // The fixture's object info has no NextStep, so the panel names the field by its API name.
    source: "From the deal's field: NextStep",
    mapping: 'Commitments_Next_Step'
  },
  Handoff_Competitive_Context__c: {
    label: 'Competitive Context',
    value: 'Globex CRM | Strengths: Cheaper per seat | Weaknesses: No EU data residency',
    shown: 'Globex CRM | Strengths: Cheaper per seat | Weaknesses: No EU data residency',
    source: "From the deal's competitors (1)",
    mapping: 'Competitive_Context_Competitors'
  }
} as const;
type SuggestedField = keyof typeof SUGGESTED;
/** The order the rows show them: by section, in a section the required fields first. */
const SUGGESTED_ORDER: SuggestedField[] = [
  'Handoff_Executive_Sponsor__c',
  'Handoff_Technical_Contact__c',
  'Handoff_Stakeholders__c',
  'Handoff_Scope__c',
  'Handoff_Commitments__c',
  'Handoff_Competitive_Context__c'
];
const LOOKUPS = new Set<string>(['Handoff_Executive_Sponsor__c', 'Handoff_Technical_Contact__c']);
const AI = 'HandoffAiDraftController';
const AI_SOURCE =
  'Drafted by AI from the deal, its contact roles and activities: check it before you accept';
/** Draft with AI's answer (HandoffAiDraftController.draft): risks, and commitments (which the
 * pre-fill also suggests: the AI's draft goes first). */
const AI_ANSWER = [
  ['Handoff_Risks__c', 'Security review still open.'],
  ['Handoff_Commitments__c', 'Two admin trainings in April.']
].map(([field, value]) => ({
  field,
  value,
  displayValue: value,
  source: 'AI',
  mapping: 'Handoff_Draft',
  detail: 'Handoff_Draft',
  ambiguous: false
}));

/** The field's control as the input field draws it (a lookup as a text input, here). */
function control(t: JourneyContext, apiName: string) {
  return field(t, apiName, LOOKUPS.has(apiName) ? 'input' : 'textarea');
}

function suggestion(t: JourneyContext, apiName: string) {
  return $(t, `c-handoff-panel-fields [data-suggestion="${apiName}"]`);
}

/** The fields that show a suggestion, in the order shown. */
async function suggested(t: JourneyContext): Promise<string[]> {
  return t.inPage<string[]>($(t, 'c-handoff-panel-fields [data-suggestion]'), 'data', 'suggestion');
}

/** The data-field of the row the focus is on or in, and whether the row itself has it. */
async function focusRow(t: JourneyContext): Promise<{ field: string; onRow: boolean }> {
  return t.page.evaluate<{ field: string; onRow: boolean }>(
    `(() => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement; const row = e && e.closest ? e.closest('.field-row') : null; return { field: row ? row.getAttribute('data-field') || '' : '', onRow: !!row && row === e }; })()`
  );
}

/** The weighted completeness of the fixture deal with `values` laid over the record. */
function completenessWith(values: Record<string, unknown>): number {
  const config = fixture<{ rules: RuleConfig; employees?: number | null; fieldNames: string[] }>(
    'handoffPanel',
    'getPanelConfig'
  );
  const record = fixture<RecordJson>('handoffPanel', 'getRecord');
  const all: Record<string, unknown> = {};
  for (const rule of config.rules.fieldRules) {
    all[rule.fieldApiName] =
      rule.fieldApiName in values
        ? values[rule.fieldApiName]
        : (record.fields[rule.fieldApiName]?.value ?? null);
  }
  return evaluate(
    {
      amount: record.fields.Amount?.value as number,
      employees: config.employees ?? null,
      type: record.fields.Type?.value as string,
      segmentOverride: null,
      values: all
    },
    config.rules,
    { knownFields: new Set(config.fieldNames) }
  ).completeness;
}

const meterTextOf = (percent: number): string => `${percent}% complete (weighted by importance)`;

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

      await t.step('suggestions from the deal sit beside the empty fields', async () => {
        await suggestion(t, SUGGESTED_ORDER[0]).waitFor();
        assert.deepEqual(await suggested(t), SUGGESTED_ORDER);
        await t.frame(
          'Suggestions from data already in the CRM sit beside empty fields: accept one, accept all, or dismiss them. What you typed is never overwritten.',
          suggestion(t, SUGGESTED_ORDER[0])
        );
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
    name: "Panel: an AE takes suggestions from the deal's own data, keeps what she typed and saves",
    async run(t) {
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, TITLE);
      await ready(t);
      const now = completenessWith({});
      const allValues = Object.fromEntries(SUGGESTED_ORDER.map((f) => [f, SUGGESTED[f].value]));

      await t.step(
        'each empty field with a suggestion shows it and where it came from',
        async () => {
          await suggestion(t, SUGGESTED_ORDER[0]).waitFor();
          assert.deepEqual(await suggested(t), SUGGESTED_ORDER);
          for (const apiName of SUGGESTED_ORDER) {
            const box = suggestion(t, apiName);
            const s = SUGGESTED[apiName];
            await t.expectText(box.locator('[data-id="suggestion-value"]'), s.shown);
            await t.expectText(box.locator('[data-id="suggestion-source"]'), s.source);
            assert.equal(
              await box.locator('[data-id="suggestion-accept"]').getAttribute('aria-label'),
              `Accept the suggestion for ${s.label}`
            );
            assert.equal(
              await box.locator('[data-id="suggestion-dismiss"]').getAttribute('aria-label'),
              `Dismiss the suggestion for ${s.label}`
            );
            assert.equal(await control(t, apiName).inputValue(), '', `${apiName} is filled`);
          }
          // The champion is filled on the record: no suggestion over it.
          assert.equal(await suggestion(t, 'Handoff_Champion__c').count(), 0);
          await t.expectText($(t, 'button[data-id="accept-all"]'), 'Accept all suggestions');
          assert.equal(await meter(t), meterTextOf(now));
          await t.expectText(
            $(t, '[data-id="meter-projected"]'),
            `${now}% → ${completenessWith(allValues)}% if you accept the suggestions`
          );
          await t.fitsWidth();
          await t.shot('suggestions', 'Suggestions beside the empty fields, with their sources');
          await t.axe('suggestions');
        }
      );

      await t.step(
        'Accept one: the value lands, its suggestion goes, the meter moves',
        async () => {
          const sponsor = 'Handoff_Executive_Sponsor__c';
          await suggestion(t, sponsor).locator('[data-id="suggestion-accept"]').click();
          await t.until(
            'the suggestion to go',
            async () => (await suggestion(t, sponsor).count()) === 0
          );
          assert.equal(await control(t, sponsor).inputValue(), SUGGESTED[sponsor].value);
          const after = completenessWith({ [sponsor]: SUGGESTED[sponsor].value });
          assert.ok(after > now, `accepting the sponsor should raise ${now}%`);
          assert.equal(await meter(t), meterTextOf(after));
          assert.deepEqual(
            await suggested(t),
            SUGGESTED_ORDER.filter((f) => f !== sponsor)
          );
          assert.ok(!(await blockers(t)).includes(sponsor), 'the sponsor still blocks');
          await $(t, '[data-id="unsaved"]').waitFor();
          // The component puts the focus on the accepted field's row (its Accept button is gone).
          assert.deepEqual(await focusRow(t), { field: sponsor, onRow: true });
        }
      );

      await t.step('Dismiss one: it goes and stays gone; the focus stays on its row', async () => {
        const technical = 'Handoff_Technical_Contact__c';
        const before = await meter(t);
        await suggestion(t, technical).locator('[data-id="suggestion-dismiss"]').click();
        await t.until(
          'the suggestion to go',
          async () => (await suggestion(t, technical).count()) === 0
        );
        assert.equal(await control(t, technical).inputValue(), '');
        assert.equal(await meter(t), before, 'a dismissal changed the meter');
        const focus = await t.focused();
        assert.notEqual(focus.tag, 'body', 'the focus fell to the page');
        assert.deepEqual(await focusRow(t), { field: technical, onRow: true });
      });

      const typed = 'Phase 1: 250 seats in EMEA; APAC after go-live.';
      await t.step('a typed value wins: its suggestion goes', async () => {
        const scope = 'Handoff_Scope__c';
        await control(t, scope).fill(typed);
        await t.until(
          'the suggestion to go',
          async () => (await suggestion(t, scope).count()) === 0
        );
        // The focus stays where the AE types.
        assert.equal((await focusRow(t)).field, scope);
        assert.equal((await t.focused()).tag, 'textarea');
        await control(t, scope).blur();
        assert.deepEqual(await suggested(t), [
          'Handoff_Stakeholders__c',
          'Handoff_Commitments__c',
          'Handoff_Competitive_Context__c'
        ]);
        // The technical contact, dismissed, has not come back on the re-renders since.
        assert.equal(await suggestion(t, 'Handoff_Technical_Contact__c').count(), 0);
      });

      await t.step(
        'Accept all: the rest land and the meter shows the projected figure',
        async () => {
          const values = {
            Handoff_Executive_Sponsor__c: SUGGESTED.Handoff_Executive_Sponsor__c.value,
            Handoff_Scope__c: typed
          };
          const current = completenessWith(values);
          const projected = completenessWith({
            ...values,
            Handoff_Stakeholders__c: SUGGESTED.Handoff_Stakeholders__c.value,
            Handoff_Commitments__c: SUGGESTED.Handoff_Commitments__c.value,
            Handoff_Competitive_Context__c: SUGGESTED.Handoff_Competitive_Context__c.value
          });
          assert.equal(await meter(t), meterTextOf(current));
          await t.expectText(
            $(t, '[data-id="meter-projected"]'),
            `${current}% → ${projected}% if you accept the suggestions`
          );
          await $(t, 'button[data-id="accept-all"]').click();
          await t.until('every suggestion to go', async () => (await suggested(t)).length === 0);
          for (const apiName of [
            'Handoff_Stakeholders__c',
            'Handoff_Commitments__c',
            'Handoff_Competitive_Context__c'
          ] as const) {
            assert.equal(await control(t, apiName).inputValue(), SUGGESTED[apiName].value);
          }
          // What the AE typed is kept; what she dismissed stays empty.
          assert.equal(await control(t, 'Handoff_Scope__c').inputValue(), typed);
          assert.equal(await control(t, 'Handoff_Technical_Contact__c').inputValue(), '');
          assert.equal(await meter(t), meterTextOf(projected));
          assert.equal(await $(t, '[data-id="meter-projected"]').count(), 0);
          assert.equal(await $(t, '[data-id="accept-all"]').count(), 0);
          // Accept all goes away with the suggestions: the focus moves to the first field it filled.
          assert.deepEqual(await focusRow(t), { field: 'Handoff_Stakeholders__c', onRow: true });
          await t.fitsWidth();
        }
      );

      await t.step('Save sends the fields and which were pre-filled from where', async () => {
        await $(t, 'lightning-button[data-id="save"] button').click();
        await t.until('the save', () => t.server.callsTo('updateRecord').length === 1);
        assert.deepEqual(t.server.callsTo('updateRecord')[0].fields, {
          Handoff_Executive_Sponsor__c: SUGGESTED.Handoff_Executive_Sponsor__c.value,
          Handoff_Scope__c: typed,
          Handoff_Stakeholders__c: SUGGESTED.Handoff_Stakeholders__c.value,
          Handoff_Commitments__c: SUGGESTED.Handoff_Commitments__c.value,
          Handoff_Competitive_Context__c: SUGGESTED.Handoff_Competitive_Context__c.value,
          Handoff_Prefilled_Fields__c:
            'Handoff_Executive_Sponsor__c:Executive_Sponsor_Contact_Role;' +
            'Handoff_Commitments__c:Commitments_Next_Step;' +
            'Handoff_Competitive_Context__c:Competitive_Context_Competitors;' +
            'Handoff_Stakeholders__c:Stakeholders_Contact_Roles'
        });
        await t.until(
          'the saved toast',
          async () => (await t.page.locator('#toasts [data-toast="success"]').count()) > 0
        );
      });
    }
  },
  {
    name: 'Panel: Draft with AI — drafting, its suggestions, a refusal',
    async run(t) {
      answer(t.server, { ai: true });
      t.server.on(`${AI}.draft`, AI_ANSWER);
      await t.open(TAG, { recordId: RECORD_ID }, TITLE);
      await ready(t);
      const button = $(t, 'button[data-id="ai-draft-button"]');
      const risks = 'Handoff_Risks__c';
      const commitments = 'Handoff_Commitments__c';

      await t.step(
        'the button is offered; while drafting a spinner, the button disabled',
        async () => {
          await t.expectText(button, 'Draft with AI');
          assert.equal(await suggestion(t, risks).count(), 0);
          const drafting = t.server.hold(`${AI}.draft`);
          await button.click();
          await $(t, '[data-id="ai-spinner"] lightning-spinner').waitFor();
          await t.expectText(button, 'Drafting with AI…');
          assert.equal(await button.isDisabled(), true);
          await t.axe('ai-drafting');
          drafting.release();
          await t.until(
            'the spinner to go',
            async () => (await $(t, '[data-id="ai-spinner"]').count()) === 0
          );
          assert.deepEqual(t.server.callsTo(`${AI}.draft`), [{ opportunityId: RECORD_ID }]);
          await t.expectText(button, 'Draft with AI');
          assert.equal(await button.isDisabled(), false);
        }
      );

      await t.step('the draft shows as suggestions with the AI as their source', async () => {
        for (const [apiName, value] of AI_ANSWER.map((s) => [s.field, s.value])) {
          const box = suggestion(t, apiName);
          await box.waitFor();
          await t.expectText(box.locator('[data-id="suggestion-value"]'), value);
          await t.expectText(box.locator('[data-id="suggestion-source"]'), AI_SOURCE);
        }
        // The pre-fill's suggestions stay for the other fields.
        await t.expectText(
          suggestion(t, 'Handoff_Scope__c').locator('[data-id="suggestion-source"]'),
          SUGGESTED.Handoff_Scope__c.source
        );
        assert.equal(await $(t, '[data-id="ai-error"]').count(), 0);
        await t.fitsWidth();
        await t.shot('ai-draft', 'Draft with AI: the suggestions, marked as drafted by AI');
      });

      await t.step('accept one from the AI', async () => {
        await suggestion(t, risks).locator('[data-id="suggestion-accept"]').click();
        await t.until(
          'the suggestion to go',
          async () => (await suggestion(t, risks).count()) === 0
        );
        assert.equal(await control(t, risks).inputValue(), AI_ANSWER[0].value);
        assert.equal(
          await meter(t),
          meterTextOf(completenessWith({ [risks]: AI_ANSWER[0].value }))
        );
        assert.deepEqual(await focusRow(t), { field: risks, onRow: true });
      });

      await t.step('a refusal shows its message and the panel stays usable', async () => {
        t.server.fail(`${AI}.draft`, 'You do not have permission to draft with AI.');
        await button.click();
        await t.expectText(
          $(t, '[data-id="ai-error"]'),
          'You do not have permission to draft with AI.'
        );
        assert.equal(
          await $(t, '[data-id="ai-draft"] [aria-live="polite"] [data-id="ai-error"]').count(),
          1,
          'the refusal is not in the live region'
        );
        assert.equal(await button.isDisabled(), false);
        assert.equal(await $(t, '[data-id="load-error"]').count(), 0);
        // What was drafted before stays: the accepted risks, the commitments suggestion.
        assert.equal(await control(t, risks).inputValue(), AI_ANSWER[0].value);
        await suggestion(t, commitments).waitFor();
        await t.axe('ai-refused');
        const pain = 'Typed after the refusal.';
        await field(t, 'Handoff_Business_Pain__c').fill(pain);
        await field(t, 'Handoff_Business_Pain__c').blur();
        await t.until(
          'the blocker to go',
          async () => !(await blockers(t)).includes('Handoff_Business_Pain__c')
        );
        await $(t, 'lightning-button[data-id="save"] button').click();
        await t.until('the save', () => t.server.callsTo('updateRecord').length === 1);
        assert.deepEqual(t.server.callsTo('updateRecord')[0].fields, {
          Handoff_Risks__c: AI_ANSWER[0].value,
          Handoff_Business_Pain__c: pain,
          Handoff_Prefilled_Fields__c: 'Handoff_Risks__c:Handoff_Draft'
        });
      });
    }
  },
  {
    name: 'Panel: suggestions by keyboard only',
    async run(t) {
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, TITLE);
      await ready(t);
      await suggestion(t, SUGGESTED_ORDER[0]).waitFor();
      const buttonsInOrder = SUGGESTED_ORDER.flatMap((f) => [
        `Accept the suggestion for ${SUGGESTED[f].label}`,
        `Dismiss the suggestion for ${SUGGESTED[f].label}`
      ]);
      const isSuggestionButton = (label: string): boolean =>
        /^(Accept|Dismiss) the suggestion for /.test(label);

      await t.step(
        'Tab reaches Accept all, then each Accept and Dismiss in field order',
        async () => {
          await t.tabTo((f) => f.dataId === 'accept-all', 60);
          const reached: string[] = [];
          const last = buttonsInOrder[buttonsInOrder.length - 1];
          await t.tabTo((f) => {
            if (isSuggestionButton(f.label)) {
              reached.push(f.label);
            }
            return f.label === last;
          }, 80);
          assert.deepEqual(reached, buttonsInOrder);
        }
      );

      await t.step('Enter on Accept fills the field; the next Tab goes on from there', async () => {
        const scope = 'Handoff_Scope__c';
        await t.tabTo(
          (f) => f.label === `Accept the suggestion for ${SUGGESTED[scope].label}`,
          20,
          'Shift+Tab'
        );
        await t.page.keyboard.press('Enter');
        await t.until(
          'the suggestion to go',
          async () => (await suggestion(t, scope).count()) === 0
        );
        assert.equal(await control(t, scope).inputValue(), SUGGESTED[scope].value);
        assert.deepEqual(await focusRow(t), { field: scope, onRow: true });
        // From the accepted field's row, Tab reaches its input, then the next suggestion.
        await t.page.keyboard.press('Tab');
        assert.equal((await focusRow(t)).field, scope);
        assert.equal((await t.focused()).tag, 'textarea');
        // Then Integrations (no suggestion), then Commitments and its Accept.
        await t.page.keyboard.press('Tab');
        assert.equal((await focusRow(t)).field, 'Handoff_Integrations__c');
        await t.page.keyboard.press('Tab');
        assert.equal((await focusRow(t)).field, 'Handoff_Commitments__c');
        await t.page.keyboard.press('Tab');
        assert.equal(
          (await t.focused()).label,
          `Accept the suggestion for ${SUGGESTED.Handoff_Commitments__c.label}`
        );
      });

      await t.step(
        'Enter on Dismiss; the dismissal holds when the panel is drawn again',
        async () => {
          const competition = 'Handoff_Competitive_Context__c';
          await t.tabTo(
            (f) => f.label === `Dismiss the suggestion for ${SUGGESTED[competition].label}`,
            20
          );
          await t.page.keyboard.press('Enter');
          await t.until(
            'the suggestion to go',
            async () => (await suggestion(t, competition).count()) === 0
          );
          assert.notEqual((await t.focused()).tag, 'body', 'the focus fell to the page');
          assert.deepEqual(await focusRow(t), { field: competition, onRow: true });
          // Mounted again in the same page (the record opened in another tab): the unsaved accept is
          // gone, so the scope is suggested again; the dismissed suggestion is not.
          await t.page.evaluate(
            `window.harness.mount(${JSON.stringify(TAG)}, ${JSON.stringify({ recordId: RECORD_ID })})`
          );
          await ready(t);
          await suggestion(t, 'Handoff_Scope__c').waitFor();
          assert.deepEqual(
            await suggested(t),
            SUGGESTED_ORDER.filter((f) => f !== competition)
          );
        }
      );
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
    name: 'Panel: the AE answers the one question from Customer Success',
    async run(t) {
      const latest = {
        ...fixture<Json>('handoffPanel', 'getLatestHandoff'),
        handoffStatus: 'Accepted',
        handoffStatusLabel: 'Accepted',
        firstTouchAt: '2026-03-03T10:00:00.000Z'
      };
      const asked = { handoffId: HANDOFF_ID, canAnswer: true, feedback: null, answeredAt: null };
      answer(t.server, { latest, feedback: asked });
      t.server.on(`${C}.saveAeFeedback`, (p: Json) => ({
        handoffId: p.handoffId,
        canAnswer: false,
        feedback: p.feedback,
        answeredAt: '2026-03-04T09:00:00.000Z'
      }));
      await t.open(TAG, { recordId: RECORD_ID }, TITLE);
      await ready(t);
      const card = $(t, 'c-handoff-panel-feedback [data-id="feedback-card"]');

      await t.step('after the first touch the AE is asked one question', async () => {
        await card.waitFor();
        assert.deepEqual(t.server.callsTo(`${C}.getAeFeedback`), [{ opportunityId: RECORD_ID }]);
        const text = clean(await card.textContent());
        assert.match(text, /One question from Customer Success/);
        assert.match(text, /What was hard, what was missing\?/);
        await t.fitsWidth();
        await t.axe('feedback-question');
      });

      await t.step('Send with nothing written says what to do and sends nothing', async () => {
        await $(t, 'c-handoff-panel-feedback [data-id="feedback-send"]').click();
        await t.expectText(
          $(t, 'c-handoff-panel-feedback [data-id="feedback-error"]'),
          /Write what was hard or missing/
        );
        assert.equal(t.server.callsTo(`${C}.saveAeFeedback`).length, 0);
      });

      await t.step('the answer is sent, and thanked with what was sent', async () => {
        const box = $(t, 'c-handoff-panel-feedback [data-id="feedback-answer"] textarea');
        await box.fill('  The champion changed the week before close.  ');
        await box.blur();
        await $(t, 'c-handoff-panel-feedback [data-id="feedback-send"]').click();
        await t.until('the save', () => t.server.callsTo(`${C}.saveAeFeedback`).length === 1);
        assert.deepEqual(t.server.callsTo(`${C}.saveAeFeedback`)[0], {
          handoffId: HANDOFF_ID,
          feedback: 'The champion changed the week before close.'
        });
        const thanks = $(t, 'c-handoff-panel-feedback [data-id="feedback-thanks"]');
        await t.expectText(thanks, /Thank you\. Customer Success has your answer:/);
        await t.expectText(
          $(t, 'c-handoff-panel-feedback [data-id="feedback-sent"]'),
          'The champion changed the week before close.'
        );
        assert.equal(await card.count(), 0);
        await t.fitsWidth();
        await t.axe('feedback-thanks');
      });

      await t.step('Not now hides the question for the session', async () => {
        answer(t.server, { latest, feedback: asked });
        await t.open(TAG, { recordId: RECORD_ID }, TITLE);
        await ready(t);
        await card.waitFor();
        await $(t, 'c-handoff-panel-feedback [data-id="feedback-not-now"]').click();
        await t.until('the card to go', async () => (await card.count()) === 0);
        const reads = t.server.callsTo(`${C}.getAeFeedback`).length;
        await t.open(TAG, { recordId: RECORD_ID }, TITLE);
        await ready(t);
        await t.until(
          'the question to be read again',
          () => t.server.callsTo(`${C}.getAeFeedback`).length > reads
        );
        assert.equal(await card.count(), 0);
        assert.equal(t.server.callsTo(`${C}.saveAeFeedback`).length, 1);
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
