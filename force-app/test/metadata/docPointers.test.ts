/**
 * Code comments and metadata descriptions point readers to a section of the docs, as
 * `docs/behaviour.md, "Close automation"`. This test resolves every such pointer: the file must
 * exist and, when a section is named, one of its headings must start with that name. Moving a
 * section without updating its readers fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { walkFiles } from '../../../scripts/ci/lib';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Pointer {
  file: string;
  doc: string;
  section: string | null;
}

/** Joins comment lines (` * `, `// `) so a pointer wrapped over two lines reads as one. */
function unwrap(source: string): string {
  return source.replace(/\s*\n\s*(?:\*(?!\/)|\/\/)?\s*/g, ' ');
}

function pointersIn(file: string, source: string): Pointer[] {
  const text = unwrap(source);
  const found: Pointer[] = [];
  for (const match of text.matchAll(
    /\bdocs\/([\w-]+\.md)(?:#[\w-]+)?(?:\)?,?\s*(?:\\?"|“)([^"“”\\]+)(?:\\?"|”))?/g
  )) {
    found.push({ file, doc: match[1], section: match[2]?.trim() ?? null });
  }
  return found;
}

function headings(doc: string): string[] {
  return readFileSync(path.join(ROOT, 'docs', doc), 'utf8')
    .split('\n')
    .filter((line) => /^#{1,4} /.test(line))
    .map((line) => line.replace(/^#+\s*/, '').replace(/`/g, ''));
}

function brokenPointer(pointer: Pointer): string | null {
  if (!existsSync(path.join(ROOT, 'docs', pointer.doc)))
    return `docs/${pointer.doc} does not exist`;
  if (pointer.section === null) return null;
  const wanted = pointer.section.replace(/`/g, '').toLowerCase();
  return headings(pointer.doc).some((heading) => heading.toLowerCase().startsWith(wanted))
    ? null
    : `docs/${pointer.doc} has no section "${pointer.section}"`;
}

const SOURCES = [
  ...walkFiles(
    path.join(ROOT, 'force-app'),
    (file) => /\.(cls|trigger|ts|html|xml|json)$/.test(file),
    // force-app/test holds these tests and their fixtures, not product code
    { skipDirs: ['__tests__', 'test'] }
  ),
  ...walkFiles(path.join(ROOT, 'scripts'), (file) => file.endsWith('.ts'), {
    skipDirs: ['__tests__', 'fixtures']
  })
];

describe('pointers from the code to the docs', () => {
  const pointers = SOURCES.flatMap((file) => pointersIn(file, readFileSync(file, 'utf8')));

  it('finds the pointers (the reader works)', () => {
    expect(pointers.length).toBeGreaterThan(20);
    expect(pointers.some((pointer) => pointer.section !== null)).toBe(true);
  });

  it('resolves every pointer to an existing doc and section', () => {
    const broken = pointers
      .map((pointer) => ({ pointer, why: brokenPointer(pointer) }))
      .filter((entry) => entry.why !== null)
      .map((entry) => `${path.relative(ROOT, entry.pointer.file)}: ${entry.why}`);
    expect(broken).toEqual([]);
  });
});

describe('pointersIn', () => {
  it('reads a pointer wrapped over ApexDoc lines, with and without a section', () => {
    const source = [
      '/**',
      ' * Chooses the CSM (docs/behaviour.md, "CSM',
      ' * assignment"). See also docs/rollout.md.',
      ' */'
    ].join('\n');
    expect(pointersIn('A.cls', source)).toEqual([
      { file: 'A.cls', doc: 'behaviour.md', section: 'CSM assignment' },
      { file: 'A.cls', doc: 'rollout.md', section: null }
    ]);
  });

  it('reports a missing section and a missing doc', () => {
    expect(
      brokenPointer({ file: 'x', doc: 'behaviour.md', section: 'Close automation' })
    ).toBeNull();
    expect(brokenPointer({ file: 'x', doc: 'behaviour.md', section: 'No such part' })).toBe(
      'docs/behaviour.md has no section "No such part"'
    );
    expect(brokenPointer({ file: 'x', doc: 'nothing.md', section: null })).toBe(
      'docs/nothing.md does not exist'
    );
  });
});
