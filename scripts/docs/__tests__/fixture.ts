/**
 * A small source tree (`force-app/main/default` shape) for the generator's unit tests: one of
 * each metadata type the configuration guide describes, with a few deliberate problems (a rule
 * naming a field that does not exist, a threshold naming an unknown metric) for the checks.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function field(name: string, body: string): string {
  return `${XML}
<CustomField ${NS}>
    <fullName>${name}</fullName>
${body}
</CustomField>`;
}

function record(label: string, values: Record<string, string | null>): string {
  const entries = Object.entries(values)
    .map(([f, v]) =>
      v === null
        ? `    <values>\n        <field>${f}</field>\n        <value xsi:nil="true"/>\n    </values>`
        : `    <values>\n        <field>${f}</field>\n        <value xsi:type="xsd:string">${v}</value>\n    </values>`
    )
    .join('\n');
  return `${XML}
<CustomMetadata ${NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <label>${label}</label>
    <protected>false</protected>
${entries}
</CustomMetadata>`;
}

function rule(
  field: string,
  segment: string,
  requirement: string,
  order: string,
  ruleSet = 'New Business'
): string {
  return record(`${segment} ${field}`, {
    Active__c: 'true',
    Field_API_Name__c: field,
    Guidance__c: `What good looks like for ${field} in ${segment}.`,
    Order__c: order,
    Requirement__c: requirement,
    Rule_Set__c: ruleSet,
    Section__c: 'Basics',
    Segment__c: segment,
    Weight__c: '2'
  });
}

function policy(segment: string, order: string, minAmount: string | null, tier: string): string {
  return record(segment, {
    Active__c: 'true',
    Assignment_Pool__c: 'Fix_Pool',
    Escalation_Owner__c: 'Fix_Missing_Group',
    First_Touch_SLA_Hours__c: '24',
    Match_Logic__c: 'Any',
    Min_Amount__c: minAmount,
    Min_Employees__c: null,
    Order__c: order,
    Review_SLA_Hours__c: '8',
    Segment__c: segment,
    Tier__c: tier
  });
}

/** The fixture's files, relative to the source root. */
export const FIXTURE_FILES: Record<string, string> = {
  'objects/Opportunity/fields/Handoff_Customer_Goals__c.field-meta.xml': field(
    'Handoff_Customer_Goals__c',
    `    <description>The customer's goals &lt;in their words&gt;.</description>
    <inlineHelpText>Top 3 outcomes.</inlineHelpText>
    <label>Customer Goals</label>
    <length>32768</length>
    <type>LongTextArea</type>
    <visibleLines>4</visibleLines>`
  ),
  'objects/Opportunity/fields/Handoff_Scope__c.field-meta.xml': field(
    'Handoff_Scope__c',
    `    <description>What is in scope.</description>
    <inlineHelpText>Scope.</inlineHelpText>
    <label>Scope</label>
    <length>255</length>
    <type>Text</type>`
  ),
  'objects/Opportunity/fields/Handoff_Exception_Active__c.field-meta.xml': field(
    'Handoff_Exception_Active__c',
    `    <description>Formula: approved.</description>
    <formula>ISPICKVAL(Handoff_Exception_Status__c, "Approved")</formula>
    <inlineHelpText>Approved exception.</inlineHelpText>
    <label>Exception Active</label>
    <type>Checkbox</type>`
  ),
  'objects/Opportunity/validationRules/Fix_Gate.validationRule-meta.xml': `${XML}
<ValidationRule ${NS}>
    <fullName>Fix_Gate</fullName>
    <active>true</active>
    <description>Protects the close.</description>
    <errorConditionFormula>AND(ISBLANK(Handoff_Scope__c), NOT($Permission.Fix_Bypass))</errorConditionFormula>
    <errorMessage>Fill the scope first.</errorMessage>
</ValidationRule>`,
  'objects/Widget__c/Widget__c.object-meta.xml': `${XML}
<CustomObject ${NS}>
    <description>A widget.</description>
    <label>Widget</label>
    <nameField>
        <displayFormat>W-{0000}</displayFormat>
        <label>Widget Number</label>
        <type>AutoNumber</type>
    </nameField>
    <pluralLabel>Widgets</pluralLabel>
    <sharingModel>Private</sharingModel>
</CustomObject>`,
  'objects/Widget__c/fields/Status__c.field-meta.xml': field(
    'Status__c',
    `    <description>Where it stands.</description>
    <inlineHelpText>Status.</inlineHelpText>
    <label>Status</label>
    <type>Picklist</type>
    <valueSet>
        <valueSetDefinition>
            <value><fullName>New</fullName><default>true</default><label>New</label></value>
            <value><fullName>Done%2C really</fullName><default>false</default><label>Done, really</label></value>
        </valueSetDefinition>
    </valueSet>`
  ),
  'objects/Widget__c/fields/Opportunity__c.field-meta.xml': field(
    'Opportunity__c',
    `    <description>The deal.</description>
    <inlineHelpText>Deal.</inlineHelpText>
    <label>Opportunity</label>
    <referenceTo>Opportunity</referenceTo>
    <relationshipName>Widgets</relationshipName>
    <type>MasterDetail</type>`
  ),
  'objects/Handoff_Field_Rule__mdt/Handoff_Field_Rule__mdt.object-meta.xml': `${XML}
<CustomObject ${NS}>
    <description>One field rule.</description>
    <label>Handoff Field Rule</label>
    <pluralLabel>Handoff Field Rules</pluralLabel>
</CustomObject>`,
  'objects/Handoff_Field_Rule__mdt/fields/Requirement__c.field-meta.xml': field(
    'Requirement__c',
    `    <description>Required or Optional.</description>
    <inlineHelpText>Requirement.</inlineHelpText>
    <label>Requirement</label>
    <type>Picklist</type>`
  ),
  'objects/Handoff_Segment_Policy__mdt/Handoff_Segment_Policy__mdt.object-meta.xml': `${XML}
<CustomObject ${NS}>
    <description>One segment band.</description>
    <label>Handoff Segment Policy</label>
    <pluralLabel>Handoff Segment Policies</pluralLabel>
</CustomObject>`,
  'objects/Handoff_Health_Threshold__mdt/Handoff_Health_Threshold__mdt.object-meta.xml': `${XML}
<CustomObject ${NS}>
    <description>One red flag.</description>
    <label>Handoff Health Threshold</label>
    <pluralLabel>Handoff Health Thresholds</pluralLabel>
</CustomObject>`,
  'objects/Handoff_Setting__mdt/Handoff_Setting__mdt.object-meta.xml': `${XML}
<CustomObject ${NS}>
    <description>Settings.</description>
    <label>Handoff Setting</label>
    <pluralLabel>Handoff Settings</pluralLabel>
</CustomObject>`,
  'objects/Handoff_Setting__mdt/fields/Gate_Enabled__c.field-meta.xml': field(
    'Gate_Enabled__c',
    `    <description>Clear to pause the gate.</description>
    <inlineHelpText>Gate on.</inlineHelpText>
    <label>Gate Enabled</label>
    <type>Checkbox</type>`
  ),
  'customMetadata/Handoff_Field_Rule.NB_All_Goals.md-meta.xml': rule(
    'Handoff_Customer_Goals__c',
    'All',
    'Required',
    '10'
  ),
  'customMetadata/Handoff_Field_Rule.NB_Big_Scope.md-meta.xml': rule(
    'Handoff_Scope__c',
    'Big',
    'Required',
    '20'
  ),
  'customMetadata/Handoff_Field_Rule.NB_Small_Scope.md-meta.xml': rule(
    'Handoff_Scope__c',
    'Small',
    'Optional',
    '20'
  ),
  'customMetadata/Handoff_Field_Rule.NB_All_Ghost.md-meta.xml': rule(
    'Handoff_Does_Not_Exist__c',
    'All',
    'Required',
    '30'
  ),
  'customMetadata/Handoff_Field_Rule.EX_All_Goals.md-meta.xml': rule(
    'Handoff_Customer_Goals__c',
    'All',
    'Optional',
    '10',
    'Expansion'
  ),
  'customMetadata/Handoff_Segment_Policy.Big.md-meta.xml': policy(
    'Big',
    '10',
    '1000',
    'High-Touch'
  ),
  'customMetadata/Handoff_Segment_Policy.Small.md-meta.xml': policy(
    'Small',
    '20',
    null,
    'Low-Touch'
  ),
  'customMetadata/Handoff_Setting.Default.md-meta.xml': record('Default', {
    Expansion_Opportunity_Types__c: 'Renewal;Upsell',
    Gate_Enabled__c: 'true'
  }),
  'customMetadata/Handoff_Health_Threshold.Nope.md-meta.xml': record('Nope', {
    Active__c: 'true',
    Action__c: 'Look into it.',
    Comparator__c: 'Below',
    Consecutive_Periods__c: '2',
    Metric__c: 'Nope_Rate',
    Period__c: 'Month',
    Threshold__c: '85',
    Unit__c: 'Percent'
  }),
  'permissionsets/Fix_Sales.permissionset-meta.xml': `${XML}
<PermissionSet ${NS}>
    <classAccesses><apexClass>FixController</apexClass><enabled>true</enabled></classAccesses>
    <customPermissions><enabled>true</enabled><name>Fix_Bypass</name></customPermissions>
    <description>For AEs.</description>
    <fieldPermissions><editable>true</editable><field>Opportunity.Handoff_Customer_Goals__c</field><readable>true</readable></fieldPermissions>
    <fieldPermissions><editable>false</editable><field>Opportunity.Handoff_Scope__c</field><readable>true</readable></fieldPermissions>
    <fieldPermissions><editable>false</editable><field>Widget__c.Status__c</field><readable>true</readable></fieldPermissions>
    <label>Fix Sales</label>
    <objectPermissions>
        <allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords><object>Widget__c</object><viewAllRecords>false</viewAllRecords>
    </objectPermissions>
</PermissionSet>`,
  'permissionsetgroups/Fix_Sales_Users.permissionsetgroup-meta.xml': `${XML}
<PermissionSetGroup ${NS}>
    <description>Assign to AEs.</description>
    <label>Fix Sales Users</label>
    <permissionSets>Fix_Sales</permissionSets>
    <status>Updated</status>
</PermissionSetGroup>`,
  'customPermissions/Fix_Bypass.customPermission-meta.xml': `${XML}
<CustomPermission ${NS}>
    <description>Skips the gate.</description>
    <isLicensed>false</isLicensed>
    <label>Fix Bypass</label>
</CustomPermission>`,
  'groups/Fix_Pool.group-meta.xml': `${XML}
<Group ${NS}>
    <description>The pool.</description>
    <doesIncludeBosses>false</doesIncludeBosses>
    <name>Fix Pool</name>
</Group>`,
  'flows/Fix_Flow.flow-meta.xml': `${XML}
<Flow ${NS}>
    <actionCalls>
        <description>Escalates.</description>
        <name>Escalate</name>
        <label>Escalate</label>
        <actionName>FixAction</actionName>
        <actionType>apex</actionType>
    </actionCalls>
    <apiVersion>66.0</apiVersion>
    <decisions>
        <name>Is_Late</name>
        <label>Is Late?</label>
        <defaultConnectorLabel>On Time</defaultConnectorLabel>
        <rules><name>Late</name><label>Late</label></rules>
    </decisions>
    <description>Widget, after save: escalates late widgets.</description>
    <label>Fix Flow</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>
        <filterLogic>and</filterLogic>
        <filters>
            <field>Status__c</field>
            <operator>EqualTo</operator>
            <value><stringValue>New</stringValue></value>
        </filters>
        <object>Widget__c</object>
        <recordTriggerType>CreateAndUpdate</recordTriggerType>
        <scheduledPaths>
            <name>Two_Days_Later</name>
            <label>Two Days Later</label>
            <offsetNumber>2</offsetNumber>
            <offsetUnit>Days</offsetUnit>
            <recordField>CreatedDate</recordField>
            <timeSource>RecordField</timeSource>
        </scheduledPaths>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <status>Active</status>
    <triggerOrder>10</triggerOrder>
</Flow>`,
  'flowtests/Fix_Flow_Late.flowtest-meta.xml': `${XML}
<FlowTest ${NS}>
    <flowApiName>Fix_Flow</flowApiName>
    <label>Late</label>
</FlowTest>`,
  'classes/FixController.cls': `/**
 * @description The widget panel's Apex.
 *
 * Second paragraph.
 */
public with sharing class FixController {
    /**
     * @description Reads the widgets (not the "other" ones).
     * @param recordId the record
     * @return the widgets
     */
    @AuraEnabled(cacheable=true)
    public static List<Widget__c> getWidgets(Id recordId) {
        String s = 'a } { string';
        if (recordId == null) {
            return new List<Widget__c>();
        }
        return [SELECT Id FROM Widget__c WHERE Opportunity__c = :recordId WITH USER_MODE];
    }

    /** @description Not an entry point. */
    public static void helper() {
    }

    /** @description The result. */
    public class Result {
        /** @description A property, not a method. */
        @AuraEnabled
        public String name;
    }
}
`,
  'classes/FixAction.cls': `/**
 * @description Escalates widgets from a flow.
 */
public without sharing class FixAction {
    /** @description One request. */
    public class Request {
        @InvocableVariable(label='Widget Id' description='The widget (usually {!$Record.Id}).' required=true)
        public Id widgetId;
        @InvocableVariable(label='Reason' description='Why it\\'s late.')
        public String reason;
    }

    /**
     * @description Escalates.
     * @param requests one per interview
     */
    @InvocableMethod(
        label='Escalate Widgets (bulk)'
        description='Escalates each widget once (idempotent).'
        category='Fix'
    )
    public static void escalate(List<Request> requests) {
    }
}
`,
  'classes/FixJob.cls': `/**
 * @description Nightly widget clean-up.
 */
public with sharing class FixJob implements Schedulable, Database.Batchable<SObject> {
    public void execute(SchedulableContext context) {
    }
}
`,
  'classes/FixControllerTest.cls': `@IsTest
private class FixControllerTest {
    @IsTest
    static void readsWidgets() {
        Assert.isNotNull(FixController.getWidgets(null), 'a list');
    }
}
`,
  'triggers/WidgetTrigger.trigger': `trigger WidgetTrigger on Widget__c(before insert, after update) {
    new FixTriggerHandler().run();
}
`,
  'quickActions/Opportunity.Fix_Request.quickAction-meta.xml': `${XML}
<QuickAction ${NS}>
    <description>Requests a widget.</description>
    <fieldOverrides><field>Handoff_Scope__c</field><literalValue>Requested</literalValue></fieldOverrides>
    <label>Request Widget</label>
    <quickActionLayout>
        <quickActionLayoutColumns>
            <quickActionLayoutItems><field>Handoff_Customer_Goals__c</field><uiBehavior>Required</uiBehavior></quickActionLayoutItems>
        </quickActionLayoutColumns>
    </quickActionLayout>
    <successMessage>Sent.</successMessage>
    <type>Update</type>
</QuickAction>`,
  'flexipages/Fix_Page.flexipage-meta.xml': `${XML}
<FlexiPage ${NS}>
    <description>The widget page.</description>
    <flexiPageRegions>
        <itemInstances><componentInstance><componentName>fixPanel</componentName></componentInstance></itemInstances>
        <itemInstances><componentInstance><componentName>force:detailPanel</componentName></componentInstance></itemInstances>
        <name>main</name>
        <type>Region</type>
    </flexiPageRegions>
    <masterLabel>Fix Page</masterLabel>
    <sobjectType>Widget__c</sobjectType>
    <type>RecordPage</type>
</FlexiPage>`,
  'applications/Fix_App.app-meta.xml': `${XML}
<CustomApplication ${NS}>
    <description>The widget app.</description>
    <formFactors>Large</formFactors>
    <label>Fix App</label>
    <navType>Standard</navType>
    <tabs>standard-home</tabs>
    <tabs>Widget__c</tabs>
    <uiType>Lightning</uiType>
</CustomApplication>`,
  'tabs/Widget__c.tab-meta.xml': `${XML}
<CustomTab ${NS}>
    <customObject>true</customObject>
    <description>Widgets tab.</description>
    <motif>Custom20: Airplane</motif>
</CustomTab>`,
  'reports/Fix_Reports.reportFolder-meta.xml': `${XML}
<ReportFolder ${NS}>
    <accessType>Public</accessType>
    <name>Fix Reports</name>
    <publicFolderAccess>ReadOnly</publicFolderAccess>
</ReportFolder>`,
  'reports/Fix_Reports/Fix_By_Status.report-meta.xml': `${XML}
<Report ${NS}>
    <columns><field>Widget__c$Name</field></columns>
    <description>Widgets by status.</description>
    <filter>
        <criteriaItems><column>Widget__c$Status__c</column><operator>notEqual</operator><value>New</value></criteriaItems>
    </filter>
    <format>Summary</format>
    <groupingsDown><dateGranularity>Month</dateGranularity><field>Widget__c$CreatedDate</field></groupingsDown>
    <name>Widgets by Status</name>
    <reportType>Fix_Type__c</reportType>
</Report>`,
  'dashboards/Fix_Dashboards/Fix_Dash.dashboard-meta.xml': `${XML}
<Dashboard ${NS}>
    <dashboardType>LoggedInUser</dashboardType>
    <description>Widget health.</description>
    <leftSection>
        <components>
            <componentType>Bar</componentType>
            <header>Widgets by status</header>
            <report>Fix_Reports/Fix_By_Status</report>
        </components>
    </leftSection>
    <title>Fix Dash</title>
</Dashboard>`,
  'reportTypes/Fix_Type.reportType-meta.xml': `${XML}
<ReportType ${NS}>
    <baseObject>Widget__c</baseObject>
    <category>other</category>
    <deployed>true</deployed>
    <description>Widgets.</description>
    <label>Widgets</label>
</ReportType>`
};

/** Writes the fixture into a new temporary folder and returns the source root. */
export function writeFixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'docs-fixture-'));
  for (const [path, content] of Object.entries(FIXTURE_FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}
