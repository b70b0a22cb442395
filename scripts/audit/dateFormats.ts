/**
 * Which date layout a file uses: detected from the values when the mapping does not say, and,
 * when it does say and values fail it, which other layout those values fit (a hint in the
 * report instead of one error per row).
 */
import { CsvParser } from '../lib/csv.ts';
import { DATE_FORMATS, parseDay, type DateFormat } from '../lib/dates.ts';
import { openSync, readSync, closeSync } from 'node:fs';

/** How the audit reads a file's dates, and why. */
export interface DateFormatChoice {
  format: DateFormat;
  /** `mapping`: set in the mapping; `detected`: from the values; `default`: nothing to go on */
  origin: 'mapping' | 'detected' | 'default';
  /** detected: how many non-blank values were looked at */
  sampled: number;
  /** detected: other layouts every one of those values fits as well */
  alsoFits: DateFormat[];
  /** detected: what the values were read from (column names) */
  from: string[];
}

/** The layouts every value fits, in {@link DATE_FORMATS} order. Blank values are left out. */
export function formatsFitting(values: readonly string[]): DateFormat[] {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) {
    return [];
  }
  return DATE_FORMATS.filter((f) => present.every((v) => !Number.isNaN(parseDay(v, f))));
}

/**
 * The layout most values fit (ties go to the earlier one in {@link DATE_FORMATS}: ISO, then
 * US month-first), with the other layouts that fit as many.
 */
export function detectDateFormat(values: readonly string[]): {
  format: DateFormat | null;
  fits: number;
  sampled: number;
  alsoFits: DateFormat[];
} {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  let best: DateFormat | null = null;
  let bestFits = 0;
  const fits = new Map<DateFormat, number>();
  for (const f of DATE_FORMATS) {
    let n = 0;
    for (const v of present) {
      if (!Number.isNaN(parseDay(v, f))) {
        n++;
      }
    }
    fits.set(f, n);
    if (n > bestFits) {
      best = f;
      bestFits = n;
    }
  }
  const alsoFits =
    best === null ? [] : DATE_FORMATS.filter((f) => f !== best && fits.get(f) === bestFits);
  return { format: best, fits: bestFits, sampled: present.length, alsoFits };
}

/**
 * Reads up to `maxValues` non-blank values of the named columns (compared ignoring case and
 * surrounding spaces) from the first `maxBytes` of a CSV file.
 */
export function sampleColumns(
  file: string,
  columns: readonly string[],
  delimiter: string,
  maxValues = 500,
  maxBytes = 1 << 18
): { values: string[]; found: string[] } {
  const fd = openSync(file, 'r');
  let text: string;
  try {
    const buf = Buffer.alloc(maxBytes);
    const n = readSync(fd, buf, 0, maxBytes, 0);
    text = buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
  const wanted = new Set(columns.map((c) => c.trim().toLowerCase()));
  let indexes: number[] | null = null;
  const found: string[] = [];
  const values: string[] = [];
  const parser = new CsvParser({
    header: true,
    delimiter,
    footer: false,
    onRecord: (fields) => {
      if (indexes === null) {
        indexes = [];
        fields.forEach((f, i) => {
          if (wanted.has(f.trim().toLowerCase())) {
            (indexes as number[]).push(i);
            found.push(f.trim());
          }
        });
        return;
      }
      for (const i of indexes) {
        const v = fields[i];
        if (v !== undefined && v.trim() !== '' && values.length < maxValues) {
          values.push(v);
        }
      }
    }
  });
  // The last line may be cut in the middle: parse only whole lines.
  const lastBreak = text.lastIndexOf('\n');
  parser.push(lastBreak === -1 || text.length < maxBytes ? text : text.slice(0, lastBreak + 1));
  parser.end();
  return { values, found };
}

/**
 * The date layout for a file: the mapping's, or (mapping `auto`) the one its date columns'
 * first values fit.
 */
export function chooseDateFormat(
  configured: DateFormat | 'auto',
  file: string | null,
  columns: readonly string[],
  delimiter: string
): DateFormatChoice {
  if (configured !== 'auto') {
    return { format: configured, origin: 'mapping', sampled: 0, alsoFits: [], from: [] };
  }
  if (file === null) {
    return { format: 'YYYY-MM-DD', origin: 'default', sampled: 0, alsoFits: [], from: [] };
  }
  const { values, found } = sampleColumns(file, columns, delimiter);
  const detected = detectDateFormat(values);
  if (detected.format === null) {
    return {
      format: 'YYYY-MM-DD',
      origin: 'default',
      sampled: values.length,
      alsoFits: [],
      from: found
    };
  }
  return {
    format: detected.format,
    origin: 'detected',
    sampled: detected.sampled,
    alsoFits: detected.alsoFits,
    from: found
  };
}

/** A short description for the report: "MM/DD/YYYY (detected from 120 values of Close Date)". */
export function describeDateFormat(choice: DateFormatChoice): string {
  switch (choice.origin) {
    case 'mapping':
      return `${choice.format} (set in the mapping)`;
    case 'default':
      return `${choice.format} (the default: no date values to detect from)`;
    default: {
      const from = choice.from.length > 0 ? ` of ${choice.from.join(', ')}` : '';
      const also =
        choice.alsoFits.length > 0
          ? `; ${choice.alsoFits.join(' and ')} fit${choice.alsoFits.length === 1 ? 's' : ''} them too — set "dateFormat" in the mapping if that is the layout`
          : '';
      return `${choice.format} (detected from ${choice.sampled} value${choice.sampled === 1 ? '' : 's'}${from}${also})`;
    }
  }
}

/**
 * The dates of one column that failed the layout: how many, and the first few, out of how many
 * were read. When at least half failed and every failure sampled fits one other layout, that
 * layout is suggested (a stray bad date in a file of good ones is only reported on its row).
 */
export class DateMisses {
  /** non-blank values read */
  total = 0;
  count = 0;
  readonly samples: string[] = [];

  add(value: string): void {
    this.count++;
    if (this.samples.length < 50) {
      this.samples.push(value);
    }
  }

  /**
   * The hint, or null.
   * @param what the column or field, for the message
   * @param format the layout the values failed
   */
  hint(what: string, format: DateFormat): string | null {
    if (this.count === 0 || this.count * 2 < this.total) {
      return null;
    }
    const other = formatsFitting(this.samples).filter((f) => f !== format);
    if (other.length === 0) {
      return null;
    }
    const n = this.count;
    const all = this.samples.length === n;
    return (
      `${what}: ${n} of ${this.total} value${this.total === 1 ? '' : 's'} ${n === 1 ? 'is' : 'are'} not ${format} but ${all ? (n === 1 ? 'it reads' : 'all read') : `the first ${this.samples.length} read`} as ${other[0]}` +
      `${other.length > 1 ? ` (or ${other.slice(1).join(', ')})` : ''}: set "dateFormat": "${other[0]}" in the mapping, or leave it out to detect it`
    );
  }
}
