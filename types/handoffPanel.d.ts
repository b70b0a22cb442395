/**
 * Type declarations for the modules c/handoffPanel imports: its Apex methods
 * (HandoffPanelController) and its custom labels (labels/HandoffPanel.labels-meta.xml).
 * Platform modules are declared once for every component in lightning-platform.d.ts.
 */

declare module '@salesforce/apex/HandoffPanelController.getPanelConfig' {
  /** Wire adapter (cacheable): rule config, Account employees, Opportunity field names. */
  export default function getPanelConfig(params: { opportunityId?: string }): Promise<unknown>;
}

declare module '@salesforce/apex/HandoffPanelController.getExceptionState' {
  /** Wire adapter (cacheable): the deal's exception status and approval state. */
  export default function getExceptionState(params: { opportunityId?: string }): Promise<unknown>;
}

declare module '@salesforce/apex/HandoffPanelController.getLatestHandoff' {
  /** Wire adapter (cacheable): the deal's latest Handoff__c, or null before close. */
  export default function getLatestHandoff(params: { opportunityId?: string }): Promise<unknown>;
}

declare module '@salesforce/apex/HandoffPanelController.requestException' {
  /** Requests a handoff exception; resolves to the new exception state. */
  export default function requestException(params: {
    opportunityId?: string;
    reason: string;
    dueDate: string;
  }): Promise<unknown>;
}

declare module '@salesforce/label/c.Handoff_Panel_Blank' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Blocks_Exception' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Blocks_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Blocks_Heading_Monitor' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Blocks_Missing' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Blocks_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Closed_CSM' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Closed_CSM_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Closed_Error' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Closed_Frozen' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Closed_Frozen_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Closed_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Closed_Intro' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Closed_Status' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Discard' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Due_Missing' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Due_Past' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Error_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Error_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Exception_Approved' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Exception_Due' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Exception_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Exception_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Exception_Pending' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Exception_Reason' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Exception_Rejected' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Exception_Requested' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Field_No_Access' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Fields_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Filled' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Mode_Installed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Mode_Monitor' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Loading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Meter_Assistive' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Meter_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Meter_Text' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_No_Policy' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_No_Policy_Match' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_No_Rules' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Reason_Missing' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Button' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Cancel' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Close' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Due' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Failed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Intro' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Reason' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Sent' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Submit' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Request_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Required' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Required_Legend' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Retry' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Save' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Save_Failed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Saved_Toast' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Segment_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Segment_Live' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Segment_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Segment_Not_Saved' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Segment_Why' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Skipped' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Sla_Breached' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Sla_Due' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Sla_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Sla_Met' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Sla_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Sla_Paused' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Sla_Remaining' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Sla_Remaining_Days' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Someone' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Summary_Copied' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Summary_Copy' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Summary_Copy_Failed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Summary_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Summary_Intro' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Summary_Plain_Text' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Summary_Print' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Summary_Unsaved' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Tier_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Unsaved' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Account' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Account_Executive' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Amount' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Close_Date' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Not_Provided' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Section_Next_Steps' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Section_Promised' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Section_Risks' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Section_Wants' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Section_Who' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Segment' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Summary_Truncated' {
  const label: string;
  export default label;
}

declare module '@salesforce/apex/HandoffPanelController.getPrefillSources' {
  /** Wire adapter (cacheable): the deal's pre-fill mappings, sources, current values and field types. */
  export default function getPrefillSources(params: { opportunityId?: string }): Promise<unknown>;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Intro' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Accept_All' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Accept' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Accept_Field' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Dismiss' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Dismiss_Field' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Suggested' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_From_Role' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_From_Roles' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_From_Competitors' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_From_Products' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_From_Field' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_From_Last_Handoff' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_From_Last_Handoff_Undated' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Ambiguous' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Projected' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Prefill_Unavailable' {
  const label: string;
  export default label;
}

declare module '@salesforce/apex/HandoffAiDraftController.isAvailable' {
  /** Wire adapter (cacheable): whether the running user may draft with AI (the AI package is deployed). */
  export default function isAvailable(): Promise<boolean>;
}

declare module '@salesforce/apex/HandoffAiDraftController.draft' {
  /** The AI's suggestions for the deal's empty drafted fields, in the pre-fill shape (source 'AI'). */
  export default function draft(params: { opportunityId?: string }): Promise<
    {
      field: string;
      value: string;
      displayValue: string;
      source: string;
      mapping: string;
      detail: string;
      ambiguous: boolean;
    }[]
  >;
}

declare module '@salesforce/label/c.Handoff_Panel_Ai_Draft' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Ai_Drafting' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Ai_Source' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Panel_Ai_None' {
  const label: string;
  export default label;
}
