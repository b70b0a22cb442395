/**
 * Placeholders: values that fill a cell without carrying information ("N/A", "TBD", "-",
 * "same as above"). The audit counts them apart from real values — a field holding "N/A" on
 * every deal is not captured in any useful sense — and a list of fallback columns skips them.
 *
 * The default vocabulary, and why each entry is in it (docs/audit.md, "Placeholders"):
 * - null markers that data tools already read as missing: pandas `read_csv`'s default NA
 *   strings (N/A, n/a, NA, #N/A, NULL, null, NaN, None, <NA>), Excel's `#N/A`, Salesforce's
 *   own picklist placeholder `--None--`, and `nil`;
 * - deferrals: TBD, TBC, TBA, "to be determined/confirmed/decided", pending, unknown, "not
 *   sure", unsure, "not known";
 * - pointers that hold nothing themselves: "same as above", "as above", "see above", "see
 *   below", "see notes", "see description", ditto, "as discussed";
 * - filler typed to get past a required field: x, xx, xxx, test, asdf, "not applicable", "not
 *   available", nothing, "no info";
 * - by rule: a value with no letter and no digit ("-", "--", "—", ".", "...", "?", "*"), and a
 *   value of spaces only.
 *
 * Values are compared trimmed, in any case, with runs of spaces as one and with the
 * punctuation around them ignored ("(none)", "N/A.", "--None--" and "- TBD -" all match).
 * "none" and "n/a" can be honest answers for Risks or Competitive Context: a mapping can take
 * them out (`"placeholders": { "remove": ["none", "n/a"] }`) or replace the list.
 */

/** The default placeholder words (see the file comment), as written. */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  // null markers (pandas read_csv defaults, Excel, Salesforce picklists)
  'n/a',
  'na',
  'n.a.',
  '#N/A',
  '#N/A N/A',
  'null',
  'nan',
  'none',
  '--None--',
  '<NA>',
  'nil',
  // deferrals
  'tbd',
  'tbc',
  'tba',
  'to be determined',
  'to be confirmed',
  'to be decided',
  'pending',
  'unknown',
  'not known',
  'not sure',
  'unsure',
  // pointers
  'same as above',
  'as above',
  'see above',
  'see below',
  'see notes',
  'see description',
  'ditto',
  'as discussed',
  // filler
  'x',
  'xx',
  'xxx',
  'test',
  'asdf',
  'not applicable',
  'not available',
  'nothing',
  'no info'
];

/** How a mapping file sets the vocabulary. */
export interface PlaceholderSettings {
  /** the words (as written); the defaults unless the mapping replaces them */
  words: string[];
  /** whether a value with no letter and no digit is a placeholder */
  symbols: boolean;
  /** "default", "default, with changes" or "the mapping's own list" */
  origin: string;
}

/** The default settings. */
export function defaultPlaceholderSettings(): PlaceholderSettings {
  return { words: [...DEFAULT_PLACEHOLDERS], symbols: true, origin: 'default' };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Whether an ASCII code is a letter or a digit. */
function isAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * The form a value is compared in: trimmed, lower case, runs of whitespace as one space, and
 * the punctuation and symbols at either end removed.
 */
export function placeholderKey(value: string): string {
  return value.trim().toLowerCase().replace(/\s+/g, ' ').replace(EDGE_PUNCTUATION, '');
}

/**
 * Tells placeholders from information, fast enough for every value of a million rows: most
 * values are rejected on their first character or their length before any string is built.
 */
export class Placeholders {
  readonly settings: PlaceholderSettings;
  private readonly keys: Set<string>;
  /** ASCII first characters a placeholder can start with */
  private readonly first = new Uint8Array(128);
  /** longer values are never placeholders, unless they start with whitespace or a symbol */
  private readonly maxLength: number;

  constructor(settings: PlaceholderSettings = defaultPlaceholderSettings()) {
    this.settings = settings;
    this.keys = new Set(settings.words.map(placeholderKey).filter((k) => k !== ''));
    let longest = 0;
    for (let c = 0; c < 128; c++) {
      // Whitespace, controls, punctuation and symbols may wrap a word or be the whole value.
      if (!isAlphanumeric(c)) {
        this.first[c] = 1;
      }
    }
    for (const key of this.keys) {
      longest = Math.max(longest, key.length);
      const c = key.charCodeAt(0);
      if (c < 128) {
        this.first[c] = 1;
        this.first[key.toUpperCase().charCodeAt(0)] = 1;
      }
    }
    // Room for punctuation and spaces around the longest word.
    this.maxLength = longest + 8;
  }

  /** The number of words in the vocabulary. */
  get size(): number {
    return this.keys.size;
  }

  /** Whether a value is a placeholder. Blank ("") is not: it is blank. */
  test(value: string): boolean {
    const n = value.length;
    if (n === 0) {
      return false;
    }
    const c = value.charCodeAt(0);
    if (c < 128) {
      if (this.first[c] === 0) {
        return false;
      }
      if (n > this.maxLength && isAlphanumeric(c)) {
        return false;
      }
    }
    return this.slow(value);
  }

  private slow(value: string): boolean {
    const trimmed = value.trim();
    if (trimmed === '') {
      // Spaces only.
      return true;
    }
    if (!LETTER_OR_DIGIT.test(trimmed)) {
      return this.settings.symbols;
    }
    if (trimmed.length > this.maxLength * 2) {
      return false;
    }
    return this.keys.has(placeholderKey(trimmed));
  }
}

/** An error in the mapping's "placeholders" entry. */
function fail(file: string, message: string): never {
  throw new Error(`Mapping ${file}: ${message}`);
}

function words(file: string, key: string, raw: unknown): string[] {
  if (!Array.isArray(raw) || !raw.every((w) => typeof w === 'string' && w.trim() !== '')) {
    return fail(file, `"${key}" must be a list of words (non-blank strings)`);
  }
  return (raw as string[]).map((w) => w.trim());
}

/**
 * Reads a mapping's "placeholders" entry:
 * - absent: the defaults;
 * - `false`: no placeholders at all (every non-blank value counts as filled);
 * - a list of words: that list instead of the default words;
 * - `{ "add": [...], "remove": [...], "symbols": true }`: the defaults changed.
 */
export function parsePlaceholders(raw: unknown, file: string): PlaceholderSettings {
  if (raw === undefined || raw === null) {
    return defaultPlaceholderSettings();
  }
  if (raw === false) {
    return { words: [], symbols: false, origin: 'none (placeholders: false)' };
  }
  if (Array.isArray(raw)) {
    return { words: words(file, 'placeholders', raw), symbols: true, origin: 'the mapping’s list' };
  }
  if (typeof raw !== 'object') {
    return fail(
      file,
      '"placeholders" must be false, a list of words, or { "add": [...], "remove": [...], "symbols": true|false }'
    );
  }
  const spec = raw as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (!['add', 'remove', 'symbols'].includes(key)) {
      fail(file, `"placeholders.${key}" is not a known key (add, remove, symbols)`);
    }
  }
  if (spec.symbols !== undefined && typeof spec.symbols !== 'boolean') {
    fail(file, '"placeholders.symbols" must be true or false');
  }
  const add = spec.add === undefined ? [] : words(file, 'placeholders.add', spec.add);
  const remove = spec.remove === undefined ? [] : words(file, 'placeholders.remove', spec.remove);
  const removed = new Set(remove.map(placeholderKey));
  const known = new Set(DEFAULT_PLACEHOLDERS.map(placeholderKey));
  const unknown = remove.filter((w) => !known.has(placeholderKey(w)));
  if (unknown.length > 0) {
    fail(
      file,
      `"placeholders.remove" names ${unknown.map((w) => `"${w}"`).join(', ')}, not in the default list (${DEFAULT_PLACEHOLDERS.join(', ')})`
    );
  }
  const kept = DEFAULT_PLACEHOLDERS.filter((w) => !removed.has(placeholderKey(w)));
  const changed = add.length > 0 || remove.length > 0 || spec.symbols === false;
  return {
    words: [...kept, ...add],
    symbols: spec.symbols !== false,
    origin: changed ? 'default, changed by the mapping' : 'default'
  };
}
