/**
 * The generated documentation: the committed docs/configuration-guide.md and the generated
 * blocks of the guides are what the metadata gives now (the test fails when they are stale);
 * the readers see what the metadata tests' readers see; and the generator, on a small fixture,
 * documents every kind of metadata, sorted and the same on every run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  PROJECT_ROOT,
  SOURCE_ROOT,
  loadCustomMetadata,
  loadObjects
} from '../../../force-app/test/metadata/lib/metadata.ts';
import { parseApexClass, parseApexDoc } from '../apexdoc.ts';
import { applyBlocks, hasBlocks } from '../blocks.ts';
import { renderConfigGuide } from '../configGuide.ts';
import { firstDifference } from '../generate-config-guide.ts';
import { readModel, readObjects, readRecords, type DocModel } from '../model.ts';
import { slug } from '../markdown.ts';
import { ruleSetMatrix } from '../rules.ts';
import { FIXTURE_FILES, writeFixture } from './fixture.ts';

const TSX = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

describe('the committed documentation', () => {
  it('is what `npm run docs` generates from the metadata now (run it when this fails)', () => {
    const run = spawnSync(TSX, ['scripts/docs/generate-config-guide.ts', '--check'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000
    });
    expect({ status: run.status, stderr: run.stderr.trim() }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('Documentation is up to date');
  }, 150_000);

  it('keeps the Sales card table of required fields generated, never typed by hand', () => {
    const card = readFileSync(join(PROJECT_ROOT, 'docs', 'sales-quick-reference.md'), 'utf8');
    expect(card).toContain('<!-- generated: required-fields -->');
    expect(card).toContain('<!-- end generated: required-fields -->');
  });
});

/** The hand-written guides of the documentation package (the generator owns the rest). */
const GUIDES = [
  'docs/cs-intake-guide.md',
  'docs/definitions.md',
  'docs/faq.md',
  'docs/leadership-guide.md',
  'docs/maintenance.md',
  'docs/sales-quick-reference.md'
];

describe('the hand-written guides', () => {
  const model = readModel(SOURCE_ROOT);
  const objects = new Map(model.objects.map((o) => [o.name, new Set(o.fields.map((f) => f.name))]));
  const allFields = new Set(model.objects.flatMap((o) => o.fields.map((f) => f.name)));
  const records = new Set(model.records.map((r) => `${r.type}.${r.name}`));
  const classes = new Set(model.classes.map((c) => c.name));
  const read = (file: string) => readFileSync(join(PROJECT_ROOT, file), 'utf8');
  /** Inline code spans outside fenced blocks (generated blocks included). */
  const spans = (text: string) =>
    [...text.replace(/```[\s\S]*?```/g, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);

  it.each(GUIDES)('%s names only objects, fields, records and classes that exist', (file) => {
    const unknown: string[] = [];
    for (const span of spans(read(file))) {
      if (/[<>*]/.test(span)) continue; // a pattern such as NB_<Segment>_<Field>
      const mdt = /^(Handoff_\w+?)\.(\w+?)(?:\.(\w+__c))?$/.exec(span);
      const objectField = /^(\w+)\.(\w+__c)$/.exec(span);
      if (mdt && model.records.some((r) => r.type === mdt[1])) {
        if (!records.has(`${mdt[1]}.${mdt[2]}`)) unknown.push(span);
        if (mdt[3] && !objects.get(`${mdt[1]}__mdt`)?.has(mdt[3])) unknown.push(span);
      } else if (objectField && objects.has(objectField[1])) {
        if (!objects.get(objectField[1])?.has(objectField[2])) unknown.push(span);
      } else if (/^\w+__c$/.test(span)) {
        if (!allFields.has(span) && !objects.has(span)) unknown.push(span);
      } else if (/^\w+__mdt$/.test(span)) {
        if (!objects.has(span)) unknown.push(span);
      } else if (/^Handoff[A-Z]\w+$/.test(span) && !/^Handoff_/.test(span)) {
        if (!classes.has(span)) unknown.push(span);
      }
    }
    expect(unknown).toEqual([]);
  });

  it.each([...GUIDES, 'docs/configuration-guide.md'])(
    '%s links only to files and headings that exist',
    (file) => {
      const broken: string[] = [];
      for (const m of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        const [target, anchor] = m[1].split('#');
        if (/^[a-z]+:/.test(target)) continue;
        const path = target === '' ? file : join(dirname(file), target);
        if (!existsSync(join(PROJECT_ROOT, path))) {
          broken.push(m[1]);
        } else if (anchor) {
          const headings = [...read(path).matchAll(/^#{1,6} (.+)$/gm)].map((h) => slug(h[1]));
          if (!headings.includes(anchor)) broken.push(m[1]);
        }
      }
      expect(broken).toEqual([]);
    }
  );
});

describe('the readers', () => {
  it('see the objects, fields and formulas the metadata tests see', () => {
    const mine = readObjects(SOURCE_ROOT);
    const theirs = loadObjects();
    expect(mine.map((o) => o.name)).toEqual([...theirs.keys()].sort());
    for (const object of mine) {
      const fields = theirs.get(object.name)?.fields;
      expect(object.fields.map((f) => [f.name, f.type, f.label, f.formula ?? undefined])).toEqual(
        [...(fields?.values() ?? [])]
          .map((f) => [f.name, f.type, f.label, f.formula?.trim() || undefined])
          .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1))
      );
      expect(object.fields.map((f) => f.picklistValues)).toEqual(
        object.fields.map((f) => fields?.get(f.name)?.picklistValues)
      );
      expect(object.validationRules.map((v) => v.name)).toEqual(
        [...(theirs.get(object.name)?.validationRules.keys() ?? [])].sort()
      );
    }
  });

  it('see the custom metadata records the metadata tests see', () => {
    const mine = readRecords(SOURCE_ROOT);
    const theirs = loadCustomMetadata();
    expect(mine.map((r) => `${r.type}.${r.name}`).sort()).toEqual([...theirs.keys()].sort());
    for (const r of mine) {
      const other = theirs.get(`${r.type}.${r.name}`);
      expect([r.name, r.label, r.values]).toEqual([r.name, other?.label, other?.values]);
    }
  });
});

describe('the configuration guide, on a small fixture', () => {
  let root: string;
  let model: DocModel;
  let guide: string;

  beforeAll(() => {
    root = writeFixture();
    model = readModel(root);
    guide = renderConfigGuide(model);
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('is the same text on every run', () => {
    expect(renderConfigGuide(readModel(root))).toBe(guide);
    expect(guide).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:/);
  });

  it('lists every custom field with its type, description, help text and access', () => {
    expect(guide).toContain(
      '| `Handoff_Customer_Goals__c` | Customer Goals | Long Text Area(32768) | Fix_Sales | Fix_Sales |'
    );
    expect(guide).toContain('| `Handoff_Scope__c` | Scope | Text(255) | Fix_Sales | — |');
    expect(guide).toContain(
      '| `Handoff_Exception_Active__c` | Exception Active | Formula (Checkbox) | — | nobody (computed) |'
    );
    expect(guide).toContain(
      '| `Opportunity__c` | Opportunity | Master-Detail(Opportunity) | Fix_Sales (object access) | Fix_Sales (object access) |'
    );
    expect(guide).toContain("The customer's goals &lt;in their words&gt;.");
    expect(guide).toContain('Help text: “Top 3 outcomes.”');
    expect(guide).toContain('Values: New, Done, really.');
    expect(guide).toContain('ISPICKVAL(Handoff_Exception_Status__c, "Approved")');
  });

  it('orders sections and items by name', () => {
    const opportunity = guide.indexOf('### Opportunity (`Opportunity`)');
    const widget = guide.indexOf('### Widget (`Widget__c`)');
    expect(opportunity).toBeGreaterThan(0);
    expect(widget).toBeGreaterThan(opportunity);
    expect(guide.indexOf('`Handoff_Customer_Goals__c` —')).toBeLessThan(
      guide.indexOf('`Handoff_Exception_Active__c` —')
    );
  });

  it('shows each rule set per segment as the shared evaluator applies it', () => {
    const newBusiness = ruleSetMatrix(model, 'New Business');
    expect(newBusiness.segments).toEqual(['Big', 'Small']);
    expect(newBusiness.rows.map((r) => [r.field, r.bySegment])).toEqual([
      ['Handoff_Customer_Goals__c', { Big: 'Required', Small: 'Required' }],
      ['Handoff_Scope__c', { Big: 'Required', Small: 'Optional' }]
    ]);
    expect(newBusiness.skipped).toEqual([
      expect.objectContaining({ developerName: 'NB_All_Ghost' })
    ]);
    const expansion = ruleSetMatrix(model, 'Expansion');
    expect(expansion.exampleType).toBe('Renewal');
    expect(expansion.rows.map((r) => r.bySegment)).toEqual([
      { Big: 'Optional', Small: 'Optional' }
    ]);
    expect(guide).toContain(
      '| Customer Goals (`Handoff_Customer_Goals__c`) | Basics | 2 | **R** | **R** |'
    );
    expect(guide).toContain('| Scope (`Handoff_Scope__c`) | Basics | 2 | **R** | O |');
  });

  it('says how to change each custom metadata type safely and lists its shipped records', () => {
    expect(guide).toContain('### Handoff Field Rule records (`Handoff_Field_Rule__mdt`)');
    expect(guide).toMatch(/\*\*How to change it safely\*\*\n\n- Effect: every Opportunity save/);
    expect(guide).toContain('**Shipped records** (5,');
    expect(guide).toContain('| Gate Enabled (`Gate_Enabled__c`) | true |');
  });

  it('reports configuration problems it can see in the metadata', () => {
    expect(guide).toContain(
      'Field rule `NB_All_Ghost` names `Handoff_Does_Not_Exist__c`, which is not an Opportunity field'
    );
    expect(guide).toContain('Health threshold `Nope` names the unknown metric `Nope_Rate`.');
    expect(guide).toContain('`Escalation_Owner__c` names `Fix_Missing_Group`');
  });

  it('documents validation rules with their formula, message and purpose', () => {
    expect(guide).toContain('### `Opportunity.Fix_Gate`');
    expect(guide).toContain('Active. What it protects: Protects the close.');
    expect(guide).toContain('AND(ISBLANK(Handoff_Scope__c), NOT($Permission.Fix_Bypass))');
    expect(guide).toContain('Message (at the top of the page): “Fill the scope first.”');
  });

  it('documents flows: trigger, entry criteria, scheduled paths, tests and elements', () => {
    expect(guide).toContain('### Fix Flow (`Fix_Flow`)');
    expect(guide).toContain(
      '| Trigger | After save on `Widget__c`, create and update, trigger order 10 |'
    );
    expect(guide).toContain(
      '`Status__c EqualTo "New"` — only when a save makes the record meet them'
    );
    expect(guide).toContain('`Two_Days_Later`: 2 days after CreatedDate');
    expect(guide).toContain('| FlowTests | `Fix_Flow_Late` |');
    expect(guide).toContain('Decision `Is_Late` (outcomes Late (Late); default: On Time)');
    expect(guide).toContain('What it does: Widget, after save: escalates late widgets.');
  });

  it('documents the Apex entry points from their ApexDoc, and no test class', () => {
    expect(guide).toContain(
      '**`WidgetTrigger`** on `Widget__c` (before insert, after update) → `FixTriggerHandler`'
    );
    expect(guide).toContain(
      '- `getWidgets(Id recordId)` → `List<Widget__c>` (cacheable read): Reads the widgets (not the "other" ones). Parameters: `recordId` the record. Returns the widgets.'
    );
    expect(guide).not.toContain('`helper()`');
    expect(guide).not.toContain('`name` →');
    expect(guide).toContain('**Escalate Widgets (bulk)** — `FixAction.escalate` (without sharing)');
    expect(guide).toContain('Escalates each widget once (idempotent).');
    expect(guide).toContain(
      '- `widgetId` (Id, required) “Widget Id”: The widget (usually {!$Record.Id}).'
    );
    expect(guide).toContain("- `reason` (String) “Reason”: Why it's late.");
    expect(guide).toContain(
      '**`FixJob`** (`Schedulable`, `Database.Batchable<SObject>`; with sharing)'
    );
    expect(guide).not.toContain('FixControllerTest');
  });

  it('documents access: groups, permission sets, custom permissions and public groups', () => {
    expect(guide).toContain(
      '| `Fix_Sales_Users` | Fix Sales Users | `Fix_Sales` | Assign to AEs. |'
    );
    expect(guide).toContain('#### Fix Sales (`Fix_Sales`)');
    expect(guide).toContain('- Objects: `Widget__c`: read, edit');
    expect(guide).toContain('- Fields: 1 editable, 2 read-only');
    expect(guide).toContain(
      '**`Fix_Bypass`** (Fix Bypass): Skips the gate. Granted by `Fix_Sales`; checked by validation rule `Opportunity.Fix_Gate`.'
    );
    expect(guide).toContain('**`Fix_Pool`** (group, “Fix Pool”): The pool.');
    expect(guide).toContain('Named by `Handoff_Segment_Policy.Big` `Assignment_Pool__c`');
  });

  it('documents the user interface, reports and dashboards', () => {
    expect(guide).toContain('- Tabs, in order: `standard-home`, `Widget__c`');
    expect(guide).toContain('| `Widget__c` | Widgets | Object tab | `Widget__c` | Widgets tab. |');
    expect(guide).toContain('Product components: `fixPanel`.');
    expect(guide).toContain(
      '**Request Widget** (`Opportunity.Fix_Request`, Update): Requests a widget.'
    );
    expect(guide).toContain('- Sets: `Handoff_Scope__c` = `Requested`');
    expect(guide).toContain('#### Widgets by Status (`Fix_Reports/Fix_By_Status`)');
    expect(guide).toContain('- Grouped by Widget__c$CreatedDate (by month)');
    expect(guide).toContain('- Filters: `Widget__c$Status__c notEqual New`');
    expect(guide).toContain('| Widgets by status | Bar | `Fix_Reports/Fix_By_Status` |');
    expect(guide).toContain('Runs as: the viewer.');
    expect(guide).toContain('**Widgets** (`Fix_Type`): `Widget__c`, category other. Widgets.');
  });

  it('says so when a kind of metadata is not shipped', () => {
    expect(guide).toMatch(/### Approval processes\n\nNone shipped\./);
    expect(guide).toMatch(/### Static resources\n\nNone shipped\./);
  });

  it('reads every fixture file it was given', () => {
    expect(Object.keys(FIXTURE_FILES).length).toBeGreaterThan(30);
    expect(model.classes.map((c) => c.name)).toEqual([
      'FixAction',
      'FixController',
      'FixControllerTest',
      'FixJob'
    ]);
  });
});

describe('generated blocks in the hand-written guides', () => {
  let root: string;
  let model: DocModel;

  beforeAll(() => {
    root = writeFixture();
    model = readModel(root);
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const doc = [
    '# Card',
    '',
    '<!-- generated: required-fields -->',
    'old table',
    '<!-- end generated: required-fields -->',
    '',
    'Text between.',
    '',
    '<!-- generated: formula Opportunity.Handoff_Exception_Active__c -->',
    '<!-- end generated: formula Opportunity.Handoff_Exception_Active__c -->',
    ''
  ].join('\n');

  it('replaces what lies between the markers and keeps the rest', () => {
    const out = applyBlocks(doc, model, root);
    expect(out).not.toContain('old table');
    expect(out).toContain('Text between.');
    expect(out).toContain('| Customer Goals | **Required** | **Required** |');
    expect(out).toContain('| Scope | **Required** | optional |');
    expect(out).toContain('```text\nISPICKVAL(Handoff_Exception_Status__c, "Approved")\n```');
    expect(hasBlocks(out)).toBe(true);
  });

  it('is stable: applying it again changes nothing', () => {
    const once = applyBlocks(doc, model, root);
    expect(applyBlocks(once, model, root)).toBe(once);
  });

  it('refuses unknown blocks, unmatched markers and missing components', () => {
    expect(() =>
      applyBlocks('<!-- generated: nope -->\n<!-- end generated: nope -->', model, root, 'x.md')
    ).toThrow('x.md: unknown generated block "nope"');
    expect(() => applyBlocks('<!-- generated: segments -->\n', model, root, 'x.md')).toThrow(
      'needs a matching'
    );
    expect(() =>
      applyBlocks(
        '<!-- generated: formula Opportunity.Nope__c -->\n<!-- end generated: formula Opportunity.Nope__c -->',
        model,
        root,
        'x.md'
      )
    ).toThrow('no formula field Opportunity.Nope__c');
  });

  it('renders the summary preview exactly as the summary vectors expect', () => {
    const project = readModel(SOURCE_ROOT);
    const vectors = JSON.parse(
      readFileSync(join(SOURCE_ROOT, 'staticresources', 'handoffSummaryVectors.json'), 'utf8')
    ) as { vectors: { expected: string[] }[] };
    const out = applyBlocks(
      '<!-- generated: summary-preview -->\n<!-- end generated: summary-preview -->',
      project,
      SOURCE_ROOT
    );
    expect(out).toContain(`\`\`\`text\n${vectors.vectors[0].expected.join('\n')}\n\`\`\``);
  });
});

describe('the ApexDoc reader', () => {
  it('reads the description, parameters and return', () => {
    expect(
      parseApexDoc(
        '*\n * @description First line\n * second line.\n *\n * Next paragraph.\n * @param a the a\n *   continued\n * @return the result\n '
      )
    ).toEqual({
      description: 'First line\nsecond line.\n\nNext paragraph.',
      params: [{ name: 'a', text: 'the a continued' }],
      returns: 'the result'
    });
  });

  it('finds entry points despite braces in strings, comments and annotation arguments', () => {
    const cls = parseApexClass(
      'Tricky',
      `/** @description Tricky. */
public inherited sharing class Tricky implements Queueable {
    // a comment with { braces
    private static final Set<String> NAMES = new Set<String>{ 'a', '}' };
    /* block { comment */
    @InvocableMethod(label='Do (it)' description='Has ) and { inside')
    public static List<Result> run(List<Request> requests) {
        return null;
    }
    @AuraEnabled
    public static void later() {
    }
}`
    );
    expect(cls.sharing).toBe('inherited sharing');
    expect(cls.interfaces).toEqual(['Queueable']);
    expect(cls.methods.map((m) => [m.name, m.annotations.map((a) => a.name)])).toEqual([
      ['run', ['InvocableMethod']],
      ['later', ['AuraEnabled']]
    ]);
    expect(cls.methods[0].annotations[0].args).toBe(
      "label='Do (it)' description='Has ) and { inside'"
    );
  });
});

describe('the stale-file message', () => {
  it('points at the first line that differs', () => {
    expect(firstDifference('a\nb\nc', 'a\nB\nc')).toBe('line 2: committed "b", generated "B"');
    expect(firstDifference('a', 'a\nb')).toBe('line 2: committed (end of file), generated "b"');
  });
});
