/**
 * Type declarations for the modules c/handoffIntakeChecklist and c/handoffMyHandoffs import:
 * their Apex methods (HandoffIntakeController) and their custom labels
 * (labels/HandoffIntake.labels-meta.xml). Platform modules are declared once for every
 * component in lightning-platform.d.ts.
 */

/**
 * The data HandoffIntakeController returns (HandoffIntakeService's view classes), as the
 * components receive it: Apex Datetime as ISO 8601 strings, Date as YYYY-MM-DD.
 */
declare namespace HandoffIntake {
  /** A picklist value with its label in the user's language. */
  interface Option {
    value: string;
    label: string;
  }

  /** One intake item (HandoffIntakeService.ItemView). */
  interface ItemView {
    id: string;
    item: string;
    required: boolean;
    status: string;
    statusLabel?: string;
    notes?: string | null;
    guidance?: string | null;
    verifiedByName?: string | null;
    verifiedAt?: string | null;
  }

  /** One handoff (HandoffIntakeService.HandoffView). */
  interface HandoffView {
    id: string;
    name: string;
    status: string;
    statusLabel?: string;
    segment?: string | null;
    tier?: string | null;
    summary?: string | null;
    closedAt?: string | null;
    acceptedAt?: string | null;
    reviewDueAt?: string | null;
    firstTouchDueAt?: string | null;
    firstTouchAt?: string | null;
    firstTouchChannel?: string | null;
    firstTouchChannelLabel?: string | null;
    slaPaused?: boolean;
    slaBreached?: boolean;
    businessHoursLeft?: number | null;
    suggestedReturnDueDate?: string | null;
    missingAtClose?: string | null;
    exceptionUsed?: boolean;
    returnReasons?: string[];
    returnReasonLabels?: string[];
    returnNotes?: string | null;
    returnedAt?: string | null;
    returnCount?: number;
    escalationLevel?: number;
    escalationCount?: number;
    repeatAskCount?: number;
    repeatAskNotes?: string | null;
    accountId?: string | null;
    accountName?: string | null;
    opportunityId?: string | null;
    opportunityName?: string | null;
    aeId?: string | null;
    aeName?: string | null;
    csmId?: string | null;
    csmName?: string | null;
    isAe?: boolean;
    canEditChecklist?: boolean;
    canAccept?: boolean;
    canReturn?: boolean;
    canEscalate?: boolean;
    canLogFirstTouch?: boolean;
    canRecordRepeatAsk?: boolean;
    canResubmit?: boolean;
    items?: ItemView[];
    /** Stakeholders changed since close, latest first (issue 16). */
    stakeholderChanges?: StakeholderChangeView[];
  }

  /** One stakeholder changed since close (HandoffIntakeTypes.StakeholderChangeView). */
  interface StakeholderChangeView {
    id: string;
    contactId?: string | null;
    name: string;
    roles?: string | null;
    /** Left Account, Inactive, Role Removed, Contact Deleted, or Active (came back). */
    status: string;
    statusLabel?: string;
    detail?: string | null;
    changedAt?: string | null;
  }

  /** HandoffIntakeController.getIntakeView (HandoffIntakeService.IntakeView). */
  interface IntakeView {
    handoffs: HandoffView[];
    canEditIntake: boolean;
    itemStatusOptions: Option[];
    returnReasonOptions: Option[];
    channelOptions: Option[];
  }

  /** One handoff of "my handoffs" (HandoffIntakeService.MyHandoffRow). */
  interface MyHandoffRow {
    id: string;
    name: string;
    accountId?: string | null;
    accountName?: string | null;
    status: string;
    statusLabel?: string;
    segment?: string | null;
    dueAt?: string | null;
    returnedAt?: string | null;
    /** The user's CS team role(s) on the handoff; null where they are its primary CSM. */
    teamRole?: string | null;
  }

  /** HandoffIntakeController.getMyHandoffs (HandoffIntakeService.MyHandoffs). */
  interface MyHandoffs {
    dueSoon: MyHandoffRow[];
    breached: MyHandoffRow[];
    returned: MyHandoffRow[];
    onHold: MyHandoffRow[];
    onTrackCount: number;
  }

  /** What an Apex call, an LDS adapter or JavaScript rejects with. */
  interface ErrorLike {
    body?: { message?: string } | { message?: string }[];
    message?: string;
  }
}

declare module '@salesforce/apex/HandoffIntakeController.getIntakeView' {
  /** Wire adapter (cacheable): the open handoffs of an Account, or one Handoff, with checklists. */
  export default function getIntakeView(params: {
    recordId?: string;
  }): Promise<HandoffIntake.IntakeView>;
}

declare module '@salesforce/apex/HandoffIntakeController.getMyHandoffs' {
  /** Wire adapter (cacheable): the running CSM's open handoffs, grouped. */
  export default function getMyHandoffs(
    params?: Record<string, never>
  ): Promise<HandoffIntake.MyHandoffs>;
}

declare module '@salesforce/apex/HandoffIntakeController.saveItem' {
  /** Sets an intake item's status and notes. */
  export default function saveItem(params: {
    itemId: string;
    status: string;
    notes: string;
  }): Promise<void>;
}

declare module '@salesforce/apex/HandoffIntakeController.acceptHandoff' {
  /** Accepts a handoff. */
  export default function acceptHandoff(params: { handoffId: string }): Promise<void>;
}

declare module '@salesforce/apex/HandoffIntakeController.returnToSales' {
  /** Returns a handoff to Sales with reasons, notes and the AE task's due date. */
  export default function returnToSales(params: {
    handoffId: string;
    reasons: string[];
    notes: string;
    dueDate: string | null;
  }): Promise<void>;
}

declare module '@salesforce/apex/HandoffIntakeController.resubmit' {
  /** The AE sends a returned handoff back to Customer Success. */
  export default function resubmit(params: { handoffId: string }): Promise<void>;
}

declare module '@salesforce/apex/HandoffIntakeController.logFirstTouch' {
  /** Records the first touch (ISO date-time, channel). */
  export default function logFirstTouch(params: {
    handoffId: string;
    touchedAt: string | null;
    channel: string;
  }): Promise<void>;
}

declare module '@salesforce/apex/HandoffIntakeController.escalate' {
  /** Escalates a handoff one step; resolves to the level reached (1 or 2). */
  export default function escalate(params: { handoffId: string; reason: string }): Promise<number>;
}

declare module '@salesforce/apex/HandoffIntakeController.recordRepeatAsk' {
  /** Records that the customer was asked to repeat information. */
  export default function recordRepeatAsk(params: {
    handoffId: string;
    note: string;
  }): Promise<void>;
}

declare module '@salesforce/label/c.Handoff_Intake_Accept' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Accept_Hint' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Action_Failed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Ae' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Business_Hours_Left' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Cancel' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Checklist_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Checklist_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Close' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Closed_At' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Csm' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Deal' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Done_Accepted' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Done_Escalated' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Done_First_Touch' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Done_Item' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Done_Note' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Done_Repeat_Ask' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Done_Resubmitted' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Done_Returned' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Empty_Account' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Escalate' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Escalate_Reason' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Escalate_To_Cs' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Escalate_To_Sales' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Escalated_Cs' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Escalated_Sales' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Exception_Used' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_First_Touch' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_First_Touch_Auto' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_First_Touch_Channel' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_First_Touch_Done' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_First_Touch_Due' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_First_Touch_When' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Form_Invalid' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Hours_Left' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Item_Notes' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Item_Status' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Load_Error_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Load_Error_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Loading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Missing_At_Close' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_More_Actions' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_Intake_Stakeholders_Heading' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_Intake_Stakeholders_Help' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_Intake_Stakeholder_Left_Account' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_Intake_Stakeholder_Now_At' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_Intake_Stakeholder_Inactive' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_Intake_Stakeholder_Role_Removed' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_Intake_Stakeholder_Deleted' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_Intake_Stakeholder_Back' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Breached' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Due' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Due_Soon' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Error_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Group_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Loading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_On_Hold' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_On_Track' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Refresh' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Refreshed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Returned' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_My_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Open_Record' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Read_Only' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Repeat_Ask' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Repeat_Ask_Count' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Repeat_Ask_Note' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Required' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Resubmit' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Resubmit_Hint' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Retry' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Return' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Return_Count' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Return_Due' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Return_Notes' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Return_Notes_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Return_Reasons' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Returned_On' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Review_Due' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Review_Overdue' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Save_Note' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Saving' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Segment' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Set_By' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Sla_Breached' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Sla_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Sla_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Sla_Paused' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Status' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Summary_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Summary_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Tier' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Intake_Title' {
  const label: string;
  export default label;
}
