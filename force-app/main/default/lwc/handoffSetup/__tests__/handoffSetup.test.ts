/**
 * Tests of c/handoffSetup with mocks of HandoffSetupController's imperative methods
 * (getSetupStatus, requestModeChange, scheduleJobs) and data named after them in data/: loading,
 * the error with retry, each check state (the path's "check in Setup" included), the Setup links,
 * scheduling the jobs, the mode switch's confirmation dialog (keyboard included, and where focus
 * goes after it), the switch disabled with the reason when the admin lacks the Metadata API
 * permissions, and accessibility.
 * The refusal for users without Handoff_Manage_Setup is handoffSetup.noPermission.test.ts.
 *
 * @sa11y/jest is not installed in this project, so the accessibility test asserts roles, ARIA
 * attributes and accessible names explicitly.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import getSetupStatus from '@salesforce/apex/HandoffSetupController.getSetupStatus';
import requestModeChange from '@salesforce/apex/HandoffSetupController.requestModeChange';
import scheduleJobs from '@salesforce/apex/HandoffSetupController.scheduleJobs';
import HandoffSetup, { countStates, errorMessage, format } from 'c/handoffSetup';

jest.mock(
  '@salesforce/apex/HandoffSetupController.getSetupStatus',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffSetupController.requestModeChange',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/apex/HandoffSetupController.scheduleJobs', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/customPermission/Handoff_Manage_Setup', () => ({ default: true }), {
  virtual: true
});
// Labels with placeholders get their real text, so the tests see the values put in.
jest.mock(
  '@salesforce/label/c.Handoff_Setup_Move_Forward',
  () => ({ default: 'Move forward to {0}' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_Setup_Move_Back', () => ({ default: 'Move back to {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Setup_Dialog_Change',
  () => ({ default: 'From {0} to {1}.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Setup_Dialog_Confirm',
  () => ({ default: 'Switch to {0}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_Setup_Mode_Requested',
  () => ({ default: 'Switch from {0} to {1} requested (deployment {2}).' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Setup_Summary',
  () => ({ default: '{0} OK, {1} to review, {2} to fix, {3} to check in Setup, {4} unknown.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Setup_Jobs_Scheduled',
  () => ({ default: 'Scheduled: {0}.' }),
  {
    virtual: true
  }
);

const getStatusMock = getSetupStatus as unknown as jest.Mock;
const requestMock = requestModeChange as unknown as jest.Mock;
const scheduleMock = scheduleJobs as unknown as jest.Mock;

function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(__dirname, 'data', `${name}.json`), 'utf8')) as T;
}

function status(): HandoffSetupData.SetupStatus {
  return fixture<HandoffSetupData.SetupStatus>('getSetupStatus');
}

/** Lets the component's promise chains and re-renders settle (a few microtask turns). */
async function flush(turns = 10): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function render(): HTMLElement {
  const element = createElement('c-handoff-setup', { is: HandoffSetup });
  document.body.appendChild(element);
  return element;
}

async function renderWith(value: HandoffSetupData.SetupStatus = status()): Promise<HTMLElement> {
  getStatusMock.mockResolvedValue(value);
  const element = render();
  await flush();
  return element;
}

function root(element: HTMLElement): ShadowRoot {
  return element.shadowRoot as ShadowRoot;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
  return root(element).querySelector<HTMLElement>(selector);
}

function $$(element: HTMLElement, selector: string): HTMLElement[] {
  return Array.from(root(element).querySelectorAll<HTMLElement>(selector));
}

function check(element: HTMLElement, key: string): HTMLElement {
  const found = $(element, `li[data-check="${key}"]`);
  if (!found) {
    throw new Error(`no check ${key}`);
  }
  return found;
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The mode dialog (c-handoff-modal), or null when it is closed. */
function modal(element: HTMLElement): HTMLElement | null {
  return $(element, 'c-handoff-modal[data-id="mode-dialog"]');
}

/** An element of the dialog's own template (`dialog`, `close`, `cancel`, `confirm`, `error`). */
function inModal(element: HTMLElement, id: string): HTMLElement {
  const found = modal(element)?.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`);
  if (!found) {
    throw new Error(`no ${id} in the dialog`);
  }
  return found;
}

/** The focused element inside the dialog. */
function focusInModal(element: HTMLElement): Element | null | undefined {
  return modal(element)?.shadowRoot?.activeElement;
}

async function openMonitorDialog(element: HTMLElement): Promise<HTMLElement> {
  ($(element, 'button[data-mode="Monitor"]') as HTMLButtonElement).click();
  await flush();
  return inModal(element, 'dialog');
}

function press(target: HTMLElement, name: string, shiftKey = false): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true }));
}

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
});

describe('c-handoff-setup loading and errors', () => {
  it('shows a labelled spinner while the checks run', () => {
    getStatusMock.mockReturnValue(new Promise(() => undefined));
    const element = render();
    const spinner = $(element, '[data-id="loading"] lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner.alternativeText).toBe('c.Handoff_Setup_Loading');
    expect(getStatusMock).toHaveBeenCalledTimes(1);
  });

  it('says what went wrong and what to do, and retries', async () => {
    getStatusMock.mockRejectedValueOnce({
      body: { message: 'Something went wrong on the server.' }
    });
    const element = render();
    await flush();
    const error = $(element, '[data-id="load-error"]') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toContain('c.Handoff_Setup_Load_Error_Title');
    expect(text(error)).toContain('Something went wrong on the server.');
    expect(text(error)).toContain('c.Handoff_Setup_Load_Error_Help');
    expect($$(element, 'li[data-check]')).toEqual([]);

    getStatusMock.mockResolvedValueOnce(status());
    ($(element, 'button[data-action="retry"]') as HTMLButtonElement).click();
    await flush();
    expect(getStatusMock).toHaveBeenCalledTimes(2);
    expect($(element, '[data-id="load-error"]')).toBeNull();
    expect($$(element, 'li[data-check]').length).toBe(10);
  });

  it('checks again on demand and announces it', async () => {
    const element = await renderWith();
    const refresh = $(element, 'button[data-action="refresh"]') as HTMLButtonElement;
    refresh.click();
    await flush();
    expect(getStatusMock).toHaveBeenCalledTimes(2);
    expect(text($(element, '[data-id="announcement"]'))).toBe('c.Handoff_Setup_Refreshed');
    expect(refresh.disabled).toBe(false);
  });
});

describe('c-handoff-setup checks', () => {
  it('shows every check in the order Apex gives, with a count of each state', async () => {
    const element = await renderWith();
    expect($$(element, 'li[data-check]').map((li) => li.dataset.check)).toEqual(
      status().checks.map((c) => c.key)
    );
    expect(text($(element, '[data-id="summary"]'))).toContain(
      '4 OK, 4 to review, 1 to fix, 1 to check in Setup, 0 unknown.'
    );
    expect(text($(element, '[data-id="checked-at"]'))).toContain('c.Handoff_Setup_Checked_At');
  });

  it.each([
    ['groups', 'c.Handoff_Setup_State_Ok', 'slds-theme_success', 'utility:success'],
    ['historyCutoff', 'c.Handoff_Setup_State_Warn', 'slds-theme_warning', 'utility:warning'],
    ['segmentPools', 'c.Handoff_Setup_State_Fail', 'slds-theme_error', 'utility:error'],
    ['opportunityPath', 'c.Handoff_Setup_State_Manual', 'slds-badge_lightest', 'utility:preview'],
    ['auditTrail', 'c.Handoff_Setup_State_Unknown', 'slds-badge', 'utility:question']
  ])(
    'shows the %s check as %s, in words and not by colour alone',
    async (key, word, badge, icon) => {
      const value = status();
      // The fixture has no unknown check: the audit trail stands in for one that could not be read.
      value.checks[9].state = 'unknown';
      const element = await renderWith(value);
      const item = check(element, key);
      const state = item.querySelector('[data-id="state"]') as HTMLElement;
      expect(text(state)).toBe(word);
      expect(state.className).toContain(badge);
      expect(
        (item.querySelector('lightning-icon') as HTMLElement & { iconName: string }).iconName
      ).toBe(icon);
    }
  );

  it('leaves the path to the admin in Setup, plainly and not as a failure', async () => {
    const element = await renderWith();
    const path = check(element, 'opportunityPath');
    expect(text(path.querySelector('[data-id="check-summary"]'))).toBe(
      "Salesforce doesn't let Apex read paths: check it in Setup → Path Settings, where Path must be turned on and the path Opportunity_Handoff active."
    );
    const state = path.querySelector('[data-id="state"]') as HTMLElement;
    expect(state.className).not.toContain('slds-theme_error');
    expect(state.className).not.toContain('slds-theme_warning');
    const link = path.querySelector('a[data-id="setup-link"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/lightning/setup/PathAssistantSetupHome/home');
    expect(text(link)).toContain('Open Path Settings');
    expect(path.querySelector('button')).toBeNull();
  });

  it('says what was found, why it matters and where to fix it in Setup', async () => {
    const element = await renderWith();
    const pools = check(element, 'segmentPools');
    expect(text(pools.querySelector('[data-id="title"]'))).toBe('CSM pools');
    expect(text(pools.querySelector('[data-id="check-summary"]'))).toContain('1 active segments');
    expect(text(pools.querySelector('[data-id="why"]'))).toContain('c.Handoff_Setup_Why_Label');
    expect(text(pools.querySelector('[data-id="why"]'))).toContain(
      'New handoffs go to a pool member'
    );
    expect(
      Array.from(pools.querySelectorAll('[data-id="details"] li')).map((li) => text(li))
    ).toEqual(status().checks[2].details);
    const link = pools.querySelector('a[data-id="setup-link"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/lightning/setup/CustomMetadata/page?address=%2Fm03');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(text(link)).toContain('Open the pool member records');
    expect(text(link.querySelector('.slds-assistive-text'))).toBe('c.Handoff_Setup_New_Tab');
  });

  it('shows no details list when a check has none, and no link when it has none', async () => {
    const value = status();
    value.checks[7].linkUrl = null;
    const element = await renderWith(value);
    expect(check(element, 'notificationType').querySelector('[data-id="details"]')).toBeNull();
    expect(check(element, 'notificationType').querySelector('a')).toBeNull();
  });

  it('offers the actions only on their checks', async () => {
    const element = await renderWith();
    expect(
      $$(element, 'button[data-action="schedule-jobs"]').map((b) => b.closest('li')?.dataset.check)
    ).toEqual(['scheduledJobs']);
    expect(
      $$(element, 'button[data-action="switch-mode"]').map((b) => b.closest('li')?.dataset.check)
    ).toEqual(['rolloutMode']);
  });

  it('offers one step back and one forward, named by direction', async () => {
    const value = status();
    value.mode = 'Monitor';
    value.modeLabel = 'Monitor';
    value.checks[0].modeOptions = [
      { mode: 'Installed', label: 'Installed', direction: 'back' },
      { mode: 'Pilot', label: 'Pilot', direction: 'forward' }
    ];
    const element = await renderWith(value);
    expect($$(element, 'button[data-action="switch-mode"]').map((b) => text(b))).toEqual([
      'Move back to Installed',
      'Move forward to Pilot'
    ]);
  });
});

describe('c-handoff-setup schedule the jobs', () => {
  it('schedules, checks again and says so, moving focus to the result', async () => {
    scheduleMock.mockResolvedValue(fixture('scheduleJobs'));
    const element = await renderWith();
    ($(element, 'button[data-action="schedule-jobs"]') as HTMLButtonElement).click();
    await flush();
    expect(scheduleMock).toHaveBeenCalledTimes(1);
    expect(getStatusMock).toHaveBeenCalledTimes(2);
    const result = $(element, '[data-id="jobs-result"]') as HTMLElement;
    expect(result.getAttribute('role')).toBe('status');
    expect(text(result)).toBe(
      'Scheduled: Handoff health check (weekday mornings), Handoff metrics snapshots (nightly).'
    );
    expect(root(element).activeElement).toBe(result);
  });

  it('shows why scheduling failed, as an alert that takes focus', async () => {
    scheduleMock.mockRejectedValue({ body: { message: 'The jobs could not be scheduled.' } });
    const element = await renderWith();
    ($(element, 'button[data-action="schedule-jobs"]') as HTMLButtonElement).click();
    await flush();
    const error = $(element, '[data-id="jobs-error"]') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toBe('The jobs could not be scheduled.');
    expect(root(element).activeElement).toBe(error);
    expect($(element, '[data-id="jobs-result"]')).toBeNull();
  });
});

describe('c-handoff-setup switch the mode', () => {
  it('asks first: a modal dialog says from what to what, what it does and that it is asynchronous', async () => {
    const element = await renderWith();
    const opener = $(element, 'button[data-mode="Monitor"]') as HTMLButtonElement;
    expect(opener.getAttribute('aria-haspopup')).toBe('dialog');
    const dialog = await openMonitorDialog(element);
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(text($(element, '[data-id="dialog-change"]'))).toBe('From Installed to Monitor.');
    expect(text($(element, '[data-id="dialog-effect"]'))).toBe('c.Handoff_Setup_Effect_Monitor');
    expect(text($(element, '[data-id="dialog-async"]'))).toBe('c.Handoff_Setup_Dialog_Async');
    expect(text(inModal(element, 'confirm'))).toBe('Switch to Monitor');
    expect(requestMock).not.toHaveBeenCalled();
    expect(focusInModal(element)).toBe(inModal(element, 'cancel'));
  });

  it('cancels without switching and gives focus back to the button that opened it', async () => {
    const element = await renderWith();
    await openMonitorDialog(element);
    inModal(element, 'cancel').click();
    await flush();
    expect(modal(element)).toBeNull();
    expect(requestMock).not.toHaveBeenCalled();
    expect(root(element).activeElement).toBe($(element, 'button[data-mode="Monitor"]'));
  });

  it('closes on Escape and on the close button, focus back on the opener', async () => {
    const element = await renderWith();
    const dialog = await openMonitorDialog(element);
    press(dialog, 'Escape');
    await flush();
    expect(modal(element)).toBeNull();
    expect(root(element).activeElement).toBe($(element, 'button[data-mode="Monitor"]'));

    await openMonitorDialog(element);
    inModal(element, 'close').click();
    await flush();
    expect(modal(element)).toBeNull();
    expect(root(element).activeElement).toBe($(element, 'button[data-mode="Monitor"]'));
  });

  it('keeps Tab and Shift+Tab inside the dialog', async () => {
    const element = await renderWith();
    const dialog = await openMonitorDialog(element);
    const first = inModal(element, 'close');
    const last = inModal(element, 'confirm');
    last.focus();
    press(dialog, 'Tab');
    expect(focusInModal(element)).toBe(first);
    press(dialog, 'Tab', true);
    expect(focusInModal(element)).toBe(last);
  });

  it('requests the switch on confirmation and says it was requested, with the job Id, focus on it', async () => {
    requestMock.mockResolvedValue(fixture('requestModeChange'));
    const element = await renderWith();
    await openMonitorDialog(element);
    inModal(element, 'confirm').click();
    await flush();
    expect(requestMock).toHaveBeenCalledWith({ targetMode: 'Monitor' });
    expect(modal(element)).toBeNull();
    const result = $(element, '[data-id="mode-result"]') as HTMLElement;
    expect(result.getAttribute('role')).toBe('status');
    expect(text(result)).toContain(
      'Switch from Installed to Monitor requested (deployment 0Af5g00000A1b2cCAB).'
    );
    expect((result.querySelector('a') as HTMLAnchorElement).getAttribute('href')).toBe(
      '/lightning/setup/DeployStatus/home'
    );
    expect(root(element).activeElement).toBe(result);
  });

  it('keeps the dialog open with the server message when the switch is refused', async () => {
    requestMock.mockRejectedValue({
      body: {
        message:
          'The rollout mode moves one step at a time. From Monitor you can switch to: Installed, Pilot.'
      }
    });
    const element = await renderWith();
    await openMonitorDialog(element);
    inModal(element, 'confirm').click();
    await flush();
    const error = inModal(element, 'error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toContain('moves one step at a time');
    expect(modal(element)).not.toBeNull();
    expect($(element, '[data-id="mode-result"]')).toBeNull();
    expect(focusInModal(element)).toBe(error);
  });

  it('drops the "requested" note once a check shows the new mode', async () => {
    requestMock.mockResolvedValue(fixture('requestModeChange'));
    const element = await renderWith();
    await openMonitorDialog(element);
    inModal(element, 'confirm').click();
    await flush();
    expect($(element, '[data-id="mode-result"]')).not.toBeNull();

    const later = status();
    later.mode = 'Monitor';
    later.modeLabel = 'Monitor';
    getStatusMock.mockResolvedValueOnce(later);
    ($(element, 'button[data-action="refresh"]') as HTMLButtonElement).click();
    await flush();
    expect($(element, '[data-id="mode-result"]')).toBeNull();
  });
});

describe('c-handoff-setup switch the mode without the Metadata API permissions', () => {
  const reason =
    'Switching the mode here deploys the Default setting through the Metadata API as you, which needs Customize Application and either Modify Metadata Through Metadata API Functions or Modify All Data. You are missing: Customize Application; Modify Metadata Through Metadata API Functions (or Modify All Data).';

  function blocked(): HandoffSetupData.SetupStatus {
    const value = status();
    value.canSwitchMode = false;
    value.switchModeBlockedReason = reason;
    return value;
  }

  it('disables the switch and says which permissions are missing, next to it', async () => {
    const element = await renderWith(blocked());
    const mode = check(element, 'rolloutMode');
    const button = mode.querySelector('button[data-mode="Monitor"]') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const note = mode.querySelector('[data-id="switch-blocked"]') as HTMLElement;
    expect(text(note)).toBe(reason);
    expect(button.getAttribute('aria-describedby')).toBe(note.id);
    expect(note.id).not.toBe('');
  });

  it('opens no dialog and requests nothing, even if the button is clicked', async () => {
    const element = await renderWith(blocked());
    const button = $(element, 'button[data-mode="Monitor"]') as HTMLButtonElement;
    button.disabled = false; // as if the attribute were removed in the browser
    button.click();
    await flush();
    expect(modal(element)).toBeNull();
    expect(requestMock).not.toHaveBeenCalled();
  });

  it('keeps the switch disabled when Apex does not say it is allowed', async () => {
    const value = status() as Partial<HandoffSetupData.SetupStatus>;
    delete value.canSwitchMode;
    const element = await renderWith(value as HandoffSetupData.SetupStatus);
    expect(($(element, 'button[data-mode="Monitor"]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers the switch, with no note, when the admin holds the permissions', async () => {
    const element = await renderWith();
    const button = $(element, 'button[data-mode="Monitor"]') as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect($(element, '[data-id="switch-blocked"]')).toBeNull();
    expect(button.getAttribute('aria-describedby')).toBeNull();
  });

  it('leaves the other checks and the jobs action as they are', async () => {
    const element = await renderWith(blocked());
    expect($$(element, '[data-id="switch-blocked"]').length).toBe(1);
    expect(($(element, 'button[data-action="schedule-jobs"]') as HTMLButtonElement).disabled).toBe(
      false
    );
    expect($$(element, 'li[data-check]').length).toBe(10);
  });
});

describe('c-handoff-setup accessibility', () => {
  it('labels each check by its heading, announces changes and names every control', async () => {
    const element = await renderWith();
    for (const article of $$(element, 'li[data-check] article')) {
      const heading = article.querySelector('h2') as HTMLElement;
      expect(article.getAttribute('aria-labelledby')).toBe(heading.id);
      expect(text(heading).length).toBeGreaterThan(0);
      expect(text(article.querySelector('[data-id="state"]')).length).toBeGreaterThan(0);
    }
    const live = $(element, '[data-id="announcement"]') as HTMLElement;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    const links = $$(element, 'a');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(text(link).length).toBeGreaterThan(0);
    }
    const newTabs = links.filter((link) => link.getAttribute('target') === '_blank');
    expect(newTabs.length).toBe(links.length);
    for (const link of newTabs) {
      expect(text(link.querySelector('.slds-assistive-text'))).toBe('c.Handoff_Setup_New_Tab');
      expect(link.getAttribute('rel')).toBe('noopener');
    }
    for (const button of $$(element, 'button')) {
      expect(text(button).length).toBeGreaterThan(0);
    }
  });

  it('names the dialog by its title and describes it by its content', async () => {
    const element = await renderWith();
    const dialog = await openMonitorDialog(element);
    const dialogRoot = modal(element)?.shadowRoot as ShadowRoot;
    const labelledBy = dialog.getAttribute('aria-labelledby') as string;
    const describedBy = dialog.getAttribute('aria-describedby') as string;
    expect(text(dialogRoot.querySelector(`[id="${labelledBy}"]`))).toBe(
      'c.Handoff_Setup_Dialog_Title'
    );
    // The description is the dialog's content, where the setup page's paragraphs are slotted.
    const content = dialogRoot.querySelector(`[id="${describedBy}"]`) as HTMLElement;
    expect(content.querySelector('slot')).not.toBeNull();
    expect(text($(element, '[data-id="dialog-change"]'))).toBe('From Installed to Monitor.');
    expect(modal(element)?.contains($(element, '[data-id="dialog-change"]'))).toBe(true);
    expect(text(inModal(element, 'close').querySelector('.slds-assistive-text'))).toBe(
      'c.Handoff_Setup_Dialog_Close'
    );
  });
});

describe('c-handoff-setup helpers', () => {
  it('formats labels, reads Apex errors and counts states', () => {
    expect(format('{0} of {1}', 1, 'two')).toBe('1 of two');
    expect(errorMessage({ body: [{ message: 'first' }] })).toBe('first');
    expect(errorMessage({ message: 'plain' })).toBe('plain');
    expect(countStates(status().checks)).toEqual({
      ok: 4,
      warn: 4,
      fail: 1,
      manual: 1,
      unknown: 0
    });
  });
});
