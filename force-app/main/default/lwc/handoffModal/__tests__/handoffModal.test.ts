/**
 * Tests of c/handoffModal on its own: roles and names, the buttons and their events, busy,
 * the error alert and its focus, Esc and the Tab trap. The slotted content and `data-autofocus`
 * are tested through the components that fill the slot (panel, intake form, setup).
 */
import { createElement } from 'lwc';
import HandoffModal from 'c/handoffModal';
import { byIdRef } from '../../../../../test/jest-helpers/shadowQuery';

type Modal = HTMLElement & {
  heading: string;
  description: string;
  closeLabel: string;
  cancelLabel: string;
  confirmLabel: string;
  busy: boolean;
  error: string;
  headingLevel: number | string;
};

async function flush(): Promise<void> {
  for (let turn = 0; turn < 4; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function render(props: Partial<Modal> = {}): {
  element: Modal;
  closed: jest.Mock;
  confirmed: jest.Mock;
} {
  const element = createElement('c-handoff-modal', { is: HandoffModal }) as unknown as Modal;
  Object.assign(element, {
    heading: 'Switch to Enforce',
    closeLabel: 'Close',
    cancelLabel: 'Cancel',
    confirmLabel: 'Switch',
    ...props
  });
  const closed = jest.fn();
  const confirmed = jest.fn();
  element.addEventListener('close', closed);
  element.addEventListener('confirm', confirmed);
  document.body.appendChild(element);
  return { element, closed, confirmed };
}

const $ = <E extends Element = HTMLElement>(element: Modal, selector: string): E =>
  element.shadowRoot?.querySelector<E>(selector) as E;

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.restoreAllMocks();
});

describe('c-handoff-modal', () => {
  it('titles the dialog with an h2 unless asked for another level, and keeps its name', () => {
    const { element } = render();
    expect($(element, '[data-id="heading"]').tagName).toBe('H2');
    for (const [level, tag] of [
      [3, 'H3'],
      ['4', 'H4'],
      [5, 'H5'],
      [9, 'H2']
    ] as const) {
      const { element: other } = render({ headingLevel: level });
      const title = $(other, '[data-id="heading"]');
      expect(title.tagName).toBe(tag);
      expect(byIdRef($(other, '[data-id="dialog"]'), 'aria-labelledby')?.textContent?.trim()).toBe(
        'Switch to Enforce'
      );
    }
  });

  it('is a modal dialog named by its title and described by its description', () => {
    const { element } = render({ description: 'Closing is blocked from now on.' });
    const dialog = $(element, '[data-id="dialog"]');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(byIdRef(dialog, 'aria-labelledby')?.textContent?.trim()).toBe('Switch to Enforce');
    expect(byIdRef(dialog, 'aria-describedby')?.textContent?.trim()).toBe(
      'Closing is blocked from now on.'
    );
    expect($(element, '.slds-backdrop')).not.toBeNull();
  });

  it('is described by its content when it has no description', () => {
    const { element } = render();
    const dialog = $(element, '[data-id="dialog"]');
    expect(byIdRef(dialog, 'aria-describedby')?.classList.contains('slds-modal__content')).toBe(
      true
    );
    expect($(element, '[data-id="description"]')).toBeNull();
  });

  it('draws the close button in the button colour with a text alternative (no inverse icon)', () => {
    const { element } = render();
    const close = $(element, '[data-id="close"]');
    expect(close.getAttribute('title')).toBe('Close');
    expect(close.querySelector('.slds-assistive-text')?.textContent).toBe('Close');
    const icon = close.querySelector('lightning-icon') as HTMLElement & { variant?: string };
    expect(icon.variant).toBeUndefined();
  });

  it('fires close from the close button, Cancel and Esc, and confirm from the confirm button', () => {
    const { element, closed, confirmed } = render();
    $(element, '[data-id="close"]').click();
    $(element, '[data-id="cancel"]').click();
    const escape = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    $(element, '[data-id="dialog"]').dispatchEvent(escape);
    expect(closed).toHaveBeenCalledTimes(3);
    expect(escape.defaultPrevented).toBe(true);
    expect(confirmed).not.toHaveBeenCalled();
    $(element, '[data-id="confirm"]').click();
    expect(confirmed).toHaveBeenCalledTimes(1);
    expect($<HTMLButtonElement>(element, '[data-id="confirm"]').textContent?.trim()).toBe('Switch');
    expect($<HTMLButtonElement>(element, '[data-id="cancel"]').textContent?.trim()).toBe('Cancel');
  });

  it('neither closes nor confirms while busy, and disables its buttons', () => {
    const { element, closed, confirmed } = render({ busy: true });
    for (const id of ['close', 'cancel', 'confirm']) {
      expect($<HTMLButtonElement>(element, `[data-id="${id}"]`).disabled).toBe(true);
    }
    $(element, '[data-id="dialog"]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', cancelable: true })
    );
    expect(closed).not.toHaveBeenCalled();
    expect(confirmed).not.toHaveBeenCalled();
  });

  it('moves the focus to Cancel when it opens with nothing marked data-autofocus', () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const { element } = render();
    expect(focus.mock.contexts).toContain($(element, '[data-id="cancel"]'));
  });

  it('announces an error as an alert and moves the focus to it, once per new error', async () => {
    const { element } = render();
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    element.error = 'The switch was refused: no permission.';
    await flush();
    const alert = $(element, '[data-id="error"]');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent?.trim()).toBe('The switch was refused: no permission.');
    expect(focus.mock.contexts).toContain(alert);
    focus.mockClear();
    element.heading = 'Switch to Monitor';
    await flush();
    expect(focus).not.toHaveBeenCalled();
    element.error = '';
    await flush();
    expect($(element, '[data-id="error"]')).toBeNull();
  });

  it('keeps Tab and Shift+Tab between its first and last buttons', () => {
    const { element } = render();
    const close = $(element, '[data-id="close"]');
    const confirm = $(element, '[data-id="confirm"]');
    const dialog = $(element, '[data-id="dialog"]');
    confirm.focus();
    dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', cancelable: true }));
    expect(element.shadowRoot?.activeElement).toBe(close);
    dialog.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, cancelable: true })
    );
    expect(element.shadowRoot?.activeElement).toBe(confirm);
  });
});
