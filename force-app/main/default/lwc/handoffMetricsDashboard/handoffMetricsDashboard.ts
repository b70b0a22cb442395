/**
 * @description Handoff health dashboard for leaders and RevOps (the Handoff Metrics app page) and,
 * in its compact form, for the Handoff app's home page: KPI tiles against their targets and
 * red-flag thresholds (Handoff_Health_Threshold__mdt), monthly trend charts drawn as SVG, a
 * breakdown by segment, Sales team and CSM, the red flags of the maintenance schedule with
 * their actions, the hypercare weeks after go-live, and links into the Handoff reports. A line
 * under the title says the rollout mode (Handoff_Setting__mdt.Default.Rollout_Mode__c) and, in
 * Monitor and Pilot, how many closes the gate would have blocked and how the pilot compares.
 *
 * Data: one cacheable Apex read, HandoffMetricsController.getDashboard(segment, months), which
 * answers from monthly snapshot records and aggregates (never raw rows) as a JSON string. All
 * arithmetic (KPIs, streaks, hypercare) is c/handoffMetrics, the module the command-line health
 * check and the Apex health check's vectors share.
 *
 * The AE's time and field relevance (issue 16) come from two more cacheable reads of the same
 * window, getAeTime and getFieldRelevance, which read the handoffs live (a median needs the
 * values): the AE-time months join the dashboard's months (withAeTime), so the AE tiles, trends
 * and red flag work like the others; the per-AE table and the field relevance table are their own
 * sections, each with its own loading, error, empty and truncated states.
 *
 * Issue 17 adds three live reads the same way (docs/metrics.md, "Handoff quality", "Time to
 * first value", "New people"): getQuality and getGoLive join their months for the tiles, trends
 * and red flags, and feed the per-AE quality table, the fields named most and the per-segment
 * go-live table; getNewPeople (the current quarter, the segment filter only) feeds the quarterly
 * review's "New to the process" table. Each section has the same four states.
 */
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getDashboard from '@salesforce/apex/HandoffMetricsController.getDashboard';
import getAeTime from '@salesforce/apex/HandoffMetricsController.getAeTime';
import getFieldRelevance from '@salesforce/apex/HandoffMetricsController.getFieldRelevance';
import getQuality from '@salesforce/apex/HandoffMetricsController.getQuality';
import getGoLive from '@salesforce/apex/HandoffMetricsController.getGoLive';
import getNewPeople from '@salesforce/apex/HandoffMetricsController.getNewPeople';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import {
  KPI_DEFINITIONS,
  averageScore,
  breaches,
  completionRate,
  computeKpis,
  evaluateHypercare,
  evaluateRedFlags,
  fillWindow,
  metricValue,
  parseAeTime,
  parseDashboard,
  parseFieldRelevance,
  parseGoLive,
  parseNewPeople,
  parseQuality,
  poolCounts,
  LIVE_READ_MAX_HANDOFFS,
  prefilledShare,
  withAeTime,
  withGoLive,
  withQuality
} from 'c/handoffMetrics';
import { DEFAULT_WIDTH, layoutChart } from './chart';

import TITLE from '@salesforce/label/c.Handoff_Metrics_Title';
import SUBTITLE from '@salesforce/label/c.Handoff_Metrics_Subtitle';
import LOADING from '@salesforce/label/c.Handoff_Metrics_Loading';
import ERROR_TITLE from '@salesforce/label/c.Handoff_Metrics_Error_Title';
import ERROR_HELP from '@salesforce/label/c.Handoff_Metrics_Error_Help';
import RETRY from '@salesforce/label/c.Handoff_Metrics_Retry';
import REFRESH from '@salesforce/label/c.Handoff_Metrics_Refresh';
import REFRESHED from '@salesforce/label/c.Handoff_Metrics_Refreshed';
import FILTERS from '@salesforce/label/c.Handoff_Metrics_Filters';
import FILTER_PERIOD from '@salesforce/label/c.Handoff_Metrics_Filter_Period';
import FILTER_PERIOD_OPTION from '@salesforce/label/c.Handoff_Metrics_Filter_Period_Option';
import FILTER_SEGMENT from '@salesforce/label/c.Handoff_Metrics_Filter_Segment';
import FILTER_ALL_SEGMENTS from '@salesforce/label/c.Handoff_Metrics_Filter_All_Segments';
import EMPTY from '@salesforce/label/c.Handoff_Metrics_Empty';
import NO_DATA from '@salesforce/label/c.Handoff_Metrics_No_Data';
import NO_HANDOFFS from '@salesforce/label/c.Handoff_Metrics_No_Handoffs';
import VALUE_PERCENT from '@salesforce/label/c.Handoff_Metrics_Value_Percent';
import VALUE_HOURS from '@salesforce/label/c.Handoff_Metrics_Value_Hours';
import KPIS_HEADING from '@salesforce/label/c.Handoff_Metrics_Kpis_Heading';
import KPI_COMPLETION from '@salesforce/label/c.Handoff_Metrics_Kpi_Completion';
import KPI_FIRST_TOUCH from '@salesforce/label/c.Handoff_Metrics_Kpi_First_Touch';
import KPI_WITHIN_SLA from '@salesforce/label/c.Handoff_Metrics_Kpi_Within_Sla';
import KPI_ESCALATION from '@salesforce/label/c.Handoff_Metrics_Kpi_Escalation';
import KPI_EXCEPTION from '@salesforce/label/c.Handoff_Metrics_Kpi_Exception';
import KPI_RETURN from '@salesforce/label/c.Handoff_Metrics_Kpi_Return';
import KPI_REPEAT_ASK from '@salesforce/label/c.Handoff_Metrics_Kpi_Repeat_Ask';
import KPI_MEDIAN from '@salesforce/label/c.Handoff_Metrics_Kpi_Median';
import KPI_AVERAGE from '@salesforce/label/c.Handoff_Metrics_Kpi_Average';
import KPI_COUNT from '@salesforce/label/c.Handoff_Metrics_Kpi_Count';
import KPI_TARGET from '@salesforce/label/c.Handoff_Metrics_Kpi_Target';
import KPI_NO_TARGET from '@salesforce/label/c.Handoff_Metrics_Kpi_No_Target';
import KPI_THRESHOLD_BELOW from '@salesforce/label/c.Handoff_Metrics_Kpi_Threshold_Below';
import KPI_THRESHOLD_ABOVE from '@salesforce/label/c.Handoff_Metrics_Kpi_Threshold_Above';
import KPI_NO_THRESHOLD from '@salesforce/label/c.Handoff_Metrics_Kpi_No_Threshold';
import KPI_FLAG_UP from '@salesforce/label/c.Handoff_Metrics_Kpi_Flag_Up';
import KPI_LATEST from '@salesforce/label/c.Handoff_Metrics_Kpi_Latest';
import STATUS_ON_TARGET from '@salesforce/label/c.Handoff_Metrics_Status_On_Target';
import STATUS_OK from '@salesforce/label/c.Handoff_Metrics_Status_Ok';
import STATUS_WATCH from '@salesforce/label/c.Handoff_Metrics_Status_Watch';
import STATUS_BREACH from '@salesforce/label/c.Handoff_Metrics_Status_Breach';
import STATUS_NO_DATA from '@salesforce/label/c.Handoff_Metrics_Status_No_Data';
import STATUS_UNSET from '@salesforce/label/c.Handoff_Metrics_Status_Unset';
import REPORT_LINK from '@salesforce/label/c.Handoff_Metrics_Report_Link';
import TRENDS_HEADING from '@salesforce/label/c.Handoff_Metrics_Trends_Heading';
import TREND_VOLUME from '@salesforce/label/c.Handoff_Metrics_Trend_Volume';
import CHART_DESC from '@salesforce/label/c.Handoff_Metrics_Chart_Desc';
import CHART_DESC_THRESHOLD from '@salesforce/label/c.Handoff_Metrics_Chart_Desc_Threshold';
import CHART_DESC_TARGET from '@salesforce/label/c.Handoff_Metrics_Chart_Desc_Target';
import CHART_DESC_BREACHES from '@salesforce/label/c.Handoff_Metrics_Chart_Desc_Breaches';
import CHART_DESC_NO_BREACH from '@salesforce/label/c.Handoff_Metrics_Chart_Desc_No_Breach';
import CHART_DESC_NO_VALUE from '@salesforce/label/c.Handoff_Metrics_Chart_Desc_No_Value';
import TABLE_MONTH from '@salesforce/label/c.Handoff_Metrics_Table_Month';
import TABLE_STATUS from '@salesforce/label/c.Handoff_Metrics_Table_Status';
import TABLE_PAST_THRESHOLD from '@salesforce/label/c.Handoff_Metrics_Table_Past_Threshold';
import TABLE_WITHIN from '@salesforce/label/c.Handoff_Metrics_Table_Within';
import LEGEND_THRESHOLD from '@salesforce/label/c.Handoff_Metrics_Legend_Threshold';
import LEGEND_TARGET from '@salesforce/label/c.Handoff_Metrics_Legend_Target';
import LEGEND_PAST from '@salesforce/label/c.Handoff_Metrics_Legend_Past';
import BREAKDOWN_HEADING from '@salesforce/label/c.Handoff_Metrics_Breakdown_Heading';
import BREAKDOWN_SEGMENT from '@salesforce/label/c.Handoff_Metrics_Breakdown_Segment';
import BREAKDOWN_TEAM from '@salesforce/label/c.Handoff_Metrics_Breakdown_Team';
import BREAKDOWN_CSM from '@salesforce/label/c.Handoff_Metrics_Breakdown_Csm';
import BREAKDOWN_EMPTY from '@salesforce/label/c.Handoff_Metrics_Breakdown_Empty';
import BREAKDOWN_NAME from '@salesforce/label/c.Handoff_Metrics_Breakdown_Name';
import BREAKDOWN_HANDOFFS from '@salesforce/label/c.Handoff_Metrics_Breakdown_Handoffs';
import BREAKDOWN_UNKNOWN from '@salesforce/label/c.Handoff_Metrics_Breakdown_Unknown';
import SORTED_ASCENDING from '@salesforce/label/c.Handoff_Metrics_Sorted_Ascending';
import SORTED_DESCENDING from '@salesforce/label/c.Handoff_Metrics_Sorted_Descending';
import FLAGS_HEADING from '@salesforce/label/c.Handoff_Metrics_Flags_Heading';
import FLAGS_NONE from '@salesforce/label/c.Handoff_Metrics_Flags_None';
import FLAG_MONTH_BELOW from '@salesforce/label/c.Handoff_Metrics_Flag_Month_Below';
import FLAG_MONTH_ABOVE from '@salesforce/label/c.Handoff_Metrics_Flag_Month_Above';
import FLAG_STREAK_BELOW from '@salesforce/label/c.Handoff_Metrics_Flag_Streak_Below';
import FLAG_STREAK_ABOVE from '@salesforce/label/c.Handoff_Metrics_Flag_Streak_Above';
import FLAG_ACTION from '@salesforce/label/c.Handoff_Metrics_Flag_Action';
import METRIC_AVG_FIRST_TOUCH from '@salesforce/label/c.Handoff_Metrics_Metric_Avg_First_Touch';
import METRIC_REPEAT_ASK_COUNT from '@salesforce/label/c.Handoff_Metrics_Metric_Repeat_Ask_Count';
import METRIC_OPEN_EXCEPTIONS from '@salesforce/label/c.Handoff_Metrics_Metric_Open_Exceptions';
import HYPERCARE_HEADING from '@salesforce/label/c.Handoff_Metrics_Hypercare_Heading';
import HYPERCARE_NO_START from '@salesforce/label/c.Handoff_Metrics_Hypercare_No_Start';
import HYPERCARE_WEEK from '@salesforce/label/c.Handoff_Metrics_Hypercare_Week';
import HYPERCARE_DATES from '@salesforce/label/c.Handoff_Metrics_Hypercare_Dates';
import HYPERCARE_UPCOMING from '@salesforce/label/c.Handoff_Metrics_Hypercare_Upcoming';
import HYPERCARE_CURRENT from '@salesforce/label/c.Handoff_Metrics_Hypercare_Current';
import HYPERCARE_DONE from '@salesforce/label/c.Handoff_Metrics_Hypercare_Done';
import HYPERCARE_HANDOFFS from '@salesforce/label/c.Handoff_Metrics_Hypercare_Handoffs';
import HYPERCARE_COMPLETION from '@salesforce/label/c.Handoff_Metrics_Hypercare_Completion';
import HYPERCARE_REPEAT_ASKS from '@salesforce/label/c.Handoff_Metrics_Hypercare_Repeat_Asks';
import HYPERCARE_OPEN_EXCEPTIONS from '@salesforce/label/c.Handoff_Metrics_Hypercare_Open_Exceptions';
import HYPERCARE_FLAG_BELOW from '@salesforce/label/c.Handoff_Metrics_Hypercare_Flag_Below';
import HYPERCARE_FLAG_ABOVE from '@salesforce/label/c.Handoff_Metrics_Hypercare_Flag_Above';
import HYPERCARE_EXTEND from '@salesforce/label/c.Handoff_Metrics_Hypercare_Extend';
import HYPERCARE_NO_FLAGS from '@salesforce/label/c.Handoff_Metrics_Hypercare_No_Flags';
import REPORTS_HEADING from '@salesforce/label/c.Handoff_Metrics_Reports_Heading';
import REPORTS_ALL from '@salesforce/label/c.Handoff_Metrics_Reports_All';
import OPEN_DASHBOARD from '@salesforce/label/c.Handoff_Metrics_Open_Dashboard';
import ROLLOUT_INSTALLED from '@salesforce/label/c.Handoff_Metrics_Rollout_Installed';
import ROLLOUT_MONITOR from '@salesforce/label/c.Handoff_Metrics_Rollout_Monitor';
import ROLLOUT_PILOT from '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot';
import ROLLOUT_ENFORCE from '@salesforce/label/c.Handoff_Metrics_Rollout_Enforce';
import ROLLOUT_BLOCKED from '@salesforce/label/c.Handoff_Metrics_Rollout_Blocked';
import ROLLOUT_BLOCKED_ONE from '@salesforce/label/c.Handoff_Metrics_Rollout_Blocked_One';
import ROLLOUT_PILOT_COMPARE from '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot_Compare';
import ROLLOUT_PILOT_COMPARE_ONE from '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot_Compare_One';
import ROLLOUT_PILOT_NONE from '@salesforce/label/c.Handoff_Metrics_Rollout_Pilot_None';
import VALUE_MINUTES from '@salesforce/label/c.Handoff_Metrics_Value_Minutes';
import KPI_AE_MINUTES from '@salesforce/label/c.Handoff_Metrics_Kpi_Ae_Minutes';
import KPI_PREFILLED from '@salesforce/label/c.Handoff_Metrics_Kpi_Prefilled';
import KPI_QUALITY_SCORE from '@salesforce/label/c.Handoff_Metrics_Kpi_Quality_Score';
import KPI_QUALITY_BELOW_3 from '@salesforce/label/c.Handoff_Metrics_Kpi_Quality_Below_3';
import KPI_DAYS_TO_GO_LIVE from '@salesforce/label/c.Handoff_Metrics_Kpi_Days_To_Go_Live';
import VALUE_DAYS from '@salesforce/label/c.Handoff_Metrics_Value_Days';
import VALUE_SCORE from '@salesforce/label/c.Handoff_Metrics_Value_Score';
import AE_HEADING from '@salesforce/label/c.Handoff_Metrics_Ae_Heading';
import AE_HELP from '@salesforce/label/c.Handoff_Metrics_Ae_Help';
import AE_OVERALL from '@salesforce/label/c.Handoff_Metrics_Ae_Overall';
import AE_NAME from '@salesforce/label/c.Handoff_Metrics_Ae_Name';
import AE_MEASURED from '@salesforce/label/c.Handoff_Metrics_Ae_Measured';
import AE_MEDIAN from '@salesforce/label/c.Handoff_Metrics_Ae_Median';
import AE_PREFILLED from '@salesforce/label/c.Handoff_Metrics_Ae_Prefilled';
import AE_EMPTY from '@salesforce/label/c.Handoff_Metrics_Ae_Empty';
import SECTION_ERROR from '@salesforce/label/c.Handoff_Metrics_Section_Error';
import SECTION_TRUNCATED from '@salesforce/label/c.Handoff_Metrics_Section_Truncated';
import RELEVANCE_HEADING from '@salesforce/label/c.Handoff_Metrics_Relevance_Heading';
import RELEVANCE_CAVEAT from '@salesforce/label/c.Handoff_Metrics_Relevance_Caveat';
import RELEVANCE_EMPTY from '@salesforce/label/c.Handoff_Metrics_Relevance_Empty';
import RELEVANCE_FIELD from '@salesforce/label/c.Handoff_Metrics_Relevance_Field';
import RELEVANCE_SEGMENT from '@salesforce/label/c.Handoff_Metrics_Relevance_Segment';
import RELEVANCE_MISSING from '@salesforce/label/c.Handoff_Metrics_Relevance_Missing';
import RELEVANCE_BLOCKED from '@salesforce/label/c.Handoff_Metrics_Relevance_Blocked';
import RELEVANCE_EXCEPTED from '@salesforce/label/c.Handoff_Metrics_Relevance_Excepted';
import RELEVANCE_PREFILLED from '@salesforce/label/c.Handoff_Metrics_Relevance_Prefilled';
import RELEVANCE_ITEMS_MISSING from '@salesforce/label/c.Handoff_Metrics_Relevance_Items_Missing';
import RELEVANCE_ASKED_AGAIN from '@salesforce/label/c.Handoff_Metrics_Relevance_Asked_Again';
import QUALITY_HEADING from '@salesforce/label/c.Handoff_Metrics_Quality_Heading';
import QUALITY_HELP from '@salesforce/label/c.Handoff_Metrics_Quality_Help';
import QUALITY_OVERALL from '@salesforce/label/c.Handoff_Metrics_Quality_Overall';
import QUALITY_EMPTY from '@salesforce/label/c.Handoff_Metrics_Quality_Empty';
import QUALITY_RATED from '@salesforce/label/c.Handoff_Metrics_Quality_Rated';
import QUALITY_AVERAGE from '@salesforce/label/c.Handoff_Metrics_Quality_Average';
import QUALITY_BELOW_3 from '@salesforce/label/c.Handoff_Metrics_Quality_Below_3';
import QUALITY_FIELDS from '@salesforce/label/c.Handoff_Metrics_Quality_Fields';
import QUALITY_NO_FIELDS from '@salesforce/label/c.Handoff_Metrics_Quality_No_Fields';
import QUALITY_FIELD_COUNT from '@salesforce/label/c.Handoff_Metrics_Quality_Field_Count';
import FIELDS_HEADING from '@salesforce/label/c.Handoff_Metrics_Fields_Heading';
import FIELDS_HELP from '@salesforce/label/c.Handoff_Metrics_Fields_Help';
import FIELDS_EMPTY from '@salesforce/label/c.Handoff_Metrics_Fields_Empty';
import FIELDS_FIELD from '@salesforce/label/c.Handoff_Metrics_Fields_Field';
import FIELDS_COUNT from '@salesforce/label/c.Handoff_Metrics_Fields_Count';
import GO_LIVE_HEADING from '@salesforce/label/c.Handoff_Metrics_Go_Live_Heading';
import GO_LIVE_HELP from '@salesforce/label/c.Handoff_Metrics_Go_Live_Help';
import GO_LIVE_OVERALL from '@salesforce/label/c.Handoff_Metrics_Go_Live_Overall';
import GO_LIVE_EMPTY from '@salesforce/label/c.Handoff_Metrics_Go_Live_Empty';
import GO_LIVE_SEGMENT from '@salesforce/label/c.Handoff_Metrics_Go_Live_Segment';
import GO_LIVE_COUNT from '@salesforce/label/c.Handoff_Metrics_Go_Live_Count';
import GO_LIVE_MEDIAN from '@salesforce/label/c.Handoff_Metrics_Go_Live_Median';
import GO_LIVE_ON_TARGET from '@salesforce/label/c.Handoff_Metrics_Go_Live_On_Target';
import GO_LIVE_LATE from '@salesforce/label/c.Handoff_Metrics_Go_Live_Late';
import NEW_PEOPLE_HEADING from '@salesforce/label/c.Handoff_Metrics_New_People_Heading';
import NEW_PEOPLE_HELP from '@salesforce/label/c.Handoff_Metrics_New_People_Help';
import NEW_PEOPLE_EMPTY from '@salesforce/label/c.Handoff_Metrics_New_People_Empty';
import NEW_PEOPLE_PERSON from '@salesforce/label/c.Handoff_Metrics_New_People_Person';
import NEW_PEOPLE_ROLE from '@salesforce/label/c.Handoff_Metrics_New_People_Role';
import NEW_PEOPLE_SO_FAR from '@salesforce/label/c.Handoff_Metrics_New_People_So_Far';
import NEW_PEOPLE_COMPLETION from '@salesforce/label/c.Handoff_Metrics_New_People_Completion';
import NEW_PEOPLE_SCORE from '@salesforce/label/c.Handoff_Metrics_New_People_Score';
import ROLE_AE from '@salesforce/label/c.Handoff_Metrics_Role_Ae';
import ROLE_CSM from '@salesforce/label/c.Handoff_Metrics_Role_Csm';

// Types through import() so that ESLint's Babel scope analysis sees no unused import.
type AeTimeData = import('c/handoffMetrics').AeTimeData;
type GoLiveData = import('c/handoffMetrics').GoLiveData;
type QualityData = import('c/handoffMetrics').QualityData;
type NewPeopleData = import('c/handoffMetrics').NewPeopleData;
type NamedCount = import('c/handoffMetrics').NamedCount;
type FieldRelevanceData = import('c/handoffMetrics').FieldRelevanceData;
type BreakdownRow = import('c/handoffMetrics').BreakdownRow;
type CountFields = import('c/handoffMetrics').CountFields;
type Dashboard = import('c/handoffMetrics').Dashboard;
type FlagResult = import('c/handoffMetrics').FlagResult;
type HypercareFlag = import('c/handoffMetrics').HypercareFlag;
type HypercareResult = import('c/handoffMetrics').HypercareResult;
type KpiDefinition = import('c/handoffMetrics').KpiDefinition;
type KpiKey = import('c/handoffMetrics').KpiKey;
type KpiStatus = import('c/handoffMetrics').KpiStatus;
type PeriodCounts = import('c/handoffMetrics').PeriodCounts;
type RolloutMode = import('c/handoffMetrics').RolloutMode;
type Unit = import('c/handoffMetrics').Unit;
type ChartGeometry = import('./chart').ChartGeometry;
type ChartPoint = import('./chart').ChartPoint;

/** Period filter choices, in months. */
export const PERIOD_CHOICES = [3, 6, 12] as const;

/** The URL of the reports home (when no report matches a measure). */
export const REPORTS_HOME_URL = '/lightning/o/Report/home';

/** The Handoff Metrics app page (the compact view links to it). */
export const METRICS_PAGE_URL = '/lightning/n/Handoff_Metrics';

/** The report of the closes the gate would have blocked (Monitor and Pilot). */
export const WOULD_HAVE_BLOCKED_REPORT = 'Handoff_Would_Have_Blocked';

/** The report comparing pilot handoffs with the rest (Pilot). */
export const PILOT_REPORT = 'Handoff_Pilot_Comparison';

/** The rollout line's first sentence, by mode. */
const ROLLOUT_TEXT: Record<RolloutMode, string> = {
  Installed: ROLLOUT_INSTALLED,
  Monitor: ROLLOUT_MONITOR,
  Pilot: ROLLOUT_PILOT,
  Enforce: ROLLOUT_ENFORCE
};

/** Which reports a KPI drills into: the first report (by DeveloperName) whose name matches. */
const REPORT_PATTERNS: Record<KpiKey | 'volume', RegExp> = {
  volume: /complet|by_?month/i,
  completion: /complet/i,
  firstTouchMedian: /first_?touch/i,
  firstTouchWithinSla: /first_?touch|sla/i,
  escalation: /escalat/i,
  exception: /exception/i,
  return: /return/i,
  repeatAsk: /repeat/i,
  aeMinutes: /ae_?time/i,
  prefilledShare: /ae_?time|prefill/i,
  qualityScore: /quality/i,
  qualityBelow3: /quality/i,
  daysToGoLive: /go_?live|first_?value/i
};

const KPI_LABELS: Record<KpiKey, string> = {
  completion: KPI_COMPLETION,
  firstTouchMedian: KPI_FIRST_TOUCH,
  firstTouchWithinSla: KPI_WITHIN_SLA,
  escalation: KPI_ESCALATION,
  exception: KPI_EXCEPTION,
  return: KPI_RETURN,
  repeatAsk: KPI_REPEAT_ASK,
  aeMinutes: KPI_AE_MINUTES,
  prefilledShare: KPI_PREFILLED,
  qualityScore: KPI_QUALITY_SCORE,
  qualityBelow3: KPI_QUALITY_BELOW_3,
  daysToGoLive: KPI_DAYS_TO_GO_LIVE
};

/** Measure names for flags, by `Metric__c`. */
const METRIC_LABELS: Record<string, string> = {
  Completion_Rate: KPI_COMPLETION,
  First_Touch_Hours: KPI_FIRST_TOUCH,
  Avg_Hours_To_First_Touch: METRIC_AVG_FIRST_TOUCH,
  First_Touch_Within_SLA_Rate: KPI_WITHIN_SLA,
  Escalation_Rate: KPI_ESCALATION,
  Exception_Rate: KPI_EXCEPTION,
  Return_Rate: KPI_RETURN,
  Repeat_Ask_Rate: KPI_REPEAT_ASK,
  Repeat_Ask_Count: METRIC_REPEAT_ASK_COUNT,
  Open_Exception_Count: METRIC_OPEN_EXCEPTIONS,
  AE_Minutes_To_Complete: KPI_AE_MINUTES,
  Prefilled_Share: KPI_PREFILLED,
  Quality_Score_Average: KPI_QUALITY_SCORE,
  Quality_Below_3_Share: KPI_QUALITY_BELOW_3,
  Days_To_Go_Live: KPI_DAYS_TO_GO_LIVE
};

/** The KPIs read live (AE time, quality, go-live), each section with its own tables. */
const LIVE_KPIS: readonly KpiKey[] = [
  'aeMinutes',
  'prefilledShare',
  'qualityScore',
  'qualityBelow3',
  'daysToGoLive'
];

/**
 * The KPIs of the segment, team and CSM breakdowns: not the live-read ones, which the snapshots
 * behind those rows do not carry (their sections have their own per-AE and per-segment tables).
 */
const BREAKDOWN_KPIS: readonly KpiKey[] = KPI_DEFINITIONS.map((d) => d.key).filter(
  (key) => !LIVE_KPIS.includes(key)
);

const STATUS_TEXT: Record<KpiStatus, string> = {
  onTarget: STATUS_ON_TARGET,
  ok: STATUS_OK,
  watch: STATUS_WATCH,
  breach: STATUS_BREACH,
  noData: STATUS_NO_DATA,
  unset: STATUS_UNSET
};

const STATUS_BADGE: Record<KpiStatus, string> = {
  onTarget: 'slds-badge slds-theme_success',
  ok: 'slds-badge slds-theme_success',
  watch: 'slds-badge slds-theme_warning',
  breach: 'slds-badge slds-theme_error',
  noData: 'slds-badge slds-badge_lightest',
  unset: 'slds-badge slds-badge_lightest'
};

const STATUS_ICON: Record<KpiStatus, string> = {
  onTarget: 'utility:success',
  ok: 'utility:success',
  watch: 'utility:warning',
  breach: 'utility:error',
  noData: 'utility:info',
  unset: 'utility:info'
};

/** The tiles the compact (home page) view shows. */
const COMPACT_KPIS: readonly KpiKey[] = ['completion', 'firstTouchMedian', 'escalation'];

interface WiredDashboard {
  data?: string;
  error?: unknown;
}

interface ErrorLike {
  body?: { message?: string } | { message?: string }[];
  message?: string;
}

interface Option {
  label: string;
  value: string;
}

interface TileView {
  key: KpiKey;
  headingId: string;
  label: string;
  valueText: string;
  countText: string;
  basisText: string;
  statusText: string;
  statusBadge: string;
  statusIcon: string;
  targetText: string;
  thresholdText: string;
  /** a red flag of this measure is up: the status says so, and the latest month is shown */
  flagUp: boolean;
  latestText: string;
  className: string;
  url: string;
}

interface TableRow {
  key: string;
  month: string;
  value: string;
  statusText: string;
}

interface ChartView {
  key: string;
  title: string;
  titleId: string;
  descId: string;
  description: string;
  geometry: ChartGeometry;
  hasThreshold: boolean;
  hasTarget: boolean;
  rows: TableRow[];
  url: string;
  valueHeader: string;
}

interface FlagView {
  key: string;
  text: string;
  action: string;
  hasAction: boolean;
  /** the report of the flag's measure (the months behind it); '' for hypercare flags */
  url?: string;
}

interface BreakdownCell {
  key: string;
  text: string;
  className: string;
  isBreach: boolean;
}

interface BreakdownRowView {
  key: string;
  label: string;
  url: string;
  hasUrl: boolean;
  handoffs: string;
  cells: BreakdownCell[];
}

type BreakdownKey = 'segment' | 'team' | 'csm';
type SortDirection = 'ascending' | 'descending';

/** How a breakdown table is sorted: a column (`name`, `handoffs` or a KPI key) and direction. */
interface SortState {
  column: string;
  direction: SortDirection;
}

interface SortColumnView {
  key: string;
  label: string;
  /** `aria-sort` of the sorted column; absent on the others */
  ariaSort: SortDirection | undefined;
  isSorted: boolean;
  iconName: string;
}

interface BreakdownView {
  key: BreakdownKey;
  headingId: string;
  title: string;
  columns: SortColumnView[];
  rows: BreakdownRowView[];
  isEmpty: boolean;
}

type DetailKey = 'ae' | 'relevance' | 'quality' | 'qualityFields' | 'goLive' | 'newPeople';

/** Detail columns sorted as text (A to Z first); the others sort as numbers (largest first). */
const TEXT_COLUMNS: readonly string[] = ['name', 'segment', 'role', 'topFields'];

interface DetailCell {
  key: string;
  text: string;
}

interface DetailRowView {
  key: string;
  label: string;
  cells: DetailCell[];
}

/** A detail section (AE time, field relevance, quality, go-live, new people) in one state. */
interface DetailView {
  key: DetailKey;
  headingId: string;
  title: string;
  help: string;
  isLoading: boolean;
  hasError: boolean;
  errorText: string;
  isEmpty: boolean;
  emptyText: string;
  hasRows: boolean;
  truncatedText: string;
  columns: SortColumnView[];
  rows: DetailRowView[];
}

/** A column of a detail table: its label, and the number it sorts by (none: by the row label). */
interface DetailColumn<T> {
  key: string;
  label: string;
  value?: (row: T) => number | null;
  text?: (row: T) => string;
}

interface HypercareWeekView {
  key: string;
  headingId: string;
  title: string;
  dates: string;
  stateText: string;
  stateBadge: string;
  handoffs: string;
  completion: string;
  repeatAsks: string;
  openExceptions: string;
  flags: FlagView[];
  hasFlags: boolean;
  className: string;
}

interface RolloutView {
  mode: RolloutMode;
  modeText: string;
  /** Monitor and Pilot: the closes the gate would have blocked */
  showBlocked: boolean;
  blockedText: string;
  /** the Handoff_Would_Have_Blocked report, or '' when the viewer cannot see it */
  blockedUrl: string;
  /** Pilot: the pilot's handoffs and completion against the rest */
  showPilot: boolean;
  pilotText: string;
  /** the Handoff_Pilot_Comparison report, or '' when the viewer cannot see it */
  pilotUrl: string;
}

interface ReportLink {
  key: string;
  label: string;
  url: string;
}

function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (_match, index: string) =>
    String(values[Number(index)] ?? '')
  );
}

function errorMessage(error: unknown): string {
  const failure = (error ?? {}) as ErrorLike;
  const details = failure.body;
  const detail = Array.isArray(details) ? details[0] : details;
  return detail?.message ?? failure.message ?? String(error);
}

function recordUrl(objectApiName: string, recordId: string | null | undefined): string {
  return recordId ? `/lightning/r/${objectApiName}/${recordId}/view` : '';
}

const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const shortMonthFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', timeZone: 'UTC' });
const longMonthFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC'
});
const dayFormat = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC'
});

/** Fields or reasons with their counts, most often first: `Risks__c (2), Amount (1)`. */
function namedCounts(counts: readonly NamedCount[]): string {
  return counts.length
    ? counts
        .map((c) => format(QUALITY_FIELD_COUNT, c.name, numberFormat.format(c.count)))
        .join(', ')
    : QUALITY_NO_FIELDS;
}

function monthDate(period: string): Date {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1));
}

function dayDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

/** Today in the user's time zone, `YYYY-MM-DD`. */
function todayInUserZone(): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit'
  }).formatToParts(new Date());
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A value with its unit, in the user's locale. */
export function formatMeasure(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) {
    return NO_DATA;
  }
  const text = numberFormat.format(value);
  if (unit === 'Percent') {
    return format(VALUE_PERCENT, text);
  }
  if (unit === 'Minutes') {
    return format(VALUE_MINUTES, text);
  }
  if (unit === 'Days') {
    return format(VALUE_DAYS, text);
  }
  if (unit === 'Score') {
    return format(VALUE_SCORE, text);
  }
  return unit === 'Hours' ? format(VALUE_HOURS, text) : text;
}

/** The report a measure drills into, else the reports home. */
export function reportUrl(key: KpiKey | 'volume', reportIds: Record<string, string>): string {
  const name = Object.keys(reportIds)
    .sort()
    .find((n) => REPORT_PATTERNS[key].test(n));
  return name ? `/lightning/r/Report/${reportIds[name]}/view` : REPORTS_HOME_URL;
}

/** A report by DeveloperName, or '' when the viewer cannot see it (not in `reportIds`). */
function namedReportUrl(name: string, reportIds: Record<string, string>): string {
  return reportIds[name] ? `/lightning/r/Report/${reportIds[name]}/view` : '';
}

/** The counts behind a KPI (part of whole), for the tile's second line. */
function kpiCounts(key: KpiKey, c: CountFields): [number, number] | null {
  switch (key) {
    case 'completion':
      return [c.completeAtClose, c.handoffs];
    case 'firstTouchWithinSla':
      return typeof c.firstTouchWithinSla === 'number'
        ? [c.firstTouchWithinSla, c.firstTouchCount]
        : null;
    case 'escalation':
      return [c.escalated, c.handoffs];
    case 'exception':
      return [c.exceptions, c.handoffs];
    case 'return':
      return [c.returned, c.handoffs];
    case 'repeatAsk':
      return [c.repeatAsked, c.handoffs];
    case 'prefilledShare':
      return typeof c.fieldsFilled === 'number' ? [c.fieldsPrefilled ?? 0, c.fieldsFilled] : null;
    case 'aeMinutes':
      return typeof c.aeMinutesMeasured === 'number' ? [c.aeMinutesMeasured, c.handoffs] : null;
    case 'qualityScore':
      return typeof c.qualityRated === 'number' ? [c.qualityRated, c.handoffs] : null;
    case 'qualityBelow3':
      return typeof c.qualityRated === 'number' ? [c.qualityBelow3 ?? 0, c.qualityRated] : null;
    case 'daysToGoLive':
      return typeof c.goLiveCount === 'number' ? [c.goLiveCount, c.handoffs] : null;
    default:
      return null;
  }
}

function flagText(flag: FlagResult): string {
  const t = flag.threshold;
  const measure = METRIC_LABELS[t.metric] ?? t.metric;
  const limit = formatMeasure(t.threshold, t.unit);
  const below = t.comparator === 'Below';
  const months = flag.values.slice(flag.values.length - flag.streak);
  if (flag.streak <= 1) {
    const month = months.length ? longMonthFormat.format(monthDate(months[0].period)) : '';
    return format(below ? FLAG_MONTH_BELOW : FLAG_MONTH_ABOVE, measure, limit, month);
  }
  const detail = months
    .map((v) => `${longMonthFormat.format(monthDate(v.period))}: ${formatMeasure(v.value, t.unit)}`)
    .join(', ');
  return format(below ? FLAG_STREAK_BELOW : FLAG_STREAK_ABOVE, measure, limit, flag.streak, detail);
}

function hypercareFlagText(flag: HypercareFlag): string {
  const t = flag.threshold;
  return format(
    t.comparator === 'Below' ? HYPERCARE_FLAG_BELOW : HYPERCARE_FLAG_ABOVE,
    flag.week,
    METRIC_LABELS[t.metric] ?? t.metric,
    formatMeasure(flag.value, t.unit),
    formatMeasure(t.threshold, t.unit)
  );
}

function actionOf(threshold: { action: string | null }): { action: string; hasAction: boolean } {
  const action = threshold.action?.trim() ?? '';
  return { action: action ? format(FLAG_ACTION, action) : '', hasAction: !!action };
}

interface MeasuredRow {
  row: BreakdownRow;
  label: string;
  kpis: { key: KpiKey; value: number | null }[];
}

/**
 * Orders two breakdown rows by a column: names by the user's locale, numbers by value; a row
 * without a value comes last in either direction. 0 when equal (the caller keeps the order).
 */
export function compareRows(a: MeasuredRow, b: MeasuredRow, sort: SortState): number {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  if (sort.column === 'name') {
    return sign * a.label.localeCompare(b.label, LOCALE);
  }
  const value = (m: MeasuredRow): number | null => {
    if (sort.column === 'handoffs') {
      return m.row.handoffs;
    }
    return m.kpis.find((k) => k.key === sort.column)?.value ?? null;
  };
  const x = value(a);
  const y = value(b);
  if (x === null || y === null) {
    return x === y ? 0 : x === null ? 1 : -1;
  }
  return sign * (x - y);
}

export default class HandoffMetricsDashboard extends LightningElement {
  /** The compact view (home pages): the main tiles and the red flags, linking to the full page. */
  @api compact = false;

  labels = {
    title: TITLE,
    loading: LOADING,
    errorTitle: ERROR_TITLE,
    errorHelp: ERROR_HELP,
    retry: RETRY,
    refresh: REFRESH,
    filters: FILTERS,
    filterPeriod: FILTER_PERIOD,
    filterSegment: FILTER_SEGMENT,
    empty: EMPTY,
    kpisHeading: KPIS_HEADING,
    reportLink: REPORT_LINK,
    trendsHeading: TRENDS_HEADING,
    tableMonth: TABLE_MONTH,
    tableStatus: TABLE_STATUS,
    tablePastThreshold: TABLE_PAST_THRESHOLD,
    legendThreshold: LEGEND_THRESHOLD,
    legendTarget: LEGEND_TARGET,
    legendPast: LEGEND_PAST,
    breakdownHeading: BREAKDOWN_HEADING,
    breakdownEmpty: BREAKDOWN_EMPTY,
    breakdownName: BREAKDOWN_NAME,
    breakdownHandoffs: BREAKDOWN_HANDOFFS,
    flagsHeading: FLAGS_HEADING,
    flagsNone: FLAGS_NONE,
    hypercareHeading: HYPERCARE_HEADING,
    hypercareNoStart: HYPERCARE_NO_START,
    hypercareHandoffs: HYPERCARE_HANDOFFS,
    hypercareCompletion: HYPERCARE_COMPLETION,
    hypercareRepeatAsks: HYPERCARE_REPEAT_ASKS,
    hypercareOpenExceptions: HYPERCARE_OPEN_EXCEPTIONS,
    hypercareExtend: HYPERCARE_EXTEND,
    hypercareNoFlags: HYPERCARE_NO_FLAGS,
    reportsHeading: REPORTS_HEADING,
    reportsAll: REPORTS_ALL,
    openDashboard: OPEN_DASHBOARD
  };

  /** A space between two sentences of a line (the template compiler drops whitespace-only text). */
  space = ' ';
  reportsHomeUrl = REPORTS_HOME_URL;
  metricsPageUrl = METRICS_PAGE_URL;

  /** The period filter (months); a wire parameter. */
  months = 12;
  /** The segment filter (null = every segment); a wire parameter. */
  segmentParam: string | null = null;

  dashboard?: Dashboard;
  loadError?: string;
  refreshing = false;
  /** Read out by screen readers (role=status) after a refresh. */
  announcement = '';

  /** The months the shown data was loaded for (the filter may already ask for others). */
  private loadedMonths = 12;
  private wiredResult?: WiredDashboard;
  private knownSegments: string[] = [];

  /** The charts' measured width in pixels: charts are laid out for it, text keeps its size. */
  chartWidth = DEFAULT_WIDTH;
  private resizeObserver?: ResizeObserver;
  /** After a successful Retry the error box is gone: the focus goes to Refresh instead. */
  private focusAfterRender?: 'refresh';
  private observedCanvas?: Element;

  /** How each breakdown table is sorted (by group); largest number of handoffs first. */
  breakdownSort: Record<BreakdownKey, SortState> = {
    segment: { column: 'handoffs', direction: 'descending' },
    team: { column: 'handoffs', direction: 'descending' },
    csm: { column: 'handoffs', direction: 'descending' }
  };

  /** The AE-time read (HandoffMetricsController.getAeTime) and its failure. */
  aeTime?: AeTimeData;
  aeTimeError?: string;
  /** The field relevance read (HandoffMetricsController.getFieldRelevance) and its failure. */
  relevance?: FieldRelevanceData;
  relevanceError?: string;
  private aeTimeResult?: WiredDashboard;
  private relevanceResult?: WiredDashboard;
  /**
   * The quality and go-live reads (issue 17): their months join the dashboard's months, so their
   * tiles, trends and red flags work like the AE's time; a failed read leaves them without data.
   */
  quality?: QualityData;
  goLive?: GoLiveData;
  /** Their failures: the quality, fields and go-live tables say so; the tiles show no data. */
  qualityError?: string;
  goLiveError?: string;
  private qualityResult?: WiredDashboard;
  private goLiveResult?: WiredDashboard;
  /** The quarter's people new to the process (HandoffMetricsController.getNewPeople). */
  newPeople?: NewPeopleData;
  newPeopleError?: string;
  private newPeopleResult?: WiredDashboard;

  /** How the detail tables are sorted. */
  detailSort: Record<DetailKey, SortState> = {
    ae: { column: 'handoffs', direction: 'descending' },
    relevance: { column: 'missingAtClose', direction: 'descending' },
    quality: { column: 'rated', direction: 'descending' },
    qualityFields: { column: 'count', direction: 'descending' },
    goLive: { column: 'goLives', direction: 'descending' },
    newPeople: { column: 'name', direction: 'ascending' }
  };

  renderedCallback(): void {
    this.observeChartWidth();
    if (this.focusAfterRender) {
      const target = this.template.querySelector<HTMLElement>(
        `button[data-action="${this.focusAfterRender}"]`
      );
      this.focusAfterRender = undefined;
      target?.focus();
    }
  }

  disconnectedCallback(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observedCanvas = undefined;
  }

  /**
   * Follows the width of the first chart's canvas (every chart has the same width), so that the
   * charts are drawn at their real size; where ResizeObserver is missing they keep DEFAULT_WIDTH.
   */
  private observeChartWidth(): void {
    const canvas = this.template.querySelector('[data-id="chart-canvas"]');
    if (!canvas || canvas === this.observedCanvas || typeof ResizeObserver === 'undefined') {
      return;
    }
    this.resizeObserver?.disconnect();
    this.observedCanvas = canvas;
    this.resizeObserver = new ResizeObserver((entries) => {
      const width = Math.floor(entries[entries.length - 1].contentRect.width);
      // Whole pixels, and only real changes: a re-render never feeds back into the width.
      if (width > 0 && Math.abs(width - this.chartWidth) >= 1) {
        this.chartWidth = width;
      }
    });
    this.resizeObserver.observe(canvas);
  }

  @wire(getDashboard, { segment: '$segmentParam', months: '$months' })
  wiredDashboard(result: WiredDashboard): void {
    this.wiredResult = result;
    if (result.error) {
      this.dashboard = undefined;
      this.loadError = errorMessage(result.error);
    } else if (result.data !== undefined) {
      try {
        this.dashboard = parseDashboard(result.data);
        this.loadedMonths = this.months;
        this.loadError = undefined;
        this.rememberSegments(this.dashboard);
      } catch (error) {
        this.dashboard = undefined;
        this.loadError = errorMessage(error);
      }
    }
  }

  @wire(getAeTime, { segment: '$segmentParam', months: '$months' })
  wiredAeTime(result: WiredDashboard): void {
    this.aeTimeResult = result;
    if (result.error) {
      this.aeTime = undefined;
      this.aeTimeError = errorMessage(result.error);
    } else if (result.data !== undefined) {
      try {
        this.aeTime = parseAeTime(result.data);
        this.aeTimeError = undefined;
      } catch (error) {
        this.aeTime = undefined;
        this.aeTimeError = errorMessage(error);
      }
    }
  }

  @wire(getQuality, { segment: '$segmentParam', months: '$months' })
  wiredQuality(result: WiredDashboard): void {
    this.qualityResult = result;
    if (result.error) {
      this.quality = undefined;
      this.qualityError = errorMessage(result.error);
    } else if (result.data !== undefined) {
      try {
        this.quality = parseQuality(result.data);
        this.qualityError = undefined;
      } catch (error) {
        this.quality = undefined;
        this.qualityError = errorMessage(error);
      }
    }
  }

  @wire(getGoLive, { segment: '$segmentParam', months: '$months' })
  wiredGoLive(result: WiredDashboard): void {
    this.goLiveResult = result;
    if (result.error) {
      this.goLive = undefined;
      this.goLiveError = errorMessage(result.error);
    } else if (result.data !== undefined) {
      try {
        this.goLive = parseGoLive(result.data);
        this.goLiveError = undefined;
      } catch (error) {
        this.goLive = undefined;
        this.goLiveError = errorMessage(error);
      }
    }
  }

  /** The new people of the current quarter: the segment filter applies, the period does not. */
  @wire(getNewPeople, { segment: '$segmentParam' })
  wiredNewPeople(result: WiredDashboard): void {
    this.newPeopleResult = result;
    if (result.error) {
      this.newPeople = undefined;
      this.newPeopleError = errorMessage(result.error);
    } else if (result.data !== undefined) {
      try {
        this.newPeople = parseNewPeople(result.data);
        this.newPeopleError = undefined;
      } catch (error) {
        this.newPeople = undefined;
        this.newPeopleError = errorMessage(error);
      }
    }
  }

  /** The months with the live reads joined: AE time, quality, go-live. */
  private withLiveReads(periods: readonly PeriodCounts[]): PeriodCounts[] {
    return withGoLive(withQuality(withAeTime(periods, this.aeTime), this.quality), this.goLive);
  }

  @wire(getFieldRelevance, { segment: '$segmentParam', months: '$months' })
  wiredRelevance(result: WiredDashboard): void {
    this.relevanceResult = result;
    if (result.error) {
      this.relevance = undefined;
      this.relevanceError = errorMessage(result.error);
    } else if (result.data !== undefined) {
      try {
        this.relevance = parseFieldRelevance(result.data);
        this.relevanceError = undefined;
      } catch (error) {
        this.relevance = undefined;
        this.relevanceError = errorMessage(error);
      }
    }
  }

  private rememberSegments(dashboard: Dashboard): void {
    const seen = new Set(this.knownSegments);
    for (const row of dashboard.breakdown.segment) {
      if (row.key) {
        seen.add(row.key);
      }
    }
    if (this.segmentParam) {
      seen.add(this.segmentParam);
    }
    this.knownSegments = [...seen].sort((a, b) => a.localeCompare(b));
  }

  // ------------------------------------------------------------------ state

  get isLoading(): boolean {
    return !this.dashboard && !this.loadError;
  }

  get isFull(): boolean {
    return !this.compact;
  }

  /** The months of the window, oldest first; months without data are empty. */
  get monthsInWindow(): PeriodCounts[] {
    const d = this.dashboard;
    if (!d || !d.asOf) {
      return [];
    }
    return this.withLiveReads(fillWindow(d.periods, d.asOf, this.loadedMonths));
  }

  get isEmpty(): boolean {
    return !!this.dashboard && this.monthsInWindow.every((p) => p.handoffs === 0);
  }

  get subtitle(): string {
    const d = this.dashboard;
    return d && d.asOf
      ? format(SUBTITLE, this.loadedMonths, longMonthFormat.format(monthDate(d.asOf)))
      : '';
  }

  get cardClass(): string {
    return this.compact ? 'dashboard dashboard_compact' : 'dashboard';
  }

  // ------------------------------------------------------------------ rollout

  /** The rollout line under the title: the mode, and in Monitor and Pilot what it marked. */
  get rollout(): RolloutView | null {
    const d = this.dashboard;
    if (!d) {
      return null;
    }
    const { mode, wouldHaveBlocked, pilot, rest } = d.rollout;
    const watching = mode === 'Monitor' || mode === 'Pilot';
    let pilotText = ROLLOUT_PILOT_NONE;
    if (pilot.handoffs > 0) {
      pilotText = format(
        pilot.handoffs === 1 ? ROLLOUT_PILOT_COMPARE_ONE : ROLLOUT_PILOT_COMPARE,
        numberFormat.format(pilot.handoffs),
        formatMeasure(completionRate(pilot), 'Percent'),
        formatMeasure(completionRate(rest), 'Percent')
      );
    }
    return {
      mode,
      modeText: ROLLOUT_TEXT[mode],
      showBlocked: watching,
      blockedText:
        wouldHaveBlocked === 1
          ? ROLLOUT_BLOCKED_ONE
          : format(ROLLOUT_BLOCKED, numberFormat.format(wouldHaveBlocked)),
      blockedUrl: namedReportUrl(WOULD_HAVE_BLOCKED_REPORT, d.reportIds),
      showPilot: mode === 'Pilot',
      pilotText,
      pilotUrl: namedReportUrl(PILOT_REPORT, d.reportIds)
    };
  }

  // ------------------------------------------------------------------ filters

  get periodOptions(): Option[] {
    return PERIOD_CHOICES.map((m) => ({
      label: format(FILTER_PERIOD_OPTION, m),
      value: String(m)
    }));
  }

  get periodValue(): string {
    return String(this.months);
  }

  get segmentOptions(): Option[] {
    return [
      { label: FILTER_ALL_SEGMENTS, value: '' },
      ...this.knownSegments.map((s) => ({ label: s, value: s }))
    ];
  }

  get segmentValue(): string {
    return this.segmentParam ?? '';
  }

  handlePeriodChange(event: CustomEvent<{ value: string }>): void {
    const months = Number(event.detail.value);
    if (PERIOD_CHOICES.includes(months as (typeof PERIOD_CHOICES)[number])) {
      this.months = months;
    }
  }

  handleSegmentChange(event: CustomEvent<{ value: string }>): void {
    this.segmentParam = event.detail.value ? event.detail.value : null;
  }

  /**
   * The refresh button says it is busy with aria-disabled rather than disabled: a disabled
   * button drops the keyboard focus to the page.
   */
  get refreshingState(): string {
    return this.refreshing ? 'true' : 'false';
  }

  async handleRefresh(event?: Event): Promise<void> {
    const fromRetry =
      (event?.currentTarget as HTMLElement | null | undefined)?.dataset?.action === 'retry';
    if (this.refreshing) {
      return;
    }
    this.refreshing = true;
    this.announcement = '';
    try {
      await Promise.all([
        refreshApex(this.wiredResult),
        // the AE and relevance sections show their own failures; the dashboard refresh goes on
        refreshApex(this.aeTimeResult).catch((error: unknown) => {
          this.aeTimeError = errorMessage(error);
        }),
        refreshApex(this.relevanceResult).catch((error: unknown) => {
          this.relevanceError = errorMessage(error);
        }),
        // the quality and go-live tiles show no data when their read fails, their tables say so
        refreshApex(this.qualityResult).catch((error: unknown) => {
          this.quality = undefined;
          this.qualityError = errorMessage(error);
        }),
        refreshApex(this.goLiveResult).catch((error: unknown) => {
          this.goLive = undefined;
          this.goLiveError = errorMessage(error);
        }),
        refreshApex(this.newPeopleResult).catch((error: unknown) => {
          this.newPeopleError = errorMessage(error);
        })
      ]);
      this.loadError = undefined;
      this.announcement = REFRESHED;
      // the error box and its Retry button are gone: the focus goes to Refresh, not the page
      this.focusAfterRender = fromRetry ? 'refresh' : undefined;
    } catch (error) {
      this.loadError = errorMessage(error);
    } finally {
      this.refreshing = false;
    }
  }

  // ------------------------------------------------------------------ red flags

  private get flagResults(): FlagResult[] {
    const d = this.dashboard;
    if (!d || !d.asOf) {
      return [];
    }
    return evaluateRedFlags(this.withLiveReads(d.periods), d.thresholds, {
      asOf: d.asOf,
      months: this.loadedMonths
    });
  }

  get flags(): FlagView[] {
    const reportIds = this.dashboard?.reportIds ?? {};
    return this.flagResults
      .filter((f) => f.up)
      .map((f) => {
        const kpi = KPI_DEFINITIONS.find((def) => def.metrics.includes(f.threshold.metric));
        return {
          key: f.threshold.developerName,
          text: flagText(f),
          url: reportUrl(kpi ? kpi.key : 'volume', reportIds),
          ...actionOf(f.threshold)
        };
      });
  }

  get hasFlags(): boolean {
    return this.flags.length > 0;
  }

  // ------------------------------------------------------------------ KPI tiles

  get tiles(): TileView[] {
    const d = this.dashboard;
    if (!d) {
      return [];
    }
    const window = this.monthsInWindow;
    const pooled = poolCounts(window);
    const latest = window.length ? window[window.length - 1] : null;
    const up = this.flagResults.filter((f) => f.up);
    return computeKpis(window, d.thresholds)
      .filter((k) => !this.compact || COMPACT_KPIS.includes(k.key))
      .map((kpi) => {
        const counts = kpi.value === null ? null : kpiCounts(kpi.key, pooled);
        const flagUp = up.some((f) =>
          KPI_DEFINITIONS.find((def) => def.key === kpi.key)?.metrics.includes(f.threshold.metric)
        );
        let thresholdText = KPI_NO_THRESHOLD;
        if (kpi.threshold) {
          thresholdText = format(
            kpi.threshold.comparator === 'Below' ? KPI_THRESHOLD_BELOW : KPI_THRESHOLD_ABOVE,
            formatMeasure(kpi.threshold.threshold, kpi.unit)
          );
        }
        // A raised red flag outranks the window's pooled status: the tile never says "On target"
        // beside a flag (the flag looks at months, the pooled value at the whole window).
        const status: KpiStatus = flagUp ? 'breach' : kpi.status;
        return {
          key: kpi.key,
          headingId: `tile-${kpi.key}`,
          label: KPI_LABELS[kpi.key],
          valueText: formatMeasure(kpi.value, kpi.unit),
          countText: counts
            ? format(KPI_COUNT, numberFormat.format(counts[0]), numberFormat.format(counts[1]))
            : '',
          basisText:
            kpi.basis === 'median' ? KPI_MEDIAN : kpi.basis === 'average' ? KPI_AVERAGE : '',
          statusText: flagUp ? KPI_FLAG_UP : STATUS_TEXT[status],
          statusBadge: STATUS_BADGE[status],
          statusIcon: STATUS_ICON[status],
          targetText:
            kpi.target === null
              ? KPI_NO_TARGET
              : format(KPI_TARGET, formatMeasure(kpi.target, kpi.unit)),
          thresholdText,
          flagUp,
          latestText:
            flagUp && latest
              ? format(
                  KPI_LATEST,
                  longMonthFormat.format(monthDate(latest.period)),
                  formatMeasure(metricValue(kpi.metric, latest), kpi.unit)
                )
              : '',
          className: `tile slds-box slds-box_x-small tile_${status}`,
          url: reportUrl(kpi.key, d.reportIds)
        };
      });
  }

  // ------------------------------------------------------------------ trends

  get charts(): ChartView[] {
    const d = this.dashboard;
    if (!d || this.compact) {
      return [];
    }
    const window = this.monthsInWindow;
    const first = window.length ? longMonthFormat.format(monthDate(window[0].period)) : '';
    const last = window.length
      ? longMonthFormat.format(monthDate(window[window.length - 1].period))
      : '';
    const views: ChartView[] = [];
    const volumePoints: ChartPoint[] = window.map((p) => ({
      key: p.period,
      label: shortMonthFormat.format(monthDate(p.period)),
      title: `${longMonthFormat.format(monthDate(p.period))}: ${numberFormat.format(p.handoffs)}`,
      value: p.handoffs,
      valueText: numberFormat.format(p.handoffs),
      breached: false
    }));
    views.push(
      this.chartView('volume', TREND_VOLUME, volumePoints, 'Count', null, null, first, last, d)
    );
    for (const kpi of computeKpis(window, d.thresholds)) {
      const definition = KPI_DEFINITIONS.find((def) => def.key === kpi.key) as KpiDefinition;
      const metric = kpi.metric;
      const threshold = kpi.threshold;
      const points: ChartPoint[] = window.map((p) => {
        const value = metricValue(metric, p);
        return {
          key: p.period,
          label: shortMonthFormat.format(monthDate(p.period)),
          title: `${longMonthFormat.format(monthDate(p.period))}: ${formatMeasure(value, definition.unit)}`,
          value,
          valueText: value === null ? '' : formatMeasure(value, definition.unit),
          breached: threshold ? breaches(value, threshold) : false
        };
      });
      views.push(
        this.chartView(
          definition.key,
          KPI_LABELS[definition.key],
          points,
          definition.unit,
          threshold ? threshold.threshold : null,
          kpi.target,
          first,
          last,
          d
        )
      );
    }
    return views;
  }

  private chartView(
    key: KpiKey | 'volume',
    title: string,
    points: ChartPoint[],
    unit: Unit,
    threshold: number | null,
    target: number | null,
    first: string,
    last: string,
    d: Dashboard
  ): ChartView {
    const geometry = layoutChart(points, {
      width: this.chartWidth,
      ceiling: unit === 'Percent' ? 100 : null,
      threshold,
      thresholdText: threshold === null ? '' : formatMeasure(threshold, unit),
      target,
      targetText: target === null ? '' : formatMeasure(target, unit),
      formatTick: (v) => formatMeasure(v, unit)
    });
    const monthName = (period: string): string => longMonthFormat.format(monthDate(period));
    const sentences = [format(CHART_DESC, title, first, last)];
    if (threshold !== null) {
      sentences.push(format(CHART_DESC_THRESHOLD, formatMeasure(threshold, unit)));
      const past = points.filter((p) => p.breached).map((p) => monthName(p.key));
      sentences.push(
        past.length ? format(CHART_DESC_BREACHES, past.join(', ')) : CHART_DESC_NO_BREACH
      );
    }
    if (target !== null) {
      sentences.push(format(CHART_DESC_TARGET, formatMeasure(target, unit)));
    }
    const empty = points.filter((p) => p.value === null).map((p) => monthName(p.key));
    if (empty.length) {
      sentences.push(format(CHART_DESC_NO_VALUE, empty.join(', ')));
    }
    const handoffsByPeriod = new Map(this.monthsInWindow.map((p) => [p.period, p.handoffs]));
    return {
      key,
      title,
      titleId: `chart-title-${key}`,
      descId: `chart-desc-${key}`,
      description: sentences.join(' '),
      geometry,
      hasThreshold: threshold !== null,
      hasTarget: target !== null,
      valueHeader: title,
      url: reportUrl(key, d.reportIds),
      rows: points.map((p) => ({
        key: p.key,
        month: monthName(p.key),
        value:
          p.value === null
            ? handoffsByPeriod.get(p.key)
              ? NO_DATA
              : NO_HANDOFFS
            : formatMeasure(p.value, unit),
        statusText:
          threshold === null || p.value === null
            ? ''
            : p.breached
              ? TABLE_PAST_THRESHOLD
              : TABLE_WITHIN
      }))
    };
  }

  // ------------------------------------------------------------------ breakdown

  get breakdowns(): BreakdownView[] {
    const d = this.dashboard;
    if (!d || this.compact) {
      return [];
    }
    const groups: { key: BreakdownKey; title: string; rows: BreakdownRow[] }[] = [
      { key: 'segment', title: BREAKDOWN_SEGMENT, rows: d.breakdown.segment },
      { key: 'team', title: BREAKDOWN_TEAM, rows: d.breakdown.team },
      { key: 'csm', title: BREAKDOWN_CSM, rows: d.breakdown.csm }
    ];
    return groups.map((group) => {
      const sort = this.breakdownSort[group.key];
      const measured = group.rows.map((row, index) => ({
        row,
        index,
        label: row.key || BREAKDOWN_UNKNOWN,
        kpis: computeKpis([row], d.thresholds).filter((k) => BREAKDOWN_KPIS.includes(k.key))
      }));
      measured.sort(
        (a, b) =>
          compareRows(a, b, sort) || a.label.localeCompare(b.label, LOCALE) || a.index - b.index
      );
      const rows = measured.map(({ row, index, label, kpis }) => {
        const url = group.key === 'csm' ? recordUrl('User', row.userId) : '';
        return {
          key: `${group.key}-${index}-${row.key}`,
          label,
          url,
          hasUrl: !!url,
          handoffs: numberFormat.format(row.handoffs),
          cells: kpis.map((k) => ({
            key: k.key,
            text: formatMeasure(k.value, k.unit),
            className: k.status === 'breach' ? 'cell_breach' : '',
            isBreach: k.status === 'breach'
          }))
        };
      });
      const columns = [
        { key: 'name', label: BREAKDOWN_NAME },
        { key: 'handoffs', label: BREAKDOWN_HANDOFFS },
        ...BREAKDOWN_KPIS.map((key) => ({ key, label: KPI_LABELS[key] }))
      ].map((column) => {
        const isSorted = column.key === sort.column;
        return {
          ...column,
          isSorted,
          ariaSort: isSorted ? sort.direction : undefined,
          iconName: sort.direction === 'ascending' ? 'utility:arrowup' : 'utility:arrowdown'
        };
      });
      return {
        key: group.key,
        headingId: `breakdown-${group.key}`,
        title: group.title,
        columns,
        rows,
        isEmpty: rows.length === 0
      };
    });
  }

  /**
   * Sorts a breakdown table by the clicked column; clicking the sorted column reverses it. Names
   * start A to Z, numbers largest first. The new order is announced.
   */
  handleSort(event: Event): void {
    const button = event.currentTarget as HTMLElement;
    const group = button.dataset.group as BreakdownKey;
    const column = button.dataset.column ?? '';
    const current = this.breakdownSort[group];
    if (!current || !column) {
      return;
    }
    let direction: SortDirection = column === 'name' ? 'ascending' : 'descending';
    if (current.column === column) {
      direction = current.direction === 'ascending' ? 'descending' : 'ascending';
    }
    this.breakdownSort = { ...this.breakdownSort, [group]: { column, direction } };
    const label =
      column === 'name'
        ? BREAKDOWN_NAME
        : column === 'handoffs'
          ? BREAKDOWN_HANDOFFS
          : (KPI_LABELS[column as KpiKey] ?? column);
    this.announcement = format(
      direction === 'ascending' ? SORTED_ASCENDING : SORTED_DESCENDING,
      label
    );
  }

  // ------------------------------------------------------------------ AE time, field relevance

  /** The detail sections (full view only), each with its own states. */
  get detailSections(): DetailView[] {
    return [
      this.aeSection,
      this.relevanceSection,
      this.qualitySection,
      this.qualityFieldsSection,
      this.goLiveSection,
      this.newPeopleSection
    ].filter((v): v is DetailView => v !== null);
  }

  /** The AE's time: the window's figures against the target, and one row per AE. */
  get aeSection(): DetailView | null {
    if (this.compact || !this.dashboard) {
      return null;
    }
    const data = this.aeTime;
    const help = format(
      AE_HELP,
      numberFormat.format(data?.targetMinMinutes ?? 5),
      numberFormat.format(data?.targetMaxMinutes ?? 10)
    );
    const columns: DetailColumn<AeTimeData['aes'][number]>[] = [
      { key: 'name', label: AE_NAME },
      { key: 'handoffs', label: BREAKDOWN_HANDOFFS, value: (g) => g.handoffs },
      { key: 'measured', label: AE_MEASURED, value: (g) => g.measured },
      {
        key: 'median',
        label: AE_MEDIAN,
        value: (g) => g.medianMinutes,
        text: (g) => formatMeasure(g.medianMinutes, 'Minutes')
      },
      {
        key: 'prefilled',
        label: AE_PREFILLED,
        value: (g) => prefilledShare(g),
        text: (g) => formatMeasure(prefilledShare(g), 'Percent')
      }
    ];
    const view = this.detailView('ae', AE_HEADING, help, !!data, this.aeTimeError, AE_EMPTY);
    if (!data || view.hasError) {
      return view;
    }
    const total = data.total;
    return {
      ...view,
      help:
        total.handoffs > 0
          ? `${help} ${format(
              AE_OVERALL,
              formatMeasure(total.medianMinutes, 'Minutes'),
              numberFormat.format(total.measured),
              numberFormat.format(total.handoffs),
              formatMeasure(prefilledShare(total), 'Percent')
            )}`
          : help,
      ...this.detailRows('ae', data.aes, columns, (g) => g.label || BREAKDOWN_UNKNOWN),
      truncatedText: data.truncated
        ? format(SECTION_TRUNCATED, numberFormat.format(LIVE_READ_MAX_HANDOFFS))
        : ''
    };
  }

  /** The field relevance table for the quarterly review: per field and segment. */
  get relevanceSection(): DetailView | null {
    if (this.compact || !this.dashboard) {
      return null;
    }
    const data = this.relevance;
    type Row = FieldRelevanceData['rows'][number];
    const columns: DetailColumn<Row>[] = [
      { key: 'name', label: RELEVANCE_FIELD },
      { key: 'segment', label: RELEVANCE_SEGMENT, text: (r) => r.segment || BREAKDOWN_UNKNOWN },
      { key: 'handoffs', label: BREAKDOWN_HANDOFFS, value: (r) => r.handoffs },
      { key: 'missingAtClose', label: RELEVANCE_MISSING, value: (r) => r.missingAtClose },
      {
        key: 'wouldHaveBlocked',
        label: RELEVANCE_BLOCKED,
        value: (r) => r.wouldHaveBlocked
      },
      { key: 'excepted', label: RELEVANCE_EXCEPTED, value: (r) => r.excepted },
      { key: 'prefilled', label: RELEVANCE_PREFILLED, value: (r) => r.prefilled },
      {
        key: 'itemsMissing',
        label: RELEVANCE_ITEMS_MISSING,
        value: (r) => r.itemsMissing
      },
      { key: 'askedAgain', label: RELEVANCE_ASKED_AGAIN, value: (r) => r.askedAgain }
    ];
    const view = this.detailView(
      'relevance',
      RELEVANCE_HEADING,
      RELEVANCE_CAVEAT,
      !!data,
      this.relevanceError,
      RELEVANCE_EMPTY
    );
    if (!data || view.hasError) {
      return view;
    }
    return {
      ...view,
      ...this.detailRows('relevance', data.rows, columns, (r) => r.label),
      truncatedText: data.truncated
        ? format(SECTION_TRUNCATED, numberFormat.format(LIVE_READ_MAX_HANDOFFS))
        : ''
    };
  }

  // ------------------------------------------------------------------ quality, go-live, new people

  /** Handoff quality per AE: rated, average score, share below 3, the fields named most. */
  get qualitySection(): DetailView | null {
    if (this.compact || !this.dashboard) {
      return null;
    }
    const data = this.quality;
    type Group = QualityData['aes'][number];
    const columns: DetailColumn<Group>[] = [
      { key: 'name', label: AE_NAME },
      { key: 'handoffs', label: BREAKDOWN_HANDOFFS, value: (g) => g.handoffs },
      { key: 'rated', label: QUALITY_RATED, value: (g) => g.rated },
      {
        key: 'average',
        label: QUALITY_AVERAGE,
        value: (g) => g.average,
        text: (g) => formatMeasure(g.average, 'Score')
      },
      {
        key: 'below3',
        label: QUALITY_BELOW_3,
        value: (g) => g.below3Share,
        text: (g) => formatMeasure(g.below3Share, 'Percent')
      },
      { key: 'topFields', label: QUALITY_FIELDS, text: (g) => namedCounts(g.topFields) }
    ];
    const view = this.detailView(
      'quality',
      QUALITY_HEADING,
      QUALITY_HELP,
      !!data,
      this.qualityError,
      QUALITY_EMPTY
    );
    if (!data || view.hasError) {
      return view;
    }
    const total = data.total;
    const answered = total.rated > 0 || total.skipped > 0;
    return {
      ...view,
      help:
        total.rated > 0
          ? `${QUALITY_HELP} ${format(
              QUALITY_OVERALL,
              formatMeasure(total.average, 'Score'),
              numberFormat.format(total.rated),
              numberFormat.format(total.handoffs),
              formatMeasure(total.below3Share, 'Percent'),
              numberFormat.format(total.skipped)
            )}`
          : QUALITY_HELP,
      // without a single answer the table would only list zeros: the empty state says why
      ...this.detailRows(
        'quality',
        answered ? data.aes : [],
        columns,
        (g) => g.label || BREAKDOWN_UNKNOWN
      ),
      truncatedText: data.truncated
        ? format(SECTION_TRUNCATED, numberFormat.format(LIVE_READ_MAX_HANDOFFS))
        : ''
    };
  }

  /** The fields named missing or wrong most often in the window (top 5, on ratings below 4). */
  get qualityFieldsSection(): DetailView | null {
    if (this.compact || !this.dashboard) {
      return null;
    }
    const data = this.quality;
    const columns: DetailColumn<NamedCount>[] = [
      { key: 'name', label: FIELDS_FIELD },
      { key: 'count', label: FIELDS_COUNT, value: (f) => f.count }
    ];
    const view = this.detailView(
      'qualityFields',
      FIELDS_HEADING,
      FIELDS_HELP,
      !!data,
      this.qualityError,
      FIELDS_EMPTY
    );
    if (!data || view.hasError) {
      return view;
    }
    return {
      ...view,
      ...this.detailRows('qualityFields', data.total.topFields, columns, (f) => f.name)
    };
  }

  /** Time to first value per segment: go-lives, median days, share on target, days late. */
  get goLiveSection(): DetailView | null {
    if (this.compact || !this.dashboard) {
      return null;
    }
    const data = this.goLive;
    type Group = GoLiveData['segments'][number];
    const columns: DetailColumn<Group>[] = [
      { key: 'name', label: GO_LIVE_SEGMENT },
      { key: 'handoffs', label: BREAKDOWN_HANDOFFS, value: (g) => g.handoffs },
      { key: 'goLives', label: GO_LIVE_COUNT, value: (g) => g.goLives },
      {
        key: 'medianDays',
        label: GO_LIVE_MEDIAN,
        value: (g) => g.medianDays,
        text: (g) => formatMeasure(g.medianDays, 'Days')
      },
      {
        key: 'onTimeShare',
        label: GO_LIVE_ON_TARGET,
        value: (g) => g.onTimeShare,
        text: (g) => formatMeasure(g.onTimeShare, 'Percent')
      },
      {
        key: 'medianDaysLate',
        label: GO_LIVE_LATE,
        value: (g) => g.medianDaysLate,
        text: (g) => formatMeasure(g.medianDaysLate, 'Days')
      }
    ];
    const view = this.detailView(
      'goLive',
      GO_LIVE_HEADING,
      GO_LIVE_HELP,
      !!data,
      this.goLiveError,
      GO_LIVE_EMPTY
    );
    if (!data || view.hasError) {
      return view;
    }
    const total = data.total;
    return {
      ...view,
      help:
        total.goLives > 0
          ? `${GO_LIVE_HELP} ${format(
              GO_LIVE_OVERALL,
              formatMeasure(total.medianDays, 'Days'),
              numberFormat.format(total.goLives),
              numberFormat.format(total.handoffs),
              formatMeasure(total.onTimeShare, 'Percent')
            )}`
          : GO_LIVE_HELP,
      // no go-live recorded yet: the empty state, not a table of zeros
      ...this.detailRows(
        'goLive',
        total.goLives > 0 ? data.segments : [],
        columns,
        (g) => g.label || BREAKDOWN_UNKNOWN
      ),
      truncatedText: data.truncated
        ? format(SECTION_TRUNCATED, numberFormat.format(LIVE_READ_MAX_HANDOFFS))
        : ''
    };
  }

  /** The quarterly review's new people: role, handoffs so far, completion, average score. */
  get newPeopleSection(): DetailView | null {
    if (this.compact || !this.dashboard) {
      return null;
    }
    const data = this.newPeople;
    type Person = NewPeopleData['people'][number];
    const completion = (p: Person): number | null => {
      return p.handoffs > 0 ? (100 * p.completeAtClose) / p.handoffs : null;
    };
    const columns: DetailColumn<Person>[] = [
      { key: 'name', label: NEW_PEOPLE_PERSON },
      { key: 'role', label: NEW_PEOPLE_ROLE, text: (p) => (p.role === 'CSM' ? ROLE_CSM : ROLE_AE) },
      { key: 'handoffsSoFar', label: NEW_PEOPLE_SO_FAR, value: (p) => p.handoffsSoFar },
      {
        key: 'completion',
        label: NEW_PEOPLE_COMPLETION,
        value: completion,
        text: (p) => formatMeasure(completion(p), 'Percent')
      },
      {
        key: 'score',
        label: NEW_PEOPLE_SCORE,
        value: (p) => averageScore(p),
        text: (p) => formatMeasure(averageScore(p), 'Score')
      }
    ];
    const since = data?.quarterStart ? dayFormat.format(dayDate(data.quarterStart)) : '';
    const view = this.detailView(
      'newPeople',
      NEW_PEOPLE_HEADING,
      format(NEW_PEOPLE_HELP, since),
      !!data,
      this.newPeopleError,
      NEW_PEOPLE_EMPTY
    );
    if (!data || view.hasError) {
      return view;
    }
    return {
      ...view,
      ...this.detailRows('newPeople', data.people, columns, (p) => p.name),
      truncatedText: data.truncated
        ? format(SECTION_TRUNCATED, numberFormat.format(LIVE_READ_MAX_HANDOFFS))
        : ''
    };
  }

  private detailView(
    key: DetailKey,
    title: string,
    help: string,
    loaded: boolean,
    error: string | undefined,
    emptyText: string
  ): DetailView {
    return {
      key,
      headingId: `detail-${key}`,
      title,
      help,
      isLoading: !loaded && !error,
      hasError: !!error,
      errorText: error ? format(SECTION_ERROR, error) : '',
      isEmpty: false,
      emptyText,
      hasRows: false,
      truncatedText: '',
      columns: [],
      rows: []
    };
  }

  // The rows of a detail table sorted as asked (ties by label, then as read), and its columns.
  private detailRows<T>(
    key: DetailKey,
    items: readonly T[],
    columns: readonly DetailColumn<T>[],
    label: (item: T) => string
  ): Pick<DetailView, 'columns' | 'rows' | 'isEmpty' | 'hasRows'> {
    const sort = this.detailSort[key];
    const column = columns.find((c) => c.key === sort.column);
    const sign = sort.direction === 'ascending' ? 1 : -1;
    const measured = items.map((item, index) => ({ item, index, label: label(item) }));
    measured.sort((a, b) => {
      let order = 0;
      if (column?.value) {
        const x = column.value(a.item);
        const y = column.value(b.item);
        order = x === null || y === null ? (x === y ? 0 : x === null ? 1 : -1) : sign * (x - y);
      } else if (column?.text) {
        order = sign * column.text(a.item).localeCompare(column.text(b.item), LOCALE);
      } else {
        order = sign * a.label.localeCompare(b.label, LOCALE);
      }
      return order || a.label.localeCompare(b.label, LOCALE) || a.index - b.index;
    });
    const rows = measured.map(({ item, index, label: rowLabel }) => ({
      key: `${key}-${index}`,
      label: rowLabel,
      cells: columns.slice(1).map((c) => {
        let text = '';
        if (c.text) {
          text = c.text(item);
        } else if (c.value) {
          text = numberFormat.format(c.value(item) ?? 0);
        }
        return { key: c.key, text };
      })
    }));
    return {
      columns: columns.map((c) => {
        const isSorted = c.key === sort.column;
        return {
          key: c.key,
          label: c.label,
          isSorted,
          ariaSort: isSorted ? sort.direction : undefined,
          iconName: sort.direction === 'ascending' ? 'utility:arrowup' : 'utility:arrowdown'
        };
      }),
      rows,
      isEmpty: rows.length === 0,
      hasRows: rows.length > 0
    };
  }

  /**
   * Sorts the per-AE or the field relevance table by the clicked column; clicking the sorted
   * column reverses it. Text starts A to Z, numbers largest first. The new order is announced.
   */
  handleDetailSort(event: Event): void {
    const button = event.currentTarget as HTMLElement;
    const group = button.dataset.group as DetailKey;
    const column = button.dataset.column ?? '';
    const current = this.detailSort[group];
    if (!current || !column) {
      return;
    }
    const textual = TEXT_COLUMNS.includes(column);
    let direction: SortDirection = textual ? 'ascending' : 'descending';
    if (current.column === column) {
      direction = current.direction === 'ascending' ? 'descending' : 'ascending';
    }
    this.detailSort = { ...this.detailSort, [group]: { column, direction } };
    const label = button.dataset.label ?? column;
    this.announcement = format(
      direction === 'ascending' ? SORTED_ASCENDING : SORTED_DESCENDING,
      label
    );
  }

  // ------------------------------------------------------------------ hypercare

  private get hypercareResult(): HypercareResult | null {
    const d = this.dashboard;
    return d ? evaluateHypercare(d.hypercare, d.thresholds, { today: todayInUserZone() }) : null;
  }

  get hasHypercare(): boolean {
    const result = this.hypercareResult;
    if (!result || !result.startDate) {
      return false;
    }
    // the compact view shows hypercare only while it runs or while a flag of it is up
    return !this.compact || result.up.length > 0 || result.weeks.some((w) => w.state === 'current');
  }

  get showHypercareNoStart(): boolean {
    return !this.compact && !!this.dashboard && !this.hypercareResult?.startDate;
  }

  get hypercareExtend(): boolean {
    return !!this.hypercareResult?.extend;
  }

  /** No hypercare flag is up. */
  get hypercareQuiet(): boolean {
    return (this.hypercareResult?.up.length ?? 0) === 0;
  }

  get hypercareWeeks(): HypercareWeekView[] {
    const result = this.hypercareResult;
    if (!result) {
      return [];
    }
    const stateText = {
      upcoming: HYPERCARE_UPCOMING,
      current: HYPERCARE_CURRENT,
      done: HYPERCARE_DONE,
      unknown: ''
    };
    const stateBadge = {
      upcoming: 'slds-badge slds-badge_lightest',
      current: 'slds-badge slds-badge_inverse',
      done: 'slds-badge',
      unknown: 'slds-hide'
    };
    return result.weeks.map((week) => {
      const flags = week.flags
        .filter((f) => f.up)
        .map((f) => ({
          key: f.threshold.developerName,
          text: hypercareFlagText(f),
          ...actionOf(f.threshold)
        }));
      const counts = week.counts;
      const started = week.state !== 'upcoming';
      const count = (n: number | undefined): string => {
        return started && counts && typeof n === 'number' ? numberFormat.format(n) : NO_DATA;
      };
      return {
        key: `week-${week.week}`,
        headingId: `hypercare-week-${week.week}`,
        title: format(HYPERCARE_WEEK, week.week),
        dates:
          week.start && week.end
            ? format(
                HYPERCARE_DATES,
                dayFormat.format(dayDate(week.start)),
                dayFormat.format(dayDate(week.end))
              )
            : '',
        stateText: stateText[week.state],
        stateBadge: stateBadge[week.state],
        handoffs: count(counts?.handoffs),
        completion: formatMeasure(week.completionRate, 'Percent'),
        repeatAsks: count(counts?.repeatAsked),
        openExceptions: count(counts?.openExceptions),
        flags,
        hasFlags: flags.length > 0,
        className: `week slds-box slds-box_x-small${flags.length ? ' week_flagged' : ''}`
      };
    });
  }

  // ------------------------------------------------------------------ reports

  get reports(): ReportLink[] {
    const d = this.dashboard;
    if (!d || this.compact) {
      return [];
    }
    return Object.keys(d.reportIds)
      .sort()
      .map((name) => ({
        key: name,
        label: name.replace(/_/g, ' '),
        url: `/lightning/r/Report/${d.reportIds[name]}/view`
      }));
  }
}
