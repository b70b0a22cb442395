/**
 * Keyboard behaviour of the product's modal dialog (c/handoffModal, used by the panel's exception
 * request, the intake checklist's forms and the setup page's mode switch): Esc closes the dialog;
 * Tab and Shift+Tab stay inside it, cycling between its first and last focusable controls.
 */

/** The part of a component's template the handler needs. */
export interface DialogRoot {
  querySelector<E extends Element = Element>(selectors: string): E | null;
}

/** The dialog's first and last focusable controls, and what Esc does. */
export interface DialogKeys {
  firstSelector: string;
  lastSelector: string;
  onEscape: () => void;
}

/**
 * @description Handles a keydown inside a modal dialog.
 * @param event the keydown
 * @param root the component's template (its activeElement is the focused control)
 * @param keys the dialog's first and last controls and what Esc does
 */
export function handleDialogKey(event: KeyboardEvent, root: DialogRoot, keys: DialogKeys): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    keys.onEscape();
    return;
  }
  if (event.key !== 'Tab') {
    return;
  }
  const first = root.querySelector<HTMLElement>(keys.firstSelector);
  const last = root.querySelector<HTMLElement>(keys.lastSelector);
  const active = (root as unknown as { activeElement?: Element | null }).activeElement;
  if (event.shiftKey && active === first && last) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last && first) {
    event.preventDefault();
    first.focus();
  }
}
