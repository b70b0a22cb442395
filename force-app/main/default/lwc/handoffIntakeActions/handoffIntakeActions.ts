/**
 * @description The CSM's and the AE's actions on one handoff. The primary ones are buttons:
 * Accept (brand; disabled while required items are open, with the reason beside it and tied to
 * it by aria-describedby), Return to Sales, and for the AE Resubmit with its hint. The rest
 * (Escalate, while there is something to escalate; Log first touch; Record repeat ask) sit in a
 * "More actions" menu, so a phone shows two buttons instead of five.
 *
 * It fires `action` with `{ handoffId, action }`: `resubmit` runs at once; `accept` (its quality
 * question), `return`, `escalate`, `firstTouch` and `repeatAsk` open their form. `focusAction(action)` gives the focus
 * back to what opened a form.
 */
import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/handoffIntakeLabels';

type HandoffView = HandoffIntake.HandoffView;

/** @description What the action bar asks the checklist to do. */
export type IntakeAction =
  'accept' | 'resubmit' | 'return' | 'escalate' | 'firstTouch' | 'repeatAsk';

/** @description The `action` event's detail. */
export interface ActionDetail {
  handoffId: string;
  action: IntakeAction;
}

const MENU_ACTIONS: readonly IntakeAction[] = ['escalate', 'firstTouch', 'repeatAsk'];

export default class HandoffIntakeActions extends LightningElement {
  /** @description The handoff, with what the user may do (canAccept, canReturn…). */
  @api handoff!: HandoffView;
  /** @description The required items still open (names), which block Accept. */
  @api outstanding: string[] = [];
  /** @description The accept hint (why Accept is disabled), or ''. */
  @api acceptHint = '';
  /** @description True while a change is saved. */
  @api busy = false;

  labels = LABELS;

  /**
   * @description Puts the focus on the control that starts an action (the menu for the actions
   * in it).
   * @param action the action whose control takes the focus
   * @returns false when that control is gone or disabled (the focus is left where it was)
   */
  @api
  focusAction(action: IntakeAction): boolean {
    const selector = MENU_ACTIONS.includes(action)
      ? '[data-id="more-actions"]'
      : `[data-form="${action}"], [data-action="${action}"]`;
    const target = this.template.querySelector<HTMLElement & { disabled?: boolean }>(selector);
    if (!target || target.disabled) {
      return false;
    }
    target.focus();
    return true;
  }

  get acceptDisabled(): boolean {
    return this.busy || (this.outstanding ?? []).length > 0;
  }

  get acceptHintRef(): string | undefined {
    return this.acceptHint ? 'accept-hint' : undefined;
  }

  /** Escalating is for a handoff with required items still open. */
  get canEscalateNow(): boolean {
    return !!this.handoff.canEscalate && (this.outstanding ?? []).length > 0;
  }

  get hasMenu(): boolean {
    return (
      this.canEscalateNow || !!this.handoff.canLogFirstTouch || !!this.handoff.canRecordRepeatAsk
    );
  }

  handleAccept(): void {
    this.fire('accept');
  }

  handleResubmit(): void {
    this.fire('resubmit');
  }

  handleOpenForm(event: Event): void {
    this.fire((event.currentTarget as HTMLElement).dataset.form as IntakeAction);
  }

  handleMenuSelect(event: CustomEvent<{ value: string }>): void {
    const action = event.detail.value as IntakeAction;
    if (MENU_ACTIONS.includes(action)) {
      this.fire(action);
    }
  }

  private fire(action: IntakeAction): void {
    this.dispatchEvent(
      new CustomEvent<ActionDetail>('action', {
        detail: { handoffId: this.handoff.id, action }
      })
    );
  }
}
