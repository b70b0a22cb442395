/**
 * What the product's own metadata assumes about an org, read from force-app (and docs/) so
 * the preflight compares the org with the source as it is now, not with a copy of it: the
 * Path's stage names, our validation rules, Apex classes, triggers and flows, the names of the
 * scheduled jobs, the dynamic dashboards, the notification type, the Account team setting, the
 * business hours the segment policies name, and how the tests find their profile.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  componentName,
  filesIn,
  list,
  loadCustomMetadata,
  readXml,
  recordsOf,
  text,
  walk
} from '../../force-app/test/metadata/lib/metadata.ts';
import { PROJECT_ROOT } from '../lib/ruleConfig.ts';

/** The stage name the Path, the labels and the guides use for a won deal. */
export const DOCUMENTED_WON_STAGE = 'Closed Won';

/** The objects whose rules, required fields and duplicate rules can block our writes or tests. */
export const WRITTEN_OBJECTS = ['Opportunity', 'Account', 'Contact', 'Task', 'User'] as const;

/** The objects whose triggers and record-triggered flows run with ours. */
export const TRIGGER_OBJECTS = ['Opportunity', 'Task', 'Event'] as const;

export interface ProjectPath {
  fullName: string;
  entityName: string;
  recordTypeName: string;
  active: boolean;
  /** stage API names the steps name, in file order */
  steps: string[];
}

export interface ProjectFlow {
  name: string;
  status: string;
  object: string | undefined;
  triggerType: string | undefined;
}

/** Everything the checks compare the org with. */
export interface ProjectExpectations {
  /** the project root the files were read from */
  root: string;
  paths: ProjectPath[];
  /** files (relative to the root) whose text names DOCUMENTED_WON_STAGE */
  wonStageMentions: string[];
  /** our validation rule names by object */
  validationRules: Map<string, Set<string>>;
  /** the error messages of our validation rules (to recognise them in test failures) */
  validationRuleMessages: string[];
  /** our Apex class names → source text */
  classes: Map<string, string>;
  /** our trigger names → object and source text */
  triggers: Map<string, { object: string; source: string }>;
  flows: ProjectFlow[];
  /** CronJobDetail names HandoffScheduler gives its jobs */
  scheduledJobNames: string[];
  /** DeveloperNames of our dashboards that run as the logged-in user */
  dynamicDashboards: string[];
  /** DeveloperNames of our custom notification types */
  notificationTypes: string[];
  accountTeam: { enabled: boolean; role: string | null };
  /** business hours named by the segment policies (blank = the org default) */
  businessHoursNames: string[];
  /** the profile name TestDataFactory looks users' profile up by, when it does */
  testProfileName: string | null;
  /**
   * Our components (other than custom metadata records) whose formulas read $CustomMetadata: they
   * compile only once the records exist, so a one-step validation of a fresh org fails on them.
   * Full names as the Metadata API reports them, e.g. "Opportunity.Some_Rule".
   */
  customMetadataReaders: string[];
  /** our custom metadata records: type (without __mdt), DeveloperName, field values as in the files */
  customMetadata: Array<{ type: string; name: string; values: Record<string, string | null> }>;
}

function sourceRoot(root: string): string {
  return join(root, 'force-app', 'main', 'default');
}

function readText(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

function loadPaths(source: string): ProjectPath[] {
  return filesIn('pathAssistants', '.pathAssistant-meta.xml', source).map((path) => {
    const xml = readXml(path);
    return {
      fullName: componentName(path, '.pathAssistant-meta.xml'),
      entityName: text(xml, 'entityName') ?? '',
      recordTypeName: text(xml, 'recordTypeName') ?? '__MASTER__',
      active: text(xml, 'active') === 'true',
      steps: list(xml, 'pathAssistantSteps')
        .map((s) => text(s, 'picklistValueName'))
        .filter((s): s is string => s !== undefined)
    };
  });
}

function loadValidationRules(source: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const objects = join(source, 'objects');
  if (!existsSync(objects)) {
    return out;
  }
  for (const object of readdirSync(objects)) {
    const dir = join(objects, object, 'validationRules');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      continue;
    }
    out.set(
      object,
      new Set(
        filesIn(join('objects', object, 'validationRules'), '.validationRule-meta.xml', source).map(
          (p) => componentName(p, '.validationRule-meta.xml')
        )
      )
    );
  }
  return out;
}

function loadValidationRuleMessages(source: string): string[] {
  return walk(join(source, 'objects'), '.validationRule-meta.xml')
    .map((p) => text(readXml(p), 'errorMessage'))
    .filter((m): m is string => typeof m === 'string' && m.trim() !== '');
}

function loadCustomMetadataReaders(source: string): string[] {
  const out: string[] = [];
  for (const path of walk(source, '-meta.xml')) {
    const rel = relative(source, path).split(/[\\/]/);
    if (rel[0] === 'customMetadata' || !readText(path).includes('$CustomMetadata.')) {
      continue;
    }
    const name = rel[rel.length - 1].replace(/\.[A-Za-z]+-meta\.xml$/, '');
    // objects/<Object>/<kind>/<Name>.<kind>-meta.xml → Object.Name
    out.push(rel[0] === 'objects' && rel.length >= 4 ? `${rel[1]}.${name}` : name);
  }
  return out.sort();
}

function loadFlows(source: string): ProjectFlow[] {
  return filesIn('flows', '.flow-meta.xml', source).map((path) => {
    const xml = readXml(path);
    const start = xml.start;
    const startXml = typeof start === 'object' && !Array.isArray(start) ? start : undefined;
    return {
      name: componentName(path, '.flow-meta.xml'),
      status: text(xml, 'status') ?? 'Draft',
      object: text(startXml, 'object'),
      triggerType: text(startXml, 'triggerType')
    };
  });
}

/** The `*_JOB_NAME = '...'` constants of HandoffScheduler. */
export function scheduledJobNamesIn(schedulerSource: string): string[] {
  return [
    ...schedulerSource.matchAll(/static\s+final\s+String\s+\w+_JOB_NAME\s*=\s*'((?:[^'\\]|\\.)*)'/g)
  ].map((m) => m[1].replace(/\\'/g, "'"));
}

/** Text files under a folder, for the stage-name mentions. */
function mentionFiles(root: string): string[] {
  const suffixes = ['.md', '-meta.xml', '.cls', '.html', '.ts'];
  const out: string[] = [];
  for (const dir of [sourceRoot(root), join(root, 'docs')]) {
    for (const suffix of suffixes) {
      out.push(...walk(dir, suffix));
    }
  }
  return [...new Set(out)].filter((p) => !p.includes('__tests__')).sort();
}

/** Reads what the project's metadata expects of an org. */
export function loadProject(root: string = PROJECT_ROOT): ProjectExpectations {
  const source = sourceRoot(root);
  const classes = new Map<string, string>();
  for (const path of filesIn('classes', '.cls', source)) {
    classes.set(componentName(path, '.cls'), readFileSync(path, 'utf8'));
  }
  const triggers = new Map<string, { object: string; source: string }>();
  for (const path of filesIn('triggers', '.trigger', source)) {
    const body = readFileSync(path, 'utf8');
    const object = /\btrigger\s+\w+\s+on\s+(\w+)/i.exec(body)?.[1] ?? '';
    triggers.set(componentName(path, '.trigger'), { object, source: body });
  }
  const dynamicDashboards: string[] = [];
  for (const path of walk(join(source, 'dashboards'), '.dashboard-meta.xml')) {
    if (text(readXml(path), 'dashboardType') === 'LoggedInUser') {
      dynamicDashboards.push(componentName(path, '.dashboard-meta.xml'));
    }
  }
  const metadata = loadCustomMetadata(source);
  const setting = metadata.get('Handoff_Setting.Default');
  const businessHoursNames = [
    ...new Set(
      recordsOf(metadata, 'Handoff_Segment_Policy')
        .map((r) => r.values.Business_Hours_Name__c)
        .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    )
  ].sort();
  // TestDataFactory finding its users' profile by name (names are translated per language).
  const factory = classes.get('TestDataFactory') ?? '';
  const profileConstant = /PROFILE_NAME\s*=\s*'([^']+)'/.exec(factory);
  const profileByName =
    profileConstant && /WHERE\s+Name\s*=\s*:PROFILE_NAME/i.test(factory)
      ? profileConstant[1]
      : null;
  // The deployed metadata first, then the guides.
  const wonStageMentions = mentionFiles(root)
    .filter((p) => readText(p).includes(DOCUMENTED_WON_STAGE))
    .map((p) => relative(root, p))
    .sort(
      (a, b) => Number(a.startsWith('docs')) - Number(b.startsWith('docs')) || a.localeCompare(b)
    );
  return {
    root,
    paths: loadPaths(source),
    wonStageMentions,
    validationRules: loadValidationRules(source),
    validationRuleMessages: loadValidationRuleMessages(source),
    classes,
    triggers,
    flows: loadFlows(source),
    scheduledJobNames: scheduledJobNamesIn(
      readText(join(source, 'classes', 'HandoffScheduler.cls'))
    ),
    dynamicDashboards,
    notificationTypes: filesIn('notificationtypes', '.notiftype-meta.xml', source).map((p) =>
      componentName(p, '.notiftype-meta.xml')
    ),
    accountTeam: {
      enabled: setting?.values.Account_Team_Enabled__c === 'true',
      role: setting?.values.Account_Team_Role__c ?? null
    },
    businessHoursNames,
    testProfileName: profileByName,
    customMetadataReaders: loadCustomMetadataReaders(source),
    customMetadata: [...metadata.values()].map((r) => ({
      type: r.type,
      name: r.name,
      values: r.values
    }))
  };
}
