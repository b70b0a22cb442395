import { handleDialogKey } from 'c/handoffDialog';

function dialog(): {
  root: {
    activeElement: Element | null;
    querySelector<E extends Element = Element>(s: string): E | null;
  };
  first: HTMLButtonElement;
  middle: HTMLButtonElement;
  last: HTMLButtonElement;
  closed: jest.Mock;
} {
  const host = document.createElement('div');
  const first = document.createElement('button');
  first.dataset.id = 'close';
  const middle = document.createElement('button');
  const last = document.createElement('button');
  last.dataset.id = 'confirm';
  host.append(first, middle, last);
  document.body.appendChild(host);
  const root = {
    activeElement: null as Element | null,
    querySelector: <E extends Element = Element>(s: string): E | null => host.querySelector<E>(s)
  };
  return { root, first, middle, last, closed: jest.fn() };
}

const keys = (onEscape: () => void) => ({
  firstSelector: '[data-id="close"]',
  lastSelector: '[data-id="confirm"]',
  onEscape
});

const press = (key: string, shiftKey = false): KeyboardEvent =>
  new KeyboardEvent('keydown', { key, shiftKey, cancelable: true });

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
});

describe('handleDialogKey', () => {
  it('closes the dialog on Escape and keeps the key from the page', () => {
    const { root, closed } = dialog();
    const event = press('Escape');
    handleDialogKey(event, root, keys(closed));
    expect(closed).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('moves Tab from the last control back to the first', () => {
    const { root, first, last, closed } = dialog();
    root.activeElement = last;
    const event = press('Tab');
    handleDialogKey(event, root, keys(closed));
    expect(document.activeElement).toBe(first);
    expect(event.defaultPrevented).toBe(true);
    expect(closed).not.toHaveBeenCalled();
  });

  it('moves Shift+Tab from the first control to the last', () => {
    const { root, first, last, closed } = dialog();
    root.activeElement = first;
    const event = press('Tab', true);
    handleDialogKey(event, root, keys(closed));
    expect(document.activeElement).toBe(last);
    expect(event.defaultPrevented).toBe(true);
  });

  it('leaves Tab between inner controls and other keys to the browser', () => {
    const { root, middle, closed } = dialog();
    root.activeElement = middle;
    for (const event of [press('Tab'), press('Tab', true), press('Enter')]) {
      handleDialogKey(event, root, keys(closed));
      expect(event.defaultPrevented).toBe(false);
    }
    expect(closed).not.toHaveBeenCalled();
  });
});
