/**
 * @description The product's one modal dialog (SLDS modal): a title, an optional description,
 * the caller's content in the default slot, an error notification, and a footer with Cancel and
 * the confirm button. Used by the panel's exception request, the intake checklist's forms and
 * the setup page's mode switch, so that each behaves the same:
 * - `role="dialog"`, `aria-modal`, named by its title (an h2, or the level `heading-level`
 *   asks for) and described by its description (or, with none, by its content);
 * - the focus moves in when it opens: to the slotted element marked `data-autofocus`, else to
 *   Cancel (the safe choice in a confirmation);
 * - Esc, the close button and Cancel fire `close`; Tab and Shift+Tab stay inside
 *   (c/handoffDialog); nothing closes while `busy`;
 * - a new `error` is announced (role=alert) and takes the focus, so a keyboard or screen reader
 *   user lands on what went wrong.
 * Returning the focus to the control that opened it is the caller's part: only the caller knows
 * that control, and after a success the caller may move the focus to the result instead.
 *
 * Events: `close` (Esc, close button, Cancel) and `confirm` (the confirm button); neither
 * bubbles.
 */
import { LightningElement, api } from 'lwc';
import { handleDialogKey } from 'c/handoffDialog';

export default class HandoffModal extends LightningElement {
  /** @description The dialog's title (names the dialog). */
  @api heading = '';
  /** @description Optional text under the title that describes the dialog. */
  @api description = '';
  /** @description The close button's text alternative, e.g. "Close". */
  @api closeLabel = '';
  /** @description The Cancel button's label. */
  @api cancelLabel = '';
  /** @description The confirm button's label, e.g. "Send for approval". */
  @api confirmLabel = '';
  /** @description True while the confirmed action runs: every button is disabled, Esc is ignored. */
  @api busy = false;
  /** @description What went wrong (validation or server), shown as an alert inside the dialog. */
  @api error = '';
  /**
   * @description The title's heading level, 2 (the default) to 5. The dialog is drawn where its
   * caller is, so a caller inside a section passes the level under that section's heading: the
   * page's headings stay in order (h2 after an h4 and before the next h4 is out of order).
   */
  @api headingLevel: number | string = 2;

  private opened = false;
  private focusedError = '';

  get isLevel3(): boolean {
    return Number(this.headingLevel) === 3;
  }

  get isLevel4(): boolean {
    return Number(this.headingLevel) === 4;
  }

  get isLevel5(): boolean {
    return Number(this.headingLevel) === 5;
  }

  get describedBy(): string {
    return this.description ? 'modal-description' : 'modal-content';
  }

  renderedCallback(): void {
    if (!this.opened) {
      this.opened = true;
      const autofocus = this.querySelector<HTMLElement>('[data-autofocus]');
      const target = autofocus ?? this.template.querySelector<HTMLElement>('[data-id="cancel"]');
      target?.focus();
    }
    if (this.error && this.error !== this.focusedError) {
      this.template.querySelector<HTMLElement>('[data-id="error"]')?.focus();
    }
    this.focusedError = this.error;
  }

  handleKeydown(event: KeyboardEvent): void {
    handleDialogKey(event, this.template, {
      firstSelector: '[data-id="close"]',
      lastSelector: '[data-id="confirm"]',
      onEscape: () => this.handleClose()
    });
  }

  handleClose(): void {
    if (!this.busy) {
      this.dispatchEvent(new CustomEvent('close'));
    }
  }

  handleConfirm(): void {
    if (!this.busy) {
      this.dispatchEvent(new CustomEvent('confirm'));
    }
  }
}
