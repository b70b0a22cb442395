/**
 * @description "My handoffs" for the app home page and Lightning home pages (desktop and the
 * Salesforce mobile app): the running CSM's open handoffs grouped as due soon, SLA breached,
 * returned to Sales and on hold, each with a link to the handoff and its account, and how many
 * more are on track. Handoffs where the user is a CS team member (not the CSM) are listed too,
 * with their role ("Onboarding Manager on Globex"; docs/behaviour.md, "CS team"). Data: one cacheable Apex read (HandoffIntakeController.getMyHandoffs), which
 * does the grouping with the segment policy's SLA warning share; Refresh reloads it.
 */
import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getMyHandoffs from '@salesforce/apex/HandoffIntakeController.getMyHandoffs';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';

import TITLE from '@salesforce/label/c.Handoff_Intake_My_Title';
import LOADING from '@salesforce/label/c.Handoff_Intake_My_Loading';
import ERROR_TITLE from '@salesforce/label/c.Handoff_Intake_My_Error_Title';
import ERROR_HELP from '@salesforce/label/c.Handoff_Intake_Load_Error_Help';
import RETRY from '@salesforce/label/c.Handoff_Intake_Retry';
import EMPTY from '@salesforce/label/c.Handoff_Intake_My_Empty';
import REFRESH from '@salesforce/label/c.Handoff_Intake_My_Refresh';
import DUE_SOON from '@salesforce/label/c.Handoff_Intake_My_Due_Soon';
import BREACHED from '@salesforce/label/c.Handoff_Intake_My_Breached';
import RETURNED from '@salesforce/label/c.Handoff_Intake_My_Returned';
import ON_HOLD from '@salesforce/label/c.Handoff_Intake_My_On_Hold';
import GROUP_EMPTY from '@salesforce/label/c.Handoff_Intake_My_Group_Empty';
import ON_TRACK from '@salesforce/label/c.Handoff_Intake_My_On_Track';
import DUE from '@salesforce/label/c.Handoff_Intake_My_Due';
import RETURNED_AT from '@salesforce/label/c.Handoff_Intake_My_Returned_At';
import REFRESHED from '@salesforce/label/c.Handoff_Intake_My_Refreshed';
import TEAM_ROLE from '@salesforce/label/c.Handoff_Team_My_Role';

type MyHandoffRow = HandoffIntake.MyHandoffRow;
type MyHandoffs = HandoffIntake.MyHandoffs;

type GroupKey = 'breached' | 'dueSoon' | 'returned' | 'onHold';

interface Row extends MyHandoffRow {
  url: string;
  accountUrl: string;
  /** status · segment · due (or returned) date, separated as the reader expects */
  meta: string;
  /** "Onboarding Manager on Globex" where the user is a CS team member, not the CSM; else ''. */
  teamRoleText: string;
}

interface Group {
  key: GroupKey;
  headingId: string;
  label: string;
  count: number;
  rows: Row[];
  isEmpty: boolean;
  badgeClass: string;
}

interface WiredHandoffs {
  data?: MyHandoffs;
  error?: unknown;
}

const GROUPS: { key: GroupKey; label: string; badgeClass: string }[] = [
  { key: 'breached', label: BREACHED, badgeClass: 'slds-badge slds-theme_error' },
  { key: 'dueSoon', label: DUE_SOON, badgeClass: 'slds-badge slds-theme_warning' },
  { key: 'returned', label: RETURNED, badgeClass: 'slds-badge' },
  { key: 'onHold', label: ON_HOLD, badgeClass: 'slds-badge slds-badge_lightest' }
];

function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_match, index: string) =>
    String(values[Number(index)] ?? '')
  );
}

function errorMessage(error: unknown): string {
  const failure = (error ?? {}) as HandoffIntake.ErrorLike;
  const details = failure.body;
  const detail = Array.isArray(details) ? details[0] : details;
  return detail?.message ?? failure.message ?? String(error);
}

function recordUrl(recordId: string | null | undefined): string {
  return recordId ? `/lightning/r/${recordId}/view` : '';
}

/** Separates the parts of a row's second line (status, segment, date). */
export const META_SEPARATOR = ' · ';

const dueFormat = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: TIME_ZONE
});

const dayFormat = new Intl.DateTimeFormat(LOCALE, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: TIME_ZONE
});

/** A date from Apex (ISO 8601) in the user's locale and time zone; '' when missing or invalid. */
function formatDate(value: string | null | undefined, formatter: Intl.DateTimeFormat): string {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? formatter.format(date) : '';
}

/** The row's second line: its status, segment and due date (returned date when returned). */
export function rowMeta(row: MyHandoffRow, group: GroupKey): string {
  const when =
    group === 'returned' ? formatDate(row.returnedAt, dayFormat) : formatDate(row.dueAt, dueFormat);
  const whenText = when ? format(group === 'returned' ? RETURNED_AT : DUE, when) : '';
  return [row.statusLabel, row.segment, whenText].filter((part) => !!part).join(META_SEPARATOR);
}

export default class HandoffMyHandoffs extends LightningElement {
  labels = {
    title: TITLE,
    loading: LOADING,
    errorTitle: ERROR_TITLE,
    errorHelp: ERROR_HELP,
    retry: RETRY,
    empty: EMPTY,
    refresh: REFRESH,
    groupEmpty: GROUP_EMPTY
  };

  /** A space between a group's name and its count (the template compiler drops bare spaces). */
  space = ' ';

  data?: MyHandoffs;
  loadError?: string;
  refreshing = false;
  /** Read out by screen readers (role=status) after a refresh. */
  announcement = '';

  private wiredResult?: WiredHandoffs;
  /** After Retry the error box (and its button) is gone: where the focus goes instead. */
  private focusAfterRender?: 'refresh' | 'retry';

  @wire(getMyHandoffs)
  wiredHandoffs(result: WiredHandoffs): void {
    this.wiredResult = result;
    if (result.data) {
      this.data = result.data;
      this.loadError = undefined;
    } else if (result.error) {
      this.data = undefined;
      this.loadError = errorMessage(result.error);
    }
  }

  get isLoading(): boolean {
    return !this.data && !this.loadError;
  }

  get total(): number {
    const data = this.data;
    if (!data) {
      return 0;
    }
    return (
      data.dueSoon.length +
      data.breached.length +
      data.returned.length +
      data.onHold.length +
      data.onTrackCount
    );
  }

  get isEmpty(): boolean {
    return !!this.data && this.total === 0;
  }

  get groups(): Group[] {
    const data = this.data;
    if (!data) {
      return [];
    }
    return GROUPS.map(({ key, label, badgeClass }) => {
      const rows = (data[key] ?? []).map((row) => ({
        ...row,
        url: recordUrl(row.id),
        accountUrl: recordUrl(row.accountId),
        meta: rowMeta(row, key),
        teamRoleText: row.teamRole
          ? format(TEAM_ROLE, row.teamRole, row.accountName || row.name)
          : ''
      }));
      return {
        key,
        headingId: `heading-${key}`,
        label,
        count: rows.length,
        rows,
        isEmpty: rows.length === 0,
        badgeClass
      };
    });
  }

  get onTrackText(): string {
    return this.data && this.data.onTrackCount > 0 ? format(ON_TRACK, this.data.onTrackCount) : '';
  }

  /**
   * The refresh button says it is busy with aria-disabled rather than disabled: a disabled
   * button drops the keyboard focus to the page.
   */
  get refreshingState(): string {
    return this.refreshing ? 'true' : 'false';
  }

  async handleRefresh(event?: Event): Promise<void> {
    const fromRetry =
      (event?.currentTarget as HTMLElement | null | undefined)?.dataset?.action === 'retry';
    if (this.refreshing) {
      return;
    }
    this.refreshing = true;
    this.announcement = '';
    this.loadError = undefined;
    try {
      await refreshApex(this.wiredResult);
      this.announcement = REFRESHED;
      this.focusAfterRender = fromRetry ? 'refresh' : undefined;
    } catch (error) {
      this.loadError = errorMessage(error);
      this.focusAfterRender = fromRetry ? 'retry' : undefined;
    } finally {
      this.refreshing = false;
    }
  }

  renderedCallback(): void {
    if (this.focusAfterRender) {
      const target = this.template.querySelector<HTMLElement>(
        `button[data-action="${this.focusAfterRender}"]`
      );
      this.focusAfterRender = undefined;
      target?.focus();
    }
  }
}
