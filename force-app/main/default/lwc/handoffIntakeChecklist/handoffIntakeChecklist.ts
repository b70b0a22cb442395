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
 * The parts are child components: each checklist item (c/handoffIntakeItem), the action bar
 * (c/handoffIntakeActions: Accept and Return to Sales as buttons, the rest in a menu) and the
 * forms in the product's modal (c/handoffIntakeForm); their labels are in c/handoffIntakeLabels.
 * This component holds the data, the unsaved notes and every Apex call. A failed action is shown
 * as an alert that takes the focus (inside the form's dialog when a form is open).
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
import acceptHandoffWithAnswer from '@salesforce/apex/HandoffIntakeController.acceptHandoffWithAnswer';
import returnToSalesWithAnswer from '@salesforce/apex/HandoffIntakeController.returnToSalesWithAnswer';
import getQualityFieldOptions from '@salesforce/apex/HandoffIntakeController.getQualityFieldOptions';
import resubmit from '@salesforce/apex/HandoffIntakeController.resubmit';
import logFirstTouch from '@salesforce/apex/HandoffIntakeController.logFirstTouch';
import escalate from '@salesforce/apex/HandoffIntakeController.escalate';
import recordRepeatAsk from '@salesforce/apex/HandoffIntakeController.recordRepeatAsk';
import { LABELS, errorMessage, format } from 'c/handoffIntakeLabels';
import type { ActionDetail, IntakeAction } from 'c/handoffIntakeActions';
import type { FormKind, FormSubmitDetail } from 'c/handoffIntakeForm';
import type { ItemEventDetail } from 'c/handoffIntakeItem';

type Option = HandoffIntake.Option;
type ItemView = HandoffIntake.ItemView;
type HandoffView = HandoffIntake.HandoffView;
type StakeholderChangeView = HandoffIntake.StakeholderChangeView;
type IntakeView = HandoffIntake.IntakeView;
// ESLint parses TypeScript with Babel, whose scope analysis counts an imported type as used only
// in a type alias or interface.
type Action = IntakeAction;
type Kind = FormKind;
type ActionEvent = CustomEvent<ActionDetail>;
type SubmitEvent = CustomEvent<FormSubmitDetail>;
type ItemEvent = CustomEvent<ItemEventDetail>;

type SlaState = 'touched' | 'paused' | 'breached' | 'running' | 'none';

interface HandoffRow extends HandoffView {
  bodyId: string;
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
  itemRows: (ItemView & { noteDraft?: string })[];
  hasItems: boolean;
  outstanding: string[];
  acceptHint: string;
  escalatedText: string;
  isReturned: boolean;
  returnReasonsText: string;
  returnCountText: string;
  repeatAskCountText: string;
  showRepeatAskCount: boolean;
  showActions: boolean;
  showReadOnlyNote: boolean;
  statusBadgeClass: string;
  stakeholderRows: StakeholderRow[];
  hasStakeholderChanges: boolean;
}

/** One line of the "Stakeholder changes" notice (docs/behaviour.md, "Stakeholder changes"). */
interface StakeholderRow extends StakeholderChangeView {
  contactUrl: string;
  rolesText: string;
  howText: string;
}

interface WiredView {
  data?: IntakeView;
  error?: unknown;
}

const ITEM_DONE = new Set(['Verified', 'Not Applicable']);
const HOUR_MS = 3600000;
const REVIEWABLE = new Set(['New', 'In Review', 'Escalated']);
// Accept opens its dialog too: the quality question (docs/behaviour.md, "Handoff quality").
const FORMS: readonly Action[] = ['accept', 'return', 'escalate', 'firstTouch', 'repeatAsk'];

function recordUrl(recordId: string | null | undefined): string {
  return recordId ? `/lightning/r/${recordId}/view` : '';
}

/** What happened to a stakeholder, from its status and the detail the check recorded. */
function stakeholderHow(change: StakeholderChangeView): string {
  const detail = change.detail ?? '';
  switch (change.status) {
    case 'Left Account':
      return detail ? format(LABELS.stakeholderNowAt, detail) : LABELS.stakeholderLeftAccount;
    case 'Inactive':
      return format(LABELS.stakeholderInactive, detail);
    case 'Role Removed':
      return format(LABELS.stakeholderRoleRemoved, detail);
    case 'Contact Deleted':
      return LABELS.stakeholderDeleted;
    default:
      return format(LABELS.stakeholderBack, detail);
  }
}

function stakeholderRow(change: StakeholderChangeView): StakeholderRow {
  return {
    ...change,
    contactUrl: recordUrl(change.contactId),
    rolesText: change.roles ? `(${change.roles})` : '',
    howText: stakeholderHow(change)
  };
}

export default class HandoffIntakeChecklist extends LightningElement {
  /** The Account or Handoff__c of the record page. */
  @api recordId?: string;
  /** Account or Handoff__c (set by the record page). */
  @api objectApiName?: string;

  labels = LABELS;

  /** The last data the wire provisioned. */
  view?: IntakeView;
  /** Why the data could not be loaded. */
  loadError?: string;
  /** Which handoff sections the user opened or closed (by handoff Id). */
  expanded: Record<string, boolean> = {};
  /** The one form open at a time. */
  form?: { handoffId: string; kind: Kind };
  /** Unsaved notes by item Id. */
  noteDrafts: Record<string, string> = {};
  busy = false;
  /** The last success, read out by screen readers (role=status). */
  announcement = '';
  /** The last failed action outside a form (role=alert; takes the focus). */
  actionError = '';
  /** The last failed form submission (shown and focused in the form's dialog). */
  formError = '';
  /** The open accept or return form's gap field choices (the deal's rule set). */
  qualityFieldOptions: Option[] = [];

  private wiredResult?: WiredView;
  private focusAfterRender?: () => void;
  /** After Try again: focus the first handoff (or the empty message) once it is drawn. */
  private focusWhenLoaded = false;

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
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    focus?.();
    if (this.focusWhenLoaded) {
      const first = this.template.querySelector<HTMLElement>(
        'button[data-action="toggle"], [data-id="empty"]'
      );
      if (first) {
        this.focusWhenLoaded = false;
        first.focus();
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // State for the template
  // ------------------------------------------------------------------------------------------

  get isLoading(): boolean {
    return !this.view && !this.loadError;
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

  get handoffs(): HandoffRow[] {
    const handoffs = this.view?.handoffs ?? [];
    return handoffs.map((handoff, index) => this.toRow(handoff, index, handoffs.length));
  }

  /** The open form's handoff (for its suggested due date and escalation target). */
  get formHandoff(): HandoffView | undefined {
    return this.findHandoff(this.form?.handoffId);
  }

  get formKind(): Kind | undefined {
    return this.form?.kind;
  }

  get formDueDate(): string | null {
    return this.formHandoff?.suggestedReturnDueDate ?? null;
  }

  get formEscalateTarget(): string {
    return (this.formHandoff?.escalationLevel ?? 0) === 0
      ? LABELS.escalateToCs
      : LABELS.escalateToSales;
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
      isExpanded,
      ariaExpanded: String(isExpanded),
      toggleIcon: isExpanded ? 'utility:chevrondown' : 'utility:chevronright',
      showOpenRecord: this.isAccountPage,
      openRecordText: format(LABELS.openRecord, handoff.name),
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
            ? format(LABELS.businessHoursLeft, handoff.businessHoursLeft)
            : format(
                LABELS.hoursLeft,
                Math.max(0, Math.round(((dueAt - now) / HOUR_MS) * 10) / 10)
              ),
      showReviewDue,
      reviewOverdue,
      reviewClass: reviewOverdue ? 'slds-text-color_error' : '',
      itemRows: items.map((item) => ({ ...item, noteDraft: this.noteDrafts[item.id] })),
      stakeholderRows: (handoff.stakeholderChanges ?? []).map(stakeholderRow),
      hasStakeholderChanges: (handoff.stakeholderChanges?.length ?? 0) > 0,
      hasItems: items.length > 0,
      outstanding,
      acceptHint: outstanding.length > 0 ? format(LABELS.acceptHint, outstanding.join(', ')) : '',
      escalatedText: level >= 2 ? LABELS.escalatedSales : level === 1 ? LABELS.escalatedCs : '',
      isReturned: (handoff.returnReasons?.length ?? 0) > 0 || !!handoff.returnedAt,
      returnReasonsText: (handoff.returnReasonLabels ?? handoff.returnReasons ?? []).join(', '),
      returnCountText: format(LABELS.returnCount, handoff.returnCount ?? 0),
      repeatAskCountText: format(LABELS.repeatAskCount, handoff.repeatAskCount ?? 0),
      showRepeatAskCount: (handoff.repeatAskCount ?? 0) > 0,
      showActions: canAct,
      showReadOnlyNote: !handoff.canEditChecklist && !handoff.canResubmit,
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

  /** The handoff whose checklist holds an item. */
  private handoffOfItem(itemId: string): string {
    return this.view?.handoffs.find((h) => h.items?.some((i) => i.id === itemId))?.id ?? '';
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
    // Try again is gone once the handoffs load: the focus goes to the first handoff (or the
    // empty message) when it is drawn, not to the page.
    this.focusWhenLoaded = true;
    try {
      await refreshApex(this.wiredResult);
    } catch (error) {
      this.loadError = errorMessage(error);
      this.focusWhenLoaded = false;
    }
  }

  handleItemStatus(event: ItemEvent): void {
    const item = this.findItem(event.detail.itemId);
    if (!item) {
      return;
    }
    const status = event.detail.itemStatus ?? item.status;
    const notes = this.noteDrafts[item.id] ?? item.notes ?? '';
    const statusLabel = this.itemStatusOptions.find((o) => o.value === status)?.label ?? status;
    this.run(
      () => saveItem({ itemId: item.id, status, notes }),
      format(LABELS.doneItem, item.item, statusLabel),
      this.handoffOfItem(item.id),
      () => this.forgetNote(item.id)
    );
  }

  handleNoteChange(event: ItemEvent): void {
    this.noteDrafts = { ...this.noteDrafts, [event.detail.itemId]: event.detail.notes ?? '' };
  }

  handleSaveNote(event: ItemEvent): void {
    const item = this.findItem(event.detail.itemId);
    if (!item) {
      return;
    }
    const notes = this.noteDrafts[item.id] ?? item.notes ?? '';
    this.run(
      () => saveItem({ itemId: item.id, status: item.status, notes }),
      format(LABELS.doneNote, item.item),
      this.handoffOfItem(item.id),
      () => this.forgetNote(item.id)
    );
  }

  handleAction(event: ActionEvent): void {
    const handoff = this.findHandoff(event.detail.handoffId);
    const action = event.detail.action;
    if (!handoff) {
      return;
    }
    if (action === 'resubmit') {
      this.run(
        () => resubmit({ handoffId: handoff.id }),
        format(LABELS.doneResubmitted, handoff.name),
        handoff.id,
        undefined,
        'resubmit'
      );
    } else if (FORMS.includes(action)) {
      this.form = { handoffId: handoff.id, kind: action as Kind };
      this.formError = '';
      this.actionError = '';
      if (action === 'accept' || action === 'return') {
        this.loadQualityFieldOptions(handoff.id);
      }
    }
  }

  handleCancelForm(): void {
    this.closeForm();
  }

  handleSubmitForm(event: SubmitEvent): void {
    const handoff = this.findHandoff(this.form?.handoffId);
    if (!handoff) {
      return;
    }
    const draft = event.detail;
    switch (draft.kind) {
      case 'accept':
        this.run(
          () => acceptHandoffWithAnswer({ handoffId: handoff.id, answer: draft.answer }),
          format(LABELS.doneAccepted, handoff.name),
          handoff.id,
          undefined,
          draft.kind
        );
        break;
      case 'return':
        this.run(
          () =>
            returnToSalesWithAnswer({
              handoffId: handoff.id,
              reasons: draft.reasons,
              notes: draft.notes,
              dueDate: draft.dueDate || null,
              answer: draft.answer
            }),
          format(LABELS.doneReturned, handoff.name),
          handoff.id,
          undefined,
          draft.kind
        );
        break;
      case 'escalate':
        this.run(
          () => escalate({ handoffId: handoff.id, reason: draft.notes }),
          format(LABELS.doneEscalated, handoff.name),
          handoff.id,
          undefined,
          draft.kind
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
          format(LABELS.doneFirstTouch, handoff.name),
          handoff.id,
          undefined,
          draft.kind
        );
        break;
      default:
        this.run(
          () => recordRepeatAsk({ handoffId: handoff.id, note: draft.notes }),
          format(LABELS.doneRepeatAsk, handoff.name),
          handoff.id,
          undefined,
          draft.kind
        );
    }
  }

  /**
   * The deal's rule set fields for the quality question; an empty list (the question without its
   * field list) when they cannot be read.
   */
  private async loadQualityFieldOptions(handoffId: string): Promise<void> {
    this.qualityFieldOptions = [];
    try {
      const options = await getQualityFieldOptions({ handoffId });
      if (this.form?.handoffId === handoffId) {
        this.qualityFieldOptions = options ?? [];
      }
    } catch {
      this.qualityFieldOptions = [];
    }
  }

  /** Closes the form and gives the focus back to what opened it. */
  private closeForm(): void {
    const form = this.form;
    this.form = undefined;
    this.formError = '';
    if (form) {
      this.focusAfterRender = () => this.focusAction(form.handoffId, form.kind);
    }
  }

  /**
   * Puts the focus on the control that starts `action`, or, when the handoff's new status has
   * removed or disabled it (after Accept or Return to Sales), on the handoff's heading, so the
   * focus never falls to the page.
   */
  private focusAction(handoffId: string, action: Action): void {
    const actions = this.template.querySelector<
      HTMLElement & { focusAction?: (action: Action) => boolean }
    >(`c-handoff-intake-actions[data-id="${handoffId}"]`);
    if (actions?.focusAction?.(action)) {
      return;
    }
    this.template
      .querySelector<HTMLElement>(`button[data-action="toggle"][data-id="${handoffId}"]`)
      ?.focus();
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
    after?: () => void,
    refocus?: Action
  ): Promise<void> {
    if (this.busy) {
      return;
    }
    this.busy = true;
    this.actionError = '';
    this.formError = '';
    this.announcement = '';
    try {
      await call();
      after?.();
      if (this.form) {
        this.closeForm();
      }
      this.announcement = success;
      await refreshApex(this.wiredResult);
      if (refocus) {
        // Once the refreshed handoff is drawn (busy off): its control if still there, else its
        // heading. The control was disabled while busy, so focusing it earlier did nothing.
        this.focusAfterRender = () => this.focusAction(handoffId, refocus);
      }
      if (handoffId) {
        await notifyRecordUpdateAvailable([{ recordId: handoffId }]);
      }
    } catch (error) {
      const message = format(LABELS.actionFailed, errorMessage(error));
      if (this.form) {
        // The form's dialog shows it and moves the focus to it.
        this.formError = message;
      } else {
        this.actionError = message;
        this.focusAfterRender = () =>
          this.template.querySelector<HTMLElement>('[data-id="action-error-message"]')?.focus();
      }
    } finally {
      this.busy = false;
    }
  }
}
