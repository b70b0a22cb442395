/**
 * Tests of c/handoffGoLive with a wire mock of HandoffGoLiveController.getGoLive: loading and
 * error states; target vs actual (no target, not recorded, late, early, on the day); who sees
 * "Record go-live"; the form's checks (date required before calling the server), the server's
 * refusal kept beside the input, a correction's warning and message, the view read again and the
 * focus back on the button.
 */
import { createElement } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getGoLive from '@salesforce/apex/HandoffGoLiveController.getGoLive';
import recordGoLive from '@salesforce/apex/HandoffGoLiveController.recordGoLive';
import HandoffGoLive, { format, errorMessage } from 'c/handoffGoLive';

jest.mock(
  '@salesforce/apex/HandoffGoLiveController.getGoLive',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/HandoffGoLiveController.recordGoLive', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_GoLive_Days', () => ({ default: '{0} days from close' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_Late',
  () => ({ default: '{0} days after the target' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_Early',
  () => ({ default: '{0} days before the target' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_On_Target',
  () => ({ default: 'On the target day' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_No_Target',
  () => ({ default: 'No target on the deal' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_Not_Recorded',
  () => ({ default: 'Not recorded yet' }),
  {
    virtual: true
  }
);
jest.mock('@salesforce/label/c.Handoff_GoLive_Record', () => ({ default: 'Record go-live' }), {
  virtual: true
});
jest.mock('@salesforce/label/c.Handoff_GoLive_Correct', () => ({ default: 'Correct go-live' }), {
  virtual: true
});
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_Correct_Warning',
  () => ({ default: 'Saving replaces the recorded go-live ({0}).' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_Load_Error',
  () => ({ default: 'Go-live could not be loaded: {0}' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_Error_Date_Required',
  () => ({ default: 'Enter the go-live date.' }),
  {
    virtual: true
  }
);
jest.mock(
  '@salesforce/label/c.Handoff_GoLive_Error_Unexpected',
  () => ({ default: 'Go-live could not be saved.' }),
  {
    virtual: true
  }
);

const recordMock = recordGoLive as unknown as jest.Mock;
const wire = getGoLive as unknown as { emit(v: unknown): void; error(body?: unknown): void };

const VIEW: HandoffGoLiveTypes.View = {
  handoffId: 'a01000000000001AAA',
  closedOn: '2026-03-02',
  targetGoLive: '2026-04-01',
  goLiveDate: null,
  recordedAt: null,
  daysToGoLive: null,
  daysVsTarget: null,
  canRecord: true
};

function mount(): HTMLElement {
  const el = createElement('c-handoff-go-live', { is: HandoffGoLive });
  (el as unknown as { handoffId: string }).handoffId = VIEW.handoffId;
  document.body.appendChild(el);
  return el;
}
async function flush(turns = 8): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}
const q = (el: HTMLElement, sel: string) => el.shadowRoot?.querySelector(sel) as HTMLElement | null;
const text = (el: HTMLElement, sel: string) => q(el, sel)?.textContent?.replace(/\s+/g, ' ').trim();

// The base components are stubs here: their focus() is the host's, which jsdom ignores on an
// element without tabindex, so the tests look at which element focus() was called on last.
const focusSpy = jest.spyOn(HTMLElement.prototype, 'focus');
const lastFocused = () => focusSpy.mock.contexts[focusSpy.mock.contexts.length - 1];

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
});

describe('helpers', () => {
  it('format fills the placeholders and leaves unknown ones', () => {
    expect(format('{0} of {1} {2}', 1, 'x')).toBe('1 of x {2}');
  });
  it('errorMessage reads an AuraHandledException body, else the fallback', () => {
    expect(errorMessage({ body: { message: 'No access' } }, 'f')).toBe('No access');
    expect(errorMessage({ body: [{ message: 'First' }] }, 'f')).toBe('First');
    expect(errorMessage(new Error('x'), 'f')).toBe('f');
  });
});

describe('c-handoff-go-live states', () => {
  it('shows nothing but the title while loading', () => {
    const el = mount();
    expect(q(el, '[data-id="target"]')).toBeNull();
    expect(q(el, '[role="alert"]')).toBeNull();
  });

  it('a load error says why, as an alert', async () => {
    const el = mount();
    wire.error({ message: 'Handoff not found' });
    await flush();
    expect(text(el, '[role="alert"]')).toBe('Go-live could not be loaded: Handoff not found');
  });

  it('not recorded, no target: says both, offers Record go-live', async () => {
    const el = mount();
    wire.emit({ ...VIEW, targetGoLive: null });
    await flush();
    expect(text(el, '[data-id="target"]')).toBe('No target on the deal');
    expect(text(el, '[data-id="actual"]')).toBe('Not recorded yet');
    expect((q(el, '[data-id="record"]') as unknown as { label: string }).label).toBe(
      'Record go-live'
    );
  });

  it.each([
    [7, '7 days after the target', 'slds-text-color_error'],
    [-3, '3 days before the target', 'slds-text-color_success'],
    [0, 'On the target day', 'slds-text-color_success']
  ])('recorded %s days vs target: "%s"', async (delta, expected, cls) => {
    const el = mount();
    wire.emit({ ...VIEW, goLiveDate: '2026-04-08', daysToGoLive: 37, daysVsTarget: delta });
    await flush();
    expect(text(el, '[data-id="days"]')).toBe('(37 days from close)');
    expect(text(el, '[data-id="delta"]')).toBe(`· ${expected}`);
    expect(q(el, '[data-id="delta"]')?.className).toBe(cls);
    expect((q(el, '[data-id="record"]') as unknown as { label: string }).label).toBe(
      'Correct go-live'
    );
  });

  it('a user who may not record sees no button (Sales, Leadership)', async () => {
    const el = mount();
    wire.emit({ ...VIEW, canRecord: false });
    await flush();
    expect(q(el, '[data-id="record"]')).toBeNull();
  });
});

describe('recording go-live', () => {
  async function openForm(view: HandoffGoLiveTypes.View = VIEW) {
    const el = mount();
    wire.emit(view);
    await flush();
    q(el, '[data-id="record"]')?.click();
    await flush();
    return el;
  }
  const setDate = async (el: HTMLElement, value: string) => {
    q(el, 'lightning-input')?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
  };

  it('opens a date input bounded by the close day, focused, and hides the button', async () => {
    const el = await openForm();
    const input = q(el, 'lightning-input') as unknown as {
      min: string;
      max: string;
      required: boolean;
    };
    expect(input.min).toBe('2026-03-02');
    expect(input.max).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(input.required).toBe(true);
    expect(q(el, '[data-id="record"]')).toBeNull();
    expect(lastFocused()).toBe(q(el, 'lightning-input'));
  });

  it('without a date: says so and does not call the server', async () => {
    const el = await openForm();
    q(el, '[data-id="save"]')?.click();
    await flush();
    expect(text(el, '[data-id="error"]')).toBe('Enter the go-live date.');
    expect(recordMock).not.toHaveBeenCalled();
  });

  it("the server's refusal stays beside the input", async () => {
    recordMock.mockRejectedValueOnce({
      body: { message: 'The go-live date cannot be before the deal closed (3/2/2026).' }
    });
    const el = await openForm();
    await setDate(el, '2026-03-01');
    q(el, '[data-id="save"]')?.click();
    await flush();
    await flush();
    expect(recordMock).toHaveBeenCalledWith({
      handoffId: VIEW.handoffId,
      goLiveDate: '2026-03-01'
    });
    expect(text(el, '[data-id="error"]')).toBe(
      'The go-live date cannot be before the deal closed (3/2/2026).'
    );
    expect(q(el, 'lightning-input')).not.toBeNull();
    expect(refreshApex).not.toHaveBeenCalled();
  });

  it('a success is announced, the view read again, the focus back on the button', async () => {
    recordMock.mockResolvedValueOnce({
      corrected: false,
      goLiveDate: '2026-04-08',
      message: 'Go-live recorded: 4/8/2026.'
    });
    const el = await openForm();
    await setDate(el, '2026-04-08');
    q(el, '[data-id="save"]')?.click();
    await flush();
    await flush();
    expect(text(el, '[data-id="status"]')).toBe('Go-live recorded: 4/8/2026.');
    expect(q(el, '[data-id="status"]')?.getAttribute('role')).toBe('status');
    expect(refreshApex).toHaveBeenCalledTimes(1);
    expect(q(el, 'lightning-input')).toBeNull();
    expect(lastFocused()).toBe(q(el, '[data-id="record"]'));
  });

  it('a correction warns before saving and its message says what it replaced', async () => {
    recordMock.mockResolvedValueOnce({
      corrected: true,
      previousDate: '2026-04-08',
      goLiveDate: '2026-04-06',
      message: 'Go-live corrected: 4/8/2026 replaced by 4/6/2026.'
    });
    const el = await openForm({
      ...VIEW,
      goLiveDate: '2026-04-08',
      daysToGoLive: 37,
      daysVsTarget: 7
    });
    expect((q(el, 'lightning-input') as unknown as { value: string }).value).toBe('2026-04-08');
    expect(text(el, '[data-id="warning"]')).toMatch(
      /^Saving replaces the recorded go-live \(.+2026\)\.$/
    );
    await setDate(el, '2026-04-06');
    q(el, '[data-id="save"]')?.click();
    await flush();
    await flush();
    expect(text(el, '[data-id="done"]')).toBe('Go-live corrected: 4/8/2026 replaced by 4/6/2026.');
  });

  it('Cancel closes the form without saving and gives the focus back', async () => {
    const el = await openForm();
    q(el, '[data-id="cancel"]')?.click();
    await flush();
    expect(q(el, 'lightning-input')).toBeNull();
    expect(recordMock).not.toHaveBeenCalled();
    expect(lastFocused()).toBe(q(el, '[data-id="record"]'));
  });
});
