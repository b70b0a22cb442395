/**
 * Tests of c/handoffPanelException on its own: the status texts, the request dialog (validation,
 * the Apex call, success and refusal), and where the focus goes. The panel's tests cover it in
 * place with the wired data.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createElement } from 'lwc';
import requestException from '@salesforce/apex/HandoffPanelController.requestException';
import HandoffPanelException from 'c/handoffPanelException';
import type { ExceptionState } from 'c/handoffPanel';

jest.mock(
  '@salesforce/apex/HandoffPanelController.requestException',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Exception_Rejected',
  () => ({ default: 'Rejected by {0} on {1}.' }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Exception_Pending',
  () => ({ default: 'Requested {0}.' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_Panel_Exception_Reason', () => ({ default: 'Why: {0}' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_Panel_Request_Failed',
  () => ({ default: 'Not sent: {0}' }),
  {
    virtual: true
  }
);

// Its public properties: recordId, status, state (ExceptionState), canRequest. (Declared loosely:
// the Babel-parsed lint rule no-restricted-globals misreads a member named `status`.)
type Exception = HTMLElement & Record<string, unknown>;

const requestMock = requestException as unknown as jest.Mock;

async function flush(): Promise<void> {
  for (let turn = 0; turn < 8; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

function render(props: Record<string, unknown> = {}): Exception {
  const element = createElement('c-handoff-panel-exception', {
    is: HandoffPanelException
  }) as unknown as Exception;
  Object.assign(element, { recordId: '006000000000001AAA', canRequest: true, ...props });
  document.body.appendChild(element);
  return element;
}

const $ = (element: Exception, selector: string): HTMLElement | null =>
  element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const inDialog = (element: Exception, id: string): HTMLElement | null =>
  $(element, 'c-handoff-modal')?.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ??
  null;
const type = (element: Exception, id: string, value: string) =>
  $(element, `[data-id="${id}"]`)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
  jest.restoreAllMocks();
});

describe('c-handoff-panel-exception', () => {
  it('says there is none and offers the request only when allowed', async () => {
    const element = render({ status: null, canRequest: false });
    expect($(element, '[data-id="exception-text"]')?.textContent).toBe(
      'c.Handoff_Panel_Exception_None'
    );
    expect($(element, '[data-id="request-button"]')).toBeNull();
    element.canRequest = true;
    await flush();
    expect($(element, '[data-id="request-button"]')).not.toBeNull();
  });

  it('shows a rejection with the approver, the promised date and the reason', () => {
    const element = render({
      status: 'Rejected',
      state: {
        exceptionStatus: 'Rejected',
        approverName: '',
        decidedAt: '2026-05-05T09:00:00.000Z',
        dueDate: '2026-06-01',
        reason: 'Board meeting first'
      }
    });
    expect($(element, '[data-id="exception-text"]')?.textContent).toMatch(
      /^Rejected by c\.Handoff_Panel_Someone on .*2026.*\.$/
    );
    expect(element.shadowRoot?.textContent).toContain('Why: Board meeting first');
    expect(element.shadowRoot?.textContent).toContain('c.Handoff_Panel_Exception_Due');
  });

  it('shows a pending request without an approver', () => {
    const element = render({
      status: 'Requested',
      state: { exceptionStatus: 'Requested', requestedAt: 'not a date' }
    });
    expect($(element, '[data-id="exception-text"]')?.textContent).toBe('Requested not a date.');
  });

  it('checks the request, sends it, closes, confirms and fires requested', async () => {
    const sent = JSON.parse(
      readFileSync(join(__dirname, 'data', 'requestException.json'), 'utf8')
    ) as ExceptionState;
    requestMock.mockResolvedValue(sent);
    const element = render();
    const toasts: unknown[] = [];
    const requested: unknown[] = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push((e as CustomEvent).detail));
    element.addEventListener('requested', (e) => requested.push((e as CustomEvent).detail));
    $(element, '[data-id="request-button"]')?.click();
    await flush();
    inDialog(element, 'confirm')?.click();
    await flush();
    expect(inDialog(element, 'error')?.textContent?.trim()).toBe('c.Handoff_Panel_Reason_Missing');
    type(element, 'request-reason', ' Board first ');
    type(element, 'request-due', '2999-01-31');
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    inDialog(element, 'confirm')?.click();
    await flush();
    expect(requestMock).toHaveBeenCalledWith({
      opportunityId: '006000000000001AAA',
      reason: 'Board first',
      dueDate: '2999-01-31'
    });
    expect($(element, 'c-handoff-modal')).toBeNull();
    expect(toasts).toEqual([{ title: 'c.Handoff_Panel_Request_Sent', variant: 'success' }]);
    expect(requested).toEqual([sent]);
    expect(focus.mock.contexts).toContain($(element, '[data-id="exception-status"]'));
  });

  it('keeps the dialog open with the refusal, and Cancel gives the focus back', async () => {
    requestMock.mockRejectedValue({ body: { message: 'No manager.' } });
    const element = render();
    $(element, '[data-id="request-button"]')?.click();
    await flush();
    type(element, 'request-reason', 'Board first');
    type(element, 'request-due', '2999-01-31');
    inDialog(element, 'confirm')?.click();
    await flush();
    expect(inDialog(element, 'error')?.textContent?.trim()).toBe('Not sent: No manager.');
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    inDialog(element, 'cancel')?.click();
    await flush();
    expect($(element, 'c-handoff-modal')).toBeNull();
    expect(focus.mock.contexts).toContain($(element, '[data-id="request-button"]'));
  });
});
