/**
 * Tests of c/handoffPanel with wire mocks, through its child components (meter, blockers,
 * fields, exception, summary; the queries below enter their shadow trees): rendering per segment,
 * the meter arithmetic, the blockers as links to their fields, the live re-evaluation before
 * saving, the exception request, the summary (collapsed; empty, very long, non-ASCII), copy and
 * print, the after-close view, the empty and error states (with Try again), and accessibility.
 *
 * @sa11y/jest is not installed in this project, so the accessibility test asserts roles, ARIA
 * attributes, labels and keyboard behaviour explicitly.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
// Namespace imports: the LWC lint rule allows wire adapters only in @wire, except through these.
import * as uiRecordApi from 'lightning/uiRecordApi';
import * as uiObjectInfoApi from 'lightning/uiObjectInfoApi';
import getPanelConfig from '@salesforce/apex/HandoffPanelController.getPanelConfig';
import getExceptionState from '@salesforce/apex/HandoffPanelController.getExceptionState';
import getLatestHandoff from '@salesforce/apex/HandoffPanelController.getLatestHandoff';
import requestException from '@salesforce/apex/HandoffPanelController.requestException';
import HandoffPanel from 'c/handoffPanel';
import { evaluate, formatNumber } from 'c/handoffRules';
import type { RuleConfig } from 'c/handoffRules';
import { renderSummaryText } from 'c/handoffSummary';
import { byIdRef, deepQuery, deepQueryAll } from '../../../../../test/jest-helpers/shadowQuery';

// ---------------------------------------------------------------------------------------------
// Module mocks: Apex wire adapters, the imperative Apex call and the labels whose placeholders
// the tests read (every other label is its own name, e.g. `c.Handoff_Panel_Save`). The toast
// event comes from force-app/test/jest-mocks (jest.config.js).
// ---------------------------------------------------------------------------------------------

jest.mock(
  '@salesforce/apex/HandoffPanelController.getPanelConfig',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffPanelController.getExceptionState',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffPanelController.getLatestHandoff',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffPanelController.requestException',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Panel_Meter_Text', () => ({ default: '{0}% complete' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Meter_Assistive',
  () => ({ default: 'Completeness {0} percent.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Panel_Segment_Why', () => ({ default: 'Why: {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Segment_Live',
  () => ({ default: 'Now: {0}. Save to update.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Exception_Requested',
  () => ({ default: 'Requested {0}, waiting for {1}.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Exception_Approved',
  () => ({ default: 'Approved by {0} on {1}.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Request_Failed',
  () => ({ default: 'Not sent: {0}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Sla_Remaining',
  () => ({ default: '{0} h {1} min left' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Sla_Remaining_Days',
  () => ({ default: '{0} d {1} h left' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Sla_Breached',
  () => ({ default: 'Overdue since {0}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_No_Rules',
  () => ({ default: 'No fields for {0} / {1}.' }),
  { virtual: true }
);

// ---------------------------------------------------------------------------------------------
// Test data and helpers
// ---------------------------------------------------------------------------------------------

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

interface FieldValue {
  value: unknown;
  displayValue?: string | null;
}

interface RecordData {
  id: string;
  fields: Record<string, FieldValue>;
}

interface PanelConfigData {
  rules: RuleConfig;
  employees: number | null;
  fieldNames: string[];
  rolloutMode: 'Installed' | 'Monitor' | 'Pilot' | 'Enforce';
  gateApplies: boolean;
}

interface ShownToast {
  title: string;
  variant: string;
}

type Panel = HTMLElement & { recordId?: string };

const adapter = (value: unknown): TestWireAdapter => value as TestWireAdapter;
const recordAdapter = adapter(uiRecordApi.getRecord);
const objectInfoAdapter = adapter(uiObjectInfoApi.getObjectInfo);
const configAdapter = adapter(getPanelConfig);
const exceptionAdapter = adapter(getExceptionState);
const handoffAdapter = adapter(getLatestHandoff);
const requestExceptionMock = requestException as unknown as jest.Mock;

const RECORD_ID = '006000000000001AAA';

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, 'data', `${name}.json`), 'utf8')) as T;
}

function recordWith(
  values: Record<string, unknown>,
  base: RecordData = load<RecordData>('getRecord')
): RecordData {
  const record = base;
  for (const [field, value] of Object.entries(values)) {
    record.fields[field] = { value, displayValue: null };
  }
  return record;
}

/** Lets promises and re-renders settle. */
async function flush(times = 6): Promise<void> {
  if (times > 0) {
    await Promise.resolve();
    await flush(times - 1);
  }
}

function createPanel(): { element: Panel; toasts: ShownToast[] } {
  const element = createElement('c-handoff-panel', { is: HandoffPanel }) as unknown as Panel;
  element.recordId = RECORD_ID;
  const toasts: ShownToast[] = [];
  element.addEventListener('lightning__showtoast', (event) => {
    toasts.push((event as CustomEvent<ShownToast>).detail);
  });
  document.body.appendChild(element);
  return { element, toasts };
}

/** Creates the panel and emits every wire with the given data. */
async function renderPanel(
  options: {
    record?: RecordData;
    config?: PanelConfigData;
    exception?: unknown;
    handoff?: unknown;
  } = {}
): Promise<{ element: Panel; toasts: ShownToast[] }> {
  const panel = createPanel();
  configAdapter.emit(options.config ?? load<PanelConfigData>('getPanelConfig'));
  objectInfoAdapter.emit(load('getObjectInfo'));
  recordAdapter.emit(options.record ?? load<RecordData>('getRecord'));
  exceptionAdapter.emit(options.exception ?? load('getExceptionState'));
  handoffAdapter.emit(options.handoff === undefined ? null : options.handoff);
  await flush();
  return panel;
}

const $ = <E extends Element = HTMLElement>(element: Panel, selector: string): E | null =>
  deepQuery<E>(element.shadowRoot, selector);
const $$ = <E extends Element = HTMLElement>(element: Panel, selector: string): E[] =>
  deepQueryAll<E>(element.shadowRoot, selector);
const textOf = (element: Panel, selector: string): string =>
  ($(element, selector)?.textContent ?? '').trim();
const meterValue = (element: Panel): number =>
  ($(element, '[data-id="meter"]') as unknown as { value: number }).value;

/** An element of the exception dialog's own template (c-handoff-modal). */
function inDialog(element: Panel, id: string): HTMLElement | null {
  const modal = $(element, 'c-handoff-modal[data-id="request-dialog"]');
  return modal?.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

/** Opens the collapsed summary section. */
async function openSummary(element: Panel): Promise<void> {
  click(element, 'summary-toggle');
  await flush();
}

function changeField(element: Panel, fieldApiName: string, value: unknown): void {
  const fields = $$<HTMLElement & { fieldName: string }>(element, 'lightning-input-field');
  const target = fields.find((field) => field.fieldName === fieldApiName);
  expect(target).toBeDefined();
  target?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function typeInto(element: Panel, dataId: string, value: string): void {
  $(element, `[data-id="${dataId}"]`)?.dispatchEvent(
    new CustomEvent('change', { detail: { value } })
  );
}

function click(element: Panel, dataId: string): void {
  $(element, `[data-id="${dataId}"]`)?.click();
}

/** The expected completeness of the shipped rules, computed by the evaluator itself. */
function expectedEvaluation(record: RecordData) {
  const config = load<PanelConfigData>('getPanelConfig');
  const values: Record<string, unknown> = {};
  for (const rule of config.rules.fieldRules) {
    values[rule.fieldApiName] = record.fields[rule.fieldApiName]?.value ?? null;
  }
  return evaluate(
    {
      amount: record.fields.Amount.value as number,
      employees: null,
      type: record.fields.Type.value as string,
      segmentOverride: null,
      values
    },
    config.rules,
    { knownFields: new Set(config.fieldNames) }
  );
}

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
});

// ---------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------

describe('loading, empty and error states', () => {
  it('shows a spinner with a text alternative until the data is in', () => {
    const { element } = createPanel();
    const spinner = $(element, 'lightning-spinner') as unknown as { alternativeText: string };
    expect(spinner.alternativeText).toBe('c.Handoff_Panel_Loading');
    expect($(element, '[data-id="load-error"]')).toBeNull();
  });

  it('says what went wrong and what to do when Apex refuses access', async () => {
    const { element } = createPanel();
    configAdapter.error({ message: 'You don\u2019t have access to the handoff details.' });
    await flush();
    const alert = $(element, '[data-id="load-error"]');
    expect(alert?.getAttribute('role')).toBe('alert');
    expect(alert?.textContent).toContain('You don\u2019t have access to the handoff details.');
    expect(alert?.textContent).toContain('c.Handoff_Panel_Error_Help');
  });

  it('explains that no rules are configured', async () => {
    const config = load<PanelConfigData>('getPanelConfig');
    config.rules.fieldRules = [];
    const { element } = await renderPanel({ config });
    expect(textOf(element, '[data-id="no-rules"]')).toBe(
      'No fields for New Business / Enterprise.'
    );
    expect($(element, 'lightning-record-edit-form')).toBeNull();
    expect(meterValue(element)).toBe(100);
  });

  it('explains that no segment policy is active', async () => {
    const config = load<PanelConfigData>('getPanelConfig');
    config.rules.segmentPolicies = [];
    const { element } = await renderPanel({ config });
    expect(textOf(element, '[data-id="policy-problem"]')).toBe('c.Handoff_Panel_No_Policy');
    expect(textOf(element, '[data-id="segment-badge"]')).toBe('c.Handoff_Panel_Segment_None');
    // Only the `All` rules apply: goals, champion, stakeholder map, commitments, go-live,
    // competition, notes.
    expect($$(element, 'lightning-input-field')).toHaveLength(7);
  });

  it('says what blocks Closed Won, with no rollout note, where the gate applies', async () => {
    const { element } = await renderPanel();
    expect(textOf(element, '[data-id="blocks-heading"]')).toBe('c.Handoff_Panel_Blocks_Heading');
    expect($(element, '[data-id="rollout-note"]')).toBeNull();
  });

  it.each([
    ['Monitor', 'c.Handoff_Panel_Mode_Monitor'],
    ['Pilot', 'c.Handoff_Panel_Mode_Monitor'],
    ['Installed', 'c.Handoff_Panel_Mode_Installed']
  ] as const)(
    'in %s, where the gate does not apply, says what would block and why it does not',
    async (mode, note) => {
      const config = load<PanelConfigData>('getPanelConfig');
      config.rolloutMode = mode;
      config.gateApplies = false;
      const { element } = await renderPanel({ config });
      expect(textOf(element, '[data-id="blocks-heading"]')).toBe(
        'c.Handoff_Panel_Blocks_Heading_Monitor'
      );
      expect(textOf(element, '[data-id="rollout-note"]')).toBe(note);
      // The missing fields are still listed: the AE sees what enforcement would ask for.
      expect($(element, '[data-id="missing-list"]')).not.toBeNull();
    }
  );

  it('offers no exception request while the product is Installed (nothing would submit it)', async () => {
    const config = load<PanelConfigData>('getPanelConfig');
    config.rolloutMode = 'Installed';
    config.gateApplies = false;
    const { element } = await renderPanel({ config });
    expect($(element, '[data-id="request-button"]')).toBeNull();
    const monitor = load<PanelConfigData>('getPanelConfig');
    monitor.rolloutMode = 'Monitor';
    monitor.gateApplies = false;
    const { element: inMonitor } = await renderPanel({ config: monitor });
    expect($(inMonitor, '[data-id="request-button"]')).not.toBeNull();
  });

  it('offers Try again after a load error, and loads again', async () => {
    const { element } = createPanel();
    configAdapter.error({ message: 'Unable to reach the server.' });
    await flush();
    const retry = $<HTMLButtonElement>(element, '[data-id="load-error"] [data-id="retry"]');
    expect(retry?.textContent?.trim()).toBe('c.Handoff_Panel_Retry');
    retry?.click();
    await flush();
    expect($(element, '[data-id="load-error"]')).toBeNull();
    expect($(element, '[data-id="loading"]')).not.toBeNull();
    configAdapter.emit(load('getPanelConfig'));
    objectInfoAdapter.emit(load('getObjectInfo'));
    recordAdapter.emit(load('getRecord'));
    handoffAdapter.emit(null);
    await flush();
    expect(textOf(element, '[data-id="segment-badge"]')).toBe('Enterprise');
    // The button went away: the focus is on the panel's first heading, not lost to the page.
    const root = element.shadowRoot as ShadowRoot;
    expect(root.activeElement?.getAttribute('data-id')).toBe('segment-heading');
  });

  it('puts the focus back on Try again when the retry fails again', async () => {
    const { element } = createPanel();
    configAdapter.error({ message: 'Unable to reach the server.' });
    await flush();
    $<HTMLButtonElement>(element, '[data-id="retry"]')?.click();
    await flush();
    configAdapter.error({ message: 'Still unable to reach the server.' });
    await flush();
    const root = element.shadowRoot as ShadowRoot;
    expect(root.activeElement?.getAttribute('data-id')).toBe('retry');
  });

  it('treats a missing rollout mode as Installed', async () => {
    const config: Partial<PanelConfigData> = load<PanelConfigData>('getPanelConfig');
    delete config.rolloutMode;
    delete config.gateApplies;
    const { element } = await renderPanel({ config: config as PanelConfigData });
    expect(textOf(element, '[data-id="rollout-note"]')).toBe('c.Handoff_Panel_Mode_Installed');
  });
});

// ---------------------------------------------------------------------------------------------
// Segments
// ---------------------------------------------------------------------------------------------

describe('each segment', () => {
  it.each([
    ['Enterprise', 250000, 'High-Touch', 12, 3],
    ['Mid-Market', 50000, 'Low-Touch', 8, 7],
    ['SMB', 5000, 'Low-Touch', 4, 11]
  ])(
    '%s deal: segment, tier, why, and its required then optional fields by section',
    async (segment, amount, tier, requiredCount, optionalCount) => {
      const record = recordWith({
        Amount: amount,
        Handoff_Segment__c: segment,
        Handoff_Tier__c: tier
      });
      const { element } = await renderPanel({ record });

      expect(textOf(element, '[data-id="segment-badge"]')).toBe(segment);
      expect(textOf(element, '[data-id="tier-badge"]')).toBe(tier);
      expect(textOf(element, '[data-id="segment-why"]')).toBe(
        'Why: Enterprise: amount 250,000 at or above 100,000'
      );
      const live = expectedEvaluation(record).segmentReason;
      expect(textOf(element, '[data-id="segment-live"]')).toBe(
        segment === 'Enterprise' ? '' : `Now: ${live}. Save to update.`
      );

      // "Required" is an asterisk on the field's own label (SLDS), not a badge beside it.
      const rows = $$(element, '.field-row');
      const isRequired = (row: Element) => row.querySelector('.field-label abbr.slds-required');
      expect(rows.filter(isRequired)).toHaveLength(requiredCount);
      expect(rows.filter((row) => !isRequired(row))).toHaveLength(optionalCount);
      for (const mark of $$(element, '.field-row abbr.slds-required')) {
        expect(mark.getAttribute('title')).toBe('c.Handoff_Panel_Required');
      }

      // Sections in the configured order; inside each, required fields first.
      const expected = expectedEvaluation(record);
      const sectionNames = [...new Set(expected.rules.map((r) => r.section))];
      expect($$(element, 'legend').map((l) => l.textContent?.trim())).toEqual(sectionNames);
      for (const fieldset of $$(element, 'fieldset')) {
        const kinds = Array.from(fieldset.querySelectorAll('.field-row')).map((row) => {
          return isRequired(row) ? 'required' : 'optional';
        });
        const firstOptional = kinds.indexOf('optional');
        expect(
          firstOptional === -1 || kinds.slice(firstOptional).every((k) => k === 'optional')
        ).toBe(true);
        // The legend carries no requirement of its own.
        expect(fieldset.querySelector('legend abbr, legend .slds-badge')).toBeNull();
      }
      // Guidance from the rules is shown under the fields.
      expect($$(element, '.guidance').length).toBe(requiredCount + optionalCount);
    }
  );

  it('uses the Expansion rule set for a renewal', async () => {
    const { element } = await renderPanel({ record: recordWith({ Type: 'Renewal' }) });
    const names = $$<HTMLElement & { fieldName: string }>(element, 'lightning-input-field').map(
      (f) => f.fieldName
    );
    expect(names).toEqual([
      'Handoff_Customer_Goals__c',
      'Handoff_Champion__c',
      'Handoff_Stakeholders__c',
      'Handoff_Commitments__c',
      'Handoff_Scope__c',
      'Handoff_Contract_Notes__c', // required before optional within "Risks & Context"
      'Handoff_Risks__c',
      'Handoff_Notes__c'
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Meter
// ---------------------------------------------------------------------------------------------

describe('the completeness meter', () => {
  it('weights the filled rules: goals 3 + champion 2 + go-live 2 of 29 is 24%', async () => {
    const { element } = await renderPanel();
    // Enterprise New Business weights: 3+2+2+2+2+1+2+2+3+2+2+1+2+2+1 = 29 (the stakeholder map
    // counts 1); filled 3+2+2 = 7.
    expect(meterValue(element)).toBe(24);
    expect(expectedEvaluation(load<RecordData>('getRecord')).completeness).toBe(24);
    // One number on the meter; the blank required fields are the blockers list.
    expect(textOf(element, '[data-id="meter-text"]')).toBe('24% complete');
    expect(textOf(element, '[data-id="meter-assistive"]')).toBe('Completeness 24 percent.');
    expect($$(element, '[data-id="missing-list"] li')).toHaveLength(9);
    expect(textOf(element, '[data-id="missing-list"] li')).toBe('Business Pain');
  });

  it('reaches 100% and says nothing blocks when every field is filled', async () => {
    const values: Record<string, unknown> = {};
    for (const rule of load<PanelConfigData>('getPanelConfig').rules.fieldRules) {
      values[rule.fieldApiName] = rule.fieldApiName.endsWith('Go_Live__c')
        ? '2026-09-01'
        : 'Filled';
    }
    const { element } = await renderPanel({ record: recordWith(values) });
    expect(meterValue(element)).toBe(100);
    expect(textOf(element, '[data-id="blocks-intro"]')).toBe('c.Handoff_Panel_Blocks_None');
    expect($(element, '[data-id="missing-list"]')).toBeNull();
  });

  it('lists each blank required field as a link that puts the focus in that field', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const { element } = await renderPanel();
    const links = $$<HTMLButtonElement>(element, '[data-id="missing-list"] li button');
    expect(links).toHaveLength(9);
    expect(links[0].textContent?.trim()).toBe('Business Pain');
    links[0].click();
    await flush();
    const input = $$<HTMLElement & { fieldName: string }>(element, 'lightning-input-field').find(
      (field) => field.fieldName === 'Handoff_Business_Pain__c'
    );
    expect(focus.mock.contexts).toContain(input);
    focus.mockRestore();
  });

  it('updates the blockers as fields are filled, before saving', async () => {
    const { element } = await renderPanel();
    changeField(element, 'Handoff_Business_Pain__c', 'Manual provisioning backlog');
    await flush();
    const labels = $$(element, '[data-id="missing-list"] li').map((li) => li.textContent?.trim());
    expect(labels).not.toContain('Business Pain');
    expect(labels).toHaveLength(8);
  });

  it('says an approved exception lets the deal close', async () => {
    const { element } = await renderPanel({
      record: recordWith({
        Handoff_Exception_Status__c: 'Approved',
        Handoff_Exception_Active__c: true
      })
    });
    expect(textOf(element, '[data-id="blocks-intro"]')).toBe('c.Handoff_Panel_Blocks_Exception');
  });
});

// ---------------------------------------------------------------------------------------------
// Live update
// ---------------------------------------------------------------------------------------------

describe('editing in place', () => {
  it('re-evaluates on every change, before saving', async () => {
    const { element } = await renderPanel();
    changeField(element, 'Handoff_Business_Pain__c', 'Manual provisioning backlog');
    await flush();
    // filled 7 + 2 = 9 of 29 → 31%
    expect(meterValue(element)).toBe(31);
    expect($$(element, '[data-id="missing-list"] li')).toHaveLength(8);
    expect($(element, '[data-id="unsaved"]')).not.toBeNull();
    await openSummary(element);
    expect($(element, '[data-id="summary-unsaved"]')).not.toBeNull();

    // A lookup field reports an array of Ids.
    changeField(element, 'Handoff_Executive_Sponsor__c', ['003000000000002AAA']);
    await flush();
    expect(meterValue(element)).toBe(38); // 11 of 29

    // Clearing a filled field lowers the meter again.
    changeField(element, 'Handoff_Customer_Goals__c', '   ');
    await flush();
    expect(meterValue(element)).toBe(28); // 8 of 29
  });

  it('clears the unsaved state after a successful save and tells the user', async () => {
    const { element, toasts } = await renderPanel();
    changeField(element, 'Handoff_Business_Pain__c', 'Backlog');
    await flush();
    const form = $(element, 'lightning-record-edit-form');
    // As the platform's form submits: the event carries the fields.
    form?.dispatchEvent(
      new CustomEvent('submit', { detail: { fields: { Handoff_Business_Pain__c: 'Backlog' } } })
    );
    form?.dispatchEvent(new CustomEvent('success'));
    await flush();
    expect($(element, '[data-id="unsaved"]')).toBeNull();
    expect(toasts).toEqual([{ title: 'c.Handoff_Panel_Saved_Toast', variant: 'success' }]);
  });

  it('discards the changes', async () => {
    const { element } = await renderPanel();
    changeField(element, 'Handoff_Business_Pain__c', 'Backlog');
    await flush();
    click(element, 'discard');
    await flush();
    expect(meterValue(element)).toBe(24);
  });
});

// ---------------------------------------------------------------------------------------------
// Exception request
// ---------------------------------------------------------------------------------------------

describe('requesting an exception', () => {
  it('sends the reason and due date, closes the dialog and shows the pending approver', async () => {
    // The mock sits with the component that calls requestException (c/handoffPanelException).
    requestExceptionMock.mockResolvedValue(
      JSON.parse(
        readFileSync(
          join(
            __dirname,
            '..',
            '..',
            'handoffPanelException',
            '__tests__',
            'data',
            'requestException.json'
          ),
          'utf8'
        )
      )
    );
    const { element, toasts } = await renderPanel();
    expect(textOf(element, '[data-id="exception-text"]')).toBe('c.Handoff_Panel_Exception_None');

    click(element, 'request-button');
    await flush();
    expect($(element, '[data-id="request-dialog"]')).not.toBeNull();
    typeInto(element, 'request-reason', '  Board meeting first  ');
    typeInto(element, 'request-due', '2999-12-31');
    inDialog(element, 'confirm')?.click();
    await flush(10);

    expect(requestExceptionMock).toHaveBeenCalledWith({
      opportunityId: RECORD_ID,
      reason: 'Board meeting first',
      dueDate: '2999-12-31'
    });
    expect($(element, '[data-id="request-dialog"]')).toBeNull();
    expect(textOf(element, '[data-id="exception-text"]')).toMatch(
      /^Requested .+, waiting for Morgan Manager\.$/
    );
    expect($(element, '[data-id="request-button"]')).toBeNull();
    expect(toasts).toEqual([{ title: 'c.Handoff_Panel_Request_Sent', variant: 'success' }]);
  });

  it('refuses a missing reason without calling Apex', async () => {
    const { element } = await renderPanel();
    click(element, 'request-button');
    await flush();
    typeInto(element, 'request-due', '2999-12-31');
    inDialog(element, 'confirm')?.click();
    await flush();
    const error = inDialog(element, 'error');
    expect(error?.getAttribute('role')).toBe('alert');
    expect(error?.textContent?.trim()).toBe('c.Handoff_Panel_Reason_Missing');
    expect(requestExceptionMock).not.toHaveBeenCalled();
  });

  it('refuses a due date in the past or a missing one', async () => {
    const { element } = await renderPanel();
    click(element, 'request-button');
    await flush();
    typeInto(element, 'request-reason', 'Waiting for the board');
    inDialog(element, 'confirm')?.click();
    await flush();
    expect(inDialog(element, 'error')?.textContent?.trim()).toBe('c.Handoff_Panel_Due_Missing');
    typeInto(element, 'request-due', '2000-01-01');
    inDialog(element, 'confirm')?.click();
    await flush();
    expect(inDialog(element, 'error')?.textContent?.trim()).toBe('c.Handoff_Panel_Due_Past');
    expect(requestExceptionMock).not.toHaveBeenCalled();
  });

  it('keeps the dialog open with the server error', async () => {
    requestExceptionMock.mockRejectedValue({
      body: { message: 'Ask your Salesforce admin to set your Manager on your user record.' }
    });
    const { element, toasts } = await renderPanel();
    click(element, 'request-button');
    await flush();
    typeInto(element, 'request-reason', 'Waiting for the board');
    typeInto(element, 'request-due', '2999-12-31');
    inDialog(element, 'confirm')?.click();
    await flush(10);
    expect($(element, '[data-id="request-dialog"]')).not.toBeNull();
    expect(inDialog(element, 'error')?.textContent?.trim()).toBe(
      'Not sent: Ask your Salesforce admin to set your Manager on your user record.'
    );
    expect(toasts).toEqual([]);
  });

  it('is not offered to a user who cannot set the exception status', async () => {
    const objectInfo = load<{ fields: Record<string, { updateable: boolean }> }>('getObjectInfo');
    objectInfo.fields.Handoff_Exception_Status__c.updateable = false;
    const { element } = createPanel();
    configAdapter.emit(load('getPanelConfig'));
    objectInfoAdapter.emit(objectInfo);
    recordAdapter.emit(load('getRecord'));
    exceptionAdapter.emit(load('getExceptionState'));
    handoffAdapter.emit(null);
    await flush();
    expect(textOf(element, '[data-id="exception-text"]')).toBe('c.Handoff_Panel_Exception_None');
    expect($(element, '[data-id="request-button"]')).toBeNull();
  });

  it('shows who approved and when', async () => {
    const { element } = await renderPanel({
      record: recordWith({ Handoff_Exception_Status__c: 'Approved' }),
      exception: {
        exceptionStatus: 'Approved',
        pending: false,
        approverName: 'Morgan Manager',
        requestedAt: '2026-05-04T15:30:00.000Z',
        decidedAt: '2026-05-05T09:00:00.000Z',
        dueDate: '2026-06-01',
        reason: 'Board meeting first'
      }
    });
    expect(textOf(element, '[data-id="exception-text"]')).toMatch(
      /^Approved by Morgan Manager on .*2026.*\.$/
    );
    expect($(element, '[data-id="request-button"]')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------

describe('the handoff summary', () => {
  it('is collapsed until the AE opens it, so the panel stays short', async () => {
    const { element } = await renderPanel();
    const toggle = $(element, '[data-id="summary-toggle"]');
    expect(toggle?.closest('h3')).not.toBeNull();
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(toggle?.getAttribute('aria-controls')).toBeNull();
    expect($(element, '[data-id="summary-document"]')).toBeNull();
    expect($(element, '[data-id="copy"]')).toBeNull();
    await openSummary(element);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(byIdRef(toggle, 'aria-controls')?.getAttribute('data-id')).toBe('summary-content');
    expect($(element, '[data-id="summary-document"]')).not.toBeNull();
    await openSummary(element);
    expect($(element, '[data-id="summary-document"]')).toBeNull();
  });

  it('renders the five sections with contacts by name and the email text', async () => {
    const { element } = await renderPanel();
    await openSummary(element);
    expect(textOf(element, '[data-id="summary-title"]')).toBe('c.Handoff_Summary_Title');
    expect($$(element, '[data-section]').map((s) => s.getAttribute('data-section'))).toEqual([
      'wants',
      'who',
      'promised',
      'risks',
      'nextSteps'
    ]);
    expect(textOf(element, '[data-item="Handoff_Champion__c"]')).toBe('Priya Raman');
    expect(textOf(element, '[data-item="amount"]')).toBe('250,000');
    expect(textOf(element, '[data-item="Handoff_Target_Go_Live__c"]')).toBe('2026-09-01');

    click(element, 'plain-text-toggle');
    await flush();
    const text = $(element, '[data-id="plain-text"]')?.textContent ?? '';
    expect(text.split('\n')[0]).toBe('c.Handoff_Summary_Title');
    expect(text.endsWith('Handoff Notes: c.Handoff_Summary_Not_Provided')).toBe(true);
    expect($(element, '[data-item="Handoff_Customer_Goals__c"]')?.textContent).toBe(
      'Cut onboarding time from 90 to 30 days.\nGo live in two regions by Q3.'
    );
    expect(text).toContain('\nChampion: Priya Raman\n');
    expect(text).toContain('\nCustomer Goals: Cut onboarding time from 90 to 30 days.\n  Go live');
  });

  it('shows every value as not provided on an empty deal', async () => {
    const empty: Record<string, unknown> = {};
    for (const field of Object.keys(load<RecordData>('getRecord').fields)) {
      empty[field] = null;
    }
    const { element } = await renderPanel({ record: recordWith(empty) });
    await openSummary(element);
    const values = $$(element, '[data-item]');
    expect(values).toHaveLength(19);
    for (const value of values) {
      expect(value.classList.contains('summary-value_blank')).toBe(true);
      expect(value.textContent?.trim()).toBe('c.Handoff_Summary_Not_Provided');
    }
  });

  it('keeps very long and non-ASCII values intact up to the limit', async () => {
    const long = 'Größe 🚀 '.repeat(600); // 5,400 code units
    const { element } = await renderPanel({
      record: recordWith({
        Handoff_Scope__c: long,
        Handoff_Risks__c: 'Riesgo: implementación tardía'
      })
    });
    await openSummary(element);
    const scope = textOf(element, '[data-item="Handoff_Scope__c"]');
    expect(scope.startsWith('Größe 🚀 Größe')).toBe(true);
    expect(scope.endsWith('\nc.Handoff_Summary_Truncated')).toBe(true);
    expect(textOf(element, '[data-item="Handoff_Risks__c"]')).toBe('Riesgo: implementación tardía');
  });

  it('copies the email text to the clipboard', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { element, toasts } = await renderPanel();
    await openSummary(element);
    click(element, 'copy');
    await flush();
    const record = load<RecordData>('getRecord');
    const copied = writeText.mock.calls[0][0] as string;
    expect(copied).toContain('\nChampion: Priya Raman\n');
    expect(copied).toBe(
      renderSummaryText(
        {
          opportunityName: 'Acme Corp - Platform',
          accountName: 'Acme Corp',
          ownerName: 'Dana Seller',
          segment: 'Enterprise',
          tier: 'High-Touch',
          closeDate: '2026-06-30',
          amount: 250000,
          values: Object.fromEntries(
            Object.entries(record.fields).map(([field, v]) => [field, v.value])
          ),
          contactNames: { Handoff_Champion__c: 'Priya Raman' }
        },
        {
          title: 'c.Handoff_Summary_Title',
          account: 'c.Handoff_Summary_Account',
          accountExecutive: 'c.Handoff_Summary_Account_Executive',
          segment: 'c.Handoff_Summary_Segment',
          closeDate: 'c.Handoff_Summary_Close_Date',
          amount: 'c.Handoff_Summary_Amount',
          sectionWants: 'c.Handoff_Summary_Section_Wants',
          sectionWho: 'c.Handoff_Summary_Section_Who',
          sectionPromised: 'c.Handoff_Summary_Section_Promised',
          sectionRisks: 'c.Handoff_Summary_Section_Risks',
          sectionNextSteps: 'c.Handoff_Summary_Section_Next_Steps',
          notProvided: 'c.Handoff_Summary_Not_Provided',
          truncated: 'c.Handoff_Summary_Truncated',
          fieldLabels: Object.fromEntries(
            Object.entries(
              load<{ fields: Record<string, { label: string }> }>('getObjectInfo').fields
            ).map(([field, info]) => [field, info.label])
          )
        },
        formatNumber
      )
    );
    expect(toasts).toEqual([{ title: 'c.Handoff_Panel_Summary_Copied', variant: 'success' }]);
  });

  it('falls back to selecting text when the Clipboard API is missing', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const execCommand = jest.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    const { element, toasts } = await renderPanel();
    await openSummary(element);
    click(element, 'copy');
    await flush();
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(toasts).toEqual([{ title: 'c.Handoff_Panel_Summary_Copied', variant: 'success' }]);
  });

  it('shows the text and says how to copy it by hand when copying fails', async () => {
    const writeText = jest.fn().mockRejectedValue(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    Object.defineProperty(document, 'execCommand', {
      value: jest.fn().mockReturnValue(false),
      configurable: true
    });
    const { element, toasts } = await renderPanel();
    await openSummary(element);
    click(element, 'copy');
    await flush();
    expect(toasts).toEqual([{ title: 'c.Handoff_Panel_Summary_Copy_Failed', variant: 'warning' }]);
    expect($(element, '[data-id="plain-text"]')).not.toBeNull();
  });

  it('prints', async () => {
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    const { element } = await renderPanel();
    await openSummary(element);
    click(element, 'print');
    await flush();
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});

// ---------------------------------------------------------------------------------------------
// After close
// ---------------------------------------------------------------------------------------------

describe('after close', () => {
  it.each([
    ['47 h 59 min', (47 * 60 + 59) * 60000, /^47 h 59 min left/],
    ['exactly two days', 48 * 60 * 60000, /^2 d 0 h left/],
    ['12 days 4 hours 30 min', ((12 * 24 + 4) * 60 + 30) * 60000, /^12 d 4 h left/]
  ])('counts the SLA clock in days and hours from two days left (%s)', async (_name, ms, shown) => {
    const handoff = load<Record<string, unknown>>('getLatestHandoff');
    handoff.firstTouchDueAt = new Date(Date.now() + (ms as number) + 30000).toISOString();
    const { element } = await renderPanel({ handoff });
    expect(textOf(element, '[data-id="sla"]')).toMatch(shown as RegExp);
  });

  it('shows the frozen summary, the CSM and the SLA clock, and copies the frozen text', async () => {
    const handoff = load<Record<string, unknown>>('getLatestHandoff');
    handoff.firstTouchDueAt = new Date(Date.now() + (5 * 60 + 10) * 60000 + 30000).toISOString();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { element } = await renderPanel({ handoff });

    expect(textOf(element, '[data-id="csm-name"]')).toBe('Casey Success');
    expect(textOf(element, '[data-id="handoff-status"]')).toBe('In Review');
    expect(textOf(element, '[data-id="sla"]')).toMatch(/^5 h 10 min left/);
    // Nothing blocks a closed deal: no blockers list, no exception.
    expect($(element, 'c-handoff-panel-blockers')).toBeNull();
    expect($(element, '[data-id="missing-list"]')).toBeNull();
    expect($(element, 'c-handoff-panel-exception')).toBeNull();
    await openSummary(element);
    // Raw text: the pre-wrap box must not gain whitespace from the template's layout.
    expect($(element, '[data-id="frozen-summary"]')?.textContent).toBe(handoff.summary);
    expect($(element, '[data-id="request-button"]')).toBeNull();

    click(element, 'copy');
    await flush();
    expect(writeText).toHaveBeenCalledWith(handoff.summary);
  });

  it('shows a breached SLA', async () => {
    const handoff = load<Record<string, unknown>>('getLatestHandoff');
    handoff.firstTouchDueAt = '2020-06-15T12:00:00.000Z';
    handoff.slaBreached = true;
    const { element } = await renderPanel({ handoff });
    expect(textOf(element, '[data-id="sla"]')).toMatch(/^Overdue since .*2020/);
    expect($(element, '[data-id="sla"] .slds-text-color_error')).not.toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------------------------

describe('accessibility', () => {
  it('labels every region, control and icon, and announces changes', async () => {
    const { element } = await renderPanel();

    // Each section (the panel's and its children's) is labelled by a heading that exists.
    const sections = $$(element, 'section[aria-labelledby]');
    expect(sections.length).toBeGreaterThanOrEqual(6);
    for (const section of sections) {
      const heading = byIdRef(section, 'aria-labelledby');
      expect(heading?.tagName).toMatch(/^H[2-4]$/);
      expect(heading?.textContent?.trim()).not.toBe('');
    }
    // The meter has a text alternative in a polite live region.
    const assistive = $(element, '[data-id="meter-assistive"]');
    expect(assistive?.classList.contains('slds-assistive-text')).toBe(true);
    expect(assistive?.getAttribute('aria-live')).toBe('polite');
    // Every button has a label; every field-state icon has a text alternative.
    for (const button of $$<HTMLElement & { label?: string }>(element, 'lightning-button')) {
      expect(button.label).toBeTruthy();
    }
    for (const icon of $$<HTMLElement & { alternativeText?: string }>(
      element,
      '.field-row lightning-icon'
    )) {
      expect(icon.alternativeText).toMatch(
        /: (c\.Handoff_Panel_Required, )?c\.Handoff_Panel_(Filled|Blank)$/
      );
    }
    // The asterisk is explained once, above the fields.
    expect(textOf(element, '[data-id="required-legend"]')).toBe('*c.Handoff_Panel_Required_Legend');
    // Fields are grouped by section with a legend.
    for (const fieldset of $$(element, 'fieldset')) {
      expect(fieldset.querySelector('legend')?.textContent?.trim()).not.toBe('');
    }
    // The email-text toggle says whether it is expanded.
    await openSummary(element);
    const toggle = $(element, '[data-id="plain-text-toggle"]');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    toggle?.click();
    await flush();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
  });

  it('runs the exception dialog from the keyboard: modal, labelled, Esc closes', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const { element } = await renderPanel();
    expect($(element, '[data-id="request-button"]')?.getAttribute('aria-haspopup')).toBe('dialog');
    click(element, 'request-button');
    await flush();

    const dialog = inDialog(element, 'dialog');
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    const title = byIdRef(dialog, 'aria-labelledby');
    expect(title?.textContent?.trim()).toBe('c.Handoff_Panel_Request_Title');
    const description = byIdRef(dialog, 'aria-describedby');
    expect(description?.textContent?.trim()).toBe('c.Handoff_Panel_Request_Intro');
    // The focus goes to the first field when the dialog opens.
    expect(focus.mock.contexts).toContain($(element, '[data-id="request-reason"]'));
    const reason = $(element, '[data-id="request-reason"]') as unknown as {
      label: string;
      required: boolean;
    };
    expect(reason.label).toBe('c.Handoff_Panel_Request_Reason');
    expect(reason.required).toBe(true);
    const due = $(element, '[data-id="request-due"]') as unknown as { label: string; min: string };
    expect(due.label).toBe('c.Handoff_Panel_Request_Due');
    expect(due.min).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(inDialog(element, 'close')?.querySelector('.slds-assistive-text')?.textContent).toBe(
      'c.Handoff_Panel_Request_Close'
    );

    focus.mockClear();
    dialog?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();
    expect($(element, '[data-id="request-dialog"]')).toBeNull();
    // The focus goes back to the button that opened the dialog.
    expect(focus.mock.contexts).toContain($(element, '[data-id="request-button"]'));
    focus.mockRestore();
  });
});
