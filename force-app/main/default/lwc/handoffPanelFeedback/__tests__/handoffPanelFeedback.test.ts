/**
 * Tests of c/handoffPanelFeedback: the AE's one question from Customer Success (docs/behaviour.md,
 * "Handoff quality") — nothing for others or once answered, the card for the AE, Send (blank
 * refused, server refusal kept, the thank-you with the answer), Not now for the session.
 */
import { createElement } from 'lwc';
import getAeFeedback from '@salesforce/apex/HandoffPanelController.getAeFeedback';
import saveAeFeedback from '@salesforce/apex/HandoffPanelController.saveAeFeedback';
import HandoffPanelFeedback, { NOT_NOW_KEY } from 'c/handoffPanelFeedback';

jest.mock('@salesforce/apex/HandoffPanelController.getAeFeedback', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/apex/HandoffPanelController.saveAeFeedback',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock(
  '@salesforce/label/c.Handoff_Quality_Feedback_Failed',
  () => ({ default: 'Not saved: {0}' }),
  { virtual: true }
);

const getMock = getAeFeedback as unknown as jest.Mock;
const saveMock = saveAeFeedback as unknown as jest.Mock;
const OPPORTUNITY = '006000000000001AAA';
const HANDOFF = 'a0B000000000001AAA';

async function flush(): Promise<void> {
  for (let turn = 0; turn < 6; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

async function render(view: HandoffQuality.FeedbackView): Promise<HTMLElement> {
  getMock.mockResolvedValue(view);
  const element = createElement('c-handoff-panel-feedback', { is: HandoffPanelFeedback });
  (element as unknown as { recordId: string }).recordId = OPPORTUNITY;
  document.body.appendChild(element);
  await flush();
  return element;
}

const $ = (element: HTMLElement, id: string): HTMLElement | null =>
  element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;

function type(element: HTMLElement, value: string): void {
  $(element, 'feedback-answer')?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

const ASKED = { handoffId: HANDOFF, canAnswer: true, feedback: null, answeredAt: null };

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  window.sessionStorage.clear();
  jest.clearAllMocks();
});

describe('c-handoff-panel-feedback', () => {
  it('shows nothing to anyone but the AE (or an admin) while the question is open', async () => {
    const element = await render({ handoffId: null, canAnswer: false });
    expect(getMock).toHaveBeenCalledWith({ opportunityId: OPPORTUNITY });
    expect(element.shadowRoot?.children.length).toBe(0);
  });

  it('shows nothing once the question was answered', async () => {
    const element = await render({
      handoffId: HANDOFF,
      canAnswer: false,
      feedback: 'Done.',
      answeredAt: '2099-01-01T00:00:00.000Z'
    });
    expect($(element, 'feedback-card')).toBeNull();
    expect($(element, 'feedback-thanks')).toBeNull();
  });

  it('shows nothing when the read fails', async () => {
    getMock.mockRejectedValueOnce({ body: { message: 'no access' } });
    const element = createElement('c-handoff-panel-feedback', { is: HandoffPanelFeedback });
    (element as unknown as { recordId: string }).recordId = OPPORTUNITY;
    document.body.appendChild(element);
    await flush();
    expect($(element, 'feedback-card')).toBeNull();
  });

  it('asks the AE what was hard and what was missing, in a labelled card', async () => {
    const element = await render(ASKED);
    const card = $(element, 'feedback-card') as HTMLElement;
    const title = element.shadowRoot?.querySelector('h3') as HTMLElement;
    expect(card.getAttribute('aria-labelledby')).toBe(title.id);
    expect(title.textContent).toBe('c.Handoff_Quality_Feedback_Title');
    expect($(element, 'feedback-question')?.textContent).toBe(
      'c.Handoff_Quality_Feedback_Question'
    );
    const answer = $(element, 'feedback-answer') as HTMLElement & {
      label: string;
      maxLength: number | string;
    };
    expect(answer.label).toBe('c.Handoff_Quality_Feedback_Answer');
    expect(Number(answer.maxLength)).toBe(2000);
  });

  it('refuses a blank answer without calling the server', async () => {
    const element = await render(ASKED);
    type(element, '   ');
    $(element, 'feedback-send')?.click();
    await flush();
    expect(saveMock).not.toHaveBeenCalled();
    const error = $(element, 'feedback-error') as HTMLElement;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe('c.Handoff_Quality_Feedback_Blank');
    type(element, 'Now something.');
    await flush();
    expect($(element, 'feedback-error')).toBeNull();
  });

  it('sends the answer and thanks with it', async () => {
    saveMock.mockResolvedValueOnce({
      handoffId: HANDOFF,
      canAnswer: false,
      feedback: 'The champion field was unclear.'
    });
    const element = await render(ASKED);
    type(element, '  The champion field was unclear.  ');
    $(element, 'feedback-send')?.click();
    await flush();
    expect(saveMock).toHaveBeenCalledWith({
      handoffId: HANDOFF,
      feedback: 'The champion field was unclear.'
    });
    expect($(element, 'feedback-card')).toBeNull();
    const thanks = $(element, 'feedback-thanks') as HTMLElement;
    expect(thanks.getAttribute('role')).toBe('status');
    expect(thanks.textContent).toContain('c.Handoff_Quality_Feedback_Thanks');
    expect($(element, 'feedback-sent')?.textContent).toBe('The champion field was unclear.');
    // The Send button went away with the card: the focus is on the thanks, not lost to the page.
    expect(element.shadowRoot?.activeElement).toBe(thanks);
  });

  it('keeps the card and the draft with the server refusal', async () => {
    saveMock.mockRejectedValueOnce({ body: { message: 'This question was answered on 1/1.' } });
    const element = await render(ASKED);
    type(element, 'Scope.');
    $(element, 'feedback-send')?.click();
    await flush();
    expect($(element, 'feedback-error')?.textContent).toBe(
      'Not saved: This question was answered on 1/1.'
    );
    expect(($(element, 'feedback-answer') as HTMLElement & { value: string }).value).toBe('Scope.');
    expect($(element, 'feedback-thanks')).toBeNull();
  });

  it('Not now hides the card for the session', async () => {
    const element = await render(ASKED);
    $(element, 'feedback-not-now')?.click();
    await flush();
    expect($(element, 'feedback-card')).toBeNull();
    expect(window.sessionStorage.getItem(NOT_NOW_KEY + HANDOFF)).toBe('1');
    document.body.removeChild(element);
    const again = await render(ASKED);
    expect($(again, 'feedback-card')).toBeNull();
    window.sessionStorage.clear();
    const fresh = await render(ASKED);
    expect($(fresh, 'feedback-card')).not.toBeNull();
  });
});
