// The platform's metadata rules that a deploy enforces and that this project's files could
// break, as data: one table, each rule with the reference page it comes from. The checker
// (check.ts, run by `npm run check:metadata`) applies every rule to every file in force-app.
//
// `documented`: a Salesforce reference page states the rule; `url` is that page and `says`
// what it says. `unverified`: the number or rule is the one this project was told or saw
// (issue 11, a deploy error another project reported), but no Salesforce reference page
// confirming it was found in the documentation that could be searched; `says` explains what
// was and was not found. Both kinds are enforced: the aim is a first deploy that succeeds,
// and an unverified rule fails loudly with its status in the message, so it is easy to
// correct (change the number here and cite the page) rather than silently skipped.

export type Confidence = 'documented' | 'unverified';

export interface Reference {
  /** Page title as Salesforce publishes it. */
  title: string;
  url: string;
  /** What the page states (paraphrased), or for unverified rules what is known and how. */
  says: string;
}

interface RuleBase {
  /** Stable id, printed with every violation. */
  id: string;
  confidence: Confidence;
  reference: Reference;
}

// ---------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------

const FIELD_REF =
  'https://developer.salesforce.com/docs/platform/field-reference/references/field-reference';

const REF = {
  permissionSetTooling: {
    title: 'Tooling API: PermissionSet',
    url: 'https://developer.salesforce.com/docs/platform/api-tooling/references/tooling-objects/tooling-permissionset.html',
    says: 'Description: "A description of the permission set. Limit: 255 characters."'
  },
  permissionSetFieldRef: {
    title: 'Field Reference: PermissionSet',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.224.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_PermissionSet.htm',
    says: 'Description string 255; Label (Permission Set Label) string 80; Name string 80.'
  },
  staticResource: {
    title: 'Field Reference: StaticResource',
    url: `${FIELD_REF}/salesforce-field-reference-staticresource.html`,
    says: 'Description textarea, length 255.'
  },
  customPermission: {
    title: 'Object Reference: CustomPermission',
    url: 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-custompermission.html',
    says: 'Description: "Limit: 255 characters." Field Reference: MasterLabel (Label) string 80.'
  },
  group: {
    title: 'Field Reference: Group',
    url: `${FIELD_REF}/salesforce-field-reference-group.html`,
    says: 'Description textarea 1332; Name string 40; DeveloperName string 80.'
  },
  report: {
    title: 'Object Reference: Report',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_report.htm',
    says: 'Description: "The description of the report. Limit: 255 characters." Field Reference: Name (Report Name) string 40.'
  },
  folder: {
    title: 'Field Reference: Folder',
    url: `${FIELD_REF}/salesforce-field-reference-folder.html`,
    says: 'Name string 40; DeveloperName string 80.'
  },
  dashboard: {
    title: 'Field Reference: Dashboard',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.228.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Dashboard.htm',
    says: 'Description string 255; Title string 80; DeveloperName string 80.'
  },
  emailTemplate: {
    title: 'Field Reference: EmailTemplate',
    url: `${FIELD_REF}/salesforce-field-reference-emailtemplate.html`,
    says:
      'Description string 4000; Name (Email Template Name) string 80; Subject string 255 ' +
      '(Subject length from the v49 Field Reference, salesforce_field_reference_EmailTemplate.htm).'
  },
  validationRule: {
    title: 'Tooling API: ValidationRule',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_validationrule.htm',
    says: 'ErrorMessage: "The message that appears if the validation rule fails. The message must be 255 characters or less." (Metadata API ValidationRule says the same.)'
  },
  customLabels: {
    title: 'Metadata API: CustomLabels',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customlabels.htm',
    says: '"Custom labels are custom text values, up to 1,000 characters in length"; categories: 255 characters (also Tooling API ExternalString.Category: "limited to 255 characters").'
  },
  fieldNameAndLabel: {
    title:
      'Salesforce Help: DescribeFieldResult.getLength() returns maximum of 40 characters for longer API name (000381913)',
    url: 'https://help.salesforce.com/s/articleView?id=000381913&language=en_US&type=1',
    says: '"The current character limit for creating field names and labels is 40 characters." A custom object name of 40 characters gets "__c" appended.'
  },
  flowDefinitionView: {
    title: 'Field Reference: FlowDefinitionView',
    url: `${FIELD_REF}/salesforce-field-reference-flowdefinitionview.html`,
    says: 'Description (Flow Description) string 255; Label (Flow Label) string 255. FlowVersionView reports the same lengths for a version.'
  },
  flowVariableView: {
    title: 'Field Reference: FlowVariableView',
    url: `${FIELD_REF}/salesforce-field-reference-flowvariableview.html`,
    says: 'Description (Variable Description) string 255; ApiName string 255.'
  },
  flowTestView: {
    title: 'Field Reference: FlowTestView',
    url: `${FIELD_REF}/salesforce-field-reference-flowtestview.html`,
    says: 'Description textarea 1000; FlowTestLabel string 255.'
  },
  objectPermissions: {
    title: 'Object Reference: ObjectPermissions',
    url: 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-objectpermissions.html',
    says:
      'PermissionsCreate "Requires PermissionsRead"; PermissionsEdit "Requires PermissionsRead"; PermissionsDelete ' +
      '"Requires PermissionsRead and PermissionsEdit"; PermissionsViewAllRecords requires PermissionsRead; ' +
      'PermissionsModifyAllRecords requires PermissionsRead, PermissionsDelete, PermissionsEdit and PermissionsViewAllRecords ' +
      '"for the same object".'
  },
  fieldPermissions: {
    title: 'Object Reference: FieldPermissions',
    url: 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-fieldpermissions.html',
    says: 'PermissionsEdit: "Requires PermissionsRead for the same field to be true." A FieldPermissions record must have at least PermissionsRead.'
  },
  permissionDependency: {
    title: 'Tooling API: PermissionDependency',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.264.0.api_tooling.meta/api_tooling/tooling_api_objects_permissiondependency.htm',
    says: 'Object and user permissions can require other permissions; the org lists them in PermissionDependency (Permission, RequiredPermission and their types).'
  },
  customPermissionDependency: {
    title: 'Object Reference: CustomPermissionDependency',
    url: 'https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-custompermissiondependency.html',
    says: 'Represents the dependency between two custom permissions when one custom permission requires that you enable another.'
  },
  ischanged: {
    title: 'Salesforce Help: ISCHANGED',
    url: 'https://help.salesforce.com/apex/HTViewHelpDoc?id=customize_functions_ischanged.htm&language=en_US',
    says: '"This function is available only in: Assignment rules, Validation rules, Field updates, Workflow rules (created, and every time it\'s edited), Formula criteria for executing actions in Process Builder."'
  },
  priorvalue: {
    title: 'Salesforce Help: PRIORVALUE',
    url: 'https://help.salesforce.com/apex/HTViewHelpDoc?id=platform.customize_functions_priorvalue.htm',
    says: '"This function is available only in: Assignment rules, Validation rules, Field updates, Workflow rules (created, and every time it\'s edited), Formula criteria … in Process Builder."'
  },
  isnew: {
    title: 'Salesforce Help: ISNEW',
    url: 'https://help.salesforce.com/s/articleView?id=platform.customize_functions_isnew.htm&language=en_US&type=5',
    says: '"This function is available only in validation rules, field updates, workflow rules, assignment rules, and processes."'
  },
  invocableMethod: {
    title: 'Apex Developer Guide: InvocableMethod Annotation',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.222.0.apexcode.meta/apexcode/apex_classes_annotation_InvocableMethod.htm',
    says: '"Only one method in a class can have the InvocableMethod annotation." The method must be static and public or global, in an outer class.'
  },
  customMetadata: {
    title: 'Metadata API: CustomMetadata',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_custommetadata.htm',
    says:
      'description: "a maximum of 1,000 characters". CustomMetadataValue.field: the name of a custom field in the custom ' +
      'metadata type; it "corresponds to the name of a field on the custom metadata record\'s custom metadata type". ' +
      "Record names are prefixed with their type name (without __mdt); the sample states each value's type with xsi:type."
  },
  fieldReference: {
    title: 'Field Reference: Fields Reference Introduction',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.226.0.sfFieldRef.meta/sfFieldRef/salesforce_field_reference.htm',
    says:
      'Length: "The maximum number of characters in the field" ("You can\'t set it to a value longer than" it). Precision: ' +
      '"The maximum total number of digits in the number, including digits both to the left and right of the decimal point". ' +
      'Scale: "The number of digits to the right of the decimal place."'
  },
  customMetadataFields: {
    title: 'Salesforce Help: Custom Metadata Type Fields',
    url: 'https://help.salesforce.com/s/articleView?id=platform.custommetadatatypes_fields.htm&language=en_US&type=5',
    says: 'Supported field types: Metadata Relationship, Checkbox, Date, Date and Time, Email, Number, Percent, Phone, Picklist, Text, Text Area, Text Area (Long), URL.'
  },
  customMetadataTypeCreate: {
    title: 'Salesforce Help: Add or Edit a Custom Metadata Type Declaratively',
    url: 'https://help.salesforce.com/s/articleView?id=platform.custommetadatatypes_ui_create.htm&language=en_US&type=5',
    says:
      '"Record names must be unique within their custom metadata type and namespace." For the type\'s Object Name: only ' +
      'alphanumeric characters and underscores, beginning with a letter, no spaces, not ending with an underscore, no two consecutive underscores.'
  },
  xmlSchemaDatatypes: {
    title: 'W3C XML Schema Part 2: Datatypes (xsd:boolean, xsd:double, xsd:date, xsd:dateTime)',
    url: 'https://www.w3.org/TR/xmlschema-2/',
    says:
      'xsd:date is CCYY-MM-DD (optional time zone); xsd:dateTime is CCYY-MM-DDThh:mm:ss with optional fractional seconds ' +
      'and time zone; xsd:double is a decimal number with an optional exponent. The values are typed by their xsi:type.'
  },
  pathAssistant: {
    title: 'Metadata API: PathAssistant',
    url: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_pathassistant.htm',
    says: '"Only one path can be created per record type for each object, including __Master__ record type."'
  }
} satisfies Record<string, Reference>;

/** For unverified rules: what was searched and where the number comes from. */
function unverified(says: string, closest?: Reference): Reference {
  return {
    title: closest
      ? `${closest.title} (related page; it does not state this rule)`
      : 'no reference page found',
    url: closest?.url ?? '',
    says
  };
}

// ---------------------------------------------------------------------------------------
// Length limits
// ---------------------------------------------------------------------------------------

export interface LengthRule extends RuleBase {
  kind: 'length';
  /** Metadata type, for messages. */
  metadataType: string;
  /** File name suffix of the type's source files. */
  suffix: string;
  /**
   * Element path from the root, `/`-separated (`labels/shortDescription`); every matching
   * leaf is checked. `@name` is the component's API name taken from the file name, without
   * the `__c`/`__mdt`/`__e` suffix.
   */
  element: string;
  max: number;
}

const length = (
  id: string,
  metadataType: string,
  suffix: string,
  element: string,
  max: number,
  confidence: Confidence,
  reference: Reference
): LengthRule => ({
  kind: 'length',
  id,
  metadataType,
  suffix,
  element,
  max,
  confidence,
  reference
});

const D = 'documented';
const U = 'unverified';

const ISSUE_11 = 'Issue 11 reports a deploy rejecting this element over this length';

export const LENGTH_RULES: readonly LengthRule[] = [
  // Permission sets and groups
  length(
    'permissionset-description',
    'PermissionSet',
    '.permissionset-meta.xml',
    'description',
    255,
    D,
    REF.permissionSetTooling
  ),
  length(
    'permissionset-label',
    'PermissionSet',
    '.permissionset-meta.xml',
    'label',
    80,
    D,
    REF.permissionSetFieldRef
  ),
  length(
    'permissionsetgroup-description',
    'PermissionSetGroup',
    '.permissionsetgroup-meta.xml',
    'description',
    255,
    U,
    unverified(
      'PermissionSetGroup.Description is a textarea whose length the Tooling API, Object Reference and Metadata API pages do not state; 255 is the PermissionSet limit, assumed here.',
      REF.permissionSetTooling
    )
  ),
  length(
    'custompermission-description',
    'CustomPermission',
    '.customPermission-meta.xml',
    'description',
    255,
    D,
    REF.customPermission
  ),
  length(
    'custompermission-label',
    'CustomPermission',
    '.customPermission-meta.xml',
    'label',
    80,
    D,
    REF.customPermission
  ),
  // Static resources
  length(
    'staticresource-description',
    'StaticResource',
    '.resource-meta.xml',
    'description',
    255,
    D,
    REF.staticResource
  ),
  // Public groups: the Group metadata type's <name> is the group's label (Group.Name).
  length('group-description', 'Group', '.group-meta.xml', 'description', 1332, D, REF.group),
  length('group-name', 'Group', '.group-meta.xml', 'name', 40, D, REF.group),
  // Reports, dashboards and their folders
  length('report-description', 'Report', '.report-meta.xml', 'description', 255, D, REF.report),
  length('report-name', 'Report', '.report-meta.xml', 'name', 40, D, REF.report),
  length('reportfolder-name', 'ReportFolder', '.reportFolder-meta.xml', 'name', 40, D, REF.folder),
  length(
    'dashboard-description',
    'Dashboard',
    '.dashboard-meta.xml',
    'description',
    255,
    D,
    REF.dashboard
  ),
  length('dashboard-title', 'Dashboard', '.dashboard-meta.xml', 'title', 80, D, REF.dashboard),
  length(
    'dashboardfolder-name',
    'DashboardFolder',
    '.dashboardFolder-meta.xml',
    'name',
    40,
    D,
    REF.folder
  ),
  length(
    'reporttype-description',
    'ReportType',
    '.reportType-meta.xml',
    'description',
    255,
    U,
    unverified(
      'Stated as 255 by an earlier review of this project (commit 4808d61); the ReportType reference pages searched do not state a length.'
    )
  ),
  // Email templates and their folders
  length(
    'emailtemplate-description',
    'EmailTemplate',
    '.email-meta.xml',
    'description',
    4000,
    D,
    REF.emailTemplate
  ),
  length(
    'emailtemplate-name',
    'EmailTemplate',
    '.email-meta.xml',
    'name',
    80,
    D,
    REF.emailTemplate
  ),
  length(
    'emailtemplate-subject',
    'EmailTemplate',
    '.email-meta.xml',
    'subject',
    255,
    D,
    REF.emailTemplate
  ),
  length('emailfolder-name', 'EmailFolder', '.emailFolder-meta.xml', 'name', 40, D, REF.folder),
  // Validation rules
  length(
    'validationrule-errormessage',
    'ValidationRule',
    '.validationRule-meta.xml',
    'errorMessage',
    255,
    D,
    REF.validationRule
  ),
  length(
    'validationrule-description',
    'ValidationRule',
    '.validationRule-meta.xml',
    'description',
    255,
    U,
    unverified(
      'Salesforce Help (Validation Rule fields) is said to allow a 255-character description; the reference pages searched give no length.',
      REF.validationRule
    )
  ),
  length(
    'validationrule-name',
    'ValidationRule',
    '.validationRule-meta.xml',
    '@name',
    40,
    U,
    unverified(
      'Rule Name "up to 40 characters" per Salesforce Help as quoted by third parties; not found on a reference page.',
      REF.validationRule
    )
  ),
  // Custom labels
  length(
    'customlabel-value',
    'CustomLabels',
    '.labels-meta.xml',
    'labels/value',
    1000,
    D,
    REF.customLabels
  ),
  length(
    'customlabel-categories',
    'CustomLabels',
    '.labels-meta.xml',
    'labels/categories',
    255,
    D,
    REF.customLabels
  ),
  length(
    'customlabel-shortdescription',
    'CustomLabels',
    '.labels-meta.xml',
    'labels/shortDescription',
    80,
    U,
    unverified(
      `${ISSUE_11} (80). The Metadata API CustomLabels page describes shortDescription without a length.`,
      REF.customLabels
    )
  ),
  // Custom fields (also on standard objects) and custom objects
  length(
    'customfield-name',
    'CustomField',
    '.field-meta.xml',
    '@name',
    40,
    D,
    REF.fieldNameAndLabel
  ),
  length(
    'customfield-label',
    'CustomField',
    '.field-meta.xml',
    'label',
    40,
    D,
    REF.fieldNameAndLabel
  ),
  length(
    'customfield-description',
    'CustomField',
    '.field-meta.xml',
    'description',
    1000,
    U,
    unverified(
      '1,000 characters per Salesforce Help (Custom Field Attributes) as commonly quoted; the page could not be read to that point and no API reference states it.'
    )
  ),
  length(
    'customfield-inlinehelptext',
    'CustomField',
    '.field-meta.xml',
    'inlineHelpText',
    510,
    U,
    unverified(
      '510 characters per Salesforce Help (Define Field-Level Help) as commonly quoted; not found on a reference page. (EntityParticle reports InlineHelpText as string 150, a view of the value, not the limit.)'
    )
  ),
  length(
    'customfield-picklist-value',
    'CustomField',
    '.field-meta.xml',
    'valueSet/valueSetDefinition/value/fullName',
    255,
    U,
    unverified(
      'Picklist value API names and labels of up to 255 characters per Salesforce Help as commonly quoted; not found on a reference page.'
    )
  ),
  length(
    'customfield-picklist-label',
    'CustomField',
    '.field-meta.xml',
    'valueSet/valueSetDefinition/value/label',
    255,
    U,
    unverified(
      'Picklist value API names and labels of up to 255 characters per Salesforce Help as commonly quoted; not found on a reference page.'
    )
  ),
  length(
    'customobject-name',
    'CustomObject',
    '.object-meta.xml',
    '@name',
    40,
    D,
    REF.fieldNameAndLabel
  ),
  length(
    'customobject-label',
    'CustomObject',
    '.object-meta.xml',
    'label',
    40,
    U,
    unverified(
      'Object labels of 40 characters per Salesforce Help as commonly quoted; the help article cited for fields speaks of field labels only.',
      REF.fieldNameAndLabel
    )
  ),
  length(
    'customobject-plurallabel',
    'CustomObject',
    '.object-meta.xml',
    'pluralLabel',
    40,
    U,
    unverified(
      'Plural labels of 40 characters per Salesforce Help as commonly quoted; not found on a reference page.'
    )
  ),
  length(
    'customobject-description',
    'CustomObject',
    '.object-meta.xml',
    'description',
    1000,
    U,
    unverified(
      '1,000 characters per Salesforce Help (custom object definition) as commonly quoted; the Tooling API CustomObject page describes Description without a length.'
    )
  ),
  length(
    'custommetadata-record-label',
    'CustomMetadata',
    '.md-meta.xml',
    'label',
    40,
    U,
    unverified(
      'Custom metadata record Label of 40 characters per Salesforce Help as commonly quoted; not found on a reference page.'
    )
  ),
  length(
    'custommetadata-record-description',
    'CustomMetadata',
    '.md-meta.xml',
    'description',
    1000,
    D,
    REF.customMetadata
  ),
  // Flows and flow tests
  length('flow-label', 'Flow', '.flow-meta.xml', 'label', 255, D, REF.flowDefinitionView),
  length(
    'flow-description',
    'Flow',
    '.flow-meta.xml',
    'description',
    255,
    D,
    REF.flowDefinitionView
  ),
  length(
    'flow-variable-description',
    'Flow',
    '.flow-meta.xml',
    'variables/description',
    255,
    D,
    REF.flowVariableView
  ),
  length(
    'flowtest-description',
    'FlowTest',
    '.flowtest-meta.xml',
    'description',
    1000,
    D,
    REF.flowTestView
  ),
  length('flowtest-label', 'FlowTest', '.flowtest-meta.xml', 'label', 255, D, REF.flowTestView),
  // Pages, components, apps, tabs, actions, approvals, notifications
  length(
    'flexipage-description',
    'FlexiPage',
    '.flexipage-meta.xml',
    'description',
    255,
    U,
    unverified(
      'Stated as 255 by an earlier review of this project (commit 4808d61); no reference page found.'
    )
  ),
  length(
    'lightningcomponentbundle-description',
    'LightningComponentBundle',
    '.js-meta.xml',
    'description',
    255,
    U,
    unverified(
      'Stated as 255 by an earlier review of this project (commit 4808d61); no reference page found.'
    )
  ),
  length(
    'customapplication-description',
    'CustomApplication',
    '.app-meta.xml',
    'description',
    255,
    U,
    unverified('255 per the issue 11 brief; no reference page found.')
  ),
  length(
    'customtab-description',
    'CustomTab',
    '.tab-meta.xml',
    'description',
    255,
    U,
    unverified('255 per the issue 11 brief; no reference page found.')
  ),
  length(
    'quickaction-description',
    'QuickAction',
    '.quickAction-meta.xml',
    'description',
    255,
    U,
    unverified(
      'Stated as 255 by an earlier review of this project (commit 4808d61); no reference page found.'
    )
  ),
  length(
    'approvalprocess-description',
    'ApprovalProcess',
    '.approvalProcess-meta.xml',
    'description',
    255,
    U,
    unverified(
      'Stated as 255 by an earlier review of this project (commit 4808d61); no reference page found.'
    )
  ),
  length(
    'notificationtype-description',
    'CustomNotificationType',
    '.notiftype-meta.xml',
    'description',
    255,
    U,
    unverified(
      'Stated as 255 by an earlier review of this project (commit 2bf1f2d: "a deploy would reject it"); no reference page found.'
    )
  )
];

// ---------------------------------------------------------------------------------------
// Permission dependencies (checked per permission set: groups do not satisfy them)
// ---------------------------------------------------------------------------------------

export type ObjectPermission =
  'allowRead' | 'allowCreate' | 'allowEdit' | 'allowDelete' | 'viewAllRecords' | 'modifyAllRecords';

export const OBJECT_PERMISSION_LABELS: Record<ObjectPermission, string> = {
  allowRead: 'Read',
  allowCreate: 'Create',
  allowEdit: 'Edit',
  allowDelete: 'Delete',
  viewAllRecords: 'View All',
  modifyAllRecords: 'Modify All'
};

export interface ObjectPermissionRule extends RuleBase {
  kind: 'object-permission';
  permission: ObjectPermission;
  requires: readonly ObjectPermission[];
}

const objectPermission = (
  permission: ObjectPermission,
  requires: ObjectPermission[]
): ObjectPermissionRule => ({
  kind: 'object-permission',
  id: `object-permission-${OBJECT_PERMISSION_LABELS[permission].toLowerCase().replace(' ', '-')}`,
  permission,
  requires,
  confidence: D,
  reference: REF.objectPermissions
});

/** Within one object: a permission needs these others on the same object. */
export const OBJECT_PERMISSION_RULES: readonly ObjectPermissionRule[] = [
  objectPermission('allowCreate', ['allowRead']),
  objectPermission('allowEdit', ['allowRead']),
  objectPermission('allowDelete', ['allowRead', 'allowEdit']),
  objectPermission('viewAllRecords', ['allowRead']),
  objectPermission('modifyAllRecords', ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords'])
];

export interface ObjectDependencyRule extends RuleBase {
  kind: 'object-dependency';
  /** Any permission on this object… */
  object: string;
  /** …needs Read on each of these in the same permission set. */
  requiresRead: readonly string[];
}

const OBSERVED_OBJECT_DEPENDENCY = (object: string, required: string): Reference =>
  unverified(
    `The org's PermissionDependency lists this; a deploy fails with "Permission Read ${object} depends on permission(s): Read ${required}" ` +
      '(issue 11 for Opportunity; the same error text is reported by other projects). The per-object list is not published on a reference page.',
    REF.permissionDependency
  );

/** Standard objects whose permissions need Read on another object. */
export const OBJECT_DEPENDENCY_RULES: readonly ObjectDependencyRule[] = [
  {
    kind: 'object-dependency',
    id: 'object-dependency-opportunity',
    object: 'Opportunity',
    requiresRead: ['Account'],
    confidence: U,
    reference: OBSERVED_OBJECT_DEPENDENCY('Opportunity', 'Account')
  },
  {
    kind: 'object-dependency',
    id: 'object-dependency-contact',
    object: 'Contact',
    requiresRead: ['Account'],
    confidence: U,
    reference: OBSERVED_OBJECT_DEPENDENCY('Contact', 'Account')
  },
  {
    kind: 'object-dependency',
    id: 'object-dependency-case',
    object: 'Case',
    requiresRead: ['Account', 'Contact'],
    confidence: U,
    reference: OBSERVED_OBJECT_DEPENDENCY('Case', 'Account, Read Contact')
  }
];

/** A detail object of a master-detail relationship (from our object definitions) needs Read on its master. */
export const MASTER_DETAIL_RULE: RuleBase & { kind: 'master-detail' } = {
  kind: 'master-detail',
  id: 'object-dependency-master-detail',
  confidence: U,
  reference: unverified(
    'A detail object\'s permissions depend on Read on its master: deploys fail with "Permission Read <Detail> depends on permission(s): Read <Master>" ' +
      '(reported by other projects); listed by the org in PermissionDependency, not on a reference page.',
    REF.permissionDependency
  )
};

export const FIELD_PERMISSION_RULE: RuleBase & { kind: 'field-permission' } = {
  kind: 'field-permission',
  id: 'field-permission-edit-needs-read',
  confidence: D,
  reference: REF.fieldPermissions
};

/** Field permissions cannot be set on fields the platform makes required (master-detail, required). */
export const REQUIRED_FIELD_PERMISSION_RULE: RuleBase & { kind: 'required-field-permission' } = {
  kind: 'required-field-permission',
  id: 'field-permission-required-field',
  confidence: U,
  reference: unverified(
    'Field-level security does not apply to required and master-detail fields; deploys of permission sets naming them fail with ' +
      '"You cannot deploy to a required field" (widely reported; not found on a reference page).',
    REF.fieldPermissions
  )
};

export interface UserPermissionRule extends RuleBase {
  kind: 'user-permission';
  name: string;
  requires: readonly string[];
}

/**
 * Every user permission a permission set in this project enables, with the permissions it
 * requires. A user permission missing here fails the check: look its dependencies up in the
 * org (Tooling API PermissionDependency) and add it. (Deploys also reject user permissions
 * the org does not have: "Unknown user permission".)
 */
export const USER_PERMISSION_RULES: readonly UserPermissionRule[] = [
  {
    kind: 'user-permission',
    id: 'user-permission-ViewSetup',
    name: 'ViewSetup',
    requires: [],
    confidence: U,
    reference: unverified(
      'View Setup and Configuration: no required permission known; confirm with PermissionDependency in an org.',
      REF.permissionDependency
    )
  },
  {
    kind: 'user-permission',
    id: 'user-permission-RunReports',
    name: 'RunReports',
    requires: [],
    confidence: U,
    reference: unverified(
      'Run Reports: no required permission known; confirm with PermissionDependency in an org.',
      REF.permissionDependency
    )
  }
];

/** A user permission this table does not know: its dependencies have not been looked up. */
export const UNKNOWN_USER_PERMISSION_RULE: RuleBase & { kind: 'unknown-user-permission' } = {
  kind: 'unknown-user-permission',
  id: 'user-permission-unknown',
  confidence: D,
  reference: REF.permissionDependency
};

export const CUSTOM_PERMISSION_RULE: RuleBase & { kind: 'custom-permission' } = {
  kind: 'custom-permission',
  id: 'custom-permission-required',
  confidence: D,
  reference: REF.customPermissionDependency
};

// ---------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------

/** Where a formula lives in the metadata this checker reads. */
export type FormulaContext =
  | 'formula field'
  | 'default value'
  | 'validation rule'
  | 'workflow field update'
  | 'workflow rule'
  | 'approval criteria'
  | 'flow formula';

export interface FormulaFunctionRule extends RuleBase {
  kind: 'formula-function';
  /** Function name, upper case; matched case-insensitively before `(`. */
  name: string;
  allowedIn: readonly FormulaContext[];
}

// Flows: record-triggered flow formulas and entry conditions accept ISCHANGED, ISNEW and
// PRIORVALUE (they are where Process Builder criteria moved); allowed here as the brief says.
const RECORD_CHANGE_CONTEXTS: FormulaContext[] = [
  'validation rule',
  'workflow field update',
  'workflow rule',
  'approval criteria',
  'flow formula'
];

export const FORMULA_FUNCTION_RULES: readonly FormulaFunctionRule[] = [
  {
    kind: 'formula-function',
    id: 'formula-ischanged',
    name: 'ISCHANGED',
    allowedIn: RECORD_CHANGE_CONTEXTS,
    confidence: D,
    reference: REF.ischanged
  },
  {
    kind: 'formula-function',
    id: 'formula-priorvalue',
    name: 'PRIORVALUE',
    allowedIn: RECORD_CHANGE_CONTEXTS,
    confidence: D,
    reference: REF.priorvalue
  },
  {
    kind: 'formula-function',
    id: 'formula-isnew',
    name: 'ISNEW',
    allowedIn: RECORD_CHANGE_CONTEXTS,
    confidence: D,
    reference: REF.isnew
  },
  {
    kind: 'formula-function',
    id: 'formula-vlookup',
    name: 'VLOOKUP',
    allowedIn: ['validation rule'],
    confidence: U,
    reference: unverified(
      '"VLOOKUP is available only in validation rules" (Salesforce Help VLOOKUP page as quoted by third parties; the page itself was not in the searchable documentation).'
    )
  }
];

export const FORMULA_SPAN_RULE: RuleBase & { kind: 'formula-span'; maxRelationships: number } = {
  kind: 'formula-span',
  id: 'formula-cross-object-depth',
  maxRelationships: 10,
  confidence: U,
  reference: unverified(
    'Cross-object formulas can reference fields up to 10 relationships away (Salesforce Help, as quoted by third parties; not found on a reference page).'
  )
};

export const FORMULA_LENGTH_RULE: RuleBase & { kind: 'formula-length'; max: number } = {
  kind: 'formula-length',
  id: 'formula-length',
  max: 3900,
  confidence: U,
  reference: unverified(
    'A formula holds at most 3,900 characters (Salesforce Help "Formula Field Limits and Restrictions", as quoted by third parties; not found on a reference page).'
  )
};

/**
 * Not enforced, for want of a reference: where `$Permission` and `$CustomMetadata` may be
 * used. They appear here so a reader knows they were considered. This project uses
 * `$Permission` only in validation rules, which Salesforce documents as a supported place.
 */
export const NOT_ENFORCED: readonly { rule: string; why: string }[] = [
  {
    rule: '$Permission only where allowed',
    why: 'no reference page listing the contexts was found'
  },
  {
    rule: '$CustomMetadata only where allowed',
    why: 'no reference page listing the contexts was found'
  },
  {
    rule: 'field permissions need object Read (or, to edit, object Edit) in the same permission set',
    why: 'FieldPermissions documents only Edit ⇒ Read on the field; the platform accepts field permissions without object permissions (they take effect with object access from another set)'
  },
  {
    rule: 'custom metadata record values of Email, Phone, URL and Metadata Relationship fields (beyond their xsi:type)',
    why: 'no field of these types in this project; their lengths and the relationship target checks were not looked up'
  },
  {
    rule: 'custom metadata picklist values marked inactive',
    why: 'no reference page says whether a record may keep an inactive value; any defined value is accepted'
  },
  {
    rule: 'flow element descriptions (decisions, actions, formulas…)',
    why: "no reference page states a length (the flow's own description is limited above)"
  }
];

// ---------------------------------------------------------------------------------------
// Other deploy rules
// ---------------------------------------------------------------------------------------

export const INVOCABLE_METHOD_RULE: RuleBase & { kind: 'invocable-method' } = {
  kind: 'invocable-method',
  id: 'apex-one-invocable-method',
  confidence: D,
  reference: REF.invocableMethod
};

export const PATH_RULE: RuleBase & { kind: 'path' } = {
  kind: 'path',
  id: 'path-one-per-record-type',
  confidence: D,
  reference: REF.pathAssistant
};

// ---------------------------------------------------------------------------------------
// Custom metadata records (customMetadata/<Type>.<Record>.md-meta.xml) against their type
// (objects/<Type>__mdt/fields)
// ---------------------------------------------------------------------------------------

export interface CustomMetadataRule extends RuleBase {
  kind: 'custom-metadata';
  /** What the rule says, for `--list`. */
  summary: string;
}

const customMetadata = (
  id: string,
  summary: string,
  confidence: Confidence,
  reference: Reference
): CustomMetadataRule => ({ kind: 'custom-metadata', id, summary, confidence, reference });

/** The largest value a Text Area field holds (its metadata has no <length>). */
export const TEXT_AREA_MAX = 255;

/** The xsi:type a record value of each field type is written with (as a retrieve writes it). */
export const VALUE_XSI_TYPES: Record<string, string> = {
  Text: 'xsd:string',
  TextArea: 'xsd:string',
  LongTextArea: 'xsd:string',
  Picklist: 'xsd:string',
  Email: 'xsd:string',
  Phone: 'xsd:string',
  Url: 'xsd:string',
  MetadataRelationship: 'xsd:string',
  Checkbox: 'xsd:boolean',
  Number: 'xsd:double',
  Percent: 'xsd:double',
  Date: 'xsd:date',
  DateTime: 'xsd:dateTime'
};

export const CUSTOM_METADATA_RULES = {
  typeExists: customMetadata(
    'custommetadata-type-exists',
    "a record's type (<Type>__mdt) is defined in the source",
    D,
    REF.customMetadata
  ),
  fieldExists: customMetadata(
    'custommetadata-field-exists',
    "every <values>/<field> is a field of the record's type",
    D,
    REF.customMetadata
  ),
  textLength: customMetadata(
    'custommetadata-text-length',
    "a Text or Text Area (Long) value has at most the field's <length> characters",
    D,
    REF.fieldReference
  ),
  textAreaLength: customMetadata(
    'custommetadata-textarea-length',
    `a Text Area value has at most ${TEXT_AREA_MAX} characters`,
    U,
    unverified(
      'Text Area holds up to 255 characters (Salesforce Help "Custom Field Types" as quoted by third parties; that page was not ' +
        'in the searchable documentation). A TextArea field has no <length> in its metadata.',
      REF.fieldReference
    )
  ),
  picklistValue: customMetadata(
    'custommetadata-picklist-value',
    "a Picklist value is one of the field's values (restricted or not)",
    U,
    unverified(
      "Setup offers a custom metadata record only the picklist's defined values; no reference page was found stating that a deploy " +
        'rejects an undefined value when the picklist is not restricted (the Help page "Custom Metadata Types Limitations" has a ' +
        'picklist section whose text could not be read here). Every picklist of this project is restricted.',
      REF.customMetadataFields
    )
  ),
  numberFormat: customMetadata(
    'custommetadata-number-format',
    'a Number or Percent value is a number',
    D,
    REF.xmlSchemaDatatypes
  ),
  numberPrecision: customMetadata(
    'custommetadata-number-precision',
    'a Number or Percent value has at most precision − scale digits before the decimal point',
    D,
    REF.fieldReference
  ),
  numberScale: customMetadata(
    'custommetadata-number-scale',
    'a Number or Percent value has at most scale digits after the decimal point',
    U,
    unverified(
      'Records of objects round extra decimal places to the scale; whether a custom metadata deploy rounds or rejects them was not ' +
        'found. Enforced so the record in source is the value the org holds.',
      REF.fieldReference
    )
  ),
  checkbox: customMetadata(
    'custommetadata-checkbox-value',
    'a Checkbox value is true or false',
    U,
    unverified(
      'xsd:boolean also allows 1 and 0; retrieves and the Metadata API sample write true/false, and no page says 1/0 are accepted.',
      REF.xmlSchemaDatatypes
    )
  ),
  date: customMetadata(
    'custommetadata-date-value',
    'a Date value is a calendar date YYYY-MM-DD; a Date/Time value is YYYY-MM-DDThh:mm:ss[.sss][Z|±hh:mm]',
    D,
    REF.xmlSchemaDatatypes
  ),
  required: customMetadata(
    'custommetadata-required-field',
    'a field with <required>true</required> has a non-nil value in every record',
    U,
    unverified(
      'Setup does not save a custom metadata record without a value for a required field; no reference page was found stating ' +
        'that a deploy rejects such a record.',
      REF.customMetadataFields
    )
  ),
  recordName: customMetadata(
    'custommetadata-record-name',
    'a record name begins with a letter, has only letters, digits and single underscores, does not end with an underscore, ≤ 40 characters',
    U,
    unverified(
      'The rule the related page states for type names, applied to record names as Setup applies it to "Custom Metadata Record Name"; ' +
        'the 40-character limit is commonly quoted. No reference page states either for records.',
      REF.customMetadataTypeCreate
    )
  ),
  valueType: customMetadata(
    'custommetadata-value-type',
    "a value's xsi:type matches its field type (xsd:string, xsd:boolean, xsd:double, xsd:date, xsd:dateTime)",
    U,
    unverified(
      'The Metadata API sample types each value with xsi:type; which types a deploy accepts for each field type is not stated. ' +
        'The table is what a retrieve writes (VALUE_XSI_TYPES).',
      REF.customMetadata
    )
  )
} satisfies Record<string, CustomMetadataRule>;

/** Every rule, for listing (`--list`) and for tests that want to know each is exercised. */
export const ALL_RULE_IDS: readonly string[] = [
  ...LENGTH_RULES.map((r) => r.id),
  ...OBJECT_PERMISSION_RULES.map((r) => r.id),
  ...OBJECT_DEPENDENCY_RULES.map((r) => r.id),
  MASTER_DETAIL_RULE.id,
  FIELD_PERMISSION_RULE.id,
  REQUIRED_FIELD_PERMISSION_RULE.id,
  ...USER_PERMISSION_RULES.map((r) => r.id),
  UNKNOWN_USER_PERMISSION_RULE.id,
  CUSTOM_PERMISSION_RULE.id,
  ...FORMULA_FUNCTION_RULES.map((r) => r.id),
  FORMULA_SPAN_RULE.id,
  FORMULA_LENGTH_RULE.id,
  INVOCABLE_METHOD_RULE.id,
  PATH_RULE.id,
  ...Object.values(CUSTOM_METADATA_RULES).map((r) => r.id)
];
