// Every Code Analyzer finding the project accepts is suppressed where it stands, with its
// reason beside it, so that a new finding stands out. This module checks the "with its reason"
// half: an Apex `@SuppressWarnings('PMD.…')` needs a `//` comment directly above it (other
// annotations and ApexDoc may sit between), and a `// NOPMD` line comment needs text after it.
// code-analyzer.ts runs it before the engines; a suppression without a reason fails the run.
import { readFileSync } from 'node:fs';

/** A comment needs at least this many words to count as a reason. */
export const MIN_REASON_WORDS = 4;

export interface Suppression {
  file: string;
  kind: 'annotation' | 'nopmd';
  /** 1-based line of the annotation or the NOPMD comment. */
  line: number;
  /** The PMD rules it names, e.g. `CyclomaticComplexity`. */
  rules: string[];
  /** The reason text, or '' when there is none. */
  reason: string;
}

const ANNOTATION = /@SuppressWarnings\s*\(\s*'([^']*)'\s*\)/i;
const NOPMD = /\/\/\s*NOPMD\b(.*)$/i;

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

/** Every suppression in one Apex source, with its reason ('' when missing). */
export function suppressionsIn(file: string, source: string): Suppression[] {
  const lines = source.split(/\r?\n/);
  const found: Suppression[] = [];
  lines.forEach((text, index) => {
    const annotation = ANNOTATION.exec(text);
    if (annotation) {
      found.push({
        file,
        kind: 'annotation',
        line: index + 1,
        rules: annotation[1]
          .split(',')
          .map((rule) => rule.trim().replace(/^PMD\./i, ''))
          .filter((rule) => rule !== ''),
        reason: reasonAbove(lines, index)
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

/** The problems: suppressions without a reason, and annotations that name no PMD rule. */
export function unexplained(suppressions: readonly Suppression[]): string[] {
  const problems: string[] = [];
  for (const suppression of suppressions) {
    const where = `${suppression.file}:${suppression.line}`;
    if (suppression.kind === 'annotation' && suppression.rules.length === 0) {
      problems.push(`${where}: @SuppressWarnings names no PMD rule ('PMD.<RuleName>')`);
    }
    if (words(suppression.reason) < MIN_REASON_WORDS) {
      problems.push(
        `${where}: a suppression needs its reason (a // comment of ${MIN_REASON_WORDS}+ words ` +
          'directly above @SuppressWarnings, or text after NOPMD)'
      );
    }
  }
  return problems;
}

/** Reads the given Apex files and returns their problems (empty when every reason is there). */
export function checkSuppressions(files: readonly string[]): {
  suppressions: Suppression[];
  problems: string[];
} {
  const suppressions = files
    .filter((file) => /\.(cls|trigger)$/.test(file))
    .flatMap((file) => suppressionsIn(file, readFileSync(file, 'utf8')));
  return { suppressions, problems: unexplained(suppressions) };
}
