/**
 * The explicit map from each Apex method a component imports to the TypeScript type the
 * component reads its result as. Every `@salesforce/apex/<Class>.<method>` import needs an entry
 * (the contract test fails on a new import without one, and on an entry nothing imports).
 *
 * `type`:
 * - `declared`: the awaited return type of the method's `declare module` in types/*.d.ts;
 * - `<file>#<Name>`: an interface or type alias (`Namespace.Name` inside a `declare namespace`);
 *   used where the `.d.ts` declares `Promise<unknown>` and the component names the type. When the
 *   `.d.ts` does declare a type as well, both are checked.
 * `json`: the method returns `JSON.serialize(<this class>)` as a String, which the component
 * parses; the type then describes the parsed JSON.
 */
export interface Contract {
  type: 'declared' | `${string}#${string}`;
  json?: string;
}

const PANEL = 'force-app/main/default/lwc/handoffPanel/handoffPanel.ts';
const METRICS = 'force-app/main/default/lwc/handoffMetrics/handoffMetrics.ts';

export const CONTRACTS: Record<string, Contract> = {
  'HandoffAiDraftController.isAvailable': { type: 'declared' },
  'HandoffAiDraftController.draft': { type: 'declared' },
  'HandoffIntakeController.getIntakeView': { type: 'declared' },
  'HandoffIntakeController.getMyHandoffs': { type: 'declared' },
  'HandoffIntakeController.saveItem': { type: 'declared' },
  'HandoffIntakeController.resubmit': { type: 'declared' },
  'HandoffIntakeController.logFirstTouch': { type: 'declared' },
  'HandoffIntakeController.escalate': { type: 'declared' },
  'HandoffIntakeController.recordRepeatAsk': { type: 'declared' },
  'HandoffIntakeController.acceptHandoffWithAnswer': { type: 'declared' },
  'HandoffIntakeController.returnToSalesWithAnswer': { type: 'declared' },
  'HandoffIntakeController.getQualityFieldOptions': { type: 'declared' },
  'HandoffMetricsController.getDashboard': {
    type: `${METRICS}#Dashboard`,
    json: 'HandoffMetricsService.DashboardData'
  },
  'HandoffMetricsController.getAeTime': {
    type: `${METRICS}#AeTimeData`,
    json: 'HandoffAeTimeMetrics.AeTimeData'
  },
  'HandoffMetricsController.getFieldRelevance': {
    type: `${METRICS}#FieldRelevanceData`,
    json: 'HandoffAeTimeMetrics.FieldRelevanceData'
  },
  'HandoffMetricsController.getQuality': {
    type: `${METRICS}#QualityData`,
    json: 'HandoffQualityMetrics.QualityData'
  },
  'HandoffMetricsController.getGoLive': {
    type: `${METRICS}#GoLiveData`,
    json: 'HandoffQualityMetrics.GoLiveData'
  },
  'HandoffMetricsController.getNewPeople': {
    type: `${METRICS}#NewPeopleData`,
    json: 'HandoffQualityMetrics.NewPeopleData'
  },
  'HandoffPanelController.getPanelConfig': { type: `${PANEL}#PanelConfig` },
  'HandoffPanelController.getExceptionState': { type: `${PANEL}#ExceptionState` },
  'HandoffPanelController.getLatestHandoff': { type: `${PANEL}#LatestHandoff` },
  'HandoffPanelController.getPrefillSources': { type: `${PANEL}#PrefillData` },
  'HandoffPanelController.requestException': { type: `${PANEL}#ExceptionState` },
  'HandoffPanelController.getAeFeedback': { type: 'declared' },
  'HandoffPanelController.saveAeFeedback': { type: 'declared' },
  'HandoffNewPeopleController.getGuide': { type: 'declared' },
  'HandoffSetupController.getSetupStatus': { type: 'declared' },
  'HandoffSetupController.requestModeChange': { type: 'declared' },
  'HandoffSetupController.scheduleJobs': { type: 'declared' },
  'HandoffTeamController.getTeamView': { type: 'declared' },
  'HandoffTeamController.reassignMember': { type: 'declared' },
  'HandoffGoLiveController.getGoLive': { type: 'declared' },
  'HandoffGoLiveController.recordGoLive': { type: 'declared' },
  'HandoffBaselineComparison.getComparison': { type: 'declared' }
};

/**
 * Apex fields typed `Object` (or `Map<String, Object>`) that carry a class serialised with
 * JSON.serialize and read back with JSON.deserializeUntyped: `<Class>.<field>` → that class.
 */
export const OBJECT_FIELDS: Record<string, string> = {
  'HandoffPanelController.PanelConfig.rules': 'HandoffRuleEvaluator.Config'
};

/** Mock files that fake something other than an Apex method, with what they fake. */
export const OTHER_MOCKS: Record<string, string> = {
  'handoffPanel/__tests__/data/getRecord.json': 'lightning/uiRecordApi getRecord (LDS)',
  'handoffPanel/__tests__/data/getObjectInfo.json': 'lightning/uiObjectInfoApi getObjectInfo (LDS)'
};
