/**
 * Jest mock of `lightning/platformShowToastEvent` (mapped in jest.config.js). As on the
 * platform, a ShowToastEvent is a bubbling, composed CustomEvent named `lightning__showtoast`
 * whose detail is the toast, so a test listens for that event on the component.
 */
export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

/** The toast a component asks for. */
export interface Toast {
  title: string;
  message?: string;
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

export class ShowToastEvent extends CustomEvent<Toast> {
  constructor(toast: Toast) {
    super(SHOW_TOAST_EVENT_NAME, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: toast
    });
  }
}
