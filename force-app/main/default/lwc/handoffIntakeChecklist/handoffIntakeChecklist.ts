/**
 * @description The CS intake on the Account and Handoff record pages (desktop and the Salesforce
 * mobile app). On an Account: every open handoff of the account, one per deal (expansion deals
 * too); on a Handoff: that handoff. For each: the frozen as-signed summary, the SLA clock (first
 * touch due, business hours left or breached, paused) and the status; the intake checklist
 * (Verified, Missing or Not applicable, notes, who and when); and the CSM's actions: accept (once
 * every required item is Verified or Not applicable), return to Sales with structured reasons,
 * log the first touch, escalate along the segment policy's path, record a repeat ask. The AE sees
 * the intake status and the return reasons read-only, and resubmits a returned handoff.
 *
 * Data: one cacheable Apex read (HandoffIntakeController.getIntakeView), refreshed after every
 * change; the handoff's record page is told through notifyRecordUpdateAvailable. What the user may
 * do comes from the server (permissions, record access, status); the component only hides and
 * disables accordingly and the server checks again.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getIntakeView from '@salesforce/apex/HandoffIntakeController.getIntakeView';
import saveItem from '@salesforce/apex/HandoffIntakeController.saveItem';
import acceptHandoff from '@salesforce/apex/HandoffIntakeController.acceptHandoff';
import returnToSales from '@salesforce/apex/HandoffIntakeController.returnToSales';
import resubmit from '@salesforce/apex/HandoffIntakeController.resubmit';
import logFirstTouch from '@salesforce/apex/HandoffIntakeController.logFirstTouch';
import escalate from '@salesforce/apex/HandoffIntakeController.escalate';
import recordRepeatAsk from '@salesforce/apex/HandoffIntakeController.recordRepeatAsk';

import TITLE from '@salesforce/label/c.Handoff_Intake_Title';
import LOADING from '@salesforce/label/c.Handoff_Intake_Loading';
import LOAD_ERROR_TITLE from '@salesforce/label/c.Handoff_Intake_Load_Error_Title';
import LOAD_ERROR_HELP from '@salesforce/label/c.Handoff_Intake_Load_Error_Help';
import RETRY from '@salesforce/label/c.Handoff_Intake_Retry';
import EMPTY_ACCOUNT from '@salesforce/label/c.Handoff_Intake_Empty_Account';
import READ_ONLY from '@salesforce/label/c.Handoff_Intake_Read_Only';
import STATUS from '@salesforce/label/c.Handoff_Intake_Status';
import SEGMENT from '@salesforce/label/c.Handoff_Intake_Segment';
import TIER from '@salesforce/label/c.Handoff_Intake_Tier';
import AE from '@salesforce/label/c.Handoff_Intake_Ae';
import CSM from '@salesforce/label/c.Handoff_Intake_Csm';
import DEAL from '@salesforce/label/c.Handoff_Intake_Deal';
import CLOSED_AT from '@salesforce/label/c.Handoff_Intake_Closed_At';
import OPEN_RECORD from '@salesforce/label/c.Handoff_Intake_Open_Record';
import SUMMARY_HEADING from '@salesforce/label/c.Handoff_Intake_Summary_Heading';
import SUMMARY_EMPTY from '@salesforce/label/c.Handoff_Intake_Summary_Empty';
import MISSING_AT_CLOSE from '@salesforce/label/c.Handoff_Intake_Missing_At_Close';
import EXCEPTION_USED from '@salesforce/label/c.Handoff_Intake_Exception_Used';
import SLA_HEADING from '@salesforce/label/c.Handoff_Intake_Sla_Heading';
import FIRST_TOUCH_DUE from '@salesforce/label/c.Handoff_Intake_First_Touch_Due';
import FIRST_TOUCH_DONE from '@salesforce/label/c.Handoff_Intake_First_Touch_Done';
import BUSINESS_HOURS_LEFT from '@salesforce/label/c.Handoff_Intake_Business_Hours_Left';
import HOURS_LEFT from '@salesforce/label/c.Handoff_Intake_Hours_Left';
import SLA_BREACHED from '@salesforce/label/c.Handoff_Intake_Sla_Breached';
import SLA_PAUSED from '@salesforce/label/c.Handoff_Intake_Sla_Paused';
import SLA_NONE from '@salesforce/label/c.Handoff_Intake_Sla_None';
import REVIEW_DUE from '@salesforce/label/c.Handoff_Intake_Review_Due';
import REVIEW_OVERDUE from '@salesforce/label/c.Handoff_Intake_Review_Overdue';
import CHECKLIST_HEADING from '@salesforce/label/c.Handoff_Intake_Checklist_Heading';
import CHECKLIST_EMPTY from '@salesforce/label/c.Handoff_Intake_Checklist_Empty';
import REQUIRED from '@salesforce/label/c.Handoff_Intake_Required';
import ITEM_STATUS from '@salesforce/label/c.Handoff_Intake_Item_Status';
import ITEM_NOTES from '@salesforce/label/c.Handoff_Intake_Item_Notes';
import SAVE_NOTE from '@salesforce/label/c.Handoff_Intake_Save_Note';
import SET_BY from '@salesforce/label/c.Handoff_Intake_Set_By';
import ACCEPT from '@salesforce/label/c.Handoff_Intake_Accept';
import ACCEPT_HINT from '@salesforce/label/c.Handoff_Intake_Accept_Hint';
import RETURN_ACTION from '@salesforce/label/c.Handoff_Intake_Return';
import RETURN_REASONS from '@salesforce/label/c.Handoff_Intake_Return_Reasons';
import RETURN_NOTES from '@salesforce/label/c.Handoff_Intake_Return_Notes';
import RETURN_NOTES_HELP from '@salesforce/label/c.Handoff_Intake_Return_Notes_Help';
import RETURN_DUE from '@salesforce/label/c.Handoff_Intake_Return_Due';
import RETURNED_ON from '@salesforce/label/c.Handoff_Intake_Returned_On';
import RETURN_COUNT from '@salesforce/label/c.Handoff_Intake_Return_Count';
import ESCALATE from '@salesforce/label/c.Handoff_Intake_Escalate';
import ESCALATE_TO_CS from '@salesforce/label/c.Handoff_Intake_Escalate_To_Cs';
import ESCALATE_TO_SALES from '@salesforce/label/c.Handoff_Intake_Escalate_To_Sales';
import ESCALATE_REASON from '@salesforce/label/c.Handoff_Intake_Escalate_Reason';
import ESCALATE_HINT from '@salesforce/label/c.Handoff_Intake_Escalate_Hint';
import ESCALATED_CS from '@salesforce/label/c.Handoff_Intake_Escalated_Cs';
import ESCALATED_SALES from '@salesforce/label/c.Handoff_Intake_Escalated_Sales';
import FIRST_TOUCH from '@salesforce/label/c.Handoff_Intake_First_Touch';
import FIRST_TOUCH_WHEN from '@salesforce/label/c.Handoff_Intake_First_Touch_When';
import FIRST_TOUCH_CHANNEL from '@salesforce/label/c.Handoff_Intake_First_Touch_Channel';
import FIRST_TOUCH_AUTO from '@salesforce/label/c.Handoff_Intake_First_Touch_Auto';
import REPEAT_ASK from '@salesforce/label/c.Handoff_Intake_Repeat_Ask';
import REPEAT_ASK_NOTE from '@salesforce/label/c.Handoff_Intake_Repeat_Ask_Note';
import REPEAT_ASK_COUNT from '@salesforce/label/c.Handoff_Intake_Repeat_Ask_Count';
import RESUBMIT from '@salesforce/label/c.Handoff_Intake_Resubmit';
import RESUBMIT_HINT from '@salesforce/label/c.Handoff_Intake_Resubmit_Hint';
import CANCEL from '@salesforce/label/c.Handoff_Intake_Cancel';
import FORM_INVALID from '@salesforce/label/c.Handoff_Intake_Form_Invalid';
import SAVING from '@salesforce/label/c.Handoff_Intake_Saving';
import ACTION_FAILED from '@salesforce/label/c.Handoff_Intake_Action_Failed';
import DONE_ITEM from '@salesforce/label/c.Handoff_Intake_Done_Item';
import DONE_NOTE from '@salesforce/label/c.Handoff_Intake_Done_Note';
import DONE_ACCEPTED from '@salesforce/label/c.Handoff_Intake_Done_Accepted';
import DONE_RETURNED from '@salesforce/label/c.Handoff_Intake_Done_Returned';
import DONE_ESCALATED from '@salesforce/label/c.Handoff_Intake_Done_Escalated';
import DONE_FIRST_TOUCH from '@salesforce/label/c.Handoff_Intake_Done_First_Touch';
import DONE_REPEAT_ASK from '@salesforce/label/c.Handoff_Intake_Done_Repeat_Ask';
import DONE_RESUBMITTED from '@salesforce/label/c.Handoff_Intake_Done_Resubmitted';

type Option = HandoffIntake.Option;
type ItemView = HandoffIntake.ItemView;
type HandoffView = HandoffIntake.HandoffView;
type IntakeView = HandoffIntake.IntakeView;

type FormKind = 'return' | 'escalate' | 'firstTouch' | 'repeatAsk';
type SlaState = 'touched' | 'paused' | 'breached' | 'running' | 'none';

interface Draft {
  reasons: string[];
  notes: string;
  dueDate: string;
  touchedAt: string;
  channel: string;
}

interface ItemRow extends ItemView {
  radioName: string;
  notesValue: string;
  notesChanged: boolean;
  saveNoteDisabled: boolean;
  statusText: string;
  notesLabel: string;
  statusGroupLabel: string;
  setByText: string;
  hasSetBy: boolean;
  badgeClass: string;
}

interface HandoffRow extends HandoffView {
  bodyId: string;
  acceptHintId: string;
  escalateHintId: string;
  resubmitHintId: string;
  isExpanded: boolean;
  ariaExpanded: string;
  toggleIcon: string;
  showOpenRecord: boolean;
  openRecordText: string;
  recordUrl: string;
  opportunityUrl: string;
  hasSummary: boolean;
  slaTouched: boolean;
  slaPausedState: boolean;
  slaBreachedState: boolean;
  slaRunning: boolean;
  slaNone: boolean;
  timeLeftText: string;
  showReviewDue: boolean;
  reviewOverdue: boolean;
  reviewClass: string;
  itemRows: ItemRow[];
  hasItems: boolean;
  acceptDisabled: boolean;
  acceptHint: string;
  escalateDisabled: boolean;
  escalateTarget: string;
  escalateDescription: string;
  escalatedText: string;
  isReturned: boolean;
  returnReasonsText: string;
  returnCountText: string;
  repeatAskCountText: string;
  showRepeatAskCount: boolean;
  showActions: boolean;
  showReadOnlyNote: boolean;
  showReturnForm: boolean;
  showEscalateForm: boolean;
  showFirstTouchForm: boolean;
  showRepeatAskForm: boolean;
  statusBadgeClass: string;
}

interface WiredView {
  data?: IntakeView;
  error?: unknown;
}

const ITEM_DONE = new Set(['Verified', 'Not Applicable']);
const REASON_OTHER = 'Other';
const HOUR_MS = 3600000;
const DAY_MS = 24 * HOUR_MS;
const REVIEWABLE = new Set(['New', 'In Review', 'Escalated']);

/** Replaces {0}, {1}, … in a label. */
function format(template: string, ...values: (string | number | null | undefined)[]): string {
  return template.replace(/\{(\d+)\}/g, (_match, index: string) => {
    const value = values[Number(index)];
    return value === undefined || value === null ? '' : String(value);
  });
}

/** The message of an Apex (AuraHandledException), LDS or JavaScript error. */
function errorMessage(error: unknown): string {
  const failure = (error ?? {}) as HandoffIntake.ErrorLike;
  const details = failure.body;
  if (Array.isArray(details)) {
    return details
      .map((detail) => detail.message)
      .filter(Boolean)
      .join(', ');
  }
  return details?.message ?? failure.message ?? String(error);
}

/** Today (the user's browser date) as YYYY-MM-DD, plus some days. */
function isoDate(daysFromToday = 0): string {
  const day = new Date(Date.now() + daysFromToday * DAY_MS);
  const month = String(day.getMonth() + 1).padStart(2, '0');
  const date = String(day.getDate()).padStart(2, '0');
  return `${day.getFullYear()}-${month}-${date}`;
}

function recordUrl(recordId: string | null | undefined): string {
  return recordId ? `/lightning/r/${recordId}/view` : '';
}

function emptyDraft(): Draft {
  return { reasons: [], notes: '', dueDate: '', touchedAt: '', channel: '' };
}

export default class HandoffIntakeChecklist extends LightningElement {
  /** The Account or Handoff__c of the record page. */
  @api recordId?: string;
  /** Account or Handoff__c (set by the record page). */
  @api objectApiName?: string;

  labels = {
    title: TITLE,
    loading: LOADING,
    loadErrorTitle: LOAD_ERROR_TITLE,
    loadErrorHelp: LOAD_ERROR_HELP,
    retry: RETRY,
    emptyAccount: EMPTY_ACCOUNT,
    readOnly: READ_ONLY,
    status: STATUS,
    segment: SEGMENT,
    tier: TIER,
    ae: AE,
    csm: CSM,
    deal: DEAL,
    closedAt: CLOSED_AT,
    summaryHeading: SUMMARY_HEADING,
    summaryEmpty: SUMMARY_EMPTY,
    missingAtClose: MISSING_AT_CLOSE,
    exceptionUsed: EXCEPTION_USED,
    slaHeading: SLA_HEADING,
    firstTouchDue: FIRST_TOUCH_DUE,
    firstTouchDone: FIRST_TOUCH_DONE,
    slaBreached: SLA_BREACHED,
    slaPaused: SLA_PAUSED,
    slaNone: SLA_NONE,
    reviewDue: REVIEW_DUE,
    reviewOverdue: REVIEW_OVERDUE,
    checklistHeading: CHECKLIST_HEADING,
    checklistEmpty: CHECKLIST_EMPTY,
    required: REQUIRED,
    saveNote: SAVE_NOTE,
    accept: ACCEPT,
    returnAction: RETURN_ACTION,
    returnReasons: RETURN_REASONS,
    returnNotes: RETURN_NOTES,
    returnNotesHelp: RETURN_NOTES_HELP,
    returnDue: RETURN_DUE,
    returnedOn: RETURNED_ON,
    escalate: ESCALATE,
    escalateReason: ESCALATE_REASON,
    escalateHint: ESCALATE_HINT,
    firstTouch: FIRST_TOUCH,
    firstTouchWhen: FIRST_TOUCH_WHEN,
    firstTouchChannel: FIRST_TOUCH_CHANNEL,
    firstTouchAuto: FIRST_TOUCH_AUTO,
    repeatAsk: REPEAT_ASK,
    repeatAskNote: REPEAT_ASK_NOTE,
    resubmit: RESUBMIT,
    resubmitHint: RESUBMIT_HINT,
    cancel: CANCEL,
    formInvalid: FORM_INVALID,
    saving: SAVING
  };

  /** The last data the wire provisioned. */
  view?: IntakeView;
  /** Why the data could not be loaded. */
  loadError?: string;
  /** Which handoff sections the user opened or closed (by handoff Id). */
  expanded: Record<string, boolean> = {};
  /** The one form open at a time. */
  form?: { handoffId: string; kind: FormKind };
  draft: Draft = emptyDraft();
  formError = '';
  /** Unsaved notes by item Id. */
  noteDrafts: Record<string, string> = {};
  busy = false;
  /** The last success, read out by screen readers (role=status). */
  announcement = '';
  /** The last failed action (role=alert). */
  actionError = '';

  private wiredResult?: WiredView;
  private focusSelector?: string;

  @wire(getIntakeView, { recordId: '$recordId' })
  wiredView(result: WiredView): void {
    this.wiredResult = result;
    if (result.data) {
      this.view = result.data;
      this.loadError = undefined;
    } else if (result.error) {
      this.view = undefined;
      this.loadError = errorMessage(result.error);
    }
  }

  renderedCallback(): void {
    if (this.focusSelector) {
      const target = this.template.querySelector<HTMLElement>(this.focusSelector);
      this.focusSelector = undefined;
      target?.focus();
    }
  }

  // ------------------------------------------------------------------------------------------
  // State for the template
  // ------------------------------------------------------------------------------------------

  get isLoading(): boolean {
    return !this.view && !this.loadError;
  }

  get hasHandoffs(): boolean {
    return (this.view?.handoffs.length ?? 0) > 0;
  }

  get isEmpty(): boolean {
    return !!this.view && this.view.handoffs.length === 0;
  }

  get isAccountPage(): boolean {
    return this.objectApiName === 'Account';
  }

  get itemStatusOptions(): Option[] {
    return this.view?.itemStatusOptions ?? [];
  }

  get returnReasonOptions(): Option[] {
    return this.view?.returnReasonOptions ?? [];
  }

  get channelOptions(): Option[] {
    return this.view?.channelOptions ?? [];
  }

  get returnNotesRequired(): boolean {
    return this.draft.reasons.includes(REASON_OTHER);
  }

  get todayIso(): string {
    return isoDate();
  }

  get nowIso(): string {
    return new Date().toISOString();
  }

  get handoffs(): HandoffRow[] {
    const handoffs = this.view?.handoffs ?? [];
    return handoffs.map((handoff, index) => this.toRow(handoff, index, handoffs.length));
  }

  private toRow(handoff: HandoffView, index: number, count: number): HandoffRow {
    const now = Date.now();
    const items = handoff.items ?? [];
    const outstanding = items
      .filter((item) => item.required && !ITEM_DONE.has(item.status))
      .map((item) => item.item);
    const stored = this.expanded[handoff.id];
    const isExpanded = stored === undefined ? index === 0 || count === 1 : stored;
    const dueAt = handoff.firstTouchDueAt ? Date.parse(handoff.firstTouchDueAt) : NaN;
    const slaState = this.slaState(handoff, dueAt, now);
    const reviewDueAt = handoff.reviewDueAt ? Date.parse(handoff.reviewDueAt) : NaN;
    const showReviewDue = REVIEWABLE.has(handoff.status) && !Number.isNaN(reviewDueAt);
    const reviewOverdue = showReviewDue && reviewDueAt < now;
    const level = handoff.escalationLevel ?? 0;
    const formOpen = (kind: FormKind) =>
      this.form?.handoffId === handoff.id && this.form.kind === kind;
    const canAct =
      !!handoff.canAccept ||
      !!handoff.canReturn ||
      !!handoff.canEscalate ||
      !!handoff.canLogFirstTouch ||
      !!handoff.canRecordRepeatAsk ||
      !!handoff.canResubmit;

    return {
      ...handoff,
      bodyId: `body-${handoff.id}`,
      acceptHintId: `accept-hint-${handoff.id}`,
      escalateHintId: `escalate-hint-${handoff.id}`,
      resubmitHintId: `resubmit-hint-${handoff.id}`,
      isExpanded,
      ariaExpanded: String(isExpanded),
      toggleIcon: isExpanded ? 'utility:chevrondown' : 'utility:chevronright',
      showOpenRecord: this.isAccountPage,
      openRecordText: format(OPEN_RECORD, handoff.name),
      recordUrl: recordUrl(handoff.id),
      opportunityUrl: recordUrl(handoff.opportunityId),
      hasSummary: !!handoff.summary && handoff.summary.trim().length > 0,
      slaTouched: slaState === 'touched',
      slaPausedState: slaState === 'paused',
      slaBreachedState: slaState === 'breached',
      slaRunning: slaState === 'running',
      slaNone: slaState === 'none',
      timeLeftText:
        slaState !== 'running'
          ? ''
          : handoff.businessHoursLeft !== null && handoff.businessHoursLeft !== undefined
            ? format(BUSINESS_HOURS_LEFT, handoff.businessHoursLeft)
            : format(HOURS_LEFT, Math.max(0, Math.round(((dueAt - now) / HOUR_MS) * 10) / 10)),
      showReviewDue,
      reviewOverdue,
      reviewClass: reviewOverdue ? 'slds-text-color_error' : '',
      itemRows: items.map((item) => this.toItemRow(item)),
      hasItems: items.length > 0,
      acceptDisabled: this.busy || outstanding.length > 0,
      acceptHint: outstanding.length > 0 ? format(ACCEPT_HINT, outstanding.join(', ')) : '',
      escalateDisabled: this.busy || outstanding.length === 0,
      escalateTarget: level === 0 ? ESCALATE_TO_CS : ESCALATE_TO_SALES,
      escalateDescription:
        outstanding.length === 0 ? ESCALATE_HINT : level === 0 ? ESCALATE_TO_CS : ESCALATE_TO_SALES,
      escalatedText: level >= 2 ? ESCALATED_SALES : level === 1 ? ESCALATED_CS : '',
      isReturned: (handoff.returnReasons?.length ?? 0) > 0 || !!handoff.returnedAt,
      returnReasonsText: (handoff.returnReasonLabels ?? handoff.returnReasons ?? []).join(', '),
      returnCountText: format(RETURN_COUNT, handoff.returnCount ?? 0),
      repeatAskCountText: format(REPEAT_ASK_COUNT, handoff.repeatAskCount ?? 0),
      showRepeatAskCount: (handoff.repeatAskCount ?? 0) > 0,
      showActions: canAct,
      showReadOnlyNote: !handoff.canEditChecklist && !handoff.canResubmit,
      showReturnForm: formOpen('return'),
      showEscalateForm: formOpen('escalate'),
      showFirstTouchForm: formOpen('firstTouch'),
      showRepeatAskForm: formOpen('repeatAsk'),
      statusBadgeClass:
        handoff.status === 'Accepted' || handoff.status === 'Complete'
          ? 'slds-badge slds-theme_success'
          : handoff.status === 'Escalated' || handoff.status === 'Returned to Sales'
            ? 'slds-badge slds-theme_warning'
            : 'slds-badge'
    };
  }

  private slaState(handoff: HandoffView, dueAt: number, now: number): SlaState {
    if (handoff.firstTouchAt) {
      return 'touched';
    }
    if (handoff.slaPaused) {
      return 'paused';
    }
    if (Number.isNaN(dueAt)) {
      return 'none';
    }
    return handoff.slaBreached || dueAt <= now ? 'breached' : 'running';
  }

  private toItemRow(item: ItemView): ItemRow {
    const draft = this.noteDrafts[item.id];
    const saved = item.notes ?? '';
    const notesValue = draft ?? saved;
    const notesChanged = draft !== undefined && draft !== saved;
    const statusLabel = item.statusLabel ?? item.status;
    return {
      ...item,
      radioName: `status-${item.id}`,
      notesValue,
      notesChanged,
      saveNoteDisabled: this.busy || !notesChanged,
      statusText: statusLabel,
      notesLabel: format(ITEM_NOTES, item.item),
      statusGroupLabel: format(ITEM_STATUS, item.item),
      setByText: format(SET_BY, item.verifiedByName ?? ''),
      hasSetBy: !!item.verifiedByName && !!item.verifiedAt,
      badgeClass:
        item.status === 'Verified'
          ? 'slds-badge slds-theme_success'
          : item.status === 'Missing'
            ? 'slds-badge slds-theme_error'
            : 'slds-badge'
    };
  }

  private findHandoff(handoffId: string | undefined): HandoffView | undefined {
    return this.view?.handoffs.find((h) => h.id === handoffId);
  }

  private findItem(itemId: string | undefined): ItemView | undefined {
    for (const handoff of this.view?.handoffs ?? []) {
      const item = handoff.items?.find((i) => i.id === itemId);
      if (item) {
        return item;
      }
    }
    return undefined;
  }

  // ------------------------------------------------------------------------------------------
  // Events
  // ------------------------------------------------------------------------------------------

  handleToggle(event: Event): void {
    const handoffId = (event.currentTarget as HTMLElement).dataset.id ?? '';
    const row = this.handoffs.find((h) => h.id === handoffId);
    this.expanded = { ...this.expanded, [handoffId]: !(row?.isExpanded ?? false) };
  }

  async handleRetry(): Promise<void> {
    this.loadError = undefined;
    try {
      await refreshApex(this.wiredResult);
    } catch (error) {
      this.loadError = errorMessage(error);
    }
  }

  handleItemStatus(event: CustomEvent<{ value: string }>): void {
    const itemId = (event.target as HTMLElement).dataset.id;
    const handoffId = (event.target as HTMLElement).dataset.handoff ?? '';
    const item = this.findItem(itemId);
    if (!item) {
      return;
    }
    const status = event.detail.value;
    const notes = this.noteDrafts[item.id] ?? item.notes ?? '';
    const statusLabel = this.itemStatusOptions.find((o) => o.value === status)?.label ?? status;
    this.run(
      () => saveItem({ itemId: item.id, status, notes }),
      format(DONE_ITEM, item.item, statusLabel),
      handoffId,
      () => this.forgetNote(item.id)
    );
  }

  handleNoteChange(event: CustomEvent<{ value: string }>): void {
    const itemId = (event.target as HTMLElement).dataset.id ?? '';
    this.noteDrafts = { ...this.noteDrafts, [itemId]: event.detail.value ?? '' };
  }

  handleSaveNote(event: Event): void {
    const itemId = (event.currentTarget as HTMLElement).dataset.id;
    const handoffId = (event.currentTarget as HTMLElement).dataset.handoff ?? '';
    const item = this.findItem(itemId);
    if (!item) {
      return;
    }
    const notes = this.noteDrafts[item.id] ?? item.notes ?? '';
    this.run(
      () => saveItem({ itemId: item.id, status: item.status, notes }),
      format(DONE_NOTE, item.item),
      handoffId,
      () => this.forgetNote(item.id)
    );
  }

  handleAccept(event: Event): void {
    const handoff = this.findHandoff((event.currentTarget as HTMLElement).dataset.id);
    if (!handoff) {
      return;
    }
    this.run(
      () => acceptHandoff({ handoffId: handoff.id }),
      format(DONE_ACCEPTED, handoff.name),
      handoff.id
    );
  }

  handleResubmit(event: Event): void {
    const handoff = this.findHandoff((event.currentTarget as HTMLElement).dataset.id);
    if (!handoff) {
      return;
    }
    this.run(
      () => resubmit({ handoffId: handoff.id }),
      format(DONE_RESUBMITTED, handoff.name),
      handoff.id
    );
  }

  handleOpenForm(event: Event): void {
    const button = event.currentTarget as HTMLElement;
    const handoff = this.findHandoff(button.dataset.id);
    const kind = button.dataset.form as FormKind | undefined;
    if (!handoff || !kind) {
      return;
    }
    this.form = { handoffId: handoff.id, kind };
    this.formError = '';
    this.actionError = '';
    this.draft = {
      ...emptyDraft(),
      dueDate: handoff.suggestedReturnDueDate ?? isoDate(2),
      touchedAt: new Date().toISOString()
    };
    this.focusSelector = `[data-first-field="${kind}"]`;
  }

  handleCancelForm(): void {
    this.closeForm();
  }

  handleDraftChange(event: CustomEvent<{ value: string | string[] }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof Draft | undefined;
    if (!field) {
      return;
    }
    this.draft = { ...this.draft, [field]: event.detail.value } as Draft;
  }

  handleSubmitForm(): void {
    const form = this.form;
    const handoff = this.findHandoff(form?.handoffId);
    if (!form || !handoff) {
      return;
    }
    this.template
      .querySelectorAll<HTMLElement & { reportValidity?: () => boolean }>('[data-field]')
      .forEach((input) => input.reportValidity?.());
    if (!this.draftIsValid(form.kind)) {
      this.formError = FORM_INVALID;
      return;
    }
    this.formError = '';
    const draft = this.draft;
    switch (form.kind) {
      case 'return':
        this.run(
          () =>
            returnToSales({
              handoffId: handoff.id,
              reasons: draft.reasons,
              notes: draft.notes,
              dueDate: draft.dueDate || null
            }),
          format(DONE_RETURNED, handoff.name),
          handoff.id
        );
        break;
      case 'escalate':
        this.run(
          () => escalate({ handoffId: handoff.id, reason: draft.notes }),
          format(DONE_ESCALATED, handoff.name),
          handoff.id
        );
        break;
      case 'firstTouch':
        this.run(
          () =>
            logFirstTouch({
              handoffId: handoff.id,
              touchedAt: draft.touchedAt || null,
              channel: draft.channel
            }),
          format(DONE_FIRST_TOUCH, handoff.name),
          handoff.id
        );
        break;
      default:
        this.run(
          () => recordRepeatAsk({ handoffId: handoff.id, note: draft.notes }),
          format(DONE_REPEAT_ASK, handoff.name),
          handoff.id
        );
    }
  }

  private draftIsValid(kind: FormKind): boolean {
    const draft = this.draft;
    const hasNotes = draft.notes.trim().length > 0;
    switch (kind) {
      case 'return':
        return (
          draft.reasons.length > 0 &&
          (!draft.reasons.includes(REASON_OTHER) || hasNotes) &&
          (!draft.dueDate || draft.dueDate >= isoDate())
        );
      case 'firstTouch':
        return !!draft.channel && !!draft.touchedAt;
      default:
        return hasNotes;
    }
  }

  private closeForm(): void {
    const form = this.form;
    this.form = undefined;
    this.formError = '';
    if (form) {
      // Back to the button that opened the form.
      this.focusSelector = `[data-form="${form.kind}"][data-id="${form.handoffId}"]`;
    }
  }

  private forgetNote(itemId: string): void {
    const rest = { ...this.noteDrafts };
    delete rest[itemId];
    this.noteDrafts = rest;
  }

  /** Runs a change, then announces it, refreshes the data and tells the record page. */
  private async run(
    call: () => Promise<unknown>,
    success: string,
    handoffId: string,
    after?: () => void
  ): Promise<void> {
    if (this.busy) {
      return;
    }
    this.busy = true;
    this.actionError = '';
    this.announcement = '';
    try {
      await call();
      after?.();
      if (this.form) {
        this.closeForm();
      }
      this.announcement = success;
      await refreshApex(this.wiredResult);
      if (handoffId) {
        await notifyRecordUpdateAvailable([{ recordId: handoffId }]);
      }
    } catch (error) {
      this.actionError = format(ACTION_FAILED, errorMessage(error));
    } finally {
      this.busy = false;
    }
  }
}
