/**
 * Small Markdown builders for the generated documentation. They produce plain CommonMark/GFM;
 * the command line then formats the result with the project's Prettier settings, so the files
 * pass `prettier --check` and a re-run changes nothing.
 */

/** Escapes one run of prose (no code spans in it). */
function escapeProse(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\*/g, '\\*');
}

/**
 * Escapes text that goes into Markdown prose: HTML-looking brackets and emphasis markers.
 * Code spans (`like this`) are kept as they are.
 */
export function escapeText(value: string): string {
  return value
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeProse(part)))
    .join('');
}

/** Escapes text for one table cell: one line, no bare pipes. */
export function escapeCell(value: string): string {
  return escapeText(value.replace(/\s+/g, ' ').trim()).replace(/\|/g, '\\|');
}

/** Inline code, choosing a fence that the value does not contain. */
export function code(value: string): string {
  const v = value.replace(/\s+/g, ' ').trim();
  if (v === '') return '';
  const fence = v.includes('`') ? '``' : '`';
  const pad = v.startsWith('`') || v.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${v}${pad}${fence}`;
}

/** A fenced code block. */
export function codeBlock(value: string, language = 'text'): string {
  const longest = Math.max(2, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${value.replace(/\s+$/, '')}\n${fence}`;
}

/** A GFM table. Cells are given as Markdown already (use `escapeCell` for plain text). */
export function table(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) =>
    `| ${cells.map((c) => (c.trim() === '' ? ' ' : c.replace(/\n/g, ' '))).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A bulleted list; items may span lines (continuation lines are indented). */
export function bullets(items: string[]): string {
  return items.map((item) => `- ${item.replace(/\n/g, '\n  ')}`).join('\n');
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation other than `-` and `_` removed,
 * spaces to `-`.
 */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** `[text](#anchor)` for a heading of this document. */
export function anchorLink(textValue: string, heading: string): string {
  return `[${textValue}](#${slug(heading)})`;
}

/** Joins blocks with one empty line between them, skipping empty ones. */
export function blocks(...parts: (string | null | undefined | false)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => p.replace(/\s+$/, ''))
    .join('\n\n');
}

/** `a, b and c`. */
export function joinWords(words: string[], last = 'and'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** Text kept as Markdown paragraphs (line breaks kept), escaped. */
export function paragraphs(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .split('\n')
    .map((line) => (/^ {4}/.test(line) ? line : escapeText(line)))
    .join('\n');
}
