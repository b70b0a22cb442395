/**
 * c/handoffSetup for a user without the custom permission Handoff_Manage_Setup: the page says
 * what permission is needed and calls no Apex (which would refuse anyway). A file of its own
 * because the permission is read once, when the component module loads.
 */
import { createElement } from 'lwc';
import getSetupStatus from '@salesforce/apex/HandoffSetupController.getSetupStatus';
import HandoffSetup from 'c/handoffSetup';

jest.mock(
  '@salesforce/apex/HandoffSetupController.getSetupStatus',
  () => ({ default: jest.fn() }),
  { virtual: true }
);
jest.mock('@salesforce/customPermission/Handoff_Manage_Setup', () => ({ default: undefined }), {
  virtual: true
});

afterEach(() => {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
});

describe('c-handoff-setup without Handoff_Manage_Setup', () => {
  it('says which permission is needed and reads nothing', async () => {
    const element = createElement('c-handoff-setup', { is: HandoffSetup });
    document.body.appendChild(element);
    await Promise.resolve();

    const shadow = element.shadowRoot as ShadowRoot;
    const notice = shadow.querySelector('[data-id="no-permission"]') as HTMLElement;
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('c.Handoff_Setup_No_Permission');
    expect(getSetupStatus as unknown as jest.Mock).not.toHaveBeenCalled();
    expect(shadow.querySelector('[data-id="loading"]')).toBeNull();
    expect(shadow.querySelector('button[data-action="refresh"]')).toBeNull();
    expect(shadow.querySelectorAll('li[data-check]').length).toBe(0);
  });
});
