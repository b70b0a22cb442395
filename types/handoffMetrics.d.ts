/**
 * Type declarations for the modules c/handoffMetricsDashboard imports: its Apex methods
 * (HandoffMetricsController.getDashboard, getAeTime and getFieldRelevance, each a JSON string
 * read by `parseDashboard`, `parseAeTime` and `parseFieldRelevance` of c/handoffMetrics) and its
 * custom labels
 * (labels/HandoffMetrics.labels-meta.xml). Platform modules are declared once for every
 * component in lightning-platform.d.ts.
 */

declare module '@salesforce/apex/HandoffMetricsController.getDashboard' {
  /**
   * Wire adapter (cacheable): the dashboard for a segment (null = every segment) over the last
   * `months` months, as JSON (see the `Dashboard` type of c/handoffMetrics).
   */
  export default function getDashboard(params: {
    segment: string | null;
    months: number;
  }): Promise<string>;
}

declare module '@salesforce/apex/HandoffMetricsController.getAeTime' {
  /**
   * Wire adapter (cacheable): the AE's time over the window, as JSON (see the `AeTimeData` type
   * of c/handoffMetrics).
   */
  export default function getAeTime(params: {
    segment: string | null;
    months: number;
  }): Promise<string>;
}

declare module '@salesforce/apex/HandoffMetricsController.getFieldRelevance' {
  /**
   * Wire adapter (cacheable): the field relevance rows over the window, as JSON (see the
   * `FieldRelevanceData` type of c/handoffMetrics).
   */
  export default function getFieldRelevance(params: {
    segment: string | null;
    months: number;
  }): Promise<string>;
}

declare module '@salesforce/label/c.Handoff_Metrics_Ae_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Ae_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Ae_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Ae_Measured' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Ae_Median' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Ae_Name' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Ae_Overall' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Ae_Prefilled' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Breakdown_Csm' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Breakdown_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Breakdown_Handoffs' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Breakdown_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Breakdown_Name' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Breakdown_Segment' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Breakdown_Team' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Breakdown_Unknown' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Chart_Desc' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Chart_Desc_Breaches' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Chart_Desc_No_Breach' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Chart_Desc_No_Value' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Chart_Desc_Target' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Chart_Desc_Threshold' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Error_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Error_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Filter_All_Segments' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Filter_Period' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Filter_Period_Option' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Filter_Segment' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Filters' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Flag_Action' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Flag_Month_Above' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Flag_Month_Below' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Flag_Streak_Above' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Flag_Streak_Below' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Flags_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Flags_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Completion' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Current' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Dates' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Done' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Extend' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Flag_Above' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Flag_Below' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Handoffs' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_No_Flags' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_No_Start' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Open_Exceptions' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Repeat_Asks' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Upcoming' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Hypercare_Week' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Ae_Minutes' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Average' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Completion' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Count' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Escalation' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Exception' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_First_Touch' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Flag_Up' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Latest' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Median' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_No_Target' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_No_Threshold' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Prefilled' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Repeat_Ask' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Return' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Target' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Threshold_Above' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Threshold_Below' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Within_Sla' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpis_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Legend_Past' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Legend_Target' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Legend_Threshold' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Loading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Metric_Avg_First_Touch' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Metric_Open_Exceptions' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Metric_Repeat_Ask_Count' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_No_Data' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_No_Handoffs' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Open_Dashboard' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Refresh' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Refreshed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Asked_Again' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Blocked' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Caveat' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Excepted' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Field' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Items_Missing' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Missing' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Prefilled' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Relevance_Segment' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Report_Link' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Reports_All' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Reports_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Retry' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Blocked' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Blocked_One' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Enforce' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Installed' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Monitor' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot_Compare' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot_Compare_One' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot_None' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Section_Error' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Section_Truncated' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Sorted_Ascending' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Sorted_Descending' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Status_Breach' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Status_No_Data' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Status_Ok' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Status_On_Target' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Status_Unset' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Status_Watch' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Subtitle' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Table_Month' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Table_Past_Threshold' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Table_Status' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Table_Within' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Title' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Trend_Volume' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Trends_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Value_Hours' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Value_Minutes' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Value_Percent' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Quality_Score' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Quality_Below_3' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Kpi_Days_To_Go_Live' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Value_Days' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Value_Score' {
  const label: string;
  export default label;
}

declare module '@salesforce/apex/HandoffMetricsController.getQuality' {
  /**
   * Wire adapter (cacheable): handoff quality over the window, as JSON (see the `QualityData`
   * type of c/handoffMetrics).
   */
  export default function getQuality(params: {
    segment: string | null;
    months: number;
  }): Promise<string>;
}

declare module '@salesforce/apex/HandoffMetricsController.getGoLive' {
  /**
   * Wire adapter (cacheable): time to first value over the window, as JSON (see the
   * `GoLiveData` type of c/handoffMetrics).
   */
  export default function getGoLive(params: {
    segment: string | null;
    months: number;
  }): Promise<string>;
}

declare module '@salesforce/apex/HandoffMetricsController.getNewPeople' {
  /**
   * Wire adapter (cacheable): the people new to the process in the current quarter, as JSON
   * (see the `NewPeopleData` type of c/handoffMetrics).
   */
  export default function getNewPeople(params: { segment: string | null }): Promise<string>;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Overall' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Rated' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Average' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Below_3' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Fields' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_No_Fields' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Quality_Field_Count' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Fields_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Fields_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Fields_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Fields_Field' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Fields_Count' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_Overall' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_Segment' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_Count' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_Median' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_On_Target' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Go_Live_Late' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_New_People_Heading' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_New_People_Help' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_New_People_Empty' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_New_People_Person' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_New_People_Role' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_New_People_So_Far' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_New_People_Completion' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_New_People_Score' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Role_Ae' {
  const label: string;
  export default label;
}

declare module '@salesforce/label/c.Handoff_Metrics_Role_Csm' {
  const label: string;
  export default label;
}
