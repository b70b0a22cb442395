/**
 * Type declarations for the modules c/handoffGoLive and c/handoffBeforeAfter import:
 * HandoffGoLiveController, HandoffBaselineComparison and the custom labels of
 * labels/HandoffGoLive.labels-meta.xml. Platform modules are declared once in
 * lightning-platform.d.ts.
 */

declare namespace HandoffGoLiveTypes {
  /** HandoffGoLive.View (dates as YYYY-MM-DD). */
  interface View {
    handoffId: string;
    closedOn?: string | null;
    targetGoLive?: string | null;
    goLiveDate?: string | null;
    recordedAt?: string | null;
    daysToGoLive?: number | null;
    daysVsTarget?: number | null;
    canRecord: boolean;
  }
  /** HandoffGoLive.Result. */
  interface Result {
    corrected: boolean;
    previousDate?: string | null;
    goLiveDate: string;
    message: string;
  }
  /** HandoffBaselineComparison.Figure. */
  interface Figure {
    key: string;
    before?: number | null;
    after?: number | null;
    afterCount?: number | null;
    changePercent?: number | null;
    status: string;
    lowerIsBetter: boolean;
  }
  /** HandoffBaselineComparison.Comparison. */
  interface Comparison {
    hasBaseline: boolean;
    launchDate?: string | null;
    baselinePeriod?: string | null;
    baselineDeals?: number | null;
    afterHandoffs?: number | null;
    targetPercent: number;
    guidance?: string | null;
    figures: Figure[];
  }
}

declare module '@salesforce/apex/HandoffGoLiveController.getGoLive' {
  /** Target vs actual go-live of a handoff. */
  export default function getGoLive(params: {
    handoffId: string;
  }): Promise<HandoffGoLiveTypes.View>;
}
declare module '@salesforce/apex/HandoffGoLiveController.recordGoLive' {
  /** Records or corrects the go-live date (YYYY-MM-DD). */
  export default function recordGoLive(params: {
    handoffId: string;
    goLiveDate: string;
  }): Promise<HandoffGoLiveTypes.Result>;
}
declare module '@salesforce/apex/HandoffBaselineComparison.getComparison' {
  /** Before (the baseline) and after launch. */
  export default function getComparison(): Promise<HandoffGoLiveTypes.Comparison>;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_After' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Before' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Change' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Completion' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Error' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_First_Touch' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Go_Live' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Met' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Metric' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_No_Baseline' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_No_Data' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_No_Launch' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Not_Met' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Summary' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Target' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_BeforeAfter_Title' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Actual' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Cancel' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Correct' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Correct_Warning' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Corrected' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Date_Help' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Date_Label' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Days' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Early' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Error_Before_Close' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Error_Date_Required' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Error_Future' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Error_No_Access' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Error_Not_Found' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Error_Unexpected' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Late' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Load_Error' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_No_Target' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Not_Recorded' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_On_Target' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Record' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Recorded' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Save' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Target' {
  const label: string;
  export default label;
}
declare module '@salesforce/label/c.Handoff_GoLive_Title' {
  const label: string;
  export default label;
}
