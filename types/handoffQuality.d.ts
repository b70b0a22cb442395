/**
 * Handoff quality (issue 17; docs/behaviour.md, "Handoff quality"): the Apex methods the
 * quality question and the AE's card call, and their custom labels (HandoffQuality).
 */
declare namespace HandoffQuality {
  /** The CSM's answer (HandoffQuality.Answer). */
  interface Answer {
    score: number | null;
    gapFields: string[];
    skipped: boolean;
    skipReason: string;
  }

  /** The AE's question on the panel (HandoffQuality.FeedbackView). */
  interface FeedbackView {
    handoffId?: string | null;
    canAnswer: boolean;
    feedback?: string | null;
    answeredAt?: string | null;
  }
}

declare module '@salesforce/apex/HandoffIntakeController.acceptHandoffWithAnswer' {
  /** Accepts a handoff with the CSM's answer, in one save. */
  export default function acceptHandoffWithAnswer(params: {
    handoffId: string;
    answer: HandoffQuality.Answer;
  }): Promise<void>;
}

declare module '@salesforce/apex/HandoffIntakeController.returnToSalesWithAnswer' {
  /** Returns a handoff to Sales with the CSM's answer, in one save. */
  export default function returnToSalesWithAnswer(params: {
    handoffId: string;
    reasons: string[];
    notes: string;
    dueDate: string | null;
    answer: HandoffQuality.Answer;
  }): Promise<void>;
}

declare module '@salesforce/apex/HandoffIntakeController.getQualityFieldOptions' {
  /** The deal's rule set fields the CSM may name missing or wrong. */
  export default function getQualityFieldOptions(params: {
    handoffId: string;
  }): Promise<HandoffIntake.Option[]>;
}

declare module '@salesforce/apex/HandoffPanelController.getAeFeedback' {
  /** The AE's question on the deal's latest handoff (cacheable). */
  export default function getAeFeedback(params: {
    opportunityId: string;
  }): Promise<HandoffQuality.FeedbackView>;
}

declare module '@salesforce/apex/HandoffPanelController.saveAeFeedback' {
  /** Saves the AE's answer. */
  export default function saveAeFeedback(params: {
    handoffId: string;
    feedback: string;
  }): Promise<HandoffQuality.FeedbackView>;
}

declare module '@salesforce/label/c.Handoff_Quality_Accept_Description' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Error_Gap_Field' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Error_Gaps_Need_Low_Score' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Error_No_Answer' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Error_Score' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Error_Score_And_Skip' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Error_Skip_Reason' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Error_Skip_Too_Long' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Answer' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Blank' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Error_Answered' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Error_Blank' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Error_Not_Asked' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Error_Only_Ae' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Error_Too_Long' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Failed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Not_Now' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Question' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Send' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Thanks' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Feedback_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Gap_Fields' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Gap_Fields_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Gap_Fields_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Invalid' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Notify_Ae_Body' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Notify_Ae_Digest' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Notify_Ae_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Question' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Scale_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Skip' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Quality_Skip_Reason' {
  const label: string;
  export default label;
}
