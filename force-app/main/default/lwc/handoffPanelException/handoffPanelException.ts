/**
 * @description The deal's handoff exception: its status (none, requested and waiting for whom,
 * approved or rejected by whom and when, the promised date and the reason) and, where the panel
 * allows it, the request-an-exception dialog (c/handoffModal). The request is checked here first
 * (reason, a due date not in the past; the server checks again) and sent with
 * HandoffPanelController.requestException; on success the dialog closes, the focus moves to the
 * status, a toast confirms it and `requested` (detail: the new ExceptionState) lets the panel
 * refresh the record and the wired state. A refusal keeps the dialog open with the server's
 * message. Cancel, Esc and the close button give the focus back to the request button.
 */
import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import requestException from '@salesforce/apex/HandoffPanelController.requestException';
import {
  LABELS,
  errorMessage,
  formatDate,
  formatDateTime,
  formatLabel,
  todayIso
} from 'c/handoffPanelLabels';
import type { ExceptionState } from 'c/handoffPanel';

// ESLint parses TypeScript with Babel, whose scope analysis counts an imported type as used only
// in a type alias or interface.
type State = ExceptionState;

const STATUS_REQUESTED = 'Requested';
const STATUS_APPROVED = 'Approved';
const STATUS_REJECTED = 'Rejected';

export default class HandoffPanelException extends LightningElement {
  /** @description The Opportunity Id. */
  @api recordId?: string;
  /** @description The exception status (the record's, else the server state's), or null. */
  @api status?: string | null;
  /** @description The approval state from HandoffPanelController.getExceptionState. */
  @api state?: State;
  /** @description Whether the request button is offered. */
  @api canRequest = false;

  labels = LABELS;

  isRequestOpen = false;
  requestReason = '';
  requestDueDate = '';
  requestError = '';
  isSubmitting = false;

  private focusOnRender?: string;

  renderedCallback(): void {
    if (this.focusOnRender) {
      const target = this.template.querySelector<HTMLElement>(`[data-id="${this.focusOnRender}"]`);
      if (target) {
        this.focusOnRender = undefined;
        target.focus();
      }
    }
  }

  get exceptionText(): string {
    const state = this.state ?? {};
    switch (this.status) {
      case STATUS_REQUESTED:
        return state.approverName
          ? formatLabel(
              LABELS.exceptionRequested,
              formatDateTime(state.requestedAt),
              state.approverName
            )
          : formatLabel(LABELS.exceptionPending, formatDateTime(state.requestedAt));
      case STATUS_APPROVED:
        return formatLabel(
          LABELS.exceptionApproved,
          state.approverName || LABELS.someone,
          formatDateTime(state.decidedAt)
        );
      case STATUS_REJECTED:
        return formatLabel(
          LABELS.exceptionRejected,
          state.approverName || LABELS.someone,
          formatDateTime(state.decidedAt)
        );
      default:
        return LABELS.exceptionNone;
    }
  }

  get exceptionIcon(): string {
    switch (this.status) {
      case STATUS_REQUESTED:
        return 'utility:clock';
      case STATUS_APPROVED:
        return 'utility:approval';
      case STATUS_REJECTED:
        return 'utility:error';
      default:
        return 'utility:info';
    }
  }

  get exceptionDueText(): string {
    const due = this.state?.dueDate;
    return this.status && due ? formatLabel(LABELS.exceptionDue, formatDate(due)) : '';
  }

  get exceptionReasonText(): string {
    const reason = this.state?.reason;
    return this.status && reason ? formatLabel(LABELS.exceptionReason, reason) : '';
  }

  get today(): string {
    return todayIso();
  }

  openRequest(): void {
    this.requestReason = '';
    this.requestDueDate = '';
    this.requestError = '';
    this.isRequestOpen = true;
  }

  closeRequest(): void {
    if (this.isSubmitting) {
      return;
    }
    this.isRequestOpen = false;
    this.focusOnRender = 'request-button';
  }

  handleReasonChange(event: CustomEvent<{ value?: string }>): void {
    this.requestReason = event.detail?.value ?? '';
  }

  handleDueDateChange(event: CustomEvent<{ value?: string }>): void {
    this.requestDueDate = event.detail?.value ?? '';
  }

  /** Checks the request on the client (the server checks again) and sends it. */
  async submitRequest(): Promise<void> {
    const reason = this.requestReason.trim();
    let problem = '';
    if (reason === '') {
      problem = LABELS.reasonMissing;
    } else if (this.requestDueDate === '') {
      problem = LABELS.dueMissing;
    } else if (this.requestDueDate < this.today) {
      problem = LABELS.duePast;
    }
    if (problem !== '') {
      this.requestError = problem;
      return;
    }
    this.requestError = '';
    this.isSubmitting = true;
    try {
      const state = (await requestException({
        opportunityId: this.recordId,
        reason,
        dueDate: this.requestDueDate
      })) as State;
      this.isSubmitting = false;
      this.isRequestOpen = false;
      this.focusOnRender = 'exception-status';
      this.dispatchEvent(new ShowToastEvent({ title: LABELS.requestSent, variant: 'success' }));
      this.dispatchEvent(new CustomEvent<State>('requested', { detail: state }));
    } catch (error) {
      this.isSubmitting = false;
      if (this.isRequestOpen) {
        this.requestError = formatLabel(LABELS.requestFailed, errorMessage(error));
      }
    }
  }
}
