/**
 * What a deploy into a real org trips over that the source alone does not show:
 * - the Handoff app's pages show the metrics dashboard only to users who can load its data
 *   (a component visibility rule on the custom permission Handoff_View_Metrics, held by exactly
 *   the permission sets that grant HandoffMetricsController and the metrics tab), so an AE
 *   opening the app's home page never sees an access error;
 * - the scheduler holds only HandoffJobDispatcher, which names no other class of the product, so
 *   scheduled jobs never block a deploy of the classes they run;
 * - every $CustomMetadata.<Type>.<Record>.<Field> a formula reads exists in force-app, so the
 *   deploy's first step (custom metadata types and records, scripts/org/deploy.sh) creates it
 *   before the formula is compiled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SOURCE_ROOT,
  componentName,
  filesIn,
  list,
  readXml,
  text,
  walk,
  type Xml
} from './lib/metadata';

const METRICS_COMPONENT = 'handoffMetricsDashboard';
const METRICS_PERMISSION = 'Handoff_View_Metrics';
const PERMISSION_REFERENCE = `{!$Permission.CustomPermission.${METRICS_PERMISSION}}`;

interface PlacedComponent {
  page: string;
  name: string;
  instance: Xml;
}

/** Every component instance of every Lightning page, with its page. */
function componentsOnPages(): PlacedComponent[] {
  const placed: PlacedComponent[] = [];
  for (const path of filesIn('flexipages', '.flexipage-meta.xml')) {
    const page = componentName(path, '.flexipage-meta.xml');
    for (const region of list(readXml(path), 'flexiPageRegions')) {
      for (const item of list(region, 'itemInstances')) {
        for (const instance of list(item, 'componentInstance')) {
          placed.push({ page, name: text(instance, 'componentName') ?? '', instance });
        }
      }
    }
  }
  return placed;
}

/** The criteria of a component's visibility rule as "left operator right" strings. */
function visibilityCriteria(instance: Xml): string[] {
  const rule = list(instance, 'visibilityRule')[0];
  return list(rule, 'criteria').map(
    (c) => `${text(c, 'leftValue')} ${text(c, 'operator')} ${text(c, 'rightValue')}`
  );
}

const permissionSets = new Map(
  filesIn('permissionsets', '.permissionset-meta.xml').map((p) => [
    componentName(p, '.permissionset-meta.xml'),
    readXml(p)
  ])
);

function setsWhere(predicate: (set: Xml) => boolean): string[] {
  return [...permissionSets.entries()]
    .filter(([, xml]) => predicate(xml))
    .map(([name]) => name)
    .sort();
}

describe('the metrics dashboard on the Handoff app pages', () => {
  const placements = componentsOnPages().filter((c) => c.name === METRICS_COMPONENT);

  it('is placed on the home page and the metrics page', () => {
    expect(placements.map((p) => p.page).sort()).toEqual(['Handoff_Home', 'Handoff_Metrics']);
  });

  it.each(placements.map((p) => [p.page, p] as const))(
    '%s shows it only to holders of Handoff_View_Metrics',
    (_page, placement) => {
      expect(visibilityCriteria(placement.instance)).toEqual([
        `${PERMISSION_REFERENCE} EQUAL true`
      ]);
    }
  );

  it('the custom permission exists', () => {
    expect(
      filesIn('customPermissions', '.customPermission-meta.xml').map((p) =>
        componentName(p, '.customPermission-meta.xml')
      )
    ).toContain(METRICS_PERMISSION);
  });

  it('is held by exactly the sets that can load the dashboard (Apex class and tab)', () => {
    const holders = setsWhere((xml) =>
      list(xml, 'customPermissions').some(
        (c) => text(c, 'name') === METRICS_PERMISSION && text(c, 'enabled') === 'true'
      )
    );
    const classAccess = setsWhere((xml) =>
      list(xml, 'classAccesses').some(
        (c) => text(c, 'apexClass') === 'HandoffMetricsController' && text(c, 'enabled') === 'true'
      )
    );
    const tab = setsWhere((xml) =>
      list(xml, 'tabSettings').some(
        (t) => text(t, 'tab') === 'Handoff_Metrics' && text(t, 'visibility') === 'Visible'
      )
    );
    expect(holders).toEqual(['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership']);
    expect(classAccess).toEqual(holders);
    expect(tab).toEqual(holders);
  });

  it('tells a user without the permission what the metrics page is and how to get it', () => {
    const notes = componentsOnPages().filter(
      (c) => c.page === 'Handoff_Metrics' && c.name === 'flexipage:richText'
    );
    expect(notes).toHaveLength(1);
    expect(visibilityCriteria(notes[0].instance)).toEqual([`${PERMISSION_REFERENCE} EQUAL false`]);
  });
});

/** Apex source without comments and string literals. */
function apexCode(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:\\.|[^'\\])*'/g, "''");
}

/** The project's Apex classes that a class's code names. */
function referencedProjectClasses(source: string, projectClasses: string[]): string[] {
  const code = apexCode(source);
  return projectClasses.filter((name) => new RegExp(`\\b${name}\\b`).test(code)).sort();
}

/** The argument text of every call of `method` in code, matched by balanced parentheses. */
function callArguments(code: string, method: string): string[] {
  const found: string[] = [];
  let from = code.indexOf(`${method}(`);
  while (from >= 0) {
    const start = from + method.length + 1;
    let depth = 1;
    let end = start;
    while (end < code.length && depth > 0) {
      depth += code[end] === '(' ? 1 : code[end] === ')' ? -1 : 0;
      end++;
    }
    found.push(code.slice(start, end - 1));
    from = code.indexOf(`${method}(`, end);
  }
  return found;
}

describe('scheduled jobs never block a deploy', () => {
  const classes = filesIn('classes', '.cls').map((p) => componentName(p, '.cls'));
  const source = (name: string) =>
    readFileSync(join(SOURCE_ROOT, 'classes', `${name}.cls`), 'utf8');

  it('the dispatcher names no other class of the product', () => {
    expect(referencedProjectClasses(source('HandoffJobDispatcher'), classes)).toEqual([
      'HandoffJobDispatcher'
    ]);
  });

  it('the check sees a reference in code, not in comments or strings', () => {
    const sample = "// HandoffLogger\nString s = 'HandoffLogger';\nHandoffNotifier.x();";
    expect(referencedProjectClasses(sample, ['HandoffLogger', 'HandoffNotifier'])).toEqual([
      'HandoffNotifier'
    ]);
  });

  it('every System.schedule call schedules the dispatcher', () => {
    const calls: string[] = [];
    for (const name of classes.filter((c) => !c.endsWith('Test'))) {
      const code = apexCode(source(name));
      for (const args of callArguments(code, 'System.schedule')) {
        calls.push(`${name}: ${args.replace(/\s+/g, ' ').trim()}`);
      }
    }
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call).toMatch(/new HandoffJobDispatcher\(/);
    }
  });
});

/** $CustomMetadata.<Type>.<Record>.<Field> references in a text. */
function customMetadataReferences(
  source: string
): { type: string; record: string; field: string }[] {
  return [...source.matchAll(/\$CustomMetadata\.(\w+__mdt)\.(\w+)\.(\w+)/g)].map((m) => ({
    type: m[1],
    record: m[2],
    field: m[3]
  }));
}

describe('custom metadata that formulas read ships with the project', () => {
  const files = walk(SOURCE_ROOT, '-meta.xml').filter((p) => !p.includes('/customMetadata/'));

  it('finds references like the validation rule once had', () => {
    expect(
      customMetadataReferences(
        'AND($CustomMetadata.Handoff_Setting__mdt.Default.Gate_Enabled__c, Handoff_Entering_Won__c)'
      )
    ).toEqual([{ type: 'Handoff_Setting__mdt', record: 'Default', field: 'Gate_Enabled__c' }]);
  });

  it('every referenced type, record and field exists in force-app', () => {
    const missing: string[] = [];
    for (const path of files) {
      for (const ref of customMetadataReferences(readFileSync(path, 'utf8'))) {
        const typeDir = join('objects', ref.type, 'fields');
        const fields = filesIn(typeDir, '.field-meta.xml').map((p) =>
          componentName(p, '.field-meta.xml')
        );
        const records = filesIn('customMetadata', '.md-meta.xml').map((p) =>
          componentName(p, '.md-meta.xml')
        );
        const recordName = `${ref.type.replace(/__mdt$/, '')}.${ref.record}`;
        if (!records.includes(recordName) || !fields.includes(ref.field)) {
          missing.push(`${path}: $CustomMetadata.${ref.type}.${ref.record}.${ref.field}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
