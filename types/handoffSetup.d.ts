/**
 * Type declarations for the modules c/handoffSetup imports: its Apex methods
 * (HandoffSetupController, returning HandoffSetupService's view classes), the custom permission
 * that gates the page and its custom labels (labels/HandoffSetup.labels-meta.xml). Platform
 * modules are declared once for every component in lightning-platform.d.ts.
 */

/** The data HandoffSetupController returns, as the component receives it (Datetime as ISO 8601). */
declare namespace HandoffSetupData {
  /**
   * ok: nothing to do; warn: review; fail: fix before relying on it; manual: Apex can never read
   * it, check it in Setup (the link); unknown: could not be read this time.
   */
  type CheckState = 'ok' | 'warn' | 'fail' | 'manual' | 'unknown';

  /** HandoffSetupService.CHECKS. */
  type CheckKey =
    | 'rolloutMode'
    | 'historyCutoff'
    | 'segmentPools'
    | 'groups'
    | 'ownersWithoutManager'
    | 'businessHours'
    | 'scheduledJobs'
    | 'notificationType'
    | 'opportunityPath'
    | 'auditTrail';

  /** HandoffRollout.MODES. */
  type RolloutMode = 'Installed' | 'Monitor' | 'Pilot' | 'Enforce';

  /** A mode the switch offers, one step back or forward (HandoffSetupService.ModeOption). */
  interface ModeOption {
    mode: RolloutMode;
    label: string;
    direction: 'back' | 'forward';
  }

  /** One check (HandoffSetupService.Check); every text comes from a custom label. */
  interface Check {
    key: CheckKey;
    state: CheckState;
    title: string;
    why: string;
    summary: string;
    details: string[];
    linkUrl?: string | null;
    linkLabel?: string | null;
    action?: 'switchMode' | 'scheduleJobs' | null;
    modeOptions: ModeOption[];
  }

  /** HandoffSetupController.getSetupStatus (HandoffSetupService.SetupStatus). */
  interface SetupStatus {
    checkedAt: string;
    mode: RolloutMode;
    modeLabel: string;
    /** Whether the user holds the Metadata API permissions the mode switch deploys with. */
    canSwitchMode: boolean;
    /** Why not, naming the missing permissions (a custom label); null when the switch is offered. */
    switchModeBlockedReason?: string | null;
    checks: Check[];
  }

  /** HandoffSetupController.requestModeChange (HandoffSetupService.ModeChangeResult). */
  interface ModeChangeResult {
    jobId: string;
    fromMode: RolloutMode;
    fromLabel: string;
    toMode: RolloutMode;
    toLabel: string;
    deploymentStatusUrl: string;
  }

  /** HandoffSetupController.scheduleJobs (HandoffSetupService.ScheduleResult). */
  interface ScheduleResult {
    jobNames: string[];
  }

  /** What an Apex call rejects with (an AuraHandledException reaches the client as body.message). */
  interface ErrorLike {
    body?: { message?: string } | { message?: string }[];
    message?: string;
  }
}

declare module '@salesforce/apex/HandoffSetupController.getSetupStatus' {
  /** Imperative (not cacheable): runs every setup check now. */
  export default function getSetupStatus(): Promise<HandoffSetupData.SetupStatus>;
}

declare module '@salesforce/apex/HandoffSetupController.requestModeChange' {
  /** Imperative: queues the one-step switch of the rollout mode (a custom metadata deployment). */
  export default function requestModeChange(params: {
    targetMode: string;
  }): Promise<HandoffSetupData.ModeChangeResult>;
}

declare module '@salesforce/apex/HandoffSetupController.scheduleJobs' {
  /** Imperative: schedules (or reschedules) the product's jobs to run as the user. */
  export default function scheduleJobs(): Promise<HandoffSetupData.ScheduleResult>;
}

declare module '@salesforce/customPermission/Handoff_Manage_Setup' {
  /** True when the user holds Handoff_Manage_Setup; undefined otherwise. */
  const hasPermission: boolean | undefined;
  export default hasPermission;
}

declare module '@salesforce/label/c.Handoff_Setup_Checked_At' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Deployment_Status' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Dialog_Async' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Dialog_Cancel' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Dialog_Change' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Dialog_Close' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Dialog_Confirm' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Dialog_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Effect_Enforce' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Effect_Installed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Effect_Monitor' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Effect_Pilot' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Jobs_Scheduled' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Load_Error_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Load_Error_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Loading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Mode_Requested' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Move_Back' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Move_Forward' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_New_Tab' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_No_Permission' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Refresh' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Refreshed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Retry' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Schedule_Jobs' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_State_Fail' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_State_Ok' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_State_Unknown' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_State_Manual' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_State_Warn' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Subtitle' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Summary' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Setup_Why_Label' {
  const label: string;
  export default label;
}
