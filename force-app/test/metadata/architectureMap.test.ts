/**
 * docs/architecture.md is the map from a behaviour to its code. This test keeps it true: every
 * name in backticks in the map's table must exist in the project (a class, trigger, component,
 * flow, flow test, validation rule, object, field, method, file or folder), and every Apex class
 * (selectors and the test factory excepted: the map's "Layers" section names their rule),
 * trigger, component and flow must appear in the table, so a new one cannot be left off.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SRC = path.join(ROOT, 'force-app', 'main', 'default');
const MAP_FILE = path.join(ROOT, 'docs', 'architecture.md');

function names(dir: string, suffix: string): string[] {
  const full = path.join(SRC, dir);
  return existsSync(full)
    ? readdirSync(full)
        .filter((name) => name.endsWith(suffix))
        .map((name) => name.slice(0, -suffix.length))
    : [];
}

const CLASSES = names('classes', '.cls');
const TRIGGERS = names('triggers', '.trigger');
const FLOWS = names('flows', '.flow-meta.xml');
const FLOW_TESTS = names('flowtests', '.flowtest-meta.xml');
const COMPONENTS = readdirSync(path.join(SRC, 'lwc')).filter((name) =>
  existsSync(path.join(SRC, 'lwc', name, `${name}.js-meta.xml`))
);
const OBJECTS = readdirSync(path.join(SRC, 'objects'));
const VALIDATION_RULES = OBJECTS.flatMap((object) =>
  names(path.join('objects', object, 'validationRules'), '.validationRule-meta.xml')
);
const FIELDS = OBJECTS.flatMap((object) =>
  names(path.join('objects', object, 'fields'), '.field-meta.xml')
);
const SHARING_REASONS = OBJECTS.flatMap((object) =>
  names(path.join('objects', object, 'sharingReasons'), '.sharingReason-meta.xml')
);

/** The behaviour → code table: the rows between its header and the next heading. */
function mapRows(markdown: string): string[][] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Behaviour → code'));
  if (!section) throw new Error('docs/architecture.md has no "## Behaviour → code" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-+/.test(line))
    .slice(1)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim())
    );
}

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
}

function globMatch(pattern: string, candidates: readonly string[]): boolean {
  const regex = new RegExp(
    `^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`
  );
  return candidates.some((candidate) => regex.test(candidate));
}

function pathExists(relative: string): boolean {
  const bases = [ROOT, SRC];
  if (!relative.includes('*')) return bases.some((base) => existsSync(path.join(base, relative)));
  // one wildcard segment, e.g. lwc/handoffPanel*/__tests__
  const segments = relative.split('/');
  const wild = segments.findIndex((segment) => segment.includes('*'));
  return bases.some((base) => {
    const parent = path.join(base, ...segments.slice(0, wild));
    if (!existsSync(parent)) return false;
    return readdirSync(parent)
      .filter((entry) => globMatch(segments[wild], [entry]))
      .some((entry) => existsSync(path.join(parent, entry, ...segments.slice(wild + 1))));
  });
}

/** Why `name` does not resolve, or null when it names something that exists. */
function unresolved(name: string): string | null {
  if (name === 'sf') return null; // the Salesforce CLI, installed from package.json
  if (name.includes('/') || /\.(ts|json|sh|md|mjs|cjs)$/.test(name))
    return pathExists(name) ? null : 'no such file or folder';
  if (name.includes('*')) {
    const all = [...CLASSES, ...FLOWS, ...FLOW_TESTS, ...VALIDATION_RULES, ...COMPONENTS];
    return globMatch(name, all) ? null : 'the pattern matches nothing';
  }
  const dotted = /^([A-Za-z_]\w*)\.(\w+)$/.exec(name);
  if (dotted) {
    const [, owner, member] = dotted;
    if (CLASSES.includes(owner)) {
      const source = readFileSync(path.join(SRC, 'classes', `${owner}.cls`), 'utf8');
      return new RegExp(`\\b${member}\\s*\\(`).test(source)
        ? null
        : `${owner} has no method ${member}`;
    }
    if (owner.endsWith('__mdt')) {
      const record = path.join(
        SRC,
        'customMetadata',
        `${owner.slice(0, -5)}.${member}.md-meta.xml`
      );
      return existsSync(record) ? null : 'no such custom metadata record';
    }
    const approval = path.join(SRC, 'approvalProcesses', `${name}.approvalProcess-meta.xml`);
    return existsSync(approval) ? null : 'no such method, record or approval process';
  }
  if (/__(c|mdt|e)$/.test(name)) {
    return OBJECTS.includes(name) || FIELDS.includes(name) || SHARING_REASONS.includes(name)
      ? null
      : 'no such object, field or sharing reason';
  }
  const known = [
    ...CLASSES,
    ...TRIGGERS,
    ...COMPONENTS,
    ...FLOWS,
    ...FLOW_TESTS,
    ...VALIDATION_RULES
  ];
  return known.includes(name) ? null : 'no such class, trigger, component, flow or rule';
}

describe('docs/architecture.md, the map', () => {
  const markdown = readFileSync(MAP_FILE, 'utf8');
  const rows = mapRows(markdown);
  const mapped = new Set(rows.flatMap((row) => row.flatMap(backticked)));
  const mentioned = (name: string): boolean =>
    mapped.has(name) || [...mapped].some((token) => token.startsWith(`${name}.`));

  it('has a row per behaviour, each with where it starts, what does the work and its tests', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
    for (const row of rows) {
      expect(row).toHaveLength(4);
      expect(row.every((cell) => cell !== '')).toBe(true);
    }
  });

  it('names only things that exist', () => {
    const broken = [...mapped]
      .map((name) => ({ name, why: unresolved(name) }))
      .filter((entry) => entry.why !== null);
    expect(broken).toEqual([]);
  });

  it('maps every Apex class but the selectors and the test factory', () => {
    const production = CLASSES.filter(
      (name) => !name.endsWith('Test') && !name.endsWith('Selector') && name !== 'TestDataFactory'
    );
    expect(production.length).toBeGreaterThan(20);
    expect(production.filter((name) => !mentioned(name))).toEqual([]);
  });

  it('maps every trigger, component and flow', () => {
    expect(TRIGGERS.filter((name) => !mentioned(name))).toEqual([]);
    expect(COMPONENTS.filter((name) => !mentioned(name))).toEqual([]);
    expect(FLOWS.filter((name) => !mentioned(name))).toEqual([]);
  });

  it('refers to no issue numbers (the map describes the product, not its history)', () => {
    expect(markdown).not.toMatch(/\bissues? \d+/i);
  });
});

describe('unresolved', () => {
  it('tells a missing name from an existing one, for each kind of name', () => {
    expect(unresolved('HandoffCloseService')).toBeNull();
    expect(unresolved('HandoffCloseServise')).toMatch(/no such class/);
    expect(unresolved('Handoffs.nextDue')).toBeNull();
    expect(unresolved('Handoffs.noSuchMethod')).toBe('Handoffs has no method noSuchMethod');
    expect(unresolved('Handoff_Setting__mdt.Default')).toBeNull();
    expect(unresolved('Handoff_Setting__mdt.Nope')).toBe('no such custom metadata record');
    expect(unresolved('Opportunity.Handoff_Exception_Approval')).toBeNull();
    expect(unresolved('Handoff_Missing_Count__c')).toBeNull();
    expect(unresolved('Handoff_Missing_Count2__c')).toMatch(/no such object/);
    expect(unresolved('Handoff_SLA_Warning_*')).toBeNull();
    expect(unresolved('Handoff_No_Flow_*')).toBe('the pattern matches nothing');
    expect(unresolved('lwc/handoffPanel*/__tests__')).toBeNull();
    expect(unresolved('lwc/handoffNothing*/__tests__')).toBe('no such file or folder');
    expect(unresolved('scripts/audit/cli.ts')).toBeNull();
    expect(unresolved('package.json')).toBeNull();
    expect(unresolved('scripts/audit/nothing.ts')).toBe('no such file or folder');
  });
});
