/**
 * Progress on stderr for long runs: silent for the first two seconds, then at most one line a
 * second (rewritten in place on a terminal), and a final line when done.
 */

/** A progress reporter. */
export interface Progress {
  update(done: number, total?: number): void;
  done(message?: string): void;
}

/** Options for {@link createProgress}. */
export interface ProgressOptions {
  /** what is counted, e.g. "deals" or "bytes" */
  unit: 'deals' | 'bytes' | 'records';
  /** quiet mode: report nothing */
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** milliseconds before the first line (default 2000) */
  delayMs?: number;
}

function human(n: number, unit: ProgressOptions['unit']): string {
  if (unit === 'bytes') {
    return n >= 1 << 30
      ? `${(n / (1 << 30)).toFixed(2)} GB`
      : n >= 1 << 20
        ? `${(n / (1 << 20)).toFixed(1)} MB`
        : `${Math.round(n / 1024)} KB`;
  }
  return `${n.toLocaleString('en-US')} ${unit}`;
}

/** Creates a progress reporter writing to stderr. */
export function createProgress(label: string, options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const start = Date.now();
  const delay = options.delayMs ?? 2000;
  let last = 0;
  let shown = false;
  return {
    update(done: number, total?: number): void {
      if (options.quiet) {
        return;
      }
      const now = Date.now();
      if (now - start < delay || now - last < 1000) {
        return;
      }
      last = now;
      shown = true;
      const pct = total ? ` (${Math.floor((100 * done) / total)}%)` : '';
      const of = total ? ` of ${human(total, options.unit)}` : '';
      const text = `${label}: ${human(done, options.unit)}${of}${pct}, ${((now - start) / 1000).toFixed(0)} s`;
      if (stream.isTTY) {
        stream.write(`\r${text}\u001b[K`);
      } else {
        stream.write(`${text}\n`);
      }
    },
    done(message?: string): void {
      if (options.quiet || !shown) {
        return;
      }
      const text = message ?? `${label}: done in ${((Date.now() - start) / 1000).toFixed(1)} s`;
      stream.write(stream.isTTY ? `\r${text}\u001b[K\n` : `${text}\n`);
    }
  };
}
