/**
 * Tests of c/handoffFirstTimeGuide with a mock of HandoffNewPeopleController.getGuide: every state
 * (loading, shown for an AE and for a CSM, with and without a buddy, the server saying no, an
 * error, hidden for the session, hidden earlier in the session) and the keyboard path of "Hide
 * for now" (a real button, the focus moved to the announced status line).
 */
import { createElement } from 'lwc';
import getGuide from '@salesforce/apex/HandoffNewPeopleController.getGuide';
import HandoffFirstTimeGuide, { HIDDEN_KEY_PREFIX, format } from 'c/handoffFirstTimeGuide';

jest.mock('@salesforce/apex/HandoffNewPeopleController.getGuide', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_New_People_Position',
  () => ({ default: 'Handoff {0} of your first {1}' }),
  { virtual: true }
);
jest.mock('@salesforce/label/c.Handoff_New_People_Buddy', () => ({ default: 'Your buddy: {0}.' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_New_People_No_Buddy',
  () => ({ default: 'Ask your manager.' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_New_People_Hide', () => ({ default: 'Hide for now' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_New_People_Ae_Step_1', () => ({ default: 'AE step 1' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_New_People_Csm_Step_1', () => ({ default: 'CSM step 1' }), {
  virtual: true
});

const mockedGetGuide = getGuide as unknown as jest.Mock;

async function flush(): Promise<void> {
  await Promise.resolve();
  await Promise.resolve();
  await Promise.resolve();
}

async function render(audience: string | undefined): Promise<HTMLElement> {
  const element = createElement('c-handoff-first-time-guide', { is: HandoffFirstTimeGuide });
  if (audience !== undefined) {
    (element as unknown as { audience: string }).audience = audience;
  }
  document.body.appendChild(element);
  await flush();
  await flush();
  return element;
}

function q(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot!.querySelector(`[data-id="${id}"]`);
}

describe('c-handoff-first-time-guide', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    mockedGetGuide.mockReset();
  });
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('fills label placeholders in order and leaves unknown ones', () => {
    expect(format('Handoff {0} of your first {1}', 2, 5)).toBe('Handoff 2 of your first 5');
    expect(format('{0} and {2}', 'a')).toBe('a and {2}');
  });

  it('shows nothing while the guide is loading', async () => {
    mockedGetGuide.mockReturnValue(new Promise(() => undefined));
    const element = await render('ae');
    expect(q(element, 'guide')).toBeNull();
    expect(mockedGetGuide).toHaveBeenCalledWith({ audience: 'ae' });
  });

  it('shows a new AE their position, four AE steps and their buddy', async () => {
    mockedGetGuide.mockResolvedValue({
      show: true,
      position: 2,
      firstCount: 5,
      buddyName: 'Ana Ruiz'
    });
    const element = await render('ae');
    expect(q(element, 'guide')).not.toBeNull();
    const heading = element.shadowRoot!.querySelector('h2')!;
    expect(heading.textContent).toBe('c.Handoff_New_People_Title');
    expect(q(element, 'guide')!.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(q(element, 'position')!.textContent).toBe('Handoff 2 of your first 5');
    const steps = q(element, 'steps')!.querySelectorAll('li');
    expect(steps).toHaveLength(4);
    expect(steps[0].textContent).toBe('AE step 1');
    expect(q(element, 'buddy')!.textContent).toBe('Your buddy: Ana Ruiz.');
  });

  it('shows a new CSM the CSM steps, and the fallback line without a buddy', async () => {
    mockedGetGuide.mockResolvedValue({ show: true, position: 1, firstCount: 5, buddyName: null });
    const element = await render('csm');
    expect(mockedGetGuide).toHaveBeenCalledWith({ audience: 'csm' });
    expect(q(element, 'steps')!.querySelectorAll('li')[0].textContent).toBe('CSM step 1');
    expect(q(element, 'buddy')!.textContent).toBe('Ask your manager.');
  });

  it('defaults to the AE audience', async () => {
    mockedGetGuide.mockResolvedValue({ show: true, position: 1, firstCount: 3 });
    const element = await render(undefined);
    expect(mockedGetGuide).toHaveBeenCalledWith({ audience: 'ae' });
    expect(q(element, 'position')!.textContent).toBe('Handoff 1 of your first 3');
  });

  it('shows nothing when the server says the user is past their first handoffs (or it is off)', async () => {
    mockedGetGuide.mockResolvedValue({ show: false, position: 6, firstCount: 5 });
    const element = await render('ae');
    expect(q(element, 'guide')).toBeNull();
  });

  it('shows nothing when the call fails: the guide never blocks the page', async () => {
    mockedGetGuide.mockRejectedValue({
      body: { message: 'The first-time guide could not be loaded.' }
    });
    const element = await render('csm');
    expect(q(element, 'guide')).toBeNull();
    expect(element.shadowRoot!.textContent).toBe('');
  });

  it('hides for the session with a keyboard-reachable button and moves the focus to the status', async () => {
    mockedGetGuide.mockResolvedValue({
      show: true,
      position: 1,
      firstCount: 5,
      buddyName: 'Ana Ruiz'
    });
    const element = await render('ae');
    const hide = q(element, 'hide') as HTMLElement & { label: string };
    expect(hide.tagName.toLowerCase()).toBe('lightning-button');
    expect(hide.label).toBe('Hide for now');
    hide.click();
    await flush();
    expect(q(element, 'guide')).toBeNull();
    const note = q(element, 'hidden-note')!;
    expect(note.getAttribute('role')).toBe('status');
    expect(element.shadowRoot!.activeElement).toBe(note);
    expect(window.sessionStorage.getItem(`${HIDDEN_KEY_PREFIX}ae`)).toBe('true');
    expect(window.sessionStorage.getItem(`${HIDDEN_KEY_PREFIX}csm`)).toBeNull();
  });

  it('stays hidden, without asking the server, once hidden earlier in the session', async () => {
    window.sessionStorage.setItem(`${HIDDEN_KEY_PREFIX}csm`, 'true');
    const element = await render('csm');
    expect(mockedGetGuide).not.toHaveBeenCalled();
    expect(q(element, 'guide')).toBeNull();
    expect(q(element, 'hidden-note')).toBeNull();
  });

  it('hidden for one audience still shows for the other', async () => {
    window.sessionStorage.setItem(`${HIDDEN_KEY_PREFIX}csm`, 'true');
    mockedGetGuide.mockResolvedValue({ show: true, position: 1, firstCount: 5 });
    const element = await render('ae');
    expect(q(element, 'guide')).not.toBeNull();
  });
});
