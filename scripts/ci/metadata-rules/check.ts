// Applies the rules of rules.ts to a source tree (force-app): every metadata file and Apex
// class under it. Pure functions over the files, so tests can run them on fixture trees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { displayPath, walkFiles } from '../lib';
import {
  CUSTOM_METADATA_RULES,
  CUSTOM_PERMISSION_RULE,
  Confidence,
  FIELD_PERMISSION_RULE,
  FORMULA_FUNCTION_RULES,
  FORMULA_LENGTH_RULE,
  FORMULA_SPAN_RULE,
  FormulaContext,
  INVOCABLE_METHOD_RULE,
  LENGTH_RULES,
  LengthRule,
  MASTER_DETAIL_RULE,
  OBJECT_DEPENDENCY_RULES,
  OBJECT_PERMISSION_LABELS,
  OBJECT_PERMISSION_RULES,
  ObjectPermission,
  PATH_RULE,
  REQUIRED_FIELD_PERMISSION_RULE,
  Reference,
  TEXT_AREA_MAX,
  UNKNOWN_USER_PERMISSION_RULE,
  USER_PERMISSION_RULES,
  VALUE_XSI_TYPES
} from './rules';
import { XmlElement, XmlSyntaxError, childText, childrenNamed, parseXml } from './xml';

/** One broken rule at one place. */
export interface Violation {
  file: string;
  line: number;
  /** The element (or Apex construct) that breaks the rule, e.g. `labels[X]/shortDescription`. */
  element: string;
  /** The rule and the actual value, in words. */
  message: string;
  ruleId: string;
  confidence: Confidence;
  reference: Reference;
}

interface Rule {
  id: string;
  confidence: Confidence;
  reference: Reference;
}

const violation = (
  rule: Rule,
  file: string,
  line: number,
  element: string,
  message: string
): Violation => ({
  file,
  line,
  element,
  message,
  ruleId: rule.id,
  confidence: rule.confidence,
  reference: rule.reference
});

/** Number of characters as the platform counts them (Unicode code points). */
export function characters(text: string): number {
  return [...text].length;
}

// ---------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------

interface MetadataFile {
  file: string;
  root: XmlElement;
}

interface FieldInfo {
  type?: string;
  required: boolean;
  referenceTo?: string;
  length?: number;
  precision?: number;
  scale?: number;
  /** Picklist values (API names): the field's own value set or the global value set it uses. */
  picklistValues?: string[];
  /** Where the field is defined, for messages. */
  file: string;
}

/** What the checks need to know about the project's objects. */
export interface ObjectModel {
  /** `Object.Field` → field facts. */
  fields: Map<string, FieldInfo>;
  /** detail object → master objects (master-detail fields on the detail). */
  masters: Map<string, string[]>;
  /** custom permission → custom permissions it requires. */
  customPermissionRequires: Map<string, string[]>;
  /** Objects defined in the source (a folder under objects/ with fields or an object file). */
  objects: Set<string>;
}

/** The component name of a source file: `Foo__c.field-meta.xml` → `Foo__c`. */
function componentName(file: string): string {
  return path.basename(file).replace(/\.[A-Za-z]+-meta\.xml$/, '');
}

function buildModel(files: MetadataFile[]): ObjectModel {
  const model: ObjectModel = {
    fields: new Map(),
    masters: new Map(),
    customPermissionRequires: new Map(),
    objects: new Set()
  };
  const globalValueSets = new Map<string, string[]>();
  for (const { file, root } of files) {
    if (file.endsWith('.globalValueSet-meta.xml')) {
      globalValueSets.set(
        componentName(file),
        childrenNamed(root, 'customValue').map((v) => childText(v, 'fullName') ?? '')
      );
    }
  }
  const number = (text: string | undefined): number | undefined =>
    text === undefined || text.trim() === '' ? undefined : Number(text.trim());
  for (const { file, root } of files) {
    if (file.endsWith('.object-meta.xml')) {
      model.objects.add(path.basename(path.dirname(file)));
    } else if (file.endsWith('.field-meta.xml')) {
      const object = path.basename(path.dirname(path.dirname(file)));
      const field = componentName(file);
      model.objects.add(object);
      const valueSet = childrenNamed(root, 'valueSet')[0];
      const globalName = childText(valueSet, 'valueSetName');
      const definition = childrenNamed(valueSet, 'valueSetDefinition')[0];
      const info: FieldInfo = {
        type: childText(root, 'type'),
        required: childText(root, 'required') === 'true',
        referenceTo: childText(root, 'referenceTo'),
        length: number(childText(root, 'length')),
        precision: number(childText(root, 'precision')),
        scale: number(childText(root, 'scale')),
        picklistValues: valueSet
          ? globalName !== undefined
            ? globalValueSets.get(globalName.trim())
            : childrenNamed(definition, 'value').map((v) => childText(v, 'fullName') ?? '')
          : undefined,
        file
      };
      model.fields.set(`${object}.${field}`, info);
      if (info.type === 'MasterDetail' && info.referenceTo) {
        model.masters.set(object, [...(model.masters.get(object) ?? []), info.referenceTo]);
      }
    } else if (file.endsWith('.customPermission-meta.xml')) {
      const requires = childrenNamed(root, 'requiredPermission')
        .filter((r) => childText(r, 'dependency') !== 'false')
        .map((r) => childText(r, 'customPermission'))
        .filter((name): name is string => name !== undefined);
      model.customPermissionRequires.set(componentName(file), requires);
    }
  }
  return model;
}

// ---------------------------------------------------------------------------------------
// Length limits
// ---------------------------------------------------------------------------------------

interface Leaf {
  element: XmlElement;
  /** Display path with the names of repeated items, e.g. `labels[Foo]/value`. */
  display: string;
}

/** The name that identifies a repeated element in messages (its fullName, name or label). */
function itemName(element: XmlElement): string | undefined {
  for (const key of ['fullName', 'name', 'apexClass', 'field', 'object', 'label']) {
    const value = childText(element, key);
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function leavesAt(root: XmlElement, segments: string[]): Leaf[] {
  const found: Leaf[] = [];
  const visit = (element: XmlElement, depth: number, display: string): void => {
    const matches = childrenNamed(element, segments[depth]);
    for (const child of matches) {
      const isLast = depth === segments.length - 1;
      const name = isLast ? undefined : itemName(child);
      const here = `${display}${display ? '/' : ''}${child.name}${name ? `[${name}]` : ''}`;
      if (isLast) found.push({ element: child, display: here });
      else visit(child, depth + 1, here);
    }
  };
  visit(root, 0, '');
  return found;
}

function apiName(file: string): string {
  if (file.endsWith('.object-meta.xml')) {
    return path.basename(path.dirname(file));
  }
  return componentName(file);
}

function checkLengths(file: string, root: XmlElement, rules: LengthRule[]): Violation[] {
  const out: Violation[] = [];
  for (const rule of rules) {
    const limit = `the limit for ${rule.metadataType} ${rule.element === '@name' ? 'API names' : rule.element} is ${rule.max}`;
    if (rule.element === '@name') {
      const name = apiName(file);
      // Only custom components are named by us: standard objects (Account) and their
      // standard fields carry no suffix and are not checked.
      const bare = name.replace(/__(c|mdt|e|x)$/, '');
      const isCustom =
        bare !== name || !['.object-meta.xml', '.field-meta.xml'].some((s) => file.endsWith(s));
      if (isCustom && characters(bare) > rule.max) {
        out.push(
          violation(
            rule,
            file,
            root.line,
            'API name',
            `"${bare}" has ${characters(bare)} characters; ${limit}`
          )
        );
      }
      continue;
    }
    for (const leaf of leavesAt(root, rule.element.split('/'))) {
      const count = characters(leaf.element.text);
      if (count > rule.max) {
        out.push(
          violation(
            rule,
            file,
            leaf.element.line,
            `<${leaf.display}>`,
            `${count} characters; ${limit}`
          )
        );
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Permission sets
// ---------------------------------------------------------------------------------------

const OBJECT_PERMISSIONS: ObjectPermission[] = [
  'allowRead',
  'allowCreate',
  'allowEdit',
  'allowDelete',
  'viewAllRecords',
  'modifyAllRecords'
];

function granted(permissions: Set<ObjectPermission>): string {
  return OBJECT_PERMISSIONS.filter((p) => permissions.has(p))
    .map((p) => OBJECT_PERMISSION_LABELS[p])
    .join(', ');
}

function checkPermissionSet(file: string, root: XmlElement, model: ObjectModel): Violation[] {
  const out: Violation[] = [];
  const objects = new Map<string, { line: number; permissions: Set<ObjectPermission> }>();
  for (const op of childrenNamed(root, 'objectPermissions')) {
    const object = childText(op, 'object');
    if (!object) continue;
    const permissions = new Set(OBJECT_PERMISSIONS.filter((p) => childText(op, p) === 'true'));
    objects.set(object, { line: op.line, permissions });
  }
  const hasRead = (object: string): boolean =>
    objects.get(object)?.permissions.has('allowRead') ?? false;

  for (const [object, { line, permissions }] of objects) {
    const element = `<objectPermissions[${object}]>`;
    for (const rule of OBJECT_PERMISSION_RULES) {
      if (!permissions.has(rule.permission)) continue;
      const missing = rule.requires.filter((p) => !permissions.has(p));
      if (missing.length > 0) {
        const label = OBJECT_PERMISSION_LABELS[rule.permission];
        out.push(
          violation(
            rule,
            file,
            line,
            element,
            `${label} on ${object} requires ${rule.requires.map((p) => OBJECT_PERMISSION_LABELS[p]).join(' + ')} ` +
              `in the same permission set; missing ${missing.map((p) => OBJECT_PERMISSION_LABELS[p]).join(', ')} ` +
              `(granted: ${granted(permissions) || 'nothing'})`
          )
        );
      }
    }
    if (permissions.size === 0) continue;
    for (const rule of OBJECT_DEPENDENCY_RULES.filter((r) => r.object === object)) {
      const missing = rule.requiresRead.filter((required) => !hasRead(required));
      if (missing.length > 0) {
        out.push(
          violation(
            rule,
            file,
            line,
            element,
            `permissions on ${object} (${granted(permissions)}) require Read on ${rule.requiresRead.join(' and ')} ` +
              `in the same permission set (permission set groups do not satisfy it); missing Read on ${missing.join(', ')}`
          )
        );
      }
    }
    for (const master of model.masters.get(object) ?? []) {
      if (!hasRead(master)) {
        out.push(
          violation(
            MASTER_DETAIL_RULE,
            file,
            line,
            element,
            `${object} is the detail of a master-detail relationship to ${master}: permissions on it ` +
              `(${granted(permissions)}) require Read on ${master} in the same permission set`
          )
        );
      }
    }
  }

  for (const fp of childrenNamed(root, 'fieldPermissions')) {
    const field = childText(fp, 'field') ?? '';
    const readable = childText(fp, 'readable') === 'true';
    const editable = childText(fp, 'editable') === 'true';
    const element = `<fieldPermissions[${field}]>`;
    if (editable && !readable) {
      out.push(
        violation(
          FIELD_PERMISSION_RULE,
          file,
          fp.line,
          element,
          `${field} is editable but not readable: Edit on a field requires Read on the same field`
        )
      );
    }
    const info = model.fields.get(field);
    if (info && (info.type === 'MasterDetail' || info.required)) {
      out.push(
        violation(
          REQUIRED_FIELD_PERMISSION_RULE,
          file,
          fp.line,
          element,
          `${field} is ${info.type === 'MasterDetail' ? 'a master-detail' : 'a required'} field: ` +
            'field permissions cannot be granted on it (it is always visible with the object)'
        )
      );
    }
  }

  const enabledUserPermissions = new Map<string, number>();
  for (const up of childrenNamed(root, 'userPermissions')) {
    const name = childText(up, 'name');
    if (name && childText(up, 'enabled') === 'true') enabledUserPermissions.set(name, up.line);
  }
  for (const [name, line] of enabledUserPermissions) {
    const rule = USER_PERMISSION_RULES.find((r) => r.name === name);
    if (!rule) {
      out.push(
        violation(
          UNKNOWN_USER_PERMISSION_RULE,
          file,
          line,
          `<userPermissions[${name}]>`,
          `user permission ${name} is not in the rule table: look up what it requires (Tooling API ` +
            'PermissionDependency in an org) and add it to USER_PERMISSION_RULES in scripts/ci/metadata-rules/rules.ts'
        )
      );
      continue;
    }
    const missing = rule.requires.filter((r) => !enabledUserPermissions.has(r));
    if (missing.length > 0) {
      out.push(
        violation(
          rule,
          file,
          line,
          `<userPermissions[${name}]>`,
          `${name} requires ${rule.requires.join(', ')} in the same permission set; missing ${missing.join(', ')}`
        )
      );
    }
  }

  const enabledCustom = new Set(
    childrenNamed(root, 'customPermissions')
      .filter((cp) => childText(cp, 'enabled') === 'true')
      .map((cp) => childText(cp, 'name') ?? '')
  );
  for (const cp of childrenNamed(root, 'customPermissions')) {
    const name = childText(cp, 'name') ?? '';
    if (!enabledCustom.has(name)) continue;
    const missing = (model.customPermissionRequires.get(name) ?? []).filter(
      (required) => !enabledCustom.has(required)
    );
    if (missing.length > 0) {
      out.push(
        violation(
          CUSTOM_PERMISSION_RULE,
          file,
          cp.line,
          `<customPermissions[${name}]>`,
          `custom permission ${name} requires ${missing.join(', ')} (its requiredPermission) in the same permission set`
        )
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------

interface Formula {
  context: FormulaContext;
  element: XmlElement;
  display: string;
}

function formulasOf(file: string, root: XmlElement): Formula[] {
  const at = (context: FormulaContext, segments: string): Formula[] =>
    leavesAt(root, segments.split('/')).map((leaf) => ({
      context,
      element: leaf.element,
      display: `<${leaf.display}>`
    }));
  if (file.endsWith('.field-meta.xml')) {
    return [...at('formula field', 'formula'), ...at('default value', 'defaultValue')];
  }
  if (file.endsWith('.validationRule-meta.xml'))
    return at('validation rule', 'errorConditionFormula');
  if (file.endsWith('.workflow-meta.xml')) {
    return [
      ...at('workflow field update', 'fieldUpdates/formula'),
      ...at('workflow rule', 'rules/formula')
    ];
  }
  if (file.endsWith('.approvalProcess-meta.xml')) {
    return [
      ...at('approval criteria', 'entryCriteria/formula'),
      ...at('approval criteria', 'approvalStep/entryCriteria/formula')
    ];
  }
  if (file.endsWith('.flow-meta.xml')) {
    return [
      ...at('flow formula', 'formulas/expression'),
      ...at('flow formula', 'start/filterFormula')
    ];
  }
  return [];
}

/** The formula without string literals and comments, so names inside them do not count. */
export function formulaCode(formula: string): string {
  return formula
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/'(?:[^'\\]|\\.)*'/g, "''");
}

/** The longest relationship path in a formula: `Account.Owner.Manager.Name` spans 3. */
export function longestSpan(
  formula: string
): { reference: string; relationships: number } | undefined {
  let longest: { reference: string; relationships: number } | undefined;
  const pattern = /(?<![\w.$!])[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+/g;
  for (const match of formulaCode(formula).matchAll(pattern)) {
    const relationships = match[0].split('.').length - 1;
    if (!longest || relationships > longest.relationships) {
      longest = { reference: match[0], relationships };
    }
  }
  return longest;
}

function checkFormulas(file: string, root: XmlElement): Violation[] {
  const out: Violation[] = [];
  for (const formula of formulasOf(file, root)) {
    const code = formulaCode(formula.element.text);
    for (const rule of FORMULA_FUNCTION_RULES) {
      if (rule.allowedIn.includes(formula.context)) continue;
      if (new RegExp(`\\b${rule.name}\\s*\\(`, 'i').test(code)) {
        out.push(
          violation(
            rule,
            file,
            formula.element.line,
            formula.display,
            `${rule.name}() is used in a ${formula.context}; it is available only in ${rule.allowedIn.join(', ')}`
          )
        );
      }
    }
    if (formula.context === 'formula field' || formula.context === 'validation rule') {
      const span = longestSpan(formula.element.text);
      if (span && span.relationships > FORMULA_SPAN_RULE.maxRelationships) {
        out.push(
          violation(
            FORMULA_SPAN_RULE,
            file,
            formula.element.line,
            formula.display,
            `${span.reference} spans ${span.relationships} relationships; a formula can reach at most ` +
              `${FORMULA_SPAN_RULE.maxRelationships}`
          )
        );
      }
      const count = characters(formula.element.text);
      if (count > FORMULA_LENGTH_RULE.max) {
        out.push(
          violation(
            FORMULA_LENGTH_RULE,
            file,
            formula.element.line,
            formula.display,
            `the formula has ${count} characters; the limit is ${FORMULA_LENGTH_RULE.max}`
          )
        );
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Custom metadata records
// ---------------------------------------------------------------------------------------

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** Whether year-month-day is a day of the (proleptic Gregorian) calendar. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    month >= 1 &&
    month <= 12 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** Digits before and after the decimal point of a decimal literal (exponent applied, signs and leading/trailing zeros dropped). */
export function decimalDigits(text: string): { integer: number; fraction: number } {
  const [mantissa, exponentText] = text.replace(/^[+-]/, '').split(/[eE]/);
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  const [whole, fraction = ''] = mantissa.split('.');
  const digits = `${whole}${fraction}`;
  let point = whole.length + exponent;
  let all = digits;
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  if (point > all.length) all = all + '0'.repeat(point - all.length);
  const integer = all.slice(0, point).replace(/^0+/, '');
  const decimals = all.slice(point).replace(/0+$/, '');
  return { integer: integer.length, fraction: decimals.length };
}

function checkCustomMetadataRecord(
  file: string,
  root: XmlElement,
  model: ObjectModel
): Violation[] {
  const R = CUSTOM_METADATA_RULES;
  const out: Violation[] = [];
  const name = componentName(file);
  const dot = name.indexOf('.');
  const typeName = dot === -1 ? name : name.slice(0, dot);
  const recordName = dot === -1 ? '' : name.slice(dot + 1);
  const type = `${typeName}__mdt`;

  // A namespaced record (ns__Name) is checked without its namespace prefix.
  const bareRecord = recordName.replace(/^[A-Za-z][A-Za-z0-9]*__(?=.)/, '');
  const nameProblems: string[] = [];
  if (dot === -1) nameProblems.push('the file name has no "<Type>." prefix');
  else {
    if (!/^[A-Za-z]/.test(bareRecord)) nameProblems.push('it does not begin with a letter');
    if (/[^A-Za-z0-9_]/.test(bareRecord))
      nameProblems.push('it has characters other than letters, digits and underscores');
    if (bareRecord.includes('__')) nameProblems.push('it has two consecutive underscores');
    if (bareRecord.endsWith('_')) nameProblems.push('it ends with an underscore');
    if (characters(bareRecord) > 40)
      nameProblems.push(`it has ${characters(bareRecord)} characters (the limit is 40)`);
  }
  if (nameProblems.length > 0) {
    out.push(
      violation(
        R.recordName,
        file,
        root.line,
        'record name',
        `"${recordName || name}" is not a valid custom metadata record name: ${nameProblems.join('; ')}`
      )
    );
  }

  if (!model.objects.has(type)) {
    out.push(
      violation(
        R.typeExists,
        file,
        root.line,
        'record type',
        `the record's type ${type} is not defined in this source (no objects/${type} folder)`
      )
    );
    return out;
  }

  const given = new Set<string>();
  for (const item of childrenNamed(root, 'values')) {
    const fieldName = (childText(item, 'field') ?? '').trim();
    const valueElement = childrenNamed(item, 'value')[0];
    const where = `<values[${fieldName}]/value>`;
    const info = model.fields.get(`${type}.${fieldName}`);
    if (!info) {
      out.push(
        violation(
          R.fieldExists,
          file,
          childrenNamed(item, 'field')[0]?.line ?? item.line,
          `<values[${fieldName}]/field>`,
          `${type} has no field ${fieldName} (no objects/${type}/fields/${fieldName}.field-meta.xml)`
        )
      );
      continue;
    }
    const line = valueElement?.line ?? item.line;
    const isNil = !valueElement || valueElement.attributes['xsi:nil'] === 'true';
    if (!isNil) given.add(fieldName);
    const qualified = `${type}.${fieldName}`;
    const fieldType = info.type ?? '?';
    if (isNil) continue;
    const value = valueElement.text;

    const expectedXsi = VALUE_XSI_TYPES[fieldType];
    const actualXsi = valueElement.attributes['xsi:type'];
    if (expectedXsi && actualXsi !== expectedXsi) {
      out.push(
        violation(
          R.valueType,
          file,
          line,
          where,
          `${actualXsi === undefined ? 'the value has no xsi:type' : `xsi:type="${actualXsi}"`}; ` +
            `${qualified} is a ${fieldType} field, written as xsi:type="${expectedXsi}"`
        )
      );
    }

    switch (fieldType) {
      case 'Text':
      case 'LongTextArea':
      case 'TextArea': {
        const max = fieldType === 'TextArea' ? TEXT_AREA_MAX : info.length;
        const count = characters(value);
        if (max !== undefined && count > max) {
          out.push(
            violation(
              fieldType === 'TextArea' ? R.textAreaLength : R.textLength,
              file,
              line,
              where,
              `${count} characters; ${qualified} is ${fieldType}(${max}), at most ${max} characters`
            )
          );
        }
        break;
      }
      case 'Picklist': {
        const allowed = info.picklistValues;
        if (allowed === undefined) {
          out.push(
            violation(
              R.picklistValue,
              file,
              line,
              where,
              `${qualified} is a Picklist whose values are not in this source (global value set not found), so "${value}" cannot be checked`
            )
          );
        } else if (!allowed.includes(value)) {
          out.push(
            violation(
              R.picklistValue,
              file,
              line,
              where,
              `"${value}" is not a value of ${qualified} (its values: ${allowed.join(', ')})`
            )
          );
        }
        break;
      }
      case 'Number':
      case 'Percent': {
        const text = value.trim();
        if (!DECIMAL.test(text)) {
          out.push(
            violation(
              R.numberFormat,
              file,
              line,
              where,
              `"${value}" is not a number (${qualified} is a ${fieldType} field)`
            )
          );
          break;
        }
        const { integer, fraction } = decimalDigits(text);
        const scale = info.scale ?? 0;
        const precision = info.precision ?? 18;
        if (integer > precision - scale) {
          out.push(
            violation(
              R.numberPrecision,
              file,
              line,
              where,
              `${text} has ${integer} digits before the decimal point; ${qualified} is ${fieldType}(${precision}, ${scale}), ` +
                `at most ${precision - scale}`
            )
          );
        }
        if (fraction > scale) {
          out.push(
            violation(
              R.numberScale,
              file,
              line,
              where,
              `${text} has ${fraction} decimal places; ${qualified} is ${fieldType}(${precision}, ${scale}), at most ${scale}`
            )
          );
        }
        break;
      }
      case 'Checkbox':
        if (value !== 'true' && value !== 'false') {
          out.push(
            violation(
              R.checkbox,
              file,
              line,
              where,
              `"${value}" for the Checkbox ${qualified}; write true or false`
            )
          );
        }
        break;
      case 'Date':
      case 'DateTime': {
        const match = (fieldType === 'Date' ? DATE : DATE_TIME).exec(value.trim());
        const valid =
          match !== null &&
          isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3])) &&
          (fieldType === 'Date' ||
            (Number(match[4]) < 24 && Number(match[5]) < 60 && Number(match[6]) < 60));
        if (!valid) {
          out.push(
            violation(
              R.date,
              file,
              line,
              where,
              `"${value}" is not a ${fieldType === 'Date' ? 'date (YYYY-MM-DD)' : 'date and time (YYYY-MM-DDThh:mm:ss[.sss][Z|±hh:mm])'} ` +
                `for ${qualified}`
            )
          );
        }
        break;
      }
      default:
        break;
    }
  }

  const requiredMissing = [...model.fields.entries()]
    .filter(([key, info]) => key.startsWith(`${type}.`) && info.required)
    .map(([key]) => key.slice(type.length + 1))
    .filter((field) => !given.has(field))
    .sort();
  for (const field of requiredMissing) {
    out.push(
      violation(
        R.required,
        file,
        root.line,
        `<values[${field}]>`,
        `${type}.${field} is required (<required>true</required>) but the record gives it no value`
      )
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Apex and paths
// ---------------------------------------------------------------------------------------

/** Apex source with comments and string literals blanked (line breaks kept). */
export function apexCode(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'/g, (text) =>
    text.replace(/[^\n]/g, ' ')
  );
}

function checkApexClass(file: string, source: string): Violation[] {
  const code = apexCode(source);
  const lines: number[] = [];
  for (const match of code.matchAll(/@InvocableMethod\b/gi)) {
    lines.push(code.slice(0, match.index).split('\n').length);
  }
  if (lines.length <= 1) return [];
  return [
    violation(
      INVOCABLE_METHOD_RULE,
      file,
      lines[1],
      '@InvocableMethod',
      `${lines.length} methods carry @InvocableMethod (lines ${lines.join(', ')}); only one method in a class can`
    )
  ];
}

function checkPaths(files: MetadataFile[]): Violation[] {
  const out: Violation[] = [];
  const seen = new Map<string, string>();
  for (const { file, root } of files.filter((f) => f.file.endsWith('.pathAssistant-meta.xml'))) {
    const entity = childText(root, 'entityName') ?? '?';
    const recordType = childText(root, 'recordTypeName') ?? '?';
    const key = `${entity}/${recordType}`;
    const first = seen.get(key);
    if (first) {
      out.push(
        violation(
          PATH_RULE,
          file,
          root.line,
          '<recordTypeName>',
          `a second path for ${entity} record type ${recordType} (the first is ${path.basename(first)}); ` +
            'only one path per object and record type'
        )
      );
    } else {
      seen.set(key, file);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------

export interface CheckResult {
  violations: Violation[];
  /** Metadata files and Apex classes read. */
  filesChecked: number;
}

/** Checks every metadata file (`*-meta.xml`) and Apex class under `root`. */
export function checkSource(root: string): CheckResult {
  const violations: Violation[] = [];
  const metadata: MetadataFile[] = [];
  const paths = walkFiles(root, (file) => file.endsWith('-meta.xml') || file.endsWith('.cls'), {
    skipDirs: ['__tests__', 'node_modules']
  });
  for (const file of paths.filter((f) => f.endsWith('-meta.xml'))) {
    try {
      metadata.push({ file, root: parseXml(readFileSync(file, 'utf8')) });
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      violations.push({
        file,
        line: error.line,
        element: 'XML',
        message: `not well-formed XML: ${error.message}`,
        ruleId: 'xml-well-formed',
        confidence: 'documented',
        reference: {
          title: 'Extensible Markup Language (XML) 1.0',
          url: 'https://www.w3.org/TR/xml/',
          says: 'A deploy rejects a file that does not parse.'
        }
      });
    }
  }
  const model = buildModel(metadata);
  for (const { file, root: xml } of metadata) {
    const rules = LENGTH_RULES.filter((rule) => file.endsWith(rule.suffix));
    violations.push(...checkLengths(file, xml, rules));
    if (file.endsWith('.permissionset-meta.xml')) {
      violations.push(...checkPermissionSet(file, xml, model));
    }
    violations.push(...checkFormulas(file, xml));
    if (file.endsWith('.md-meta.xml')) {
      violations.push(...checkCustomMetadataRecord(file, xml, model));
    }
  }
  violations.push(...checkPaths(metadata));
  for (const file of paths.filter((f) => f.endsWith('.cls'))) {
    violations.push(...checkApexClass(file, readFileSync(file, 'utf8')));
  }
  violations.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { violations, filesChecked: paths.length };
}

/**
 * Two lines per violation: where and what (file:line, element, actual value and the limit or
 * rule), then the rule id, its status and the reference it comes from.
 */
export function formatViolation(v: Violation): string {
  const where = `${displayPath(v.file)}:${v.line}`;
  const status =
    v.confidence === 'unverified' ? `unverified: ${v.reference.says}` : v.reference.says;
  const page = v.reference.url ? `${v.reference.title} <${v.reference.url}>` : v.reference.title;
  return `${where} ${v.element}: ${v.message}\n    rule ${v.ruleId} — ${page} — ${status}`;
}
