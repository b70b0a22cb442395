/**
 * @description The Handoff Setup page (Handoff app, Handoff Setup tab) for admins: the checks that
 * matter after an install, each with its state (OK, Review, Fix, Check in Setup, Unknown), why it
 * matters, what was found and a Setup link or a one-click action: switch the rollout mode one step
 * back or forward (behind a confirmation dialog; the switch is an asynchronous custom metadata
 * deployment, so the page says it was requested and shows the deployment's job Id) and schedule
 * the jobs. The switch deploys with the admin's own Metadata API access: when Apex says the admin
 * lacks it (canSwitchMode false), the buttons are disabled and the page says which permissions are
 * missing, instead of a "requested" that would fail only in the log.
 *
 * Data: HandoffSetupController, imperatively and not cached (the page shows the org as it is
 * now). Only holders of the custom permission Handoff_Manage_Setup may use it; the component
 * checks the permission before calling Apex, and Apex checks it again. Every text comes from a
 * custom label: the checks' own texts from Apex, the page's from labels/HandoffSetup.
 */
import { LightningElement } from 'lwc';
import getSetupStatus from '@salesforce/apex/HandoffSetupController.getSetupStatus';
import requestModeChange from '@salesforce/apex/HandoffSetupController.requestModeChange';
import scheduleJobs from '@salesforce/apex/HandoffSetupController.scheduleJobs';
import CAN_MANAGE_SETUP from '@salesforce/customPermission/Handoff_Manage_Setup';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';

import TITLE from '@salesforce/label/c.Handoff_Setup_Title';
import SUBTITLE from '@salesforce/label/c.Handoff_Setup_Subtitle';
import LOADING from '@salesforce/label/c.Handoff_Setup_Loading';
import LOAD_ERROR_TITLE from '@salesforce/label/c.Handoff_Setup_Load_Error_Title';
import LOAD_ERROR_HELP from '@salesforce/label/c.Handoff_Setup_Load_Error_Help';
import RETRY from '@salesforce/label/c.Handoff_Setup_Retry';
import REFRESH from '@salesforce/label/c.Handoff_Setup_Refresh';
import REFRESHED from '@salesforce/label/c.Handoff_Setup_Refreshed';
import CHECKED_AT from '@salesforce/label/c.Handoff_Setup_Checked_At';
import SUMMARY from '@salesforce/label/c.Handoff_Setup_Summary';
import STATE_OK from '@salesforce/label/c.Handoff_Setup_State_Ok';
import STATE_WARN from '@salesforce/label/c.Handoff_Setup_State_Warn';
import STATE_FAIL from '@salesforce/label/c.Handoff_Setup_State_Fail';
import STATE_UNKNOWN from '@salesforce/label/c.Handoff_Setup_State_Unknown';
import STATE_MANUAL from '@salesforce/label/c.Handoff_Setup_State_Manual';
import WHY_LABEL from '@salesforce/label/c.Handoff_Setup_Why_Label';
import NEW_TAB from '@salesforce/label/c.Handoff_Setup_New_Tab';
import NO_PERMISSION from '@salesforce/label/c.Handoff_Setup_No_Permission';
import SCHEDULE_JOBS from '@salesforce/label/c.Handoff_Setup_Schedule_Jobs';
import JOBS_SCHEDULED from '@salesforce/label/c.Handoff_Setup_Jobs_Scheduled';
import MOVE_BACK from '@salesforce/label/c.Handoff_Setup_Move_Back';
import MOVE_FORWARD from '@salesforce/label/c.Handoff_Setup_Move_Forward';
import DIALOG_TITLE from '@salesforce/label/c.Handoff_Setup_Dialog_Title';
import DIALOG_CHANGE from '@salesforce/label/c.Handoff_Setup_Dialog_Change';
import DIALOG_ASYNC from '@salesforce/label/c.Handoff_Setup_Dialog_Async';
import DIALOG_CONFIRM from '@salesforce/label/c.Handoff_Setup_Dialog_Confirm';
import DIALOG_CANCEL from '@salesforce/label/c.Handoff_Setup_Dialog_Cancel';
import DIALOG_CLOSE from '@salesforce/label/c.Handoff_Setup_Dialog_Close';
import EFFECT_INSTALLED from '@salesforce/label/c.Handoff_Setup_Effect_Installed';
import EFFECT_MONITOR from '@salesforce/label/c.Handoff_Setup_Effect_Monitor';
import EFFECT_PILOT from '@salesforce/label/c.Handoff_Setup_Effect_Pilot';
import EFFECT_ENFORCE from '@salesforce/label/c.Handoff_Setup_Effect_Enforce';
import MODE_REQUESTED from '@salesforce/label/c.Handoff_Setup_Mode_Requested';
import DEPLOYMENT_STATUS from '@salesforce/label/c.Handoff_Setup_Deployment_Status';

type Check = HandoffSetupData.Check;
type CheckState = HandoffSetupData.CheckState;
type ModeChangeResult = HandoffSetupData.ModeChangeResult;
type ModeOption = HandoffSetupData.ModeOption;
type RolloutMode = HandoffSetupData.RolloutMode;
type SetupStatus = HandoffSetupData.SetupStatus;

/** How each state looks: its word, badge and icon. Never colour alone: the word is always shown. */
const STATES: Record<
  CheckState,
  { label: string; badgeClass: string; iconName: string; iconVariant: string }
> = {
  ok: {
    label: STATE_OK,
    badgeClass: 'slds-badge slds-theme_success',
    iconName: 'utility:success',
    iconVariant: 'success'
  },
  warn: {
    label: STATE_WARN,
    badgeClass: 'slds-badge slds-theme_warning',
    iconName: 'utility:warning',
    iconVariant: 'warning'
  },
  fail: {
    label: STATE_FAIL,
    badgeClass: 'slds-badge slds-theme_error',
    iconName: 'utility:error',
    iconVariant: 'error'
  },
  manual: {
    label: STATE_MANUAL,
    badgeClass: 'slds-badge slds-badge_lightest',
    iconName: 'utility:preview',
    iconVariant: ''
  },
  unknown: {
    label: STATE_UNKNOWN,
    badgeClass: 'slds-badge',
    iconName: 'utility:question',
    iconVariant: ''
  }
};

/** What each mode does, for the confirmation dialog. */
const EFFECTS: Record<RolloutMode, string> = {
  Installed: EFFECT_INSTALLED,
  Monitor: EFFECT_MONITOR,
  Pilot: EFFECT_PILOT,
  Enforce: EFFECT_ENFORCE
};

interface OptionView extends ModeOption {
  buttonLabel: string;
  dataId: string;
}

interface CheckView {
  key: string;
  headingId: string;
  title: string;
  why: string;
  summary: string;
  details: { key: string; text: string }[];
  hasDetails: boolean;
  stateLabel: string;
  badgeClass: string;
  iconName: string;
  iconVariant: string;
  hasLink: boolean;
  linkUrl: string;
  linkLabel: string;
  isModeSwitch: boolean;
  isScheduleJobs: boolean;
  options: OptionView[];
  /** The switch is shown but disabled: the admin lacks the Metadata API permissions. */
  switchBlocked: boolean;
  switchBlockedReason: string;
  switchBlockedId?: string;
  showModeResult: boolean;
  showJobsResult: boolean;
  showJobsError: boolean;
}

/** Replaces {0}, {1}… in a label. */
export function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_match, index: string) =>
    String(values[Number(index)] ?? '')
  );
}

/** The message of an Apex failure (an AuraHandledException's text, from a custom label). */
export function errorMessage(error: unknown): string {
  const failure = (error ?? {}) as HandoffSetupData.ErrorLike;
  const details = failure.body;
  const detail = Array.isArray(details) ? details[0] : details;
  return detail?.message ?? failure.message ?? String(error);
}

/** The checks counted by state. */
export function countStates(checks: readonly Check[]): Record<CheckState, number> {
  const counts: Record<CheckState, number> = { ok: 0, warn: 0, fail: 0, manual: 0, unknown: 0 };
  for (const check of checks) {
    counts[check.state in counts ? check.state : 'unknown']++;
  }
  return counts;
}

export default class HandoffSetup extends LightningElement {
  labels = {
    title: TITLE,
    subtitle: SUBTITLE,
    loading: LOADING,
    loadErrorTitle: LOAD_ERROR_TITLE,
    loadErrorHelp: LOAD_ERROR_HELP,
    retry: RETRY,
    refresh: REFRESH,
    whyLabel: WHY_LABEL,
    newTab: NEW_TAB,
    noPermission: NO_PERMISSION,
    scheduleJobs: SCHEDULE_JOBS,
    dialogTitle: DIALOG_TITLE,
    dialogAsync: DIALOG_ASYNC,
    dialogCancel: DIALOG_CANCEL,
    dialogClose: DIALOG_CLOSE,
    deploymentStatus: DEPLOYMENT_STATUS
  };

  status?: SetupStatus;
  loadError?: string;
  isLoading = false;
  /** Read out by screen readers (role=status) after a refresh or an action. */
  announcement = '';

  isScheduling = false;
  jobsMessage = '';
  jobsError = '';

  /** The mode switch requested in this session (the deploy takes about a minute). */
  modeRequest?: ModeChangeResult;
  /** The option whose confirmation dialog is open. */
  pendingOption?: ModeOption;
  dialogError = '';
  isSubmitting = false;

  private focusOnRender?: string;

  connectedCallback(): void {
    if (this.canManage) {
      this.load();
    }
  }

  renderedCallback(): void {
    if (this.focusOnRender) {
      const target = this.template.querySelector<HTMLElement>(`[data-id="${this.focusOnRender}"]`);
      if (target) {
        this.focusOnRender = undefined;
        target.focus();
      }
    }
  }

  // ------------------------------------------------------------------------------ state

  get canManage(): boolean {
    return CAN_MANAGE_SETUP === true;
  }

  get noPermission(): boolean {
    return !this.canManage;
  }

  /** The checks stay on screen while they are checked again. */
  get hasStatus(): boolean {
    return !!this.status && !this.loadError;
  }

  get showSpinner(): boolean {
    return this.isLoading && !this.status;
  }

  get summaryText(): string {
    const counts = countStates(this.status?.checks ?? []);
    return format(SUMMARY, counts.ok, counts.warn, counts.fail, counts.manual, counts.unknown);
  }

  /** Apex says whether the user may deploy the switch; anything but true keeps it disabled. */
  get canSwitchMode(): boolean {
    return this.status?.canSwitchMode === true;
  }

  get checkedAtText(): string {
    const checkedAt = this.status?.checkedAt;
    if (!checkedAt) {
      return '';
    }
    const when = new Date(checkedAt);
    if (Number.isNaN(when.getTime())) {
      return '';
    }
    const text = new Intl.DateTimeFormat(LOCALE, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: TIME_ZONE
    }).format(when);
    return format(CHECKED_AT, text);
  }

  get checks(): CheckView[] {
    return (this.status?.checks ?? []).map((check) => {
      const look = STATES[check.state] ?? STATES.unknown;
      const details = check.details ?? [];
      const isModeSwitch = check.action === 'switchMode';
      const isScheduleJobs = check.action === 'scheduleJobs';
      const switchBlocked = isModeSwitch && !this.canSwitchMode;
      return {
        key: check.key,
        headingId: `check-${check.key}`,
        title: check.title,
        why: check.why,
        summary: check.summary,
        details: details.map((text, index) => ({ key: `${check.key}-${index}`, text })),
        hasDetails: details.length > 0,
        stateLabel: look.label,
        badgeClass: look.badgeClass,
        iconName: look.iconName,
        iconVariant: look.iconVariant,
        hasLink: !!check.linkUrl,
        linkUrl: check.linkUrl ?? '',
        linkLabel: check.linkLabel ?? '',
        isModeSwitch,
        isScheduleJobs,
        showModeResult: isModeSwitch && !!this.modeRequest,
        showJobsResult: isScheduleJobs && this.jobsMessage !== '',
        showJobsError: isScheduleJobs && this.jobsError !== '',
        switchBlocked,
        switchBlockedReason: switchBlocked ? (this.status?.switchModeBlockedReason ?? '') : '',
        // No id when nothing blocks: aria-describedby must not point at a missing element.
        switchBlockedId: switchBlocked ? `switch-blocked-${check.key}` : undefined,
        options: isModeSwitch
          ? (check.modeOptions ?? []).map((option) => ({
              ...option,
              buttonLabel: format(
                option.direction === 'back' ? MOVE_BACK : MOVE_FORWARD,
                option.label
              ),
              dataId: `mode-${option.mode}`
            }))
          : []
      };
    });
  }

  get modeRequestText(): string {
    const request = this.modeRequest;
    return request ? format(MODE_REQUESTED, request.fromLabel, request.toLabel, request.jobId) : '';
  }

  get isDialogOpen(): boolean {
    return !!this.pendingOption;
  }

  get dialogChangeText(): string {
    const option = this.pendingOption;
    return option ? format(DIALOG_CHANGE, this.status?.modeLabel ?? '', option.label) : '';
  }

  get dialogEffectText(): string {
    return this.pendingOption ? (EFFECTS[this.pendingOption.mode] ?? '') : '';
  }

  get dialogConfirmLabel(): string {
    return this.pendingOption ? format(DIALOG_CONFIRM, this.pendingOption.label) : '';
  }

  // ---------------------------------------------------------------------------- loading

  async load(): Promise<void> {
    this.isLoading = true;
    this.loadError = undefined;
    try {
      this.status = await getSetupStatus();
      if (this.modeRequest && this.status.mode === this.modeRequest.toMode) {
        // The switch has been deployed: the check shows the new mode.
        this.modeRequest = undefined;
      }
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.isLoading = false;
    }
  }

  async handleRefresh(): Promise<void> {
    this.announcement = '';
    await this.load();
    if (!this.loadError) {
      this.announcement = REFRESHED;
    }
  }

  // -------------------------------------------------------------------- schedule the jobs

  async handleScheduleJobs(): Promise<void> {
    this.isScheduling = true;
    this.jobsMessage = '';
    this.jobsError = '';
    try {
      const result = await scheduleJobs();
      await this.load();
      this.jobsMessage = format(JOBS_SCHEDULED, (result.jobNames ?? []).join(', '));
      this.focusOnRender = 'jobs-result';
    } catch (error) {
      this.jobsError = errorMessage(error);
      this.focusOnRender = 'jobs-error';
    } finally {
      this.isScheduling = false;
    }
  }

  // ----------------------------------------------------------------------- switch the mode

  openDialog(event: Event): void {
    if (!this.canSwitchMode) {
      return;
    }
    const mode = (event.currentTarget as HTMLElement | null)?.dataset.mode;
    const check = this.status?.checks.find((c) => c.key === 'rolloutMode');
    const option = check?.modeOptions.find((o) => o.mode === mode);
    if (!option) {
      return;
    }
    this.dialogError = '';
    // c/handoffModal puts the focus on Cancel, the least consequential button: Enter on a
    // reflex does not switch the mode.
    this.pendingOption = option;
  }

  closeDialog(): void {
    if (this.isSubmitting || !this.pendingOption) {
      return;
    }
    const opener = `mode-${this.pendingOption.mode}`;
    this.pendingOption = undefined;
    this.dialogError = '';
    this.focusOnRender = opener;
  }

  async confirmModeChange(): Promise<void> {
    const option = this.pendingOption;
    if (!option || this.isSubmitting) {
      return;
    }
    this.isSubmitting = true;
    this.dialogError = '';
    try {
      this.modeRequest = await requestModeChange({ targetMode: option.mode });
      this.pendingOption = undefined;
      this.focusOnRender = 'mode-result';
    } catch (error) {
      // c/handoffModal shows it as an alert and moves the focus to it.
      this.dialogError = errorMessage(error);
    } finally {
      this.isSubmitting = false;
    }
  }
}
