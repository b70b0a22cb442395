/**
 * A Lightning component's Apex call fails for a user whose permission sets do not grant the
 * class ("You do not have access to the Apex class"), and nothing offline notices: the compiler
 * and Jest mock the call. Every class a component imports from `@salesforce/apex/…`, and every
 * class with an @AuraEnabled method, must be enabled in the persona permission sets of the people
 * whose pages show it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PROJECT_ROOT,
  SOURCE_ROOT,
  componentName,
  filesIn,
  list,
  readXml,
  text,
  walk
} from './lib/metadata';

const sets = new Map(
  filesIn('permissionsets', '.permissionset-meta.xml').map((p) => [
    componentName(p, '.permissionset-meta.xml'),
    readXml(p)
  ])
);

function grantedIn(apexClass: string): string[] {
  return [...sets.entries()]
    .filter(([, xml]) =>
      list(xml, 'classAccesses').some(
        (c) => text(c, 'apexClass') === apexClass && text(c, 'enabled') === 'true'
      )
    )
    .map(([name]) => name)
    .sort();
}

/** Apex classes each component imports, by component folder. */
function apexImports(): Map<string, Set<string>> {
  const byComponent = new Map<string, Set<string>>();
  for (const file of walk(join(SOURCE_ROOT, 'lwc'), '.ts')) {
    if (file.includes('__tests__')) {
      continue;
    }
    const component = file.split('/lwc/')[1].split('/')[0];
    for (const match of readFileSync(file, 'utf8').matchAll(
      /from\s+'@salesforce\/apex\/(\w+)\.\w+'/g
    )) {
      const classes = byComponent.get(component) ?? new Set<string>();
      classes.add(match[1]);
      byComponent.set(component, classes);
    }
  }
  return byComponent;
}

/** Who sees each component's page (docs/architecture.md's personas). */
const AUDIENCE: Record<string, string[]> = {
  handoffPanel: ['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Sales'],
  handoffPanelException: ['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Sales'],
  // The AE's one question (issue 17): the card shows for the AE or an admin only.
  handoffPanelFeedback: ['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Sales'],
  handoffIntakeChecklist: ['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Sales'],
  handoffFirstTimeGuide: ['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Sales'],
  handoffIntakeTeam: ['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Sales'],
  handoffMyHandoffs: ['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Sales'],
  handoffMetricsDashboard: ['Handoff_Admin', 'Handoff_Leadership'],
  handoffSetup: ['Handoff_Admin'],
  // Children of the intake checklist and of the metrics dashboard (issue 17).
  handoffGoLive: ['Handoff_Admin', 'Handoff_CS', 'Handoff_Leadership', 'Handoff_Sales'],
  handoffBeforeAfter: ['Handoff_Admin', 'Handoff_Leadership']
};

describe('Apex classes the components call', () => {
  const imports = apexImports();

  it('finds the components that call Apex (the scan works)', () => {
    expect([...imports.keys()]).toEqual(expect.arrayContaining(Object.keys(AUDIENCE)));
  });

  it.each([...imports.entries()].map(([c, classes]) => [c, [...classes].sort()] as const))(
    '%s: every class it calls is granted to everyone whose page shows it',
    (component, classes) => {
      const audience = AUDIENCE[component];
      expect(audience).toBeDefined();
      for (const apexClass of classes) {
        const granted = grantedIn(apexClass);
        const missing = audience.filter((set) => !granted.includes(set));
        expect({ apexClass, missing }).toEqual({ apexClass, missing: [] });
      }
    }
  );
});

describe('Classes with @AuraEnabled methods', () => {
  const classes = filesIn('classes', '.cls')
    .filter((file) => !/Test\.cls$/.test(file))
    // An @AuraEnabled method (not only @AuraEnabled properties of a class it returns).
    .filter((file) =>
      /@AuraEnabled(\([^)]*\))?\s+(public|global)\s+static\b/i.test(readFileSync(file, 'utf8'))
    )
    .map((file) => componentName(file, '.cls'));

  it('are found', () => {
    expect(classes).toEqual(expect.arrayContaining(['HandoffPanelController']));
  });

  it.each(classes)('%s is granted in at least one persona permission set', (apexClass) => {
    expect(grantedIn(apexClass).length).toBeGreaterThan(0);
  });
});

describe('the optional AI package', () => {
  it('keeps its grants in its own permission set, outside force-app', () => {
    const ai = filesIn(
      'permissionsets',
      '.permissionset-meta.xml',
      join(PROJECT_ROOT, 'force-app-ai', 'main', 'default')
    );
    expect(ai.map((p) => componentName(p, '.permissionset-meta.xml'))).toEqual([
      'Handoff_AI_Draft'
    ]);
  });
});
