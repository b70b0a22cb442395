/**
 * Tests of c/handoffMyHandoffs with a wire mock of HandoffIntakeController.getMyHandoffs: the
 * loading, error and empty states, the groups (breached, due soon, returned, on hold) with their
 * links and counts, refresh, and accessibility.
 *
 * @sa11y/jest is not installed in this project, so the accessibility test asserts roles, ARIA
 * attributes and accessible names explicitly.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getMyHandoffs from '@salesforce/apex/HandoffIntakeController.getMyHandoffs';
import HandoffMyHandoffs from 'c/handoffMyHandoffs';

jest.mock(
  '@salesforce/apex/HandoffIntakeController.getMyHandoffs',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Intake_My_Due', () => ({ default: 'Due {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Intake_My_Returned_At',
  () => ({ default: 'Returned {0}' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Team_My_Role', () => ({ default: '{0} on {1}' }), {
  virtual: true
});
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'America/Los_Angeles' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Intake_My_On_Track',
  () => ({ default: '{0} more on track.' }),
  { virtual: true }
);

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const wire = getMyHandoffs as unknown as TestWireAdapter;
const refreshMock = refreshApex as unknown as jest.Mock;

function data(): HandoffIntake.MyHandoffs {
  return JSON.parse(
    readFileSync(join(__dirname, 'data', 'getMyHandoffs.json'), 'utf8')
  ) as HandoffIntake.MyHandoffs;
}

/** Lets the component's promise chains and re-renders settle (a few microtask turns). */
async function flush(turns = 8): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function render(): HTMLElement {
  const element = createElement('c-handoff-my-handoffs', { is: HandoffMyHandoffs });
  document.body.appendChild(element);
  return element;
}

async function renderWith(value: HandoffIntake.MyHandoffs): Promise<HTMLElement> {
  const element = render();
  wire.emit(value);
  await flush();
  return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return (element.shadowRoot as ShadowRoot).querySelector<HTMLElement>(selector);
}

function $$(element: HTMLElement, selector: string): HTMLElement[] {
  return Array.from((element.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>(selector));
}

/** A row's second line as read (ICU may put a narrow no-break space before AM/PM). */
function meta(row: HTMLElement): string {
  return (row.querySelector('[data-id="meta"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
});

describe('c-handoff-my-handoffs states', () => {
  it('shows a labelled spinner while loading', () => {
    const element = render();
    const spinner = $(element, '[data-id="loading"] lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner.alternativeText).toBe('c.Handoff_Intake_My_Loading');
  });

  it('says what went wrong and what to do, and retries', async () => {
    const element = render();
    wire.error({ message: 'No access to Handoff' });
    await flush();
    const error = $(element, '[data-id="load-error"]') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('No access to Handoff');
    expect(error.textContent).toContain('c.Handoff_Intake_Load_Error_Help');
    ($(element, 'button[data-action="retry"]') as HTMLButtonElement).click();
    await flush();
    expect(refreshMock).toHaveBeenCalledTimes(1);
  });

  it('says when the CSM has no open handoffs', async () => {
    const element = await renderWith({
      dueSoon: [],
      breached: [],
      returned: [],
      onHold: [],
      onTrackCount: 0
    });
    expect($(element, '[data-id="empty"]')?.textContent).toContain('c.Handoff_Intake_My_Empty');
    expect($$(element, 'section')).toEqual([]);
  });
});

describe('c-handoff-my-handoffs groups', () => {
  it('groups the handoffs as breached, due soon, returned and on hold, with counts', async () => {
    const element = await renderWith(data());
    const groups = $$(element, 'section[data-group]');
    expect(groups.map((g) => g.dataset.group)).toEqual([
      'breached',
      'dueSoon',
      'returned',
      'onHold'
    ]);
    expect(groups.map((g) => g.querySelector('[data-id="count"]')?.textContent)).toEqual([
      '1',
      '2',
      '1',
      '0'
    ]);
    expect(groups[3].textContent).toContain('c.Handoff_Intake_My_Group_Empty');
  });

  it('separates a group name from its count with a space', async () => {
    const element = await renderWith(data());
    const headings = $$(element, 'section[data-group] h2').map((h) => (h.textContent ?? '').trim());
    expect(headings).toEqual([
      'c.Handoff_Intake_My_Breached 1',
      'c.Handoff_Intake_My_Due_Soon 2',
      'c.Handoff_Intake_My_Returned 1',
      'c.Handoff_Intake_My_On_Hold 0'
    ]);
  });

  it("shows the user's CS team role on a handoff where they are a member, not the CSM", async () => {
    const element = await renderWith(data());
    const roles = $$(element, '[data-id="team-role"]');
    expect(roles.map((r) => [r.closest('li')?.dataset.row, r.textContent?.trim()])).toEqual([
      ['a0B000000000012AAA', 'Onboarding Manager on Initech']
    ]);
  });

  it('names the handoff when a team row has no account, and joins two roles', async () => {
    const view = data();
    view.dueSoon[1] = {
      ...view.dueSoon[1],
      teamRole: 'Onboarding Manager, Solutions Engineer'
    };
    const element = await renderWith(view);
    const row = $(element, 'li[data-row="a0B000000000013AAA"]') as HTMLElement;
    expect(row.querySelector('[data-id="team-role"]')?.textContent?.trim()).toBe(
      'Onboarding Manager, Solutions Engineer on HO-00013'
    );
  });

  it('links each handoff and its account', async () => {
    const element = await renderWith(data());
    const row = $(element, 'li[data-row="a0B000000000011AAA"]') as HTMLElement;
    const links = Array.from(row.querySelectorAll('a'));
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['HO-00011', '/lightning/r/a0B000000000011AAA/view'],
      ['Globex', '/lightning/r/001000000000011AAA/view']
    ]);
    expect(meta(row)).toBe('In Review · Enterprise · Due Jan 8, 2020, 7:00 AM');
    const noAccount = $(element, 'li[data-row="a0B000000000013AAA"]') as HTMLElement;
    expect(noAccount.querySelectorAll('a').length).toBe(1);
    // no segment: no empty part between the separators
    expect(meta(noAccount)).toBe('Escalated · Due Jan 9, 2099, 7:00 AM');
  });

  it('shows when a returned handoff went back to Sales instead of a due time', async () => {
    const element = await renderWith(data());
    const row = $(element, 'li[data-row="a0B000000000014AAA"]') as HTMLElement;
    expect(meta(row)).toBe('Returned to Sales · Mid-Market · Returned Feb 1, 2025');
  });

  it('counts the handoffs on track', async () => {
    const element = await renderWith(data());
    expect($(element, '[data-id="on-track"]')?.textContent).toBe('3 more on track.');
    const none = await renderWith({ ...data(), onTrackCount: 0 });
    expect($(none, '[data-id="on-track"]')).toBeNull();
  });

  it('refreshes on demand and announces it', async () => {
    const element = await renderWith(data());
    const refresh = $(element, 'button[data-action="refresh"]') as HTMLButtonElement;
    refresh.click();
    await flush();
    expect(refreshMock).toHaveBeenCalledTimes(1);
    expect($(element, '[data-id="announcement"]')?.textContent).toContain(
      'c.Handoff_Intake_My_Refreshed'
    );
    expect(refresh.getAttribute('aria-disabled')).toBe('false');
  });

  it('says it is busy while refreshing and ignores a second press, keeping the focus', async () => {
    let finish: () => void = () => undefined;
    refreshMock.mockReturnValueOnce(new Promise<void>((resolve) => (finish = resolve)));
    const element = await renderWith(data());
    const refresh = $(element, 'button[data-action="refresh"]') as HTMLButtonElement;
    refresh.click();
    await flush();
    expect(refresh.getAttribute('aria-disabled')).toBe('true');
    // not `disabled`: a disabled button would drop the keyboard focus to the page
    expect(refresh.disabled).toBe(false);
    refresh.click();
    await flush();
    expect(refreshMock).toHaveBeenCalledTimes(1);
    finish();
    await flush();
    expect(refresh.getAttribute('aria-disabled')).toBe('false');
  });

  it('puts the focus on Refresh after a successful Retry (the Retry button is gone)', async () => {
    const element = render();
    wire.error({ message: 'Session expired' });
    await flush();
    const retry = $(element, 'button[data-action="retry"]') as HTMLButtonElement;
    retry.focus();
    retry.click();
    wire.emit(data());
    await flush();
    expect($(element, 'button[data-action="retry"]')).toBeNull();
    expect((element.shadowRoot as ShadowRoot).activeElement).toBe(
      $(element, 'button[data-action="refresh"]')
    );
  });

  it('shows an error when a refresh fails', async () => {
    refreshMock.mockRejectedValueOnce({ body: { message: 'Session expired' } });
    const element = await renderWith(data());
    ($(element, 'button[data-action="refresh"]') as HTMLButtonElement).click();
    await flush();
    expect($(element, '[data-id="load-error"]')?.textContent).toContain('Session expired');
  });
});

describe('c-handoff-my-handoffs accessibility', () => {
  it('labels each group by its heading and announces refreshes', async () => {
    const element = await renderWith(data());
    for (const group of $$(element, 'section[data-group]')) {
      const heading = group.querySelector('h2') as HTMLElement;
      expect(group.getAttribute('aria-labelledby')).toBe(heading.id);
      expect(heading.textContent).toBeTruthy();
    }
    const status = $(element, '[data-id="announcement"]') as HTMLElement;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    for (const link of $$(element, 'a')) {
      expect((link.textContent ?? '').trim().length).toBeGreaterThan(0);
    }
    for (const b of $$(element, 'button')) {
      expect((b.textContent ?? '').trim().length).toBeGreaterThan(0);
    }
  });
});
