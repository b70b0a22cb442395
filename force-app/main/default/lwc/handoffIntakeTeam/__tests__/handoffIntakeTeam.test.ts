/**
 * Tests of c/handoffIntakeTeam with a wire mock of HandoffTeamController.getTeamView: the
 * loading, error and empty states; the team (the CSM first, the active members with required or
 * optional, fallback and why on demand, the earlier members collapsed); reassigning one member
 * (who sees the button, the dialog's checks, the server's refusal kept in the dialog, the team
 * read again, the announcement and the focus).
 *
 * @sa11y/jest is not installed in this project, so the accessibility tests assert roles, ARIA
 * attributes, accessible names and focus explicitly.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getTeamView from '@salesforce/apex/HandoffTeamController.getTeamView';
import reassignMember from '@salesforce/apex/HandoffTeamController.reassignMember';
import HandoffIntakeTeam, { ACTIVE_USERS } from 'c/handoffIntakeTeam';
import {
  byIdRef,
  deepActiveElement,
  deepQuery
} from '../../../../../test/jest-helpers/shadowQuery';

jest.mock(
  '@salesforce/apex/HandoffTeamController.getTeamView',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/HandoffTeamController.reassignMember',
  () => ({ default: jest.fn(() => Promise.resolve([])) }),
  { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
jest.mock('@salesforce/i18n/timeZone', () => ({ default: 'UTC' }), { virtual: true });
jest.mock('@salesforce/label/c.Handoff_Team_Why', () => ({ default: 'Why {0}?' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Team_Load_Error',
  () => ({ default: 'Team not loaded: {0}' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Team_Earlier', () => ({ default: 'Earlier ({0})' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Team_Replaced', () => ({ default: 'Replaced {0}: {1}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Team_Reassign_Member',
  () => ({ default: 'Reassign {0} ({1})' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Team_Reassign_Heading',
  () => ({ default: 'Reassign the {0}' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Team_Done', () => ({ default: '{1} is now the {0}.' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_Team_Done_Any', () => ({ default: 'The {0} moved.' }), {
  virtual: true
});

interface TestWireAdapter {
  emit(value: unknown): void;
  error(body?: unknown): void;
}

const wire = getTeamView as unknown as TestWireAdapter;
const refreshMock = refreshApex as unknown as jest.Mock;
const reassignMock = reassignMember as unknown as jest.Mock;

function data(): HandoffTeam.TeamView {
  return JSON.parse(
    readFileSync(join(__dirname, 'data', 'getTeamView.json'), 'utf8')
  ) as HandoffTeam.TeamView;
}

async function flush(turns = 8): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function render(): HTMLElement {
  const element = createElement('c-handoff-intake-team', { is: HandoffIntakeTeam });
  Object.assign(element, { handoffId: 'a0H000000000001AAA' });
  document.body.appendChild(element);
  return element;
}

async function renderWith(value: HandoffTeam.TeamView): Promise<HTMLElement> {
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

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Opens the dialog for the Onboarding Manager. */
async function openDialog(element: HTMLElement): Promise<HTMLElement> {
  ($(element, 'button[data-member="a0T000000000001AAA"]') as HTMLButtonElement).click();
  await flush();
  return $(element, 'c-handoff-modal') as HTMLElement;
}

async function fill(element: HTMLElement, userId: string | null, reason: string): Promise<void> {
  $(element, '[data-field="newUser"]')?.dispatchEvent(
    new CustomEvent('change', { detail: { recordId: userId } })
  );
  $(element, '[data-field="reason"]')?.dispatchEvent(
    new CustomEvent('change', { detail: { value: reason } })
  );
  await flush();
}

function confirm(dialog: HTMLElement): void {
  (deepQuery(dialog.shadowRoot, '[data-id="confirm"]') as HTMLButtonElement).click();
}

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
});

describe('c-handoff-intake-team states', () => {
  it('shows a labelled spinner while loading', () => {
    const element = render();
    const spinner = $(element, '[data-id="team-loading"] lightning-spinner') as HTMLElement & {
      alternativeText: string;
    };
    expect(spinner.alternativeText).toBe('c.Handoff_Team_Loading');
  });

  it('says why the team could not be loaded and tries again', async () => {
    const element = render();
    wire.error({ message: 'No access to the team' });
    await flush();
    expect(text($(element, '[data-id="team-error"]'))).toContain(
      'Team not loaded: No access to the team'
    );
    ($(element, 'button[data-action="team-retry"]') as HTMLButtonElement).click();
    await flush();
    expect(refreshMock).toHaveBeenCalledTimes(1);
    expect($(element, '[data-id="team-error"]')).toBeNull();
  });

  it('keeps the error when trying again fails', async () => {
    const element = render();
    wire.error({ message: 'first' });
    await flush();
    refreshMock.mockRejectedValueOnce({ body: { message: 'still down' } });
    ($(element, 'button[data-action="team-retry"]') as HTMLButtonElement).click();
    await flush();
    expect(text($(element, '[data-id="team-error"]'))).toContain('still down');
  });

  it('shows nothing when the handoff has no member besides the CSM (no CS role configured)', async () => {
    const only = data();
    only.members = only.members.filter((member) => member.primary);
    const element = await renderWith(only);
    expect($(element, '[data-id="team"]')).toBeNull();
    expect($(element, '[data-id="team-error"]')).toBeNull();
    expect($(element, '[data-id="team-loading"]')).toBeNull();
  });

  it('shows nothing for a handoff without any line', async () => {
    const element = await renderWith({ members: [], canReassign: false });
    expect($(element, '[data-id="team"]')).toBeNull();
  });
});

describe('c-handoff-intake-team lines', () => {
  it('lists the primary CSM first, then the active members with their kind', async () => {
    const element = await renderWith(data());
    const rows = $$(element, 'li[data-member-row]');
    expect(rows.map((row) => text(row.querySelector('[data-id="member-role"]')))).toEqual([
      'c.Handoff_Team_Primary',
      'Onboarding Manager',
      'Solutions Engineer'
    ]);
    expect(rows.map((row) => text(row.querySelector('[data-id="member-name"]')))).toEqual([
      'Casey CSM',
      'Olivia Onboarding',
      'Sam Solutions'
    ]);
    expect(rows.map((row) => text(row.querySelector('[data-id="member-kind"]')))).toEqual([
      '',
      'c.Handoff_Team_Required',
      'c.Handoff_Team_Optional'
    ]);
    expect(rows.map((row) => !!row.querySelector('[data-id="fallback"]'))).toEqual([
      false,
      true,
      false
    ]);
    expect(text($(element, 'h4[data-id="team-heading"]'))).toBe('c.Handoff_Team_Heading');
  });

  it('shows why a person was chosen on demand, and a quiet line when no reason was kept', async () => {
    const element = await renderWith(data());
    const buttons = $$(element, 'button[data-action="why"]');
    expect(buttons.map((b) => text(b))).toEqual([
      'Why Casey CSM?',
      'Why Olivia Onboarding?',
      'Why Sam Solutions?'
    ]);
    expect(buttons[1].getAttribute('aria-expanded')).toBe('false');
    expect($$(element, '[data-id="why-text"]')).toEqual([]);
    buttons[1].click();
    await flush();
    expect(buttons[1].getAttribute('aria-expanded')).toBe('true');
    const shown = byIdRef(buttons[1], 'aria-controls');
    expect(text(shown)).toBe('Nobody available in pool Onboarding; fallback: the CS manager');
    buttons[2].click();
    await flush();
    expect(text(byIdRef(buttons[2], 'aria-controls'))).toBe('c.Handoff_Team_No_Reason');
    buttons[1].click();
    await flush();
    expect(buttons[1].getAttribute('aria-expanded')).toBe('false');
    expect($$(element, '[data-id="why-text"]')).toHaveLength(1);
  });

  it('keeps the replaced members in a collapsed list with when and why', async () => {
    const element = await renderWith(data());
    const toggle = $(element, 'button[data-action="earlier"]') as HTMLButtonElement;
    expect(text(toggle)).toBe('Earlier (1)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect($(element, '[data-id="earlier"]')).toBeNull();
    toggle.click();
    await flush();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = byIdRef(toggle, 'aria-controls') as HTMLElement;
    expect(text(list)).toContain('Onboarding Manager Riley Former');
    expect(text(list.querySelector('[data-id="replaced"]'))).toBe(
      'Replaced Nov 2, 2026: user inactive'
    );
    expect($$(element, 'li[data-member-row]').map((row) => text(row))).not.toEqual(
      expect.arrayContaining([expect.stringContaining('Riley Former')])
    );
  });

  it('has no earlier list when nobody was replaced', async () => {
    const view = data();
    view.members = view.members.filter((member) => member.active);
    const element = await renderWith(view);
    expect($(element, 'button[data-action="earlier"]')).toBeNull();
  });
});

describe('c-handoff-intake-team reassignment', () => {
  it('offers Reassign on each active member, never on the CSM, to those allowed', async () => {
    const element = await renderWith(data());
    const buttons = $$(element, 'button[data-action="reassign"]');
    expect(buttons.map((b) => b.dataset.member)).toEqual([
      'a0T000000000001AAA',
      'a0T000000000002AAA'
    ]);
    expect(buttons[0].getAttribute('aria-label')).toBe(
      'Reassign Onboarding Manager (Olivia Onboarding)'
    );
  });

  it('offers no Reassign to a user the server does not allow', async () => {
    const element = await renderWith({ ...data(), canReassign: false });
    expect($$(element, 'button[data-action="reassign"]')).toEqual([]);
    expect($$(element, 'li[data-member-row]')).toHaveLength(3);
  });

  it('opens the dialog with the role, an active-users picker focused first, and a reason', async () => {
    const element = await renderWith(data());
    const dialog = (await openDialog(element)) as HTMLElement & {
      heading: string;
      description: string;
    };
    expect(dialog.heading).toBe('Reassign the Onboarding Manager');
    // Under the team's h4, before the next section's h4: the page's headings stay in order.
    expect(String((dialog as unknown as { headingLevel: unknown }).headingLevel)).toBe('5');
    expect(dialog.description).toBe('c.Handoff_Team_Reassign_Description');
    const picker = $(element, '[data-field="newUser"]') as HTMLElement & {
      objectApiName: string;
      filter: unknown;
      required: boolean;
    };
    expect(picker.objectApiName).toBe('User');
    expect(picker.filter).toEqual(ACTIVE_USERS);
    expect(picker.required).toBe(true);
    expect(picker.hasAttribute('data-autofocus')).toBe(true);
    const reason = $(element, '[data-field="reason"]') as HTMLElement & {
      required: boolean;
      maxLength: number | string;
    };
    expect(reason.required).toBe(true);
    expect(Number(reason.maxLength)).toBe(255);
  });

  it('refuses an incomplete dialog without calling the server', async () => {
    const element = await renderWith(data());
    const dialog = (await openDialog(element)) as HTMLElement & { error: string };
    confirm(dialog);
    await flush();
    expect(dialog.error).toBe('c.Handoff_Team_Form_Invalid');
    await fill(element, '005000000000009AAA', '   ');
    confirm(dialog);
    await flush();
    expect(dialog.error).toBe('c.Handoff_Team_Form_Invalid');
    await fill(element, '005000000000009AAA', 'x'.repeat(256));
    confirm(dialog);
    await flush();
    expect(dialog.error).toBe('c.Handoff_Team_Form_Invalid');
    expect(reassignMock).not.toHaveBeenCalled();
    await fill(element, '005000000000009AAA', 'Customer asked for a Spanish speaker');
    expect(dialog.error).toBe('');
  });

  it("keeps the dialog open with the server's refusal", async () => {
    const element = await renderWith(data());
    const dialog = (await openDialog(element)) as HTMLElement & { error: string; busy: boolean };
    reassignMock.mockRejectedValueOnce({ body: { message: 'Only a CS manager may reassign.' } });
    await fill(element, '005000000000009AAA', 'Spanish speaker');
    confirm(dialog);
    await flush();
    expect(reassignMock).toHaveBeenCalledWith({
      memberId: 'a0T000000000001AAA',
      newUserId: '005000000000009AAA',
      reason: 'Spanish speaker'
    });
    expect($(element, 'c-handoff-modal')).toBe(dialog);
    expect(dialog.error).toBe('Only a CS manager may reassign.');
    expect(dialog.busy).toBe(false);
    expect(refreshMock).not.toHaveBeenCalled();
  });

  it('after a success closes the dialog, reads the team again, announces and focuses the role', async () => {
    const element = await renderWith(data());
    const dialog = await openDialog(element);
    refreshMock.mockImplementationOnce(() => {
      const after = data();
      after.members[1] = {
        ...after.members[1],
        memberId: 'a0T000000000009AAA',
        userName: 'Nina New',
        byFallback: false
      };
      wire.emit(after);
      return Promise.resolve();
    });
    await fill(element, '005000000000009AAA', '  Spanish speaker  ');
    confirm(dialog);
    await flush(12);
    expect(reassignMock).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'Spanish speaker' })
    );
    expect($(element, 'c-handoff-modal')).toBeNull();
    expect(refreshMock).toHaveBeenCalledTimes(1);
    const status = $(element, '[data-id="team-announcement"]') as HTMLElement;
    expect(status.getAttribute('role')).toBe('status');
    expect(text(status)).toBe('Nina New is now the Onboarding Manager.');
    const focused = deepActiveElement() as HTMLElement;
    expect(focused.dataset.member).toBe('a0T000000000009AAA');
    expect(focused.dataset.action).toBe('reassign');
  });

  it('announces without a name and focuses the heading when the role has no member after', async () => {
    const element = await renderWith(data());
    const dialog = await openDialog(element);
    refreshMock.mockImplementationOnce(() => {
      const after = data();
      after.members = after.members.filter((m) => m.role !== 'Onboarding Manager' || !m.active);
      wire.emit(after);
      return Promise.resolve();
    });
    await fill(element, '005000000000009AAA', 'left');
    confirm(dialog);
    await flush(12);
    expect(text($(element, '[data-id="team-announcement"]'))).toBe('The Onboarding Manager moved.');
    expect((deepActiveElement() as HTMLElement).dataset.id).toBe('team-heading');
  });

  it('gives the focus back to the Reassign button on Cancel', async () => {
    const element = await renderWith(data());
    const dialog = await openDialog(element);
    (deepQuery(dialog.shadowRoot, '[data-id="cancel"]') as HTMLButtonElement).click();
    await flush();
    expect($(element, 'c-handoff-modal')).toBeNull();
    expect(reassignMock).not.toHaveBeenCalled();
    expect((deepActiveElement() as HTMLElement).dataset.member).toBe('a0T000000000001AAA');
  });
});
