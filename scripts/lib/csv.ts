/**
 * A small streaming RFC 4180 CSV parser, written for speed and for honest error reports.
 *
 * - Feed it text with `push(chunk)` and finish with `end()`; it calls `onRecord` for every
 *   well-formed record and `onIssue` for every malformed one, with the physical line number
 *   (1-based) on which the record starts, so a spreadsheet user can find it.
 * - Quoted fields may hold delimiters, doubled quotes and line breaks (Salesforce long text
 *   exports do). CRLF and LF line ends; a leading byte-order mark is dropped; blank lines are
 *   skipped.
 * - With `header: true` the first record is the header and every later record must have the
 *   same number of fields, else it is reported (`column-count`) and skipped.
 * - An unbalanced quote would otherwise swallow the rest of the file: when a record that runs
 *   over several lines turns out malformed (text after a closing quote, the wrong number of
 *   fields, or a quote still open at the end of the input or past `maxRecordChars`), the
 *   record's first line is reported (`unbalanced-quote`) and parsing resumes on the next line.
 *
 * Memory is bounded by the largest record (`maxRecordChars`), never by the file.
 */
import { createReadStream } from 'node:fs';

/** The kinds of malformed input the parser reports. */
export type CsvIssueKind = 'unbalanced-quote' | 'text-after-quote' | 'stray-quote' | 'column-count';

/** One malformed record, or a suspicious but kept one (`stray-quote`). */
export interface CsvIssue {
  kind: CsvIssueKind;
  /** physical line (1-based) where the record starts */
  line: number;
  message: string;
  /** true when the record was skipped */
  skipped: boolean;
}

/** Parser options. */
export interface CsvParserOptions {
  /** one-character field delimiter; default `,` */
  delimiter?: string;
  /** the first record is a header: later records must have as many fields */
  header?: boolean;
  /** the longest record accepted before an open quote counts as unbalanced (default 1 MiB) */
  maxRecordChars?: number;
  /** a well-formed record (the header too, when `header` is set) */
  onRecord: (fields: string[], line: number) => void;
  /** a malformed or suspicious record */
  onIssue?: (issue: CsvIssue) => void;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const DEFAULT_MAX_RECORD_CHARS = 1 << 20;

/** Outcome of parsing one record from the buffer. */
const DONE = 0;
const INCOMPLETE = 1;
type Step = typeof DONE | typeof INCOMPLETE;

/** Streaming RFC 4180 parser; see the file comment. */
export class CsvParser {
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly header: boolean;
  private readonly maxRecordChars: number;
  private readonly onRecord: (fields: string[], line: number) => void;
  private readonly onIssue: (issue: CsvIssue) => void;

  private rest = '';
  private line = 1;
  private started = false;
  private expected = -1;
  private ended = false;

  // Per-buffer scan state (valid during one `drain`).
  private buf = '';
  private pos = 0;
  private nextDelim = -1;
  private nextNewline = -1;
  private nextQuote = -1;
  // Per-record state (set by `parseRecord`).
  private fields: string[] = [];
  private recordLines = 0;
  private malformed: CsvIssueKind | null = null;
  private stray = false;

  constructor(options: CsvParserOptions) {
    this.delimiter = options.delimiter ?? ',';
    if (this.delimiter.length !== 1 || this.delimiter === '"' || this.delimiter === '\n') {
      throw new Error(`CSV delimiter must be one character other than a quote or newline`);
    }
    this.delimiterCode = this.delimiter.charCodeAt(0);
    this.header = options.header ?? false;
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
    this.onRecord = options.onRecord;
    this.onIssue = options.onIssue ?? (() => undefined);
  }

  /** The number of fields every record must have (the header's), or -1 before the header. */
  get columnCount(): number {
    return this.expected;
  }

  /** Parses as many complete records as `chunk` (with what was left over) holds. */
  push(chunk: string): void {
    if (this.ended) {
      throw new Error('CsvParser: push after end');
    }
    if (!this.started) {
      if (chunk.length === 0) {
        return;
      }
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) {
        chunk = chunk.slice(1);
      }
    }
    this.drain(this.rest.length === 0 ? chunk : this.rest + chunk, false);
  }

  /** Parses what is left; a record without a final line break still counts. */
  end(): void {
    if (this.ended) {
      return;
    }
    this.ended = true;
    if (this.rest.length > 0) {
      this.drain(this.rest, true);
    }
    this.rest = '';
  }

  private drain(buf: string, final: boolean): void {
    this.buf = buf;
    this.pos = 0;
    this.nextDelim = -1;
    this.nextNewline = -1;
    this.nextQuote = -1;
    const n = buf.length;
    while (this.pos < n) {
      const start = this.pos;
      const startLine = this.line;
      const c = buf.charCodeAt(start);
      // Blank line (LF or CRLF): skip.
      if (c === LF) {
        this.pos = start + 1;
        this.line++;
        continue;
      }
      if (c === CR && start + 1 < n && buf.charCodeAt(start + 1) === LF) {
        this.pos = start + 2;
        this.line++;
        continue;
      }
      if (c === CR && start + 1 >= n) {
        if (final) {
          this.pos = n;
        }
        break;
      }
      const step = this.parseRecord(final);
      if (step === INCOMPLETE) {
        if (final || this.pos - start > this.maxRecordChars) {
          // An open quote reached the end of the input (or the size limit).
          this.resync(start, startLine, 'unbalanced-quote');
          continue;
        }
        this.pos = start;
        this.line = startLine;
        break;
      }
      this.finishRecord(start, startLine);
    }
    this.rest = this.pos < n ? buf.slice(this.pos) : '';
    this.buf = '';
  }

  /** Emits, or reports, the record just parsed from `start`. */
  private finishRecord(start: number, startLine: number): void {
    const fields = this.fields;
    const multiLine = this.recordLines > 0;
    if (this.malformed !== null) {
      if (multiLine) {
        this.resync(start, startLine, 'unbalanced-quote');
      } else {
        this.report('text-after-quote', startLine, true);
      }
      return;
    }
    if (this.expected === -1) {
      if (this.header) {
        this.expected = fields.length;
      }
    } else if (fields.length !== this.expected) {
      if (multiLine) {
        this.resync(start, startLine, 'unbalanced-quote');
      } else {
        this.report('column-count', startLine, true, fields.length);
      }
      return;
    }
    if (this.stray) {
      this.report('stray-quote', startLine, false);
    }
    this.onRecord(fields, startLine);
  }

  /** Reports the record starting at `start` and resumes parsing on its next physical line. */
  private resync(start: number, startLine: number, kind: CsvIssueKind): void {
    this.report(kind, startLine, true);
    const nl = this.buf.indexOf('\n', start);
    this.line = startLine + 1;
    this.pos = nl === -1 ? this.buf.length : nl + 1;
    this.nextDelim = -1;
    this.nextNewline = -1;
    this.nextQuote = -1;
  }

  private report(kind: CsvIssueKind, line: number, skipped: boolean, fieldCount = 0): void {
    let message: string;
    switch (kind) {
      case 'unbalanced-quote':
        message = 'unbalanced quote: a quoted field is never closed on this line';
        break;
      case 'text-after-quote':
        message = 'text after a closing quote (a field must be wholly quoted or not at all)';
        break;
      case 'stray-quote':
        message = 'a quote inside an unquoted field (kept as written)';
        break;
      default:
        message = `${fieldCount} fields where the header has ${this.expected}`;
    }
    this.onIssue({ kind, line, message, skipped });
  }

  /**
   * Parses one record at `this.pos` into `this.fields`. On `Done`, `pos` is after the record's
   * line break (or at the end of a final buffer). On `Incomplete`, the buffer ended first.
   */
  private parseRecord(final: boolean): Step {
    const buf = this.buf;
    const n = buf.length;
    const d = this.delimiterCode;
    const fields: string[] = [];
    this.fields = fields;
    this.recordLines = 0;
    this.malformed = null;
    this.stray = false;
    let p = this.pos;
    for (;;) {
      if (p < n && buf.charCodeAt(p) === QUOTE) {
        // Quoted field.
        let q = p + 1;
        let value = '';
        for (;;) {
          const j = buf.indexOf('"', q);
          if (j === -1 || j + 1 >= n) {
            if (j !== -1 && final) {
              // Closing quote at the very end of the input.
              value += buf.slice(q, j);
              this.countLines(p, j);
              p = j + 1;
              break;
            }
            this.pos = j === -1 ? n : j;
            return INCOMPLETE;
          }
          if (buf.charCodeAt(j + 1) === QUOTE) {
            value += buf.slice(q, j + 1);
            q = j + 2;
            continue;
          }
          value += buf.slice(q, j);
          this.countLines(p, j);
          p = j + 1;
          break;
        }
        // After the closing quote: a delimiter, a line end or the end of input.
        if (p < n) {
          const c = buf.charCodeAt(p);
          if (c !== d && c !== LF && c !== CR) {
            this.malformed = 'text-after-quote';
            // Take the rest of the field as written.
            const end = this.fieldEnd(p);
            if (end === -1) {
              if (!final) {
                this.pos = n;
                return INCOMPLETE;
              }
              value += buf.slice(p);
              p = n;
            } else {
              value += buf.slice(p, end);
              p = end;
            }
          }
        }
        fields.push(value);
      } else {
        // Unquoted field.
        const end = this.fieldEnd(p);
        if (end === -1) {
          if (!final) {
            this.pos = n;
            return INCOMPLETE;
          }
          // The last field of the input: drop a trailing CR.
          this.pushUnquoted(p, n > p && buf.charCodeAt(n - 1) === CR ? n - 1 : n);
          p = n;
        } else {
          this.pushUnquoted(p, end);
          p = end;
        }
      }
      // p is at a delimiter, CR, LF or the end.
      if (p >= n) {
        if (!final) {
          this.pos = n;
          return INCOMPLETE;
        }
        this.pos = n;
        return DONE;
      }
      const c = buf.charCodeAt(p);
      if (c === d) {
        p++;
        continue;
      }
      if (c === CR) {
        if (p + 1 >= n) {
          if (!final) {
            this.pos = n;
            return INCOMPLETE;
          }
          this.pos = n;
          return DONE;
        }
        if (buf.charCodeAt(p + 1) === LF) {
          p++;
        }
      }
      // LF (or a lone CR, treated as a line end).
      this.pos = p + 1;
      this.line++;
      return DONE;
    }
  }

  /** The index of the delimiter or line end ending an unquoted field at `p`, or -1. */
  private fieldEnd(p: number): number {
    const buf = this.buf;
    if (this.nextDelim < p && this.nextDelim !== -2) {
      const i = buf.indexOf(this.delimiter, p);
      this.nextDelim = i === -1 ? -2 : i;
    }
    if (this.nextNewline < p && this.nextNewline !== -2) {
      const i = buf.indexOf('\n', p);
      this.nextNewline = i === -1 ? -2 : i;
    }
    const nl = this.nextNewline;
    const dl = this.nextDelim;
    let end: number;
    if (nl === -2) {
      end = dl === -2 ? -1 : dl;
    } else {
      end = dl !== -2 && dl < nl ? dl : nl;
      if (end === nl && nl > p && buf.charCodeAt(nl - 1) === CR) {
        end = nl - 1;
      }
    }
    return end;
  }

  /** Pushes the unquoted field [p, end), noting a quote inside it. */
  private pushUnquoted(p: number, end: number): void {
    const buf = this.buf;
    if (this.nextQuote < p && this.nextQuote !== -2) {
      const i = buf.indexOf('"', p);
      this.nextQuote = i === -1 ? -2 : i;
    }
    if (this.nextQuote !== -2 && this.nextQuote < end) {
      this.stray = true;
    }
    this.fields.push(end === p ? '' : buf.slice(p, end));
  }

  /** Counts line breaks inside a quoted field spanning [from, to). */
  private countLines(from: number, to: number): void {
    const buf = this.buf;
    let i = buf.indexOf('\n', from);
    while (i !== -1 && i < to) {
      this.line++;
      this.recordLines++;
      i = buf.indexOf('\n', i + 1);
    }
    if (this.nextNewline !== -2 && this.nextNewline < to) {
      this.nextNewline = -1;
    }
    if (this.nextDelim !== -2 && this.nextDelim < to) {
      this.nextDelim = -1;
    }
    if (this.nextQuote !== -2 && this.nextQuote < to) {
      this.nextQuote = -1;
    }
  }
}

/** Options for {@link parseCsvFile}. */
export interface CsvFileOptions extends Omit<CsvParserOptions, 'onRecord'> {
  onRecord: (fields: string[], line: number) => void;
  /** bytes read per chunk (default 64 KiB: chunks stay in V8's young generation) */
  chunkSize?: number;
  /** called after each chunk with the bytes read so far */
  onProgress?: (bytesRead: number) => void;
}

/** Streams a UTF-8 CSV file through a {@link CsvParser}. */
export async function parseCsvFile(path: string, options: CsvFileOptions): Promise<void> {
  const parser = new CsvParser(options);
  const stream = createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: options.chunkSize ?? 1 << 16
  });
  for await (const chunk of stream) {
    parser.push(chunk as string);
    options.onProgress?.(stream.bytesRead);
  }
  parser.end();
}

/**
 * Quotes a value for CSV output when it needs it (RFC 4180): when it holds a quote, comma or
 * line break, or starts or ends with whitespace.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const text = typeof value === 'string' ? value : String(value);
  const n = text.length;
  if (n === 0) {
    return '';
  }
  let quote = text.charCodeAt(0) <= 32 || text.charCodeAt(n - 1) <= 32;
  for (let i = 0; !quote && i < n; i++) {
    const c = text.charCodeAt(i);
    quote = c === QUOTE || c === 44 || c === LF || c === CR;
  }
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without the line break) from a list of values. */
export function csvLine(values: readonly unknown[]): string {
  let line = values.length > 0 ? csvCell(values[0]) : '';
  for (let i = 1; i < values.length; i++) {
    line += `,${csvCell(values[i])}`;
  }
  return line;
}
