/**
 * The CS team (c-handoff-intake-team inside c-handoff-intake-checklist, and My Handoffs' team
 * line) as a CS manager and a team member meet it: the team of an expanded handoff (the CSM
 * first, then the members with required/optional, assigned by fallback and why on demand, then
 * the earlier members, collapsed); reassigning one member in c-handoff-modal with the record
 * picker (active users only) and a reason — the server's refusal stays in the dialog, then a
 * success closes it, reads the team again, says so and puts the focus on the role's Reassign
 * button; the same by keyboard only; a user who may not reassign, a handoff without a team, a
 * failed read with Try again; My Handoffs listing a handoff where the user is a team member.
 * Every state scanned by axe. Data: the Jest fixtures getIntakeView.json, getTeamView.json and
 * getMyHandoffs.json, changed by the fake server as HandoffTeamController would change them; the
 * picker's search answered with the org's users (one of them inactive).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/build.ts';
import {
  ServerError,
  clean,
  fixture,
  type FakeServer,
  type JourneyContext,
  type Journey
} from '../lib/harness.ts';

const TEAM = 'HandoffTeamController';
const TAG = 'c-handoff-intake-checklist';
const RECORD_ID = '001000000000001AAA';
const FIRST = 'a0B000000000001AAA';
const ONBOARDING = 'a0T000000000001AAA';
const SOLUTIONS = 'a0T000000000002AAA';
const OLIVIA = '005000000000002AAA';
const JORDAN = '005000000000005AAA';
const JESSE_INACTIVE = '005000000000006AAA';

interface Member {
  memberId: string | null;
  userId: string | null;
  userName: string | null;
  role: string | null;
  primary: boolean;
  required: boolean;
  active: boolean;
  byFallback: boolean;
  assignedAt: string | null;
  assignmentReason: string | null;
  removedAt?: string | null;
  removedReason?: string | null;
}
interface TeamView {
  members: Member[];
  canReassign: boolean;
}
type Params = Record<string, unknown>;

/** The org's users as the record picker's search would find them (IsActive read by its filter). */
const USERS = [
  { id: OLIVIA, name: 'Olivia Onboarding', fields: { IsActive: true } },
  { id: JORDAN, name: 'Jordan Onboard', fields: { IsActive: true } },
  { id: JESSE_INACTIVE, name: 'Jesse Onboard', fields: { IsActive: false } },
  { id: '005000000000003AAA', name: 'Sam Solutions', fields: { IsActive: true } }
];

/** HandoffTeam.labels-meta.xml's value of one label (the server's refusals are these labels). */
function label(name: string): string {
  const xml = readFileSync(
    join(ROOT, 'force-app', 'main', 'default', 'labels', 'HandoffTeam.labels-meta.xml'),
    'utf8'
  );
  const match = new RegExp(`<fullName>${name}</fullName>[\\s\\S]*?<value>([^<]*)</value>`).exec(
    xml
  );
  assert.ok(match, `label ${name} not found`);
  return match[1];
}

function team(): TeamView {
  return fixture<TeamView>('handoffIntakeTeam', 'getTeamView');
}

/** The team of a handoff with no CS role configured: the CSM's line only. */
function csmOnly(): TeamView {
  const view = team();
  return { canReassign: view.canReassign, members: view.members.filter((m) => m.primary) };
}

/**
 * A copy in the controller's order: the CSM first, then the members' rows as
 * HandoffTeamMembersSelector reads them (active first, then by Assigned_At__c).
 */
function ordered(view: TeamView): TeamView {
  const rank = (m: Member): string =>
    `${m.primary ? 0 : 1}${m.active ? 0 : 1}${m.assignedAt ?? ''}${m.memberId ?? ''}`;
  const copy = JSON.parse(JSON.stringify(view)) as TeamView;
  copy.members.sort((a, b) => rank(a).localeCompare(rank(b)));
  return copy;
}

/**
 * The checklist's and the team's server: the team changes as HandoffTeamController.reassignMember
 * changes it (the member's row closed with the reason, a new row for the role); choosing the
 * user who already holds the role is refused with the controller's label.
 */
function answer(server: FakeServer, first: TeamView = team()): TeamView {
  server
    .on('HandoffIntakeController.getIntakeView', fixture('handoffIntakeChecklist', 'getIntakeView'))
    .on('HandoffNewPeopleController.getGuide', { show: false })
    .on('HandoffGoLiveController.getGoLive', (p: Params) => ({
      handoffId: p.handoffId,
      goLiveDate: null,
      canRecord: false
    }))
    .on(`${TEAM}.getTeamView`, (p: Params) => ordered(p.handoffId === FIRST ? first : csmOnly()))
    .on('recordPickerSearch', () => USERS)
    .on(`${TEAM}.reassignMember`, (p: Params) => {
      const member = first.members.find((m) => m.memberId === p.memberId && m.active);
      if (!member) {
        throw new ServerError(label('Handoff_Team_Error_Gone'));
      }
      if (member.userId === p.newUserId) {
        throw new ServerError(label('Handoff_Team_Error_Same'));
      }
      const user = USERS.find((u) => u.id === p.newUserId);
      assert.ok(user?.fields.IsActive, `reassigned to ${String(p.newUserId)}`);
      Object.assign(member, {
        active: false,
        removedAt: '2026-11-03T18:00:00.000Z',
        removedReason: p.reason
      });
      first.members.push({
        memberId: 'a0T000000000009AAA',
        userId: user.id,
        userName: user.name,
        role: member.role,
        primary: false,
        required: member.required,
        active: true,
        byFallback: false,
        assignedAt: '2026-11-03T18:00:00.000Z',
        assignmentReason: `Role ${member.role}. Reassigned by Morgan Manager to ${user.name}.`
      });
      return null;
    });
  return first;
}

const $ = (t: JourneyContext, selector: string) =>
  t.page.locator(`${TAG} li[data-handoff="${FIRST}"] c-handoff-intake-team ${selector}`);
const dialog = (t: JourneyContext, selector: string) =>
  $(t, `c-handoff-modal[data-id="reassign-dialog"] ${selector}`);
const picker = (t: JourneyContext) => dialog(t, 'lightning-record-picker');

async function ready(t: JourneyContext): Promise<void> {
  await $(t, '[data-id="team"]').waitFor({ timeout: 10_000 });
}

async function texts(t: JourneyContext, selector: string): Promise<string[]> {
  return (await $(t, selector).allTextContents()).map(clean);
}

async function announced(t: JourneyContext, text: string): Promise<void> {
  await t.expectText($(t, '[data-id="team-announcement"]'), text);
}

/** The team's lines as a reader sees them: role, name, required/optional, fallback. */
async function lines(t: JourneyContext): Promise<string[]> {
  // innerText: the parts are separate flex items, drawn apart (textContent runs them together).
  return (await $(t, '[data-member-row] > div').allInnerTexts()).map(clean);
}

/** Whether the keyboard focus is in the record picker's search box. */
async function searchHasFocus(t: JourneyContext): Promise<boolean> {
  const input = picker(t).locator('input[data-picker="input"]');
  if ((await input.count()) === 0) {
    return false;
  }
  // Page-side code, typed without the DOM library (scripts/tsconfig.json has none).
  return input.evaluate((el) => {
    interface Focusable {
      activeElement?: Focusable | null;
      shadowRoot?: { activeElement?: Focusable | null } | null;
    }
    let active = (el as unknown as { ownerDocument: Focusable }).ownerDocument.activeElement;
    while (active?.shadowRoot?.activeElement) {
      active = active.shadowRoot.activeElement;
    }
    return active === (el as unknown);
  });
}

const reassignOnboarding = (t: JourneyContext) =>
  $(t, `button[data-action="reassign"][data-member="${ONBOARDING}"]`);

const journeys: Journey[] = [
  {
    name: 'CS team: a CS manager reads the team and reassigns a member',
    async run(t) {
      const loading = t.server.hold(`${TEAM}.getTeamView`);
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, 'Acme');

      await t.step('a labelled spinner while the team loads', async () => {
        await $(t, '[data-id="team-loading"] lightning-spinner').waitFor({ timeout: 10_000 });
        await t.axe('team-loading');
      });
      loading.release();
      await ready(t);

      await t.step('the CSM first, then the members, the earlier ones collapsed', async () => {
        assert.deepEqual(await lines(t), [
          'CSM (primary) Casey CSM Why Casey CSM?',
          'Onboarding Manager Olivia Onboarding Required Assigned by fallback Why Olivia Onboarding? Reassign',
          'Solutions Engineer Sam Solutions Optional Why Sam Solutions? Reassign'
        ]);
        assert.deepEqual(t.server.callsTo(`${TEAM}.getTeamView`)[0], { handoffId: FIRST });
        // The CSM is not reassigned here (the handoff's own owner change does that).
        assert.equal(
          await $(t, '[data-member-row="primary-0"] button[data-action="reassign"]').count(),
          0
        );
        const earlier = $(t, 'button[data-action="earlier"]');
        await t.expectText(earlier, 'Earlier members (1)');
        assert.equal(await earlier.getAttribute('aria-expanded'), 'false');
        assert.equal(await $(t, '[data-id="earlier"]').count(), 0);
        await t.fitsWidth();
        await t.shot(
          'team',
          'The CS team on the intake checklist: the CSM first, then the members'
        );
        await t.axe('team');
      });

      await t.step('why a member, and the earlier members, on demand', async () => {
        const why = $(t, `button[data-action="why"][data-key="${ONBOARDING}"]`);
        await why.click();
        assert.equal(await why.getAttribute('aria-expanded'), 'true');
        await t.expectText(
          $(t, `[data-member-row="${ONBOARDING}"] [data-id="why-text"]`),
          'Nobody available in pool Onboarding; fallback: the CS manager'
        );
        await $(t, `button[data-action="why"][data-key="${SOLUTIONS}"]`).click();
        await t.expectText(
          $(t, `[data-member-row="${SOLUTIONS}"] [data-id="why-text"]`),
          'No reason was recorded.'
        );
        await $(t, 'button[data-action="earlier"]').click();
        assert.deepEqual(await texts(t, '[data-id="earlier"] li'), [
          'Onboarding Manager Riley Former · Replaced Nov 2, 2026: user inactive'
        ]);
        await t.fitsWidth();
        await t.shot('team-why', 'Why a member was chosen, and the earlier members');
        await t.axe('team-why-earlier');
      });

      await t.step('Reassign opens the dialog with the focus in the user search', async () => {
        await reassignOnboarding(t).click();
        await dialog(t, '[data-id="dialog"]').waitFor();
        await t.expectText(dialog(t, '[data-id="heading"]'), 'Reassign the Onboarding Manager');
        assert.ok(await searchHasFocus(t), `focus on open: ${JSON.stringify(await t.focused())}`);
        await t.fitsWidth();
        await t.axe('reassign-dialog');
      });

      await t.step('nothing chosen: the dialog says what to fix and sends nothing', async () => {
        await dialog(t, '[data-id="confirm"]').click();
        await t.expectText(
          dialog(t, '[data-id="error"]'),
          /Choose the new team member and give a reason/
        );
        await t.expectText(picker(t).locator('[data-picker="error"]'), 'Complete this field.');
        assert.equal(t.server.callsTo(`${TEAM}.reassignMember`).length, 0);
        await t.axe('reassign-invalid');
      });

      await t.step('the search lists active users only, searched with the filter', async () => {
        await picker(t).locator('input').fill('onb');
        await picker(t).locator('[role="option"]').first().waitFor();
        assert.deepEqual(
          (await picker(t).locator('[role="option"]').allTextContents()).map(clean),
          ['Olivia Onboarding', 'Jordan Onboard']
        );
        assert.deepEqual(t.server.callsTo('recordPickerSearch').at(-1), {
          objectApiName: 'User',
          searchTerm: 'onb',
          filter: { criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }] }
        });
        await t.shot('picker', 'Choosing the new member: active users only');
        await t.axe('picker-open');
      });

      await t.step('the server refuses: its message stays in the dialog', async () => {
        await picker(t).locator('[role="option"]').filter({ hasText: 'Olivia' }).click();
        await t.expectText(picker(t).locator('[data-picker="selected"]'), 'Olivia Onboarding');
        await dialog(t, 'lightning-textarea textarea').fill('Olivia moves to the Enterprise pod.');
        await dialog(t, 'lightning-textarea textarea').blur();
        await dialog(t, '[data-id="confirm"]').click();
        await t.until(
          'the reassign',
          () => t.server.callsTo(`${TEAM}.reassignMember`).length === 1
        );
        assert.deepEqual(t.server.callsTo(`${TEAM}.reassignMember`)[0], {
          memberId: ONBOARDING,
          newUserId: OLIVIA,
          reason: 'Olivia moves to the Enterprise pod.'
        });
        await t.expectText(dialog(t, '[data-id="error"]'), label('Handoff_Team_Error_Same'));
        assert.equal((await t.focused()).dataId, 'error');
        assert.equal(await dialog(t, '[data-id="dialog"]').count(), 1);
        // What the user entered is kept for the correction.
        assert.equal(
          await dialog(t, 'lightning-textarea textarea').inputValue(),
          'Olivia moves to the Enterprise pod.'
        );
        await t.fitsWidth();
        await t.shot('refused', 'A refused reassignment: the reason stays in the dialog');
        await t.axe('reassign-refused');
      });

      await t.step('another user: done, the team read again, said, focus on Reassign', async () => {
        const reads = t.server.callsTo(`${TEAM}.getTeamView`).length;
        await picker(t).locator('[data-picker="clear"]').click();
        await picker(t).locator('input').fill('jordan');
        await picker(t).locator('[role="option"]').filter({ hasText: 'Jordan' }).click();
        await dialog(t, '[data-id="confirm"]').click();
        await t.until(
          'the dialog to close',
          async () => (await dialog(t, '[data-id="dialog"]').count()) === 0
        );
        assert.deepEqual(t.server.callsTo(`${TEAM}.reassignMember`)[1], {
          memberId: ONBOARDING,
          newUserId: JORDAN,
          reason: 'Olivia moves to the Enterprise pod.'
        });
        await t.until(
          'the team read again',
          () => t.server.callsTo(`${TEAM}.getTeamView`).length > reads
        );
        await announced(t, 'Jordan Onboard is now the Onboarding Manager.');
        assert.deepEqual(await lines(t), [
          'CSM (primary) Casey CSM Why Casey CSM?',
          'Solutions Engineer Sam Solutions Optional Why Sam Solutions? Reassign',
          'Onboarding Manager Jordan Onboard Required Why Jordan Onboard? Reassign'
        ]);
        await t.expectText($(t, 'button[data-action="earlier"]'), 'Earlier members (2)');
        assert.deepEqual(await texts(t, '[data-id="earlier"] li'), [
          'Onboarding Manager Riley Former · Replaced Nov 2, 2026: user inactive',
          'Onboarding Manager Olivia Onboarding · Replaced Nov 3, 2026: Olivia moves to the Enterprise pod.'
        ]);
        const focus = await t.focused();
        assert.equal(focus.label, 'Reassign Onboarding Manager (Jordan Onboard)');
        await t.fitsWidth();
        await t.shot(
          'reassigned',
          'After the reassignment: the new member, the former one under Earlier members'
        );
        await t.axe('reassigned');
      });
    }
  },
  {
    name: 'CS team: reassigning by keyboard only',
    async run(t) {
      answer(t.server);
      await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
      await ready(t);

      await t.step('Tab reaches the member’s Why, Enter shows the reason', async () => {
        await t.tabTo((f) => f.dataId === 'why' && f.text === 'Why Olivia Onboarding?', 60);
        await t.page.keyboard.press('Enter');
        await t.expectText(
          $(t, `[data-member-row="${ONBOARDING}"] [data-id="why-text"]`),
          'Nobody available in pool Onboarding; fallback: the CS manager'
        );
      });

      await t.step('Reassign by Enter, Esc closes and gives the focus back', async () => {
        await t.tabTo((f) => f.label === 'Reassign Onboarding Manager (Olivia Onboarding)', 5);
        await t.page.keyboard.press('Enter');
        await dialog(t, '[data-id="dialog"]').waitFor();
        assert.ok(await searchHasFocus(t), 'the focus is not in the user search');
        await t.page.keyboard.press('Escape');
        await t.until(
          'the dialog to close',
          async () => (await dialog(t, '[data-id="dialog"]').count()) === 0
        );
        assert.equal((await t.focused()).label, 'Reassign Onboarding Manager (Olivia Onboarding)');
      });

      await t.step('type, arrow to the user, Enter; Esc in the list keeps the dialog', async () => {
        await t.page.keyboard.press('Enter');
        await dialog(t, '[data-id="dialog"]').waitFor();
        await t.page.keyboard.type('on');
        await picker(t).locator('[role="option"]').first().waitFor();
        await t.page.keyboard.press('Escape');
        assert.equal(await picker(t).locator('[role="listbox"]').count(), 0);
        assert.equal(
          await dialog(t, '[data-id="dialog"]').count(),
          1,
          'Esc in the list closed the dialog'
        );
        await t.page.keyboard.type('b');
        await picker(t).locator('[role="option"]').first().waitFor();
        await t.page.keyboard.press('ArrowDown');
        // The active option is announced through aria-activedescendant.
        const active = picker(t).locator('[role="option"][aria-selected="true"]');
        await t.expectText(active, 'Olivia Onboarding');
        assert.equal(
          await picker(t).locator('input').getAttribute('aria-activedescendant'),
          await active.getAttribute('id')
        );
        await t.page.keyboard.press('Enter');
        await t.expectText(picker(t).locator('[data-picker="selected"]'), 'Olivia Onboarding');
      });

      await t.step(
        'a reason, Reassign by keyboard: refused, the focus on the message',
        async () => {
          await t.tabTo((f) => f.tag === 'textarea', 5);
          await t.page.keyboard.type('Covering for parental leave.');
          await t.tabTo((f) => f.dataId === 'confirm', 5);
          await t.page.keyboard.press('Enter');
          await t.expectText(dialog(t, '[data-id="error"]'), label('Handoff_Team_Error_Same'));
          assert.equal((await t.focused()).dataId, 'error');
        }
      );

      await t.step('Clear Selection, choose another by keyboard, done', async () => {
        await t.tabTo((f) => f.label.startsWith('Clear Selection'), 10);
        await t.page.keyboard.press('Enter');
        await t.until('the focus back in the search box', () => searchHasFocus(t));
        await t.page.keyboard.type('jor');
        await picker(t).locator('[role="option"]').first().waitFor();
        await t.page.keyboard.press('ArrowDown');
        await t.page.keyboard.press('Enter');
        await t.expectText(picker(t).locator('[data-picker="selected"]'), 'Jordan Onboard');
        await t.tabTo((f) => f.dataId === 'confirm', 10);
        await t.page.keyboard.press('Enter');
        await announced(t, 'Jordan Onboard is now the Onboarding Manager.');
        assert.equal((await t.focused()).label, 'Reassign Onboarding Manager (Jordan Onboard)');
        await t.axe('keyboard-reassigned');
      });
    }
  },
  {
    name: 'CS team: a member who may not reassign, no team, a failed read',
    async run(t) {
      const readOnly = { ...team(), canReassign: false };
      answer(t.server, readOnly);
      await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
      await ready(t);

      await t.step('the team without Reassign for a user who may not', async () => {
        assert.equal(await $(t, 'button[data-action="reassign"]').count(), 0);
        assert.equal((await lines(t)).length, 3);
        await t.axe('team-read-only');
      });

      await t.step('a handoff whose team is the CSM alone shows no team section', async () => {
        t.server.on(`${TEAM}.getTeamView`, csmOnly());
        await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
        await t.page
          .locator(`${TAG} c-handoff-intake-actions[data-id="${FIRST}"]`)
          .waitFor({ timeout: 10_000 });
        await t.until('the team read', () => t.server.callsTo(`${TEAM}.getTeamView`).length >= 2);
        await t.page.waitForTimeout(200);
        assert.equal(await $(t, '[data-id="team"]').count(), 0);
        assert.equal(await $(t, '[data-id="team-loading"]').count(), 0);
        assert.equal(await $(t, '[data-id="team-error"]').count(), 0);
      });

      await t.step('a failed read says so, Try again reads it', async () => {
        t.server.fail(`${TEAM}.getTeamView`, label('Handoff_Team_Error_Read'));
        await t.open(TAG, { recordId: RECORD_ID }, 'Acme');
        const error = $(t, '[data-id="team-error"]');
        await error.waitFor({ timeout: 10_000 });
        assert.equal(
          clean(await error.evaluate((el) => el.firstChild?.textContent ?? '')),
          `The CS team could not be loaded: ${label('Handoff_Team_Error_Read')}`
        );
        await t.expectText(error.locator('button[data-action="team-retry"]'), 'Try again');
        await t.fitsWidth();
        await t.axe('team-error');
        t.server.on(`${TEAM}.getTeamView`, team());
        await $(t, 'button[data-action="team-retry"]').click();
        await ready(t);
        assert.equal((await lines(t)).length, 3);
      });
    }
  },
  {
    name: 'CS team: My Handoffs lists a handoff where the user is a team member',
    async run(t) {
      const MY = 'c-handoff-my-handoffs';
      t.server.on(
        'HandoffIntakeController.getMyHandoffs',
        fixture('handoffMyHandoffs', 'getMyHandoffs')
      );
      await t.open(MY, {}, 'Handoff home');

      await t.step('the team row names the user’s role and the account', async () => {
        const row = t.page.locator(`${MY} li[data-row="a0B000000000012AAA"]`);
        await row.waitFor({ timeout: 10_000 });
        await t.expectText(row.locator('[data-id="team-role"]'), 'Onboarding Manager on Initech');
        // Only that row: the user's own handoffs as CSM carry no role line.
        assert.equal(await t.page.locator(`${MY} [data-id="team-role"]`).count(), 1);
        await t.fitsWidth();
        await t.shot('my-team-row', 'My Handoffs: a handoff where you are on the CS team');
        await t.axe('my-handoffs-team-row');
      });
    }
  }
];

export default journeys;
