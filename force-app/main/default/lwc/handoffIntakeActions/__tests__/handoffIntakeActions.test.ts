/**
 * Tests of c/handoffIntakeActions: the primary buttons, the hint beside Accept, the menu of the
 * other actions, the `action` event and focusAction.
 */
import { createElement } from 'lwc';
import HandoffIntakeActions from 'c/handoffIntakeActions';

type Actions = HTMLElement & Record<string, unknown> & { focusAction(action: string): void };

const CSM: Partial<HandoffIntake.HandoffView> = {
  id: 'a0B000000000001AAA',
  canAccept: true,
  canReturn: true,
  canEscalate: true,
  canLogFirstTouch: true,
  canRecordRepeatAsk: true
};

function render(props: Record<string, unknown>): Actions {
  const element = createElement('c-handoff-intake-actions', {
    is: HandoffIntakeActions
  }) as unknown as Actions;
  Object.assign(element, { handoff: CSM, outstanding: [], acceptHint: '', ...props });
  document.body.appendChild(element);
  return element;
}

const $ = (element: Actions, selector: string): HTMLElement | null =>
  element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const $$ = (element: Actions, selector: string): HTMLElement[] =>
  Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);

function actionsFired(element: Actions): unknown[] {
  const fired: unknown[] = [];
  element.addEventListener('action', (event) => fired.push((event as CustomEvent).detail));
  return fired;
}

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.restoreAllMocks();
});

describe('c-handoff-intake-actions', () => {
  it('disables Accept while items are open, with the reason beside it', () => {
    const element = render({ outstanding: ['Scope'], acceptHint: 'Still open: Scope' });
    const accept = $(element, 'button[data-action="accept"]') as HTMLButtonElement;
    const hint = $(element, '[data-id="accept-hint"]') as HTMLElement;
    expect(accept.disabled).toBe(true);
    expect(hint.textContent?.trim()).toBe('Still open: Scope');
    expect(accept.getAttribute('aria-describedby')).toBe(hint.id);
    expect(hint.parentElement).toBe(accept.parentElement);
  });

  it('fires accept and return, and the menu actions, with the handoff Id', () => {
    const element = render({});
    const fired = actionsFired(element);
    ($(element, 'button[data-action="accept"]') as HTMLButtonElement).click();
    ($(element, 'button[data-form="return"]') as HTMLButtonElement).click();
    const menu = $(element, 'lightning-button-menu') as HTMLElement;
    for (const value of ['firstTouch', 'unknown', 'repeatAsk']) {
      menu.dispatchEvent(new CustomEvent('select', { detail: { value } }));
    }
    expect(fired).toEqual([
      { handoffId: CSM.id, action: 'accept' },
      { handoffId: CSM.id, action: 'return' },
      { handoffId: CSM.id, action: 'firstTouch' },
      { handoffId: CSM.id, action: 'repeatAsk' }
    ]);
    expect($(element, '[data-id="accept-hint"]')).toBeNull();
    expect($(element, 'button[data-action="accept"]')?.getAttribute('aria-describedby')).toBeNull();
  });

  it('offers Escalate in the menu only while required items are open', async () => {
    const element = render({ outstanding: ['Scope'] });
    const values = () =>
      $$(element, 'lightning-menu-item').map(
        (item) => (item as HTMLElement & { value: string }).value
      );
    expect(values()).toEqual(['escalate', 'firstTouch', 'repeatAsk']);
    element.outstanding = [];
    await Promise.resolve();
    expect(values()).toEqual(['firstTouch', 'repeatAsk']);
  });

  it('shows the AE Resubmit with its hint and no menu', () => {
    const element = render({
      handoff: { id: 'a0B000000000002AAA', canResubmit: true }
    });
    const fired = actionsFired(element);
    const resubmit = $(element, 'button[data-action="resubmit"]') as HTMLButtonElement;
    expect(resubmit.getAttribute('aria-describedby')).toBe($(element, '.hint')?.getAttribute('id'));
    expect($(element, 'lightning-button-menu')).toBeNull();
    expect($(element, 'button[data-action="accept"]')).toBeNull();
    resubmit.click();
    expect(fired).toEqual([{ handoffId: 'a0B000000000002AAA', action: 'resubmit' }]);
  });

  it('disables everything while a change is saved', () => {
    const element = render({ busy: true });
    for (const button of $$(element, 'button')) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
    }
    expect(
      ($(element, 'lightning-button-menu') as HTMLElement & { disabled: boolean }).disabled
    ).toBe(true);
  });

  it('gives the focus to the control of an action', () => {
    const element = render({ outstanding: ['Scope'] });
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    element.focusAction('return');
    element.focusAction('escalate');
    expect(focus.mock.contexts).toEqual([
      $(element, 'button[data-form="return"]'),
      $(element, 'lightning-button-menu')
    ]);
  });
});
