/**
 * @description The CS team of one handoff inside the intake checklist (docs/behaviour.md,
 * "CS team"): the primary CSM first, then the active members (role, name, required or
 * optional, assigned by fallback, and why this person on demand), then the replaced members in a
 * collapsed "Earlier members" list with when and why. A handoff with no team member (no CS role
 * configured, the shipped state) shows nothing: the CSM is already in the handoff's details, so
 * an upgrade changes nothing on the page until an admin adds a role.
 *
 * Reassign (for those HandoffTeamController allows: a CS manager or an admin who can edit the
 * handoff; the server says so in `canReassign` and checks again) opens the product's modal
 * (c/handoffModal) with a User picker (active users only) and a reason (required, at most 255
 * characters). The server's refusal stays in the dialog; after a success the dialog closes, the
 * change is announced (role=status), the team is read again and the focus goes to the role's
 * Reassign button. Cancel gives the focus back to the button that opened the dialog.
 *
 * Data: one cacheable Apex read (HandoffTeamController.getTeamView), refreshed after a change.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getTeamView from '@salesforce/apex/HandoffTeamController.getTeamView';
import reassignMember from '@salesforce/apex/HandoffTeamController.reassignMember';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';

import HEADING from '@salesforce/label/c.Handoff_Team_Heading';
import LOADING from '@salesforce/label/c.Handoff_Team_Loading';
import LOAD_ERROR from '@salesforce/label/c.Handoff_Team_Load_Error';
import RETRY from '@salesforce/label/c.Handoff_Team_Retry';
import PRIMARY from '@salesforce/label/c.Handoff_Team_Primary';
import REQUIRED from '@salesforce/label/c.Handoff_Team_Required';
import OPTIONAL from '@salesforce/label/c.Handoff_Team_Optional';
import BY_FALLBACK from '@salesforce/label/c.Handoff_Team_By_Fallback';
import WHY from '@salesforce/label/c.Handoff_Team_Why';
import NO_REASON from '@salesforce/label/c.Handoff_Team_No_Reason';
import EARLIER from '@salesforce/label/c.Handoff_Team_Earlier';
import REPLACED from '@salesforce/label/c.Handoff_Team_Replaced';
import REASSIGN from '@salesforce/label/c.Handoff_Team_Reassign';
import REASSIGN_MEMBER from '@salesforce/label/c.Handoff_Team_Reassign_Member';
import REASSIGN_HEADING from '@salesforce/label/c.Handoff_Team_Reassign_Heading';
import REASSIGN_DESCRIPTION from '@salesforce/label/c.Handoff_Team_Reassign_Description';
import NEW_USER from '@salesforce/label/c.Handoff_Team_New_User';
import NEW_USER_HELP from '@salesforce/label/c.Handoff_Team_New_User_Help';
import REASON from '@salesforce/label/c.Handoff_Team_Reason';
import FORM_INVALID from '@salesforce/label/c.Handoff_Team_Form_Invalid';
import DONE from '@salesforce/label/c.Handoff_Team_Done';
import DONE_ANY from '@salesforce/label/c.Handoff_Team_Done_Any';
import CANCEL from '@salesforce/label/c.Handoff_Team_Cancel';
import CLOSE from '@salesforce/label/c.Handoff_Team_Close';

type MemberView = HandoffTeam.MemberView;
type TeamView = HandoffTeam.TeamView;

/** @description The longest reason the server keeps (Removed_Reason__c). */
export const REASON_MAX_LENGTH = 255;

/** @description The record picker's filter: active users only. */
export const ACTIVE_USERS = {
  criteria: [{ fieldPath: 'IsActive', operator: 'eq', value: true }]
};

interface WiredTeam {
  data?: TeamView;
  error?: unknown;
}

interface MemberRow extends MemberView {
  key: string;
  roleText: string;
  kindText: string;
  whyId: string;
  whyText: string;
  whyExpanded: boolean;
  ariaWhyExpanded: string;
  reasonText: string;
  canReassign: boolean;
  reassignName: string;
}

interface EarlierRow extends MemberView {
  key: string;
  replacedText: string;
}

function format(template: string, ...values: (string | number | null | undefined)[]): string {
  return template.replace(/\{(\d+)\}/g, (_match, index: string) => {
    const value = values[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** @description The message of an Apex (AuraHandledException), LDS or JavaScript error. */
export function errorMessage(error: unknown): string {
  const failure = (error ?? {}) as HandoffIntake.ErrorLike;
  const details = failure.body;
  const detail = Array.isArray(details) ? details[0] : details;
  return detail?.message ?? failure.message ?? String(error);
}

const dayFormat = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: TIME_ZONE
});

function formatDay(value: string | null | undefined): string {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? dayFormat.format(date) : '';
}

export default class HandoffIntakeTeam extends LightningElement {
  /** @description The handoff whose team is shown. */
  @api handoffId?: string;

  labels = {
    heading: HEADING,
    loading: LOADING,
    retry: RETRY,
    byFallback: BY_FALLBACK,
    reassign: REASSIGN,
    newUser: NEW_USER,
    newUserHelp: NEW_USER_HELP,
    reason: REASON,
    cancel: CANCEL,
    close: CLOSE
  };
  activeUsers = ACTIVE_USERS;
  reasonMaxLength = REASON_MAX_LENGTH;

  view?: TeamView;
  loadError = '';
  /** Member lines whose assignment reason is shown (by key). */
  openReasons: Record<string, boolean> = {};
  earlierOpen = false;
  /** The member being reassigned (the dialog is open while set). */
  reassigning?: MemberView;
  newUserId = '';
  reason = '';
  dialogError = '';
  busy = false;
  /** The last success, read out by screen readers (role=status). */
  announcement = '';

  private wiredResult?: WiredTeam;
  private focusAfterRender?: () => void;

  @wire(getTeamView, { handoffId: '$handoffId' })
  wiredTeam(result: WiredTeam): void {
    this.wiredResult = result;
    if (result.data) {
      this.view = result.data;
      this.loadError = '';
    } else if (result.error) {
      this.view = undefined;
      this.loadError = format(LOAD_ERROR, errorMessage(result.error));
    }
  }

  renderedCallback(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    focus?.();
  }

  get isLoading(): boolean {
    return !this.view && !this.loadError;
  }

  /** Shown once the team has a member besides the CSM (active or earlier). */
  get hasTeam(): boolean {
    return (this.view?.members ?? []).some((member) => !member.primary);
  }

  get activeRows(): MemberRow[] {
    const canReassign = this.view?.canReassign === true;
    return (this.view?.members ?? [])
      .filter((member) => member.active !== false)
      .map((member, index) => {
        const key = member.memberId ?? `primary-${index}`;
        const whyExpanded = this.openReasons[key] === true;
        const roleText = member.primary ? PRIMARY : (member.role ?? '');
        return {
          ...member,
          key,
          roleText,
          kindText: member.primary ? '' : member.required ? REQUIRED : OPTIONAL,
          whyId: `why-${key}`,
          whyText: format(WHY, member.userName),
          whyExpanded,
          ariaWhyExpanded: String(whyExpanded),
          reasonText: member.assignmentReason || NO_REASON,
          canReassign: canReassign && !member.primary && !!member.memberId,
          reassignName: format(REASSIGN_MEMBER, roleText, member.userName)
        };
      });
  }

  get earlierRows(): EarlierRow[] {
    return (this.view?.members ?? [])
      .filter((member) => member.active === false)
      .map((member, index) => ({
        ...member,
        key: member.memberId ?? `earlier-${index}`,
        replacedText: format(REPLACED, formatDay(member.removedAt), member.removedReason)
      }));
  }

  get hasEarlier(): boolean {
    return this.earlierRows.length > 0;
  }

  get earlierText(): string {
    return format(EARLIER, this.earlierRows.length);
  }

  get ariaEarlierExpanded(): string {
    return String(this.earlierOpen);
  }

  get earlierIcon(): string {
    return this.earlierOpen ? 'utility:chevrondown' : 'utility:chevronright';
  }

  get earlierListId(): string {
    return `earlier-${this.handoffId ?? ''}`;
  }

  get dialogHeading(): string {
    return format(REASSIGN_HEADING, this.reassigning?.role);
  }

  get dialogDescription(): string {
    return format(REASSIGN_DESCRIPTION, this.reassigning?.userName, this.reassigning?.role);
  }

  handleWhy(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
    this.openReasons = { ...this.openReasons, [key]: !this.openReasons[key] };
  }

  handleEarlier(): void {
    this.earlierOpen = !this.earlierOpen;
  }

  async handleRetry(): Promise<void> {
    this.loadError = '';
    try {
      await refreshApex(this.wiredResult);
    } catch (error) {
      this.loadError = format(LOAD_ERROR, errorMessage(error));
    }
  }

  handleReassign(event: Event): void {
    const memberId = (event.currentTarget as HTMLElement).dataset.member;
    this.reassigning = this.view?.members.find((member) => member.memberId === memberId);
    this.newUserId = '';
    this.reason = '';
    this.dialogError = '';
    this.announcement = '';
  }

  handleUserChange(event: CustomEvent<{ recordId?: string | null }>): void {
    this.newUserId = event.detail?.recordId ?? '';
    this.clearInvalid();
  }

  handleReasonChange(event: CustomEvent<{ value?: string }>): void {
    this.reason = event.detail?.value ?? '';
    this.clearInvalid();
  }

  handleCancel(): void {
    const member = this.reassigning;
    this.reassigning = undefined;
    this.dialogError = '';
    if (member?.memberId) {
      const memberId = member.memberId;
      this.focusAfterRender = () => this.focusReassign(`[data-member="${memberId}"]`);
    }
  }

  async handleConfirm(): Promise<void> {
    const member = this.reassigning;
    if (!member?.memberId || this.busy) {
      return;
    }
    if (!this.isValid()) {
      this.template
        .querySelectorAll<HTMLElement & { reportValidity?: () => boolean }>('[data-field]')
        .forEach((input) => input.reportValidity?.());
      this.dialogError = FORM_INVALID;
      return;
    }
    this.busy = true;
    this.dialogError = '';
    try {
      await reassignMember({
        memberId: member.memberId,
        newUserId: this.newUserId,
        reason: this.reason.trim()
      });
    } catch (error) {
      this.dialogError = errorMessage(error);
      this.busy = false;
      return;
    }
    this.reassigning = undefined;
    this.busy = false;
    try {
      await refreshApex(this.wiredResult);
    } catch (error) {
      this.loadError = format(LOAD_ERROR, errorMessage(error));
    }
    const now = (this.view?.members ?? []).find(
      (line) => line.active !== false && !line.primary && line.role === member.role
    );
    this.announcement = now?.userName
      ? format(DONE, member.role, now.userName)
      : format(DONE_ANY, member.role);
    const role = member.role ?? '';
    this.focusAfterRender = () => this.focusReassign(`[data-role="${role.replace(/["\\]/g, '')}"]`);
  }

  /** The Reassign button found by `selector`, else the team's heading: never the page. */
  private focusReassign(selector: string): void {
    const target =
      this.template.querySelector<HTMLElement>(`button[data-action="reassign"]${selector}`) ??
      this.template.querySelector<HTMLElement>('[data-id="team-heading"]');
    target?.focus();
  }

  private clearInvalid(): void {
    if (this.dialogError === FORM_INVALID && this.isValid()) {
      this.dialogError = '';
    }
  }

  private isValid(): boolean {
    const reason = this.reason.trim();
    return !!this.newUserId && reason.length > 0 && reason.length <= REASON_MAX_LENGTH;
  }
}
