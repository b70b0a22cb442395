/**
 * Pre-fill suggestions in c/handoffPanel (issue 16; docs/behaviour.md, "Pre-fill"): none, some,
 * sources the org lacks, accept one, accept all, dismiss (remembered for the session), a typed
 * value wins, an edit after accepting, what the save records in Handoff_Prefilled_Fields__c, the
 * meter's projection, an error from getPrefillSources (the panel works on), after close and
 * read-only fields. getPrefillSources is mocked with data/getPrefillSources.json, the shape of
 * HandoffPanelController.PrefillSources (the browser harness's stand-in reads the same file).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import * as uiRecordApi from 'lightning/uiRecordApi';
import * as uiObjectInfoApi from 'lightning/uiObjectInfoApi';
import getPanelConfig from '@salesforce/apex/HandoffPanelController.getPanelConfig';
import getExceptionState from '@salesforce/apex/HandoffPanelController.getExceptionState';
import getLatestHandoff from '@salesforce/apex/HandoffPanelController.getLatestHandoff';
import getPrefillSources from '@salesforce/apex/HandoffPanelController.getPrefillSources';
import HandoffPanel from 'c/handoffPanel';
import { evaluate } from 'c/handoffRules';
import type { RuleConfig } from 'c/handoffRules';
import { deepQuery, deepQueryAll } from '../../../../../test/jest-helpers/shadowQuery';

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
  '@salesforce/apex/HandoffPanelController.getPrefillSources',
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
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Prefill_Projected',
  () => ({ default: '{0}% → {1}%' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_Panel_Prefill_From_Role', () => ({ default: 'Role: {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Prefill_From_Competitors',
  () => ({ default: 'Competitors ({0})' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Prefill_From_Field',
  () => ({ default: 'Field: {0}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Prefill_Accept_Field',
  () => ({ default: 'Accept for {0}' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Panel_Meter_Text', () => ({ default: '{0}% complete' }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}
interface RecordData {
  fields: Record<string, { value: unknown; displayValue: string | null } | undefined>;
}
interface Prefill {
  mappings: unknown[];
  sources: Record<string, unknown>;
  current: Record<string, unknown>;
  fieldTypes: Record<string, string>;
}
type Panel = HTMLElement & { recordId?: string };

const adapter = (value: unknown): TestWireAdapter => value as TestWireAdapter;
const recordAdapter = adapter(uiRecordApi.getRecord);
const objectInfoAdapter = adapter(uiObjectInfoApi.getObjectInfo);
const configAdapter = adapter(getPanelConfig);
const exceptionAdapter = adapter(getExceptionState);
const handoffAdapter = adapter(getLatestHandoff);
const prefillAdapter = adapter(getPrefillSources);

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, 'data', `${name}.json`), 'utf8')) as T;
}

async function flush(times = 6): Promise<void> {
  if (times > 0) {
    await Promise.resolve();
    await flush(times - 1);
  }
}

let recordCounter = 0;

async function render(
  options: {
    prefill?: Prefill | 'error' | 'none';
    record?: RecordData;
    objectInfo?: Record<string, unknown>;
    handoff?: unknown;
    recordId?: string;
  } = {}
): Promise<Panel> {
  const element = createElement('c-handoff-panel', { is: HandoffPanel }) as unknown as Panel;
  recordCounter++;
  element.recordId = options.recordId ?? `006000000000${String(recordCounter).padStart(3, '0')}AAA`;
  document.body.appendChild(element);
  configAdapter.emit(load('getPanelConfig'));
  objectInfoAdapter.emit(options.objectInfo ?? load('getObjectInfo'));
  recordAdapter.emit(options.record ?? load('getRecord'));
  exceptionAdapter.emit(load('getExceptionState'));
  handoffAdapter.emit(options.handoff ?? null);
  if (options.prefill === 'error') {
    prefillAdapter.error({ message: 'Insufficient access' });
  } else if (options.prefill !== 'none') {
    prefillAdapter.emit(options.prefill ?? load<Prefill>('getPrefillSources'));
  }
  await flush();
  return element;
}

const $ = <E extends Element = HTMLElement>(el: Panel, selector: string): E | null =>
  deepQuery<E>(el.shadowRoot, selector);
const $$ = <E extends Element = HTMLElement>(el: Panel, selector: string): E[] =>
  deepQueryAll<E>(el.shadowRoot, selector);
const suggested = (el: Panel): string[] =>
  $$(el, '[data-suggestion]').map((box) => box.getAttribute('data-suggestion') ?? '');
const box = (el: Panel, field: string): HTMLElement | null => $(el, `[data-suggestion="${field}"]`);
const within = (root: HTMLElement | null, dataId: string): HTMLElement | null =>
  root?.querySelector<HTMLElement>(`[data-id="${dataId}"]`) ?? null;
const input = (el: Panel, field: string) =>
  $$<HTMLElement & { fieldName: string; value?: unknown }>(el, 'lightning-input-field').find(
    (i) => i.fieldName === field
  );
const meter = (el: Panel): number =>
  ($(el, '[data-id="meter"]') as unknown as { value: number }).value;

/** The completeness of the fixture deal with some values laid over the record. */
function completenessWith(values: Record<string, unknown>): number {
  const config = load<{ rules: RuleConfig }>('getPanelConfig');
  const record = load<RecordData>('getRecord');
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
      employees: null,
      type: record.fields.Type?.value as string,
      segmentOverride: null,
      values: all
    },
    config.rules
  ).completeness;
}

const EXPECTED_FIELDS = [
  'Handoff_Commitments__c',
  'Handoff_Competitive_Context__c',
  'Handoff_Executive_Sponsor__c',
  'Handoff_Scope__c',
  'Handoff_Stakeholders__c',
  'Handoff_Technical_Contact__c'
];
const SUGGESTED_VALUES: Record<string, string> = {
  Handoff_Executive_Sponsor__c: '003000000000002AAA',
  Handoff_Technical_Contact__c: '003000000000003AAA',
  Handoff_Competitive_Context__c:
    'Globex CRM | Strengths: Cheaper per seat | Weaknesses: No EU data residency',
  Handoff_Scope__c: 'Platform licence | Qty 400 | From 2026-04-01 | Sales Cloud seats',
  Handoff_Commitments__c: 'Kick-off call with IT on 12 March',
  Handoff_Stakeholders__c:
    'Priya Raman | VP Customer Operations | Decision Maker (primary) | priya@example.com\n' +
    'Sam Okafor | CFO | Economic Buyer | sam@example.com\n' +
    'Lee Chen | IT Director | Technical Buyer'
};

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
});

describe('pre-fill suggestions in the panel', () => {
  it('shows none, and no Accept all or projection, when no mapping applies', async () => {
    const prefill = load<Prefill>('getPrefillSources');
    prefill.mappings = [];
    const el = await render({ prefill });
    expect(suggested(el)).toEqual([]);
    expect($(el, '[data-id="accept-all"]')).toBeNull();
    expect($(el, '[data-id="meter-projected"]')).toBeNull();
    expect($(el, '[data-id="prefill-notice"]')).toBeNull();
  });

  it('shows none before getPrefillSources answers', async () => {
    const el = await render({ prefill: 'none' });
    expect(suggested(el)).toEqual([]);
    expect($$(el, 'lightning-input-field').length).toBeGreaterThan(0);
  });

  it('shows a suggestion beside each empty field it has one for, with its source', async () => {
    const el = await render();
    expect([...suggested(el)].sort()).toEqual(EXPECTED_FIELDS);
    // The champion is filled on the record: never suggested over it.
    expect(box(el, 'Handoff_Champion__c')).toBeNull();
    const sponsor = box(el, 'Handoff_Executive_Sponsor__c');
    expect(within(sponsor, 'suggestion-value')?.textContent).toBe('Sam Okafor');
    expect(within(sponsor, 'suggestion-source')?.textContent?.trim()).toBe('Role: Economic Buyer');
    expect(
      within(box(el, 'Handoff_Competitive_Context__c'), 'suggestion-source')?.textContent?.trim()
    ).toBe('Competitors (1)');
    expect(
      within(box(el, 'Handoff_Commitments__c'), 'suggestion-source')?.textContent?.trim()
    ).toBe('Field: NextStep');
    const accept = within(sponsor, 'suggestion-accept');
    expect(accept?.getAttribute('aria-label')).toMatch(/^Accept for /);
    expect(accept?.tagName).toBe('BUTTON');
    expect($(el, '[data-id="accept-all"]')).not.toBeNull();
  });

  it('shows on the meter what accepting all would do, in the live region too', async () => {
    const el = await render();
    const now = completenessWith({});
    const after = completenessWith(SUGGESTED_VALUES);
    expect(after).toBeGreaterThan(now);
    expect(meter(el)).toBe(now);
    expect($(el, '[data-id="meter-projected"]')?.textContent).toBe(`${now}% → ${after}%`);
    const live = $(el, '[data-id="meter-assistive"]');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(live?.textContent).toContain(`${now}% → ${after}%`);
  });

  it('offers only what the sources the org has give (contact roles, competitors, products missing)', async () => {
    const prefill = load<Prefill>('getPrefillSources');
    prefill.sources = { ...prefill.sources, contactRoles: null, competitors: null, products: [] };
    const el = await render({ prefill });
    expect(suggested(el)).toEqual(['Handoff_Commitments__c']);
  });

  it('accept one: fills the input, drops the suggestion, counts on the meter and is saved as pre-filled', async () => {
    const el = await render();
    within(box(el, 'Handoff_Executive_Sponsor__c'), 'suggestion-accept')?.click();
    await flush();
    expect(box(el, 'Handoff_Executive_Sponsor__c')).toBeNull();
    expect(input(el, 'Handoff_Executive_Sponsor__c')?.value).toBe('003000000000002AAA');
    expect(meter(el)).toBe(
      completenessWith({ Handoff_Executive_Sponsor__c: '003000000000002AAA' })
    );
    expect(suggested(el).length).toBe(EXPECTED_FIELDS.length - 1);

    type Form = HTMLElement & { submit: (f: unknown) => void };
    const form = $<Form>(el, 'lightning-record-edit-form');
    const submitSpy = jest.spyOn(form as Form, 'submit');
    const event = new CustomEvent('submit', {
      cancelable: true,
      detail: { fields: { Handoff_Executive_Sponsor__c: '003000000000002AAA' } }
    });
    form?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(submitSpy).toHaveBeenCalledWith({
      Handoff_Executive_Sponsor__c: '003000000000002AAA',
      Handoff_Prefilled_Fields__c: 'Handoff_Executive_Sponsor__c:Executive_Sponsor_Contact_Role'
    });
  });

  it('accept all: fills every suggested field and records each with its mapping, merged with what was saved', async () => {
    const record = load<RecordData>('getRecord');
    record.fields.Handoff_Prefilled_Fields__c = {
      value: 'Handoff_Champion__c:Champion_Contact_Role',
      displayValue: null
    };
    const el = await render({ record });
    $(el, '[data-id="accept-all"]')?.click();
    await flush();
    expect(suggested(el)).toEqual([]);
    expect($(el, '[data-id="meter-projected"]')).toBeNull();
    for (const [field, value] of Object.entries(SUGGESTED_VALUES)) {
      expect(input(el, field)?.value).toBe(value);
    }
    expect(meter(el)).toBe(completenessWith(SUGGESTED_VALUES));
    const fields = $<HTMLElement & { prefilledFields: string | null }>(
      el,
      'c-handoff-panel-fields'
    );
    const entries = (fields?.prefilledFields ?? '').split(';').sort();
    expect(entries).toEqual(
      [
        'Handoff_Champion__c:Champion_Contact_Role',
        'Handoff_Commitments__c:Commitments_Next_Step',
        'Handoff_Competitive_Context__c:Competitive_Context_Competitors',
        'Handoff_Executive_Sponsor__c:Executive_Sponsor_Contact_Role',
        'Handoff_Scope__c:Scope_Products',
        'Handoff_Stakeholders__c:Stakeholders_Contact_Roles',
        'Handoff_Technical_Contact__c:Technical_Contact_Contact_Role'
      ].sort()
    );
  });

  it('a field edited after accepting is no longer counted as pre-filled', async () => {
    const el = await render();
    within(box(el, 'Handoff_Scope__c'), 'suggestion-accept')?.click();
    within(box(el, 'Handoff_Commitments__c'), 'suggestion-accept')?.click();
    await flush();
    input(el, 'Handoff_Scope__c')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: '400 seats, EMEA only' } })
    );
    await flush();
    const fields = $<HTMLElement & { prefilledFields: string | null }>(
      el,
      'c-handoff-panel-fields'
    );
    expect(fields?.prefilledFields).toBe('Handoff_Commitments__c:Commitments_Next_Step');
  });

  it('saves Handoff_Prefilled_Fields__c untouched when nothing was accepted', async () => {
    const el = await render();
    input(el, 'Handoff_Risks__c')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'x' } })
    );
    await flush();
    const form = $(el, 'lightning-record-edit-form');
    const event = new CustomEvent('submit', { cancelable: true, detail: { fields: {} } });
    form?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('reads the suggestion with a space between its label and its value', async () => {
    const el = await render();
    const text = box(el, 'Handoff_Scope__c')?.querySelector('p')?.textContent ?? '';
    expect(text).toBe(`c.Handoff_Panel_Prefill_Suggested ${SUGGESTED_VALUES.Handoff_Scope__c}`);
  });

  it("never saves the pre-filled list alone: a submit without the form's fields is left be", async () => {
    const el = await render();
    $(el, '[data-id="accept-all"]')?.click();
    await flush();
    const form = $(el, 'lightning-record-edit-form');
    type Form = HTMLElement & { submit: (f: unknown) => void };
    const submitSpy = jest.spyOn(form as Form, 'submit');
    // A bare submit (such as a native form submit reaching the host) carries no fields.
    const event = new CustomEvent('submit', { cancelable: true });
    form?.dispatchEvent(event);
    expect(submitSpy).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('a value the AE types wins: its suggestion goes and is not offered again', async () => {
    const el = await render();
    input(el, 'Handoff_Scope__c')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Typed by the AE' } })
    );
    await flush();
    expect(box(el, 'Handoff_Scope__c')).toBeNull();
    $(el, '[data-id="accept-all"]')?.click();
    await flush();
    expect(input(el, 'Handoff_Scope__c')?.value).not.toBe(SUGGESTED_VALUES.Handoff_Scope__c);
  });

  it('dismiss: the suggestion goes, for the rest of the session, even when the panel is rendered again', async () => {
    const recordId = '006000000000999AAA';
    const el = await render({ recordId });
    within(box(el, 'Handoff_Technical_Contact__c'), 'suggestion-dismiss')?.click();
    await flush();
    expect(box(el, 'Handoff_Technical_Contact__c')).toBeNull();
    expect(input(el, 'Handoff_Technical_Contact__c')?.value).toBeUndefined();
    expect(suggested(el).length).toBe(EXPECTED_FIELDS.length - 1);
    document.body.removeChild(el);
    const again = await render({ recordId });
    expect(box(again, 'Handoff_Technical_Contact__c')).toBeNull();
    expect(box(again, 'Handoff_Executive_Sponsor__c')).not.toBeNull();
  });

  it('an error from getPrefillSources: no suggestion, a quiet notice, the fields still work', async () => {
    const el = await render({ prefill: 'error' });
    expect(suggested(el)).toEqual([]);
    const notice = $(el, '[data-id="prefill-notice"]');
    expect(notice?.getAttribute('role')).toBe('status');
    expect($(el, '[data-id="load-error"]')).toBeNull();
    input(el, 'Handoff_Risks__c')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'x' } })
    );
    await flush();
    expect(meter(el)).toBe(completenessWith({ Handoff_Risks__c: 'x' }));
  });

  it('none after close', async () => {
    const el = await render({ handoff: load('getLatestHandoff') });
    expect($(el, '[data-id="after-close"]')).not.toBeNull();
    expect(suggested(el)).toEqual([]);
    expect($(el, '[data-id="meter-projected"]')).toBeNull();
  });

  it('none for a field the user cannot edit', async () => {
    const objectInfo = load<{ fields: Record<string, { updateable?: boolean }> }>('getObjectInfo');
    objectInfo.fields.Handoff_Scope__c.updateable = false;
    const el = await render({ objectInfo });
    expect(box(el, 'Handoff_Scope__c')).toBeNull();
    expect(box(el, 'Handoff_Commitments__c')).not.toBeNull();
  });
});
