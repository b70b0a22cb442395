// Every Code Analyzer finding the project accepts is suppressed where it stands, with its
// reason beside it, so that a new finding stands out. This module checks the "with its reason"
// half: an Apex `@SuppressWarnings('PMD.…')` needs a `//` comment directly above it (other
// annotations and ApexDoc may sit between), and a `// NOPMD` line comment needs text after it.
// Code Analyzer's own marker, `code-analyzer-suppress(engine:Rule) reason`, works in any file
// (it is the only way to suppress a finding in metadata XML, e.g. in a `<!-- -->` comment): it
// must name one or more rules as engine:Rule and carry its reason after the closing parenthesis.
// A marker without a rule would silence every rule from its line to the end of the file.
// PMD's complexity rules (CognitiveComplexity, CyclomaticComplexity) report each method over its
// limit and each class whose total is over the class limit. An @SuppressWarnings naming them on a
// class silences every method of the class, so a new complex method would pass unseen: that form
// is refused. Suppress on each method over the limit, and the class total with `// NOPMD <reason>`
// on the class line (PMD reports the total on the line of the class name).
// code-analyzer.ts runs it before the engines; a suppression without a reason fails the run.
import { readFileSync } from 'node:fs';

/** A comment needs at least this many words to count as a reason. */
export const MIN_REASON_WORDS = 4;

export interface Suppression {
  file: string;
  kind: 'annotation' | 'nopmd' | 'marker';
  /** 1-based line of the annotation, the NOPMD comment or the code-analyzer-suppress marker. */
  line: number;
  /** The rules it names: PMD rule names (`CyclomaticComplexity`), or a marker's selectors. */
  rules: string[];
  /** The reason text, or '' when there is none. */
  reason: string;
  /** For an annotation: whether it stands on a class declaration (top-level or inner). */
  onClass?: boolean;
}

/** PMD rules that report both each method and the class total: suppress them per method. */
export const METHOD_LEVEL_RULES = ['CognitiveComplexity', 'CyclomaticComplexity'];

const ANNOTATION = /@SuppressWarnings\s*\(\s*'([^']*)'\s*\)/i;
const NOPMD = /\/\/\s*NOPMD\b(.*)$/i;
/** As Code Analyzer reads it: `code-analyzer-suppress`, optionally `(selectors)`, then the rest. */
const MARKER = /code-analyzer-suppress(?:\(([^()]*(?:\([^)]*\)[^()]*)*)\))?(.*)$/i;
/** A selector that names rules: `engine:RuleName` (not an engine, a tag or a severity alone). */
const RULE_SELECTOR = /^[a-z][\w-]*:[A-Za-z@][\w@/.-]*$/;

/** An annotation after @SuppressWarnings(…): `@Name`, optionally with `(…)` arguments. */
const OTHER_ANNOTATION = /^@[A-Za-z_][\w.]*\s*(?:\([^)]*\))?/;
/** A class declaration: modifiers and sharing keywords, then `class Name`. */
const CLASS_DECLARATION =
  /^(?:(?:public|private|protected|global|virtual|abstract|static|(?:with|without|inherited)\s+sharing)\s+)*class\s+[A-Za-z_]\w*/i;

/**
 * Whether the code after an annotation (`rest`, from its closing parenthesis on) declares a
 * class: other annotations, comments and blank lines between are skipped.
 */
export function declaresClass(rest: string): boolean {
  let text = rest;
  for (;;) {
    text = text.trimStart();
    if (text.startsWith('//')) {
      const end = text.indexOf('\n');
      text = end < 0 ? '' : text.slice(end + 1);
    } else if (text.startsWith('/*')) {
      const end = text.indexOf('*/');
      text = end < 0 ? '' : text.slice(end + 2);
    } else if (OTHER_ANNOTATION.test(text)) {
      text = text.replace(OTHER_ANNOTATION, '');
    } else {
      return CLASS_DECLARATION.test(text);
    }
  }
}

function words(text: string): number {
  return text.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length;
}

/** The `//` comment lines directly above `index`, skipping annotations and ApexDoc blocks. */
function reasonAbove(lines: readonly string[], index: number): string {
  const comment: string[] = [];
  let i = index - 1;
  while (i >= 0) {
    const text = lines[i].trim();
    if (text.startsWith('//')) {
      comment.unshift(text.replace(/^\/\/\s?/, ''));
    } else if (comment.length === 0 && text.startsWith('@')) {
      // another annotation on the same declaration
    } else {
      break;
    }
    i -= 1;
  }
  return comment.join(' ').trim();
}

/** The code-analyzer-suppress markers of any source, with their reasons ('' when missing). */
export function markersIn(file: string, source: string): Suppression[] {
  const found: Suppression[] = [];
  source.split(/\r?\n/).forEach((text, index) => {
    const marker = MARKER.exec(text);
    if (!marker) return;
    found.push({
      file,
      kind: 'marker',
      line: index + 1,
      rules: (marker[1] ?? '')
        .split(',')
        .map((rule) => rule.trim())
        .filter((rule) => rule !== ''),
      reason: marker[2]
        .replace(/(-->|\*\/)\s*$/, '')
        .replace(/^[\s:;,.\-–—]+/, '')
        .trim()
    });
  });
  return found;
}

/** Every suppression in one Apex source, with its reason ('' when missing). */
export function suppressionsIn(file: string, source: string): Suppression[] {
  const lines = source.split(/\r?\n/);
  const found: Suppression[] = [];
  lines.forEach((text, index) => {
    if (MARKER.test(text)) return; // markersIn reads it
    // Prettier wraps a long annotation over lines: read up to its closing parenthesis.
    const window = lines.slice(index, index + 4).join('\n');
    const annotation = /@SuppressWarnings\b/i.test(text) ? ANNOTATION.exec(window) : null;
    if (annotation) {
      const after = lines
        .slice(index)
        .join('\n')
        .slice(window.indexOf(annotation[0]) + annotation[0].length)
        .slice(0, 4000);
      found.push({
        file,
        kind: 'annotation',
        line: index + 1,
        rules: annotation[1]
          .split(',')
          .map((rule) => rule.trim().replace(/^PMD\./i, ''))
          .filter((rule) => rule !== ''),
        reason: reasonAbove(lines, index),
        onClass: declaresClass(after)
      });
      return;
    }
    const nopmd = NOPMD.exec(text);
    if (nopmd) {
      found.push({ file, kind: 'nopmd', line: index + 1, rules: [], reason: nopmd[1].trim() });
    }
  });
  return found;
}

/**
 * The problems: suppressions without a reason, annotations that name no PMD rule, and
 * class-level annotations naming a method-level rule (METHOD_LEVEL_RULES).
 */
export function unexplained(suppressions: readonly Suppression[]): string[] {
  const problems: string[] = [];
  for (const suppression of suppressions) {
    const where = `${suppression.file}:${suppression.line}`;
    if (suppression.kind === 'annotation' && suppression.rules.length === 0) {
      problems.push(`${where}: @SuppressWarnings names no PMD rule ('PMD.<RuleName>')`);
    }
    const methodLevel = suppression.rules.filter((rule) =>
      METHOD_LEVEL_RULES.some((name) => name.toLowerCase() === rule.toLowerCase())
    );
    if (suppression.kind === 'annotation' && suppression.onClass && methodLevel.length > 0) {
      problems.push(
        `${where}: @SuppressWarnings on a class hides ${methodLevel.join(', ')} for every ` +
          'method in it, so a new complex method would pass unseen: suppress it on each method ' +
          'over the limit (with its reason), and the class total with // NOPMD <reason> on the ' +
          'class line'
      );
    }
    if (
      suppression.kind === 'marker' &&
      (suppression.rules.length === 0 ||
        !suppression.rules.every((rule) => RULE_SELECTOR.test(rule)))
    ) {
      problems.push(
        `${where}: code-analyzer-suppress must name the rules it suppresses, e.g. ` +
          'code-analyzer-suppress(pmd:ProtectSensitiveData) followed by the reason'
      );
    }
    if (words(suppression.reason) < MIN_REASON_WORDS) {
      problems.push(
        `${where}: a suppression needs its reason (a // comment of ${MIN_REASON_WORDS}+ words ` +
          'directly above @SuppressWarnings, text after NOPMD, or after code-analyzer-suppress(…))'
      );
    }
  }
  return problems;
}

/**
 * Reads the given files (@SuppressWarnings and NOPMD in Apex, code-analyzer-suppress markers in
 * any file) and returns their problems (empty when every reason is there).
 */
export function checkSuppressions(files: readonly string[]): {
  suppressions: Suppression[];
  problems: string[];
} {
  const suppressions = files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const markers = markersIn(file, source);
    return /\.(cls|trigger)$/.test(file) ? [...suppressionsIn(file, source), ...markers] : markers;
  });
  return { suppressions, problems: unexplained(suppressions) };
}
