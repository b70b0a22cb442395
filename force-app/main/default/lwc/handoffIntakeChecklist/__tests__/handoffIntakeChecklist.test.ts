/**
 * Tests of c/handoffIntakeChecklist with a wire mock of HandoffIntakeController.getIntakeView,
 * through its child components (item rows, action bar, the forms in the modal dialog; the
 * queries below enter their shadow trees): the loading, error and empty states; the handoffs,
 * their SLA clocks and checklists; every action (item status, note, accept, return, escalate,
 * first touch, repeat ask, resubmit), their validation and server errors; the read-only view of
 * Sales; and accessibility (focus after forms and failures included).
 *
 * @sa11y/jest is not installed in this project, so the accessibility tests assert roles, ARIA
 * attributes, accessible names and focus explicitly.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getIntakeView from '@salesforce/apex/HandoffIntakeController.getIntakeView';
import saveItem from '@salesforce/apex/HandoffIntakeController.saveItem';
import acceptHandoffWithAnswer from '@salesforce/apex/HandoffIntakeController.acceptHandoffWithAnswer';
import returnToSalesWithAnswer from '@salesforce/apex/HandoffIntakeController.returnToSalesWithAnswer';
import getQualityFieldOptions from '@salesforce/apex/HandoffIntakeController.getQualityFieldOptions';
import resubmit from '@salesforce/apex/HandoffIntakeController.resubmit';
import logFirstTouch from '@salesforce/apex/HandoffIntakeController.logFirstTouch';
import escalate from '@salesforce/apex/HandoffIntakeController.escalate';
import recordRepeatAsk from '@salesforce/apex/HandoffIntakeController.recordRepeatAsk';
import HandoffIntakeChecklist from 'c/handoffIntakeChecklist';
import { byIdRef, deepQuery, deepQueryAll } from '../../../../../test/jest-helpers/shadowQuery';

// ---------------------------------------------------------------------------------------------
// Module mocks: the wire adapter, the imperative Apex calls, refreshApex, and the labels whose
// placeholders the tests read (every other label renders as its own name, `c.Handoff_Intake_…`).
// ---------------------------------------------------------------------------------------------

jest.mock(
  '@salesforce/apex/HandoffIntakeController.getIntakeView',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffIntakeController.saveItem',
  () => ({ default: jest.fn(() => Promise.resolve()) }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffIntakeController.acceptHandoffWithAnswer',
  () => ({ default: jest.fn(() => Promise.resolve()) }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffIntakeController.returnToSalesWithAnswer',
  () => ({ default: jest.fn(() => Promise.resolve()) }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffIntakeController.getQualityFieldOptions',
  () => ({
    default: jest.fn(() =>
      Promise.resolve([
        { value: 'Handoff_Customer_Goals__c', label: 'Customer Goals' },
        { value: 'Handoff_Champion__c', label: 'Champion' }
      ])
    )
  }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffIntakeController.resubmit',
  () => ({ default: jest.fn(() => Promise.resolve()) }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffIntakeController.logFirstTouch',
  () => ({ default: jest.fn(() => Promise.resolve()) }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffIntakeController.escalate',
  () => ({ default: jest.fn(() => Promise.resolve()) }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffIntakeController.recordRepeatAsk',
  () => ({ default: jest.fn(() => Promise.resolve()) }),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Intake_Accept_Hint',
  () => ({ default: 'Still open: {0}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Intake_Done_Accepted',
  () => ({ default: '{0} accepted.' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_Intake_Done_Item', () => ({ default: '{0}: {1}.' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Intake_Action_Failed', () => ({ default: 'Failed: {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Intake_Business_Hours_Left',
  () => ({ default: '{0} business hours left' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Intake_Hours_Left', () => ({ default: '{0} hours left' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Intake_Open_Record', () => ({ default: 'Open {0}' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Intake_Set_By', () => ({ default: 'Set by {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Intake_Stakeholder_Now_At',
  () => ({ default: 'left the account, now at {0}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Intake_Stakeholder_Role_Removed',
  () => ({ default: 'contact role removed: {0}' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Intake_Stakeholder_Inactive',
  () => ({ default: 'marked inactive ({0})' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Intake_Stakeholder_Back',
  () => ({ default: 'back as at close (was {0})' }),
  { virtual: true }
);

// ---------------------------------------------------------------------------------------------
// Test data and helpers
// ---------------------------------------------------------------------------------------------

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

type Handoff = HandoffIntake.HandoffView;
type View = HandoffIntake.IntakeView;

const wire = getIntakeView as unknown as TestWireAdapter;
const saveItemMock = saveItem as unknown as jest.Mock;
const acceptMock = acceptHandoffWithAnswer as unknown as jest.Mock;
const returnMock = returnToSalesWithAnswer as unknown as jest.Mock;
const qualityOptionsMock = getQualityFieldOptions as unknown as jest.Mock;
const resubmitMock = resubmit as unknown as jest.Mock;
const firstTouchMock = logFirstTouch as unknown as jest.Mock;
const escalateMock = escalate as unknown as jest.Mock;
const repeatAskMock = recordRepeatAsk as unknown as jest.Mock;
const refreshMock = refreshApex as unknown as jest.Mock;
const notifyMock = notifyRecordUpdateAvailable as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';
const FIRST = 'a0B000000000001AAA';
const SECOND = 'a0B000000000002AAA';

function viewData(): View {
  return JSON.parse(readFileSync(join(__dirname, 'data', 'getIntakeView.json'), 'utf8')) as View;
}

/** The view with the first handoff changed. */
function withFirst(overrides: Partial<Handoff>): View {
  const data = viewData();
  data.handoffs[0] = { ...data.handoffs[0], ...overrides };
  return data;
}

function render(objectApiName = 'Account', recordId = ACCOUNT_ID): HTMLElement {
  const element = createElement('c-handoff-intake-checklist', { is: HandoffIntakeChecklist });
  element.recordId = recordId;
  element.objectApiName = objectApiName;
  document.body.appendChild(element);
  return element;
}

/** Lets the component's promise chains and re-renders settle (a few microtask turns). */
async function flush(turns = 8): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function renderWith(data: View, objectApiName = 'Account'): Promise<HTMLElement> {
  const element = render(objectApiName);
  wire.emit(data);
  await flush();
  return element;
}

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return deepQuery(root(element), selector);
}

function $$(element: HTMLElement, selector: string): HTMLElement[] {
  return deepQueryAll(root(element), selector);
}

function handoffItem(element: HTMLElement, handoffId: string): HTMLElement {
  const item = $(element, `li[data-handoff="${handoffId}"]`);
  if (!item) {
    throw new Error(`no handoff ${handoffId}`);
  }
  return item;
}

function within(scope: HTMLElement, selector: string): HTMLElement | null {
  return deepQuery(scope, selector);
}

function button(scope: HTMLElement, selector: string): HTMLButtonElement {
  const found = deepQuery<HTMLButtonElement>(scope, selector);
  if (!found) {
    throw new Error(`no button ${selector}`);
  }
  return found;
}

function change(target: Element, value: unknown): void {
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** The action bar's "More actions" menu of a handoff, or null. */
function menu(element: HTMLElement, handoffId: string): HTMLElement | null {
  return within(handoffItem(element, handoffId), 'lightning-button-menu');
}

/** The values of the menu's items. */
function menuItems(element: HTMLElement, handoffId: string): string[] {
  const items = deepQueryAll<HTMLElement & { value: string }>(
    menu(element, handoffId),
    'lightning-menu-item'
  );
  return items.map((item) => item.value);
}

/** Opens a form: Return to Sales is a button, the others are in the menu. */
async function openForm(
  element: HTMLElement,
  handoffId: string,
  form: string
): Promise<HTMLElement> {
  if (form === 'return') {
    button(handoffItem(element, handoffId), `button[data-form="${form}"]`).click();
  } else {
    menu(element, handoffId)?.dispatchEvent(new CustomEvent('select', { detail: { value: form } }));
  }
  await flush();
  return root(element) as unknown as HTMLElement;
}

/** An element of the open form's dialog (`dialog`, `close`, `cancel`, `confirm`, `error`…). */
function inDialog(element: HTMLElement, id: string): HTMLElement | null {
  const modal = $(element, 'c-handoff-modal');
  return modal?.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function confirmForm(element: HTMLElement): void {
  inDialog(element, 'confirm')?.click();
}

/** Answers "Did you get what you needed?" in the open dialog. */
async function answerQuality(element: HTMLElement, score: number): Promise<void> {
  change($(element, '[data-field="score"]') as HTMLElement, String(score));
  await flush();
}

/** Clicks Accept, answers the question with `score` and confirms. */
async function acceptWith(element: HTMLElement, score: number): Promise<void> {
  button(handoffItem(element, FIRST), 'button[data-action="accept"]').click();
  await flush();
  await answerQuality(element, score);
  confirmForm(element);
  await flush();
}

const ANSWER_5 = { score: 5, gapFields: [], skipped: false, skipReason: '' };

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
  jest.restoreAllMocks();
});

// ---------------------------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------------------------

describe('c-handoff-intake-checklist states', () => {
  it('shows a spinner while the handoffs load', () => {
    const element = render();
    const spinner = $(element, '[data-id="loading"] lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner).not.toBeNull();
    expect(spinner.alternativeText).toBe('c.Handoff_Intake_Loading');
    expect($(element, 'ul')).toBeNull();
  });

  it('says what went wrong and what to do when loading fails, and retries', async () => {
    const element = render();
    wire.error({ message: 'You do not have access to the handoff fields.' });
    await flush();
    const error = $(element, '[data-id="load-error"]') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('You do not have access to the handoff fields.');
    expect(error.textContent).toContain('c.Handoff_Intake_Load_Error_Help');

    button(error, 'button[data-action="retry"]').click();
    await flush();
    expect(refreshMock).toHaveBeenCalledTimes(1);
  });

  it('after Try again, puts the focus on the first handoff once it loads (not on the page)', async () => {
    // Found in the browser harness: Try again disappeared with the focus on it.
    const element = render();
    wire.error({ message: 'Session expired.' });
    await flush();
    refreshMock.mockImplementationOnce(() => {
      wire.emit(viewData());
      return Promise.resolve();
    });
    button(
      $(element, '[data-id="load-error"]') as HTMLElement,
      'button[data-action="retry"]'
    ).click();
    await flush();
    expect($(element, '[data-id="load-error"]')).toBeNull();
    expect(root(element).activeElement).toBe(
      $(element, `button[data-action="toggle"][data-id="${FIRST}"]`)
    );
  });

  it('says when the account has no open handoffs', async () => {
    const element = await renderWith({ ...viewData(), handoffs: [] });
    expect($(element, '[data-id="empty"]')?.textContent).toContain(
      'c.Handoff_Intake_Empty_Account'
    );
    expect($(element, 'ul')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// What the CSM sees
// ---------------------------------------------------------------------------------------------

describe('c-handoff-intake-checklist handoffs', () => {
  it('lists every open handoff of the account, the first one expanded', async () => {
    const element = await renderWith(viewData());
    const toggles = $$(element, 'button[data-action="toggle"]');
    expect(toggles.map((t) => t.textContent?.trim())).toEqual(['HO-00001', 'HO-00002']);
    expect(toggles.map((t) => t.getAttribute('aria-expanded'))).toEqual(['true', 'false']);
    expect(within(handoffItem(element, FIRST), '[data-id="body"]')).not.toBeNull();
    expect(within(handoffItem(element, SECOND), '[data-id="body"]')).toBeNull();
    expect($$(element, '[data-id="status"]').map((s) => s.textContent)).toEqual([
      'In Review',
      'Returned to Sales'
    ]);
  });

  it("gives each expanded handoff its CS team (c/handoffIntakeTeam, by the handoff's Id)", async () => {
    const element = await renderWith(viewData());
    const teams = $$(element, 'c-handoff-intake-team') as (HTMLElement & { handoffId: string })[];
    expect(teams.map((team) => team.handoffId)).toEqual([FIRST]);
    button(handoffItem(element, SECOND), 'button[data-action="toggle"]').click();
    await flush();
    expect(
      ($$(element, 'c-handoff-intake-team') as (HTMLElement & { handoffId: string })[]).map(
        (team) => team.handoffId
      )
    ).toEqual([FIRST, SECOND]);
  });

  it('expands and collapses a handoff from its heading button', async () => {
    const element = await renderWith(viewData());
    const second = button(handoffItem(element, SECOND), 'button[data-action="toggle"]');
    second.click();
    await flush();
    expect(second.getAttribute('aria-expanded')).toBe('true');
    expect(within(handoffItem(element, SECOND), '[data-id="body"]')).not.toBeNull();
    second.click();
    await flush();
    expect(second.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the frozen summary, the deal and a link to the handoff on the Account page', async () => {
    const element = await renderWith(viewData());
    const first = handoffItem(element, FIRST);
    expect(within(first, '.summary')?.textContent).toContain('Cut onboarding time by half.');
    expect(within(first, 'a[data-id="open-record"]')?.textContent).toBe('Open HO-00001');
    expect(within(first, 'a[data-id="open-record"]')?.getAttribute('href')).toBe(
      `/lightning/r/${FIRST}/view`
    );
    expect(first.textContent).toContain('Acme - Platform');
  });

  it('leaves out the link to the handoff on the Handoff page itself', async () => {
    const data = viewData();
    data.handoffs = [data.handoffs[0]];
    const element = await renderWith(data, 'Handoff__c');
    expect($(element, 'a[data-id="open-record"]')).toBeNull();
    expect($(element, '[data-id="body"]')).not.toBeNull();
  });

  it('says when no summary was recorded and what was missing at close', async () => {
    const element = await renderWith(viewData());
    button(handoffItem(element, SECOND), 'button[data-action="toggle"]').click();
    await flush();
    const second = handoffItem(element, SECOND);
    expect(within(second, '[data-id="summary"]')?.textContent).toContain(
      'c.Handoff_Intake_Summary_Empty'
    );
    expect(second.textContent).toContain('Champion; Scope');
    expect(second.textContent).toContain('c.Handoff_Intake_Exception_Used');
  });
});

describe('c-handoff-intake-checklist stakeholder changes (issue 16)', () => {
  const CONTACT = '003000000000001AAA';
  const changes = [
    {
      id: 'a0S000000000001AAA',
      contactId: CONTACT,
      name: 'Ada Champion',
      roles: 'Champion; Decision Maker',
      status: 'Left Account',
      statusLabel: 'Left Account',
      detail: 'Other Corp',
      changedAt: '2099-03-04T06:00:00.000Z'
    },
    {
      id: 'a0S000000000002AAA',
      contactId: '003000000000002AAA',
      name: 'Bo Sponsor',
      roles: 'Executive Sponsor',
      status: 'Inactive',
      statusLabel: 'Inactive',
      detail: 'Department = Left Company',
      changedAt: '2099-03-04T06:00:00.000Z'
    },
    {
      id: 'a0S000000000003AAA',
      contactId: '003000000000003AAA',
      name: 'Cy Tech',
      roles: null,
      status: 'Role Removed',
      statusLabel: 'Role Removed',
      detail: 'Technical Buyer',
      changedAt: '2099-03-04T06:00:00.000Z'
    },
    {
      id: 'a0S000000000004AAA',
      contactId: null,
      name: 'Di Gone',
      roles: 'Champion',
      status: 'Contact Deleted',
      statusLabel: 'Contact Deleted',
      detail: null,
      changedAt: '2099-03-04T06:00:00.000Z'
    },
    {
      id: 'a0S000000000005AAA',
      contactId: '003000000000005AAA',
      name: 'Ed Back',
      roles: 'Decision Maker',
      status: 'Active',
      statusLabel: 'Active',
      detail: 'Role Removed',
      changedAt: '2099-03-04T06:00:00.000Z'
    }
  ];

  it('lists who changed and how, each linked to the contact', async () => {
    const element = await renderWith(withFirst({ stakeholderChanges: changes }));
    const notice = within(handoffItem(element, FIRST), '[data-id="stakeholder-changes"]');
    expect(notice).not.toBeNull();
    expect(notice?.textContent).toContain('c.Handoff_Intake_Stakeholders_Heading');
    const lines = Array.from(notice?.querySelectorAll('li') ?? []).map((li) =>
      (li.textContent ?? '').replace(/\s+/g, ' ').trim()
    );
    expect(lines).toEqual([
      'Ada Champion (Champion; Decision Maker): left the account, now at Other Corp',
      'Bo Sponsor (Executive Sponsor): marked inactive (Department = Left Company)',
      'Cy Tech : contact role removed: Technical Buyer',
      'Di Gone (Champion): c.Handoff_Intake_Stakeholder_Deleted',
      'Ed Back (Decision Maker): back as at close (was Role Removed)'
    ]);
    const link = notice?.querySelector('a[data-id="stakeholder-contact"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/lightning/r/${CONTACT}/view`);
    expect(link.textContent).toBe('Ada Champion');
    // A deleted contact has nothing to link to.
    const deleted = notice?.querySelector('li[data-stakeholder="a0S000000000004AAA"]');
    expect(deleted?.querySelector('a')).toBeNull();
  });

  it('says left the account without a new account when the contact has none', async () => {
    const element = await renderWith(
      withFirst({ stakeholderChanges: [{ ...changes[0], detail: null }] })
    );
    const how = within(handoffItem(element, FIRST), '[data-id="stakeholder-how"]');
    expect(how?.textContent).toBe('c.Handoff_Intake_Stakeholder_Left_Account');
  });

  it('shows no notice when no stakeholder changed, or the server sent none', async () => {
    const element = await renderWith(withFirst({ stakeholderChanges: [] }));
    expect(within(handoffItem(element, FIRST), '[data-id="stakeholder-changes"]')).toBeNull();
    const older = await renderWith(viewData());
    expect(within(handoffItem(older, FIRST), '[data-id="stakeholder-changes"]')).toBeNull();
  });
});

describe('c-handoff-intake-checklist SLA clock', () => {
  it('shows the due time and the business hours left while the clock runs', async () => {
    const element = await renderWith(viewData());
    const running = within(handoffItem(element, FIRST), '[data-id="sla-running"]');
    expect(running?.textContent).toContain('6.5 business hours left');
    expect(within(handoffItem(element, FIRST), '[data-id="review-due"]')?.textContent).toContain(
      'c.Handoff_Intake_Review_Due'
    );
  });

  it('falls back to calendar hours when the server sent no business hours', async () => {
    const due = new Date(Date.now() + 10 * 3600000).toISOString();
    const element = await renderWith(withFirst({ businessHoursLeft: null, firstTouchDueAt: due }));
    const running = within(handoffItem(element, FIRST), '[data-id="sla-running"]');
    expect(running?.textContent).toMatch(/(9\.9|10) hours left/);
  });

  it('shows a breached SLA', async () => {
    const element = await renderWith(
      withFirst({ slaBreached: true, firstTouchDueAt: '2020-01-01T00:00:00.000Z' })
    );
    expect(within(handoffItem(element, FIRST), '[data-id="sla-breached"]')?.textContent).toContain(
      'c.Handoff_Intake_Sla_Breached'
    );
  });

  it('shows a paused SLA when the deal was reopened', async () => {
    const element = await renderWith(withFirst({ slaPaused: true, status: 'On Hold' }));
    expect(within(handoffItem(element, FIRST), '[data-id="sla-paused"]')?.textContent).toContain(
      'c.Handoff_Intake_Sla_Paused'
    );
    expect(within(handoffItem(element, FIRST), '[data-id="review-due"]')).toBeNull();
  });

  it('shows the logged first touch and its channel', async () => {
    const element = await renderWith(
      withFirst({
        firstTouchAt: '2025-03-04T10:00:00.000Z',
        firstTouchChannel: 'Phone',
        firstTouchChannelLabel: 'Phone',
        canLogFirstTouch: false
      })
    );
    const first = handoffItem(element, FIRST);
    expect(within(first, '[data-id="sla-touched"]')?.textContent).toContain('(Phone)');
    expect(within(first, 'button[data-form="firstTouch"]')).toBeNull();
  });

  it('says when no first-touch due time is set, and flags an overdue review', async () => {
    const element = await renderWith(
      withFirst({ firstTouchDueAt: null, reviewDueAt: '2020-01-01T00:00:00.000Z' })
    );
    const first = handoffItem(element, FIRST);
    expect(within(first, '[data-id="sla-none"]')).not.toBeNull();
    const review = within(first, '[data-id="review-due"]') as HTMLElement;
    expect(review.textContent).toContain('c.Handoff_Intake_Review_Overdue');
    expect(review.className).toContain('slds-text-color_error');
  });
});

describe('c-handoff-intake-checklist checklist', () => {
  it('shows each item with its status choice, notes, required badge and who set it', async () => {
    const element = await renderWith(viewData());
    const first = handoffItem(element, FIRST);
    const groups = deepQueryAll(first, 'lightning-radio-group') as (HTMLElement & {
      value: string;
      label: string;
      options: HandoffIntake.Option[];
    })[];
    expect(groups.map((g) => g.value)).toEqual(['Verified', 'Open', 'Missing']);
    expect(groups[0].label).toBe('c.Handoff_Intake_Item_Status');
    expect(groups[0].options.map((o) => o.label)).toEqual([
      'Verified',
      'Missing',
      'Not applicable'
    ]);
    // "Required" is an asterisk before the item's name (SLDS), with a text alternative.
    const required = Array.from(first.querySelectorAll('li[data-item]')).map(
      (li) => !!deepQuery(li, 'abbr.slds-required')
    );
    expect(required).toEqual([true, true, false]);
    expect(
      within(within(first, 'li[data-item]') as HTMLElement, '.slds-assistive-text')?.textContent
    ).toBe('c.Handoff_Intake_Required');
    const setBy = deepQueryAll(first, '[data-id="set-by"]').map((p) => p.textContent?.trim());
    expect(setBy).toEqual(['Set by Casey Success', 'Set by Casey Success']);
    const notes = within(first, 'lightning-textarea') as HTMLElement & { value: string };
    expect(notes.value).toBe('Confirmed on the kickoff call.');
  });

  it('says when a handoff has no checklist items', async () => {
    const element = await renderWith(withFirst({ items: [] }));
    expect(within(handoffItem(element, FIRST), '[data-id="checklist-empty"]')).not.toBeNull();
  });

  it('saves an item status with its notes, announces it and refreshes', async () => {
    const element = await renderWith(viewData());
    const group = deepQueryAll(handoffItem(element, FIRST), 'lightning-radio-group')[1];
    change(group, 'Not Applicable');
    await flush();
    expect(saveItemMock).toHaveBeenCalledWith({
      itemId: 'a0C000000000002AAA',
      status: 'Not Applicable',
      notes: ''
    });
    expect($(element, '[data-id="announcement"]')?.textContent).toContain(
      'Stakeholders confirmed: Not applicable.'
    );
    expect(refreshMock).toHaveBeenCalledTimes(1);
    expect(notifyMock).toHaveBeenCalledWith([{ recordId: FIRST }]);
  });

  it('offers Save note only on the item whose note changed, and saves it with the status', async () => {
    const element = await renderWith(viewData());
    const first = handoffItem(element, FIRST);
    const saveButtons = () => deepQueryAll(first, 'button[data-action="save-note"]');
    // No row of identical buttons on an untouched checklist.
    expect(saveButtons()).toHaveLength(0);
    change(deepQueryAll(first, 'lightning-textarea')[2], 'Kickoff on Monday.');
    await flush();
    expect(saveButtons()).toHaveLength(1);
    const kickoff = within(first, 'li[data-item="a0C000000000003AAA"]') as HTMLElement;
    const save = button(kickoff, 'button[data-action="save-note"]');
    expect(save.disabled).toBe(false);
    expect(save.textContent?.trim()).toBe('c.Handoff_Intake_Save_Note');
    // Typing the saved text back hides it again.
    change(deepQueryAll(first, 'lightning-textarea')[2], "Waiting for the customer's calendar.");
    await flush();
    expect(saveButtons()).toHaveLength(0);
    change(deepQueryAll(first, 'lightning-textarea')[2], 'Kickoff on Monday.');
    await flush();
    button(
      within(first, 'li[data-item="a0C000000000003AAA"]') as HTMLElement,
      'button[data-action="save-note"]'
    ).click();
    await flush();
    expect(saveItemMock).toHaveBeenCalledWith({
      itemId: 'a0C000000000003AAA',
      status: 'Missing',
      notes: 'Kickoff on Monday.'
    });
    expect($(element, '[data-id="announcement"]')?.textContent).toContain(
      'c.Handoff_Intake_Done_Note'
    );
    expect(saveButtons()).toHaveLength(0);
  });

  it('shows the server message when saving an item fails, moves the focus to it, and keeps the note', async () => {
    saveItemMock.mockRejectedValueOnce({ body: { message: 'This handoff is Complete.' } });
    const element = await renderWith(viewData());
    const first = handoffItem(element, FIRST);
    change(deepQueryAll(first, 'lightning-textarea')[1], 'Champion is Dana.');
    await flush();
    button(
      within(first, 'li[data-item="a0C000000000002AAA"]') as HTMLElement,
      'button[data-action="save-note"]'
    ).click();
    await flush();
    const alert = $(element, '[data-id="action-error"]') as HTMLElement;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('Failed: This handoff is Complete.');
    // The focus goes to the message, not to <body>.
    expect(root(element).activeElement).toBe($(element, '[data-id="action-error-message"]'));
    const notes = deepQueryAll<HTMLElement & { value: string }>(
      handoffItem(element, FIRST),
      'lightning-textarea'
    )[1];
    expect(notes.value).toBe('Champion is Dana.');
    expect(refreshMock).not.toHaveBeenCalled();
  });
});

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

describe('c-handoff-intake-checklist accept', () => {
  it('disables Accept and names the required items still open', async () => {
    const element = await renderWith(viewData());
    const first = handoffItem(element, FIRST);
    const accept = button(first, 'button[data-action="accept"]');
    expect(accept.disabled).toBe(true);
    expect(within(first, '[data-id="accept-hint"]')?.textContent).toContain(
      'Still open: Stakeholders confirmed'
    );
  });

  it('accepts once every required item is Verified or Not applicable', async () => {
    const data = viewData();
    const items = data.handoffs[0].items ?? [];
    items[1] = { ...items[1], status: 'Not Applicable' };
    const element = await renderWith(data);
    const accept = button(handoffItem(element, FIRST), 'button[data-action="accept"]');
    expect(accept.disabled).toBe(false);
    expect(accept.getAttribute('aria-haspopup')).toBe('dialog');
    accept.click();
    await flush();
    // Accept asks the quality question first (docs/behaviour.md, "Handoff quality").
    expect(acceptMock).not.toHaveBeenCalled();
    expect($(element, '[data-id="accept-form"]')).not.toBeNull();
    expect(qualityOptionsMock).toHaveBeenCalledWith({ handoffId: FIRST });
    await answerQuality(element, 5);
    confirmForm(element);
    await flush();
    expect(acceptMock).toHaveBeenCalledWith({ handoffId: FIRST, answer: ANSWER_5 });
    expect($(element, '[data-id="announcement"]')?.textContent).toContain('HO-00001 accepted.');
    expect(notifyMock).toHaveBeenCalledWith([{ recordId: FIRST }]);
  });

  it('puts the focus on the handoff heading once Accept is gone (not on the page)', async () => {
    // Found in the browser harness: the focus fell to <body> when the refreshed handoff no
    // longer had the Accept button that had it.
    const data = viewData();
    (data.handoffs[0].items ?? [])[1].status = 'Verified';
    const element = await renderWith(data);
    const accepted = withFirst({ status: 'Accepted', canAccept: false, canReturn: false });
    refreshMock.mockImplementationOnce(() => {
      wire.emit(accepted);
      return Promise.resolve();
    });
    await acceptWith(element, 5);
    expect(acceptMock).toHaveBeenCalledWith({ handoffId: FIRST, answer: ANSWER_5 });
    expect($(element, 'button[data-action="accept"]')).toBeNull();
    expect(root(element).activeElement).toBe(
      $(element, `button[data-action="toggle"][data-id="${FIRST}"]`)
    );
  });

  it('shows why the server refused to accept', async () => {
    acceptMock.mockRejectedValueOnce({ body: { message: 'Verify these first: Scope.' } });
    const data = viewData();
    (data.handoffs[0].items ?? [])[1].status = 'Verified';
    const element = await renderWith(data);
    await acceptWith(element, 4);
    // Kept in the dialog, which stays open with the answer.
    expect(inDialog(element, 'error')?.textContent).toContain('Failed: Verify these first: Scope.');
    expect($(element, '[data-id="accept-form"]')).not.toBeNull();
  });
});

describe('c-handoff-intake-checklist return to Sales', () => {
  it('needs a reason, and notes with Other', async () => {
    const element = await renderWith(viewData());
    let first = await openForm(element, FIRST, 'return');
    const form = within(first, '[data-id="return-form"]') as HTMLElement;
    expect(form).not.toBeNull();
    confirmForm(element);
    await flush();
    expect(inDialog(element, 'error')?.textContent).toContain('c.Handoff_Intake_Form_Invalid');
    change(within(first, 'lightning-checkbox-group') as HTMLElement, ['Other']);
    await flush();
    const notes = within(first, '[data-id="return-form"] lightning-textarea') as HTMLElement & {
      required: boolean;
    };
    expect(notes.required).toBe(true);
    confirmForm(element);
    await flush();
    expect(returnMock).not.toHaveBeenCalled();
  });

  it('after a return, puts the focus on the handoff heading (Return to Sales is gone)', async () => {
    const element = await renderWith(viewData());
    const first = await openForm(element, FIRST, 'return');
    change(within(first, 'lightning-checkbox-group') as HTMLElement, ['Missing information']);
    await answerQuality(element, 3);
    refreshMock.mockImplementationOnce(() => {
      wire.emit(withFirst({ status: 'Returned to Sales', canAccept: false, canReturn: false }));
      return Promise.resolve();
    });
    confirmForm(element);
    await flush();
    expect(returnMock).toHaveBeenCalled();
    expect($(element, 'button[data-form="return"]')).toBeNull();
    expect(root(element).activeElement).toBe(
      $(element, `button[data-action="toggle"][data-id="${FIRST}"]`)
    );
  });

  it('after an escalation, gives the focus back to the menu it came from', async () => {
    const element = await renderWith(viewData());
    const first = await openForm(element, FIRST, 'escalate');
    change(within(first, '[data-id="escalate-form"] lightning-textarea') as HTMLElement, 'Why.');
    await flush();
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    confirmForm(element);
    await flush();
    expect(escalateMock).toHaveBeenCalled();
    expect(focus.mock.contexts.at(-1)).toBe(menu(element, FIRST));
  });

  it('returns with reasons, notes and the AE task due date', async () => {
    const element = await renderWith(viewData());
    const first = await openForm(element, FIRST, 'return');
    const dueInput = within(first, 'lightning-input[data-field="dueDate"]') as HTMLElement & {
      value: string;
    };
    expect(dueInput.value).toBe('2099-03-06');
    change(within(first, 'lightning-checkbox-group') as HTMLElement, [
      'Missing information',
      'Contradiction'
    ]);
    change(
      within(first, '[data-id="return-form"] lightning-textarea') as HTMLElement,
      'No champion.'
    );
    change(dueInput, '2099-03-10');
    await answerQuality(element, 2);
    change($(element, '[data-field="gapFields"]') as HTMLElement, ['Handoff_Champion__c']);
    await flush();
    confirmForm(element);
    await flush();
    expect(returnMock).toHaveBeenCalledWith({
      handoffId: FIRST,
      reasons: ['Missing information', 'Contradiction'],
      notes: 'No champion.',
      dueDate: '2099-03-10',
      answer: { score: 2, gapFields: ['Handoff_Champion__c'], skipped: false, skipReason: '' }
    });
    expect($(element, '[data-id="return-form"]')).toBeNull();
    expect($(element, '[data-id="announcement"]')?.textContent).toContain(
      'c.Handoff_Intake_Done_Returned'
    );
  });

  it('keeps the form open and shows the server error when the return fails', async () => {
    returnMock.mockRejectedValueOnce({ body: { message: 'This handoff has no AE.' } });
    const element = await renderWith(viewData());
    const first = await openForm(element, FIRST, 'return');
    change(within(first, 'lightning-checkbox-group') as HTMLElement, ['Contradiction']);
    await answerQuality(element, 4);
    confirmForm(element);
    await flush();
    // Inside the dialog (the page behind it is out of reach), as an alert that takes the focus.
    const error = inDialog(element, 'error') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('Failed: This handoff has no AE.');
    expect($(element, 'c-handoff-modal')?.shadowRoot?.activeElement).toBe(error);
    expect($(element, '[data-id="return-form"]')).not.toBeNull();
  });

  it('shows the return reasons, notes and count', async () => {
    const element = await renderWith(viewData());
    button(handoffItem(element, SECOND), 'button[data-action="toggle"]').click();
    await flush();
    const second = handoffItem(element, SECOND);
    expect(within(second, '[data-id="return-reasons"]')?.textContent).toContain(
      'Missing information, Other'
    );
    expect(within(second, '[data-id="return-notes"]')?.textContent).toBe('No champion named.');
    expect(within(second, '[data-id="returned"]')?.textContent).toContain(
      'c.Handoff_Intake_Return_Count'
    );
    expect(within(second, 'button[data-action="accept"]')).toBeNull();
    expect(within(second, 'button[data-form="return"]')).toBeNull();
  });
});

describe('c-handoff-intake-checklist escalate', () => {
  it('escalates an incomplete handoff with a reason and says where it goes', async () => {
    const element = await renderWith(viewData());
    const first = await openForm(element, FIRST, 'escalate');
    // The dialog says where the escalation goes, and is described by it.
    expect(inDialog(element, 'description')?.textContent?.trim()).toBe(
      'c.Handoff_Intake_Escalate_To_Cs'
    );
    expect(byIdRef(inDialog(element, 'dialog'), 'aria-describedby')).toBe(
      inDialog(element, 'description')
    );
    change(
      within(first, '[data-id="escalate-form"] lightning-textarea') as HTMLElement,
      'No champion'
    );
    await flush();
    confirmForm(element);
    await flush();
    expect(escalateMock).toHaveBeenCalledWith({ handoffId: FIRST, reason: 'No champion' });
    expect($(element, '[data-id="announcement"]')?.textContent).toContain(
      'c.Handoff_Intake_Done_Escalated'
    );
  });

  it('needs a reason', async () => {
    const element = await renderWith(viewData());
    await openForm(element, FIRST, 'escalate');
    confirmForm(element);
    await flush();
    expect(escalateMock).not.toHaveBeenCalled();
    expect(inDialog(element, 'error')).not.toBeNull();
  });

  it('offers nothing to escalate once every required item is done', async () => {
    const data = viewData();
    (data.handoffs[0].items ?? [])[1].status = 'Verified';
    const element = await renderWith(data);
    // Accept is the way forward: Escalate leaves the menu.
    expect(button(handoffItem(element, FIRST), 'button[data-action="accept"]').disabled).toBe(
      false
    );
    expect(menuItems(element, FIRST)).toEqual(['firstTouch', 'repeatAsk']);
  });

  it('names the next step (the Sales manager) and the level reached', async () => {
    const element = await renderWith(viewData());
    button(handoffItem(element, SECOND), 'button[data-action="toggle"]').click();
    await flush();
    const second = handoffItem(element, SECOND);
    expect(within(second, '[data-id="escalated"]')?.textContent).toContain(
      'c.Handoff_Intake_Escalated_Cs'
    );
    expect(menuItems(element, SECOND)).toContain('escalate');
    await openForm(element, SECOND, 'escalate');
    expect(inDialog(element, 'description')?.textContent?.trim()).toBe(
      'c.Handoff_Intake_Escalate_To_Sales'
    );
  });
});

describe('c-handoff-intake-checklist first touch and repeat asks', () => {
  it('logs the first touch with when and the channel', async () => {
    const element = await renderWith(viewData());
    const first = await openForm(element, FIRST, 'firstTouch');
    const when = within(first, 'lightning-input[data-field="touchedAt"]') as HTMLElement & {
      value: string;
    };
    expect(Date.parse(when.value)).not.toBeNaN();
    confirmForm(element);
    await flush();
    expect(firstTouchMock).not.toHaveBeenCalled();
    const form = root(element) as unknown as HTMLElement;
    change(within(form, 'lightning-combobox') as HTMLElement, 'Phone');
    change(when, '2025-03-04T10:00:00.000Z');
    await flush();
    confirmForm(element);
    await flush();
    expect(firstTouchMock).toHaveBeenCalledWith({
      handoffId: FIRST,
      touchedAt: '2025-03-04T10:00:00.000Z',
      channel: 'Phone'
    });
    expect($(element, '[data-id="announcement"]')?.textContent).toContain(
      'c.Handoff_Intake_Done_First_Touch'
    );
  });

  it('records a repeat ask with a note and shows the count', async () => {
    const element = await renderWith(viewData());
    const first = await openForm(element, FIRST, 'repeatAsk');
    change(
      within(first, '[data-id="repeat-ask-form"] lightning-textarea') as HTMLElement,
      'Asked again for the go-live date.'
    );
    await flush();
    confirmForm(element);
    await flush();
    expect(repeatAskMock).toHaveBeenCalledWith({
      handoffId: FIRST,
      note: 'Asked again for the go-live date.'
    });
    button(handoffItem(element, SECOND), 'button[data-action="toggle"]').click();
    await flush();
    expect(within(handoffItem(element, SECOND), '[data-id="repeat-asks"]')?.textContent).toContain(
      'c.Handoff_Intake_Repeat_Ask_Count'
    );
  });

  it('cancels a form and gives the focus back to the button that opened it', async () => {
    const element = await renderWith(viewData());
    await openForm(element, FIRST, 'return');
    inDialog(element, 'cancel')?.click();
    await flush();
    expect($(element, '[data-id="return-form"]')).toBeNull();
    expect(returnMock).not.toHaveBeenCalled();
    const actions = within(handoffItem(element, FIRST), 'c-handoff-intake-actions');
    expect(actions?.shadowRoot?.activeElement).toBe(
      button(handoffItem(element, FIRST), 'button[data-form="return"]')
    );
  });

  it('gives the focus back to the menu after a form opened from it (Esc closes)', async () => {
    const element = await renderWith(viewData());
    await openForm(element, FIRST, 'repeatAsk');
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    inDialog(element, 'dialog')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })
    );
    await flush();
    expect($(element, '[data-id="repeat-ask-form"]')).toBeNull();
    expect(focus.mock.contexts).toContain(menu(element, FIRST));
  });
});

// ---------------------------------------------------------------------------------------------
// What Sales sees
// ---------------------------------------------------------------------------------------------

describe('c-handoff-intake-checklist for the AE', () => {
  function salesView(): View {
    const data = viewData();
    data.canEditIntake = false;
    data.handoffs = data.handoffs.map((h) => ({
      ...h,
      isAe: true,
      canEditChecklist: false,
      canAccept: false,
      canReturn: false,
      canEscalate: false,
      canLogFirstTouch: false,
      canRecordRepeatAsk: false,
      canResubmit: h.status === 'Returned to Sales'
    }));
    return data;
  }

  it('reads the intake status and notes without editing them', async () => {
    const element = await renderWith(salesView());
    const first = handoffItem(element, FIRST);
    expect(deepQueryAll(first, 'lightning-radio-group').length).toBe(0);
    expect(deepQueryAll(first, 'lightning-textarea').length).toBe(0);
    expect(deepQueryAll(first, '[data-id="item-status"]').map((s) => s.textContent)).toEqual([
      'Verified',
      'Open',
      'Missing'
    ]);
    expect(within(first, '[data-id="read-only"]')).not.toBeNull();
    expect(within(first, '[data-id="actions"]')).toBeNull();
  });

  it('reads the return reasons and resubmits the returned handoff to Customer Success', async () => {
    const element = await renderWith(salesView());
    button(handoffItem(element, SECOND), 'button[data-action="toggle"]').click();
    await flush();
    const second = handoffItem(element, SECOND);
    expect(within(second, '[data-id="return-reasons"]')?.textContent).toContain(
      'Missing information, Other'
    );
    const resubmitButton = button(second, 'button[data-action="resubmit"]');
    resubmitButton.click();
    await flush();
    expect(resubmitMock).toHaveBeenCalledWith({ handoffId: SECOND });
    expect($(element, '[data-id="announcement"]')?.textContent).toContain(
      'c.Handoff_Intake_Done_Resubmitted'
    );
    expect(notifyMock).toHaveBeenCalledWith([{ recordId: SECOND }]);
  });

  it('shows why a resubmit failed', async () => {
    resubmitMock.mockRejectedValueOnce(new Error('Network down'));
    const element = await renderWith(salesView());
    button(handoffItem(element, SECOND), 'button[data-action="toggle"]').click();
    await flush();
    button(handoffItem(element, SECOND), 'button[data-action="resubmit"]').click();
    await flush();
    expect($(element, '[data-id="action-error"]')?.textContent).toContain('Failed: Network down');
  });
});

// ---------------------------------------------------------------------------------------------
// Accessibility (explicit: @sa11y/jest is not installed)
// ---------------------------------------------------------------------------------------------

describe('c-handoff-intake-checklist accessibility', () => {
  it('has live regions for announcements and errors', async () => {
    const element = await renderWith(viewData());
    const status = $(element, '[data-id="announcement"]') as HTMLElement;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect($(element, '[data-id="action-error"]')?.getAttribute('role')).toBe('alert');
  });

  it('ties each heading button to the section it controls', async () => {
    const element = await renderWith(viewData());
    const toggle = button(handoffItem(element, FIRST), 'button[data-action="toggle"]');
    const body = within(handoffItem(element, FIRST), '[data-id="body"]') as HTMLElement;
    expect(toggle.getAttribute('aria-controls')).toBe(body.id);
    expect(toggle.closest('h3')).not.toBeNull();
  });

  it('shows Accept and Return to Sales as buttons and the other actions in a named menu', async () => {
    const element = await renderWith(viewData());
    const first = handoffItem(element, FIRST);
    const actions = within(first, '[data-id="actions"]') as HTMLElement;
    const buttons = deepQueryAll(actions, 'button').map((b) => b.textContent?.trim());
    expect(buttons).toEqual(['c.Handoff_Intake_Accept', 'c.Handoff_Intake_Return']);
    expect(button(first, 'button[data-action="accept"]').className).toContain('slds-button_brand');
    const more = menu(element, FIRST) as HTMLElement & { alternativeText: string; label: string };
    expect(more.alternativeText).toBe('c.Handoff_Intake_More_Actions');
    expect(more.label).toBe('c.Handoff_Intake_More_Actions');
    expect(menuItems(element, FIRST)).toEqual(['escalate', 'firstTouch', 'repeatAsk']);
    const labels = deepQueryAll<HTMLElement & { label: string }>(more, 'lightning-menu-item').map(
      (item) => item.label
    );
    expect(labels).toEqual([
      'c.Handoff_Intake_Escalate',
      'c.Handoff_Intake_First_Touch',
      'c.Handoff_Intake_Repeat_Ask'
    ]);
  });

  it('describes Accept and Escalate with their hints', async () => {
    const element = await renderWith(viewData());
    const first = handoffItem(element, FIRST);
    const accept = button(first, 'button[data-action="accept"]');
    const hint = within(first, '[data-id="accept-hint"]') as HTMLElement;
    expect(accept.getAttribute('aria-describedby')).toBe(hint.id);
    // The hint sits beside Accept (same row), not under every button.
    expect(hint.parentElement).toBe(accept.parentElement);
    // Escalate is described in its dialog (where it goes).
    await openForm(element, FIRST, 'escalate');
    expect(byIdRef(inDialog(element, 'dialog'), 'aria-describedby')?.textContent?.trim()).toBe(
      'c.Handoff_Intake_Escalate_To_Cs'
    );
  });

  it('gives every button and input an accessible name', async () => {
    const element = await renderWith(viewData());
    await openForm(element, FIRST, 'return');
    for (const b of $$(element, 'button')) {
      expect((b.textContent ?? '').trim().length).toBeGreaterThan(0);
    }
    const inputs = $$(
      element,
      'lightning-radio-group, lightning-textarea, lightning-input, lightning-checkbox-group, lightning-combobox'
    ) as (HTMLElement & { label?: string })[];
    expect(inputs.length).toBeGreaterThan(0);
    for (const input of inputs) {
      expect(input.label).toBeTruthy();
    }
    // The form is a modal dialog named by its title.
    const dialog = inDialog(element, 'dialog') as HTMLElement;
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(byIdRef(dialog, 'aria-labelledby')?.textContent?.trim()).toBe('c.Handoff_Intake_Return');
    expect(inDialog(element, 'close')?.textContent?.trim()).toBe('c.Handoff_Intake_Close');
  });

  it('moves the focus into a form when it opens', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const element = await renderWith(viewData());
    await openForm(element, FIRST, 'escalate');
    const field = $(element, '[data-id="escalate-form"] [data-autofocus]');
    expect(field?.tagName.toLowerCase()).toBe('lightning-textarea');
    expect(focus.mock.contexts).toContain(field);
  });

  it('shows a labelled spinner while a change is saved', async () => {
    let finish: () => void = () => undefined;
    acceptMock.mockImplementationOnce(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        })
    );
    const data = viewData();
    (data.handoffs[0].items ?? [])[1].status = 'Verified';
    const element = await renderWith(data);
    await acceptWith(element, 5);
    const spinner = $(element, '[data-id="busy"] lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner.alternativeText).toBe('c.Handoff_Intake_Saving');
    expect(button(handoffItem(element, FIRST), 'button[data-action="accept"]').disabled).toBe(true);
    finish();
    await flush();
    expect($(element, '[data-id="busy"]')).toBeNull();
  });
});
