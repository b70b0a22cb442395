/**
 * Draft with AI in c/handoffPanel (issue 16; docs/ai-draft.md, "What the AE sees"): hidden where
 * HandoffAiDraftController.isAvailable says false (the AI package absent or no permission) or
 * fails, and after close; shown where it says true; while drafting a spinner and the button
 * disabled; the answer shown as suggestions beside the empty fields (source AI), accepted,
 * accepted all and dismissed like the pre-fill's, never over a value; a refusal shown as its
 * message with the panel still usable.
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
import isAvailable from '@salesforce/apex/HandoffAiDraftController.isAvailable';
import draft from '@salesforce/apex/HandoffAiDraftController.draft';
import HandoffPanel from 'c/handoffPanel';
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
  '@salesforce/apex/HandoffAiDraftController.isAvailable',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/HandoffAiDraftController.draft', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/HandoffPanelController.requestException',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Panel_Ai_Draft', () => ({ default: 'Draft with AI' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Panel_Ai_Drafting', () => ({ default: 'Drafting…' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Panel_Ai_Source', () => ({ default: 'Drafted by AI' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Panel_Ai_None', () => ({ default: 'Nothing drafted' }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}
interface RecordData {
  fields: Record<string, { value: unknown; displayValue: string | null } | undefined>;
}
type Panel = HTMLElement & { recordId?: string };

const adapter = (value: unknown): TestWireAdapter => value as TestWireAdapter;
const draftMock = draft as unknown as jest.Mock;
const RECORD_ID = '006000000000001AAA';

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, 'data', `${name}.json`), 'utf8')) as T;
}

async function flush(times = 6): Promise<void> {
  if (times > 0) {
    await Promise.resolve();
    await flush(times - 1);
  }
}

/** The AI's answer for the fixture deal: goals is filled on the record, the rest are empty. */
const ANSWER = [
  ['Handoff_Customer_Goals__c', 'Cut onboarding to 30 days.'],
  ['Handoff_Risks__c', 'Security review still open.'],
  ['Handoff_Commitments__c', 'Two admin trainings in April.'],
  ['Handoff_Notes__c', 'Won on EU data residency.']
].map(([field, value]) => ({
  field,
  value,
  displayValue: value,
  source: 'AI',
  mapping: 'Handoff_Draft',
  detail: 'Handoff_Draft',
  ambiguous: false
}));

async function render(
  options: { available?: boolean | 'error' | 'none'; handoff?: unknown; record?: RecordData } = {}
): Promise<Panel> {
  const element = createElement('c-handoff-panel', { is: HandoffPanel }) as unknown as Panel;
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  adapter(getPanelConfig).emit(load('getPanelConfig'));
  adapter(uiObjectInfoApi.getObjectInfo).emit(load('getObjectInfo'));
  adapter(uiRecordApi.getRecord).emit(options.record ?? load('getRecord'));
  adapter(getExceptionState).emit(load('getExceptionState'));
  adapter(getLatestHandoff).emit(options.handoff ?? null);
  // No pre-fill mapping: every suggestion shown comes from the AI.
  adapter(getPrefillSources).emit({ ...load<object>('getPrefillSources'), mappings: [] });
  const available = options.available ?? true;
  if (available === 'error') {
    adapter(isAvailable).error({ message: 'No access to HandoffAiDraftController' });
  } else if (available !== 'none') {
    adapter(isAvailable).emit(available);
  }
  await flush();
  return element;
}

const $ = <E extends Element = HTMLElement>(el: Panel, selector: string): E | null =>
  deepQuery<E>(el.shadowRoot, selector);
const suggested = (el: Panel): string[] =>
  deepQueryAll(el.shadowRoot, '[data-suggestion]').map(
    (b) => b.getAttribute('data-suggestion') ?? ''
  );
const box = (el: Panel, field: string): HTMLElement | null => $(el, `[data-suggestion="${field}"]`);
const within = (root: HTMLElement | null, dataId: string): HTMLElement | null =>
  root?.querySelector<HTMLElement>(`[data-id="${dataId}"]`) ?? null;
const input = (el: Panel, field: string) =>
  deepQueryAll<HTMLElement & { fieldName: string; value?: unknown }>(
    el.shadowRoot,
    'lightning-input-field'
  ).find((i) => i.fieldName === field);
const button = (el: Panel): HTMLButtonElement | null =>
  $<HTMLButtonElement>(el, '[data-id="ai-draft-button"]');

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  draftMock.mockReset();
});

describe('Draft with AI in the panel', () => {
  it.each([[false], ['error'], ['none']] as const)(
    'is hidden where isAvailable says %s (false, failed or not answered)',
    async (available) => {
      const el = await render({ available });
      expect(button(el)).toBeNull();
      expect(draftMock).not.toHaveBeenCalled();
    }
  );

  it('is shown where isAvailable says true, before close only', async () => {
    const el = await render();
    expect(button(el)?.textContent?.trim()).toBe('Draft with AI');
    expect(button(el)?.disabled).toBe(false);
    document.body.removeChild(el);
    const closed = await render({ handoff: load('getLatestHandoff') });
    expect($(closed, '[data-id="after-close"]')).not.toBeNull();
    expect(button(closed)).toBeNull();
  });

  it('while drafting: a spinner, the button disabled and saying so, one call for the deal', async () => {
    let answer: (value: unknown) => void = () => undefined;
    draftMock.mockReturnValue(
      new Promise((resolve) => {
        answer = resolve;
      })
    );
    const el = await render();
    button(el)?.click();
    button(el)?.click();
    await flush();
    expect(draftMock).toHaveBeenCalledTimes(1);
    expect(draftMock).toHaveBeenCalledWith({ opportunityId: RECORD_ID });
    expect(button(el)?.disabled).toBe(true);
    expect(button(el)?.textContent?.trim()).toBe('Drafting…');
    expect($(el, '[data-id="ai-spinner"] lightning-spinner')).not.toBeNull();
    answer([]);
    await flush();
    expect(button(el)?.disabled).toBe(false);
    expect($(el, '[data-id="ai-spinner"]')).toBeNull();
    expect($(el, '[data-id="ai-notice"]')?.textContent?.trim()).toBe('Nothing drafted');
  });

  it('shows the answer beside the empty fields like the pre-fill, never over a value', async () => {
    draftMock.mockResolvedValue(ANSWER);
    const el = await render();
    expect(suggested(el)).toEqual([]);
    button(el)?.click();
    await flush();
    // Goals is filled on the record: its draft is not offered.
    expect([...suggested(el)].sort()).toEqual([
      'Handoff_Commitments__c',
      'Handoff_Notes__c',
      'Handoff_Risks__c'
    ]);
    const risks = box(el, 'Handoff_Risks__c');
    expect(within(risks, 'suggestion-value')?.textContent).toBe('Security review still open.');
    expect(within(risks, 'suggestion-source')?.textContent?.trim()).toBe('Drafted by AI');
    expect($(el, '[data-id="accept-all"]')).not.toBeNull();
    expect($(el, '[data-id="ai-notice"]')).toBeNull();
    expect($(el, '[data-id="ai-error"]')).toBeNull();

    // A value typed before accepting wins.
    input(el, 'Handoff_Notes__c')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'Typed by the AE' } })
    );
    await flush();
    expect(box(el, 'Handoff_Notes__c')).toBeNull();
  });

  it('accept one, dismiss one, accept all; the save records the AI as the source', async () => {
    draftMock.mockResolvedValue(ANSWER);
    const el = await render();
    button(el)?.click();
    await flush();
    within(box(el, 'Handoff_Risks__c'), 'suggestion-accept')?.click();
    await flush();
    expect(input(el, 'Handoff_Risks__c')?.value).toBe('Security review still open.');
    expect(box(el, 'Handoff_Risks__c')).toBeNull();
    within(box(el, 'Handoff_Notes__c'), 'suggestion-dismiss')?.click();
    await flush();
    expect(box(el, 'Handoff_Notes__c')).toBeNull();
    expect(input(el, 'Handoff_Notes__c')?.value).toBeUndefined();
    $(el, '[data-id="accept-all"]')?.click();
    await flush();
    expect(suggested(el)).toEqual([]);
    expect(input(el, 'Handoff_Commitments__c')?.value).toBe('Two admin trainings in April.');
    const fields = $<HTMLElement & { prefilledFields: string | null }>(
      el,
      'c-handoff-panel-fields'
    );
    expect((fields?.prefilledFields ?? '').split(';').sort()).toEqual([
      'Handoff_Commitments__c:Handoff_Draft',
      'Handoff_Risks__c:Handoff_Draft'
    ]);
  });

  it('a refusal: its message under the button, nothing suggested, the panel still usable', async () => {
    draftMock.mockRejectedValue({
      body: { message: 'You do not have permission to draft with AI.' },
      status: 400
    });
    const el = await render();
    button(el)?.click();
    await flush();
    expect($(el, '[data-id="ai-error"]')?.textContent?.trim()).toBe(
      'You do not have permission to draft with AI.'
    );
    expect($(el, '#ai-draft-status, [aria-live="polite"] [data-id="ai-error"]')).not.toBeNull();
    expect(suggested(el)).toEqual([]);
    expect(button(el)?.disabled).toBe(false);
    expect($(el, '[data-id="load-error"]')).toBeNull();
    input(el, 'Handoff_Risks__c')?.dispatchEvent(
      new CustomEvent('change', { detail: { value: 'x' } })
    );
    await flush();
    expect($(el, '[data-id="unsaved"]')).not.toBeNull();

    // Trying again clears the message and shows the answer.
    draftMock.mockResolvedValue(ANSWER);
    button(el)?.click();
    await flush();
    expect($(el, '[data-id="ai-error"]')).toBeNull();
    expect(suggested(el)).toContain('Handoff_Commitments__c');
  });
  it('gives the focus back to the button when the page lost it while drafting, never away from the AE', async () => {
    draftMock.mockRejectedValue({ body: { message: 'Refused.' }, status: 400 });
    const el = await render();
    const target = button(el) as HTMLElement;
    const focus = jest.spyOn(target, 'focus');
    // The disabled button dropped the focus to the page.
    (document.activeElement as HTMLElement | null)?.blur();
    target.click();
    await flush(12);
    expect(focus).toHaveBeenCalledTimes(1);

    // The AE moved on to a field while the draft ran: the focus stays there.
    focus.mockClear();
    const elsewhere = document.createElement('input');
    document.body.appendChild(elsewhere);
    elsewhere.focus();
    target.click();
    await flush(12);
    expect(focus).not.toHaveBeenCalled();
    elsewhere.remove();
  });
});
