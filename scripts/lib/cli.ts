/**
 * Small helpers shared by the command-line entry points: argument parsing with a usage text,
 * output files, and exit codes.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit status for a usage or runtime error. */
export const EXIT_ERROR = 1;

/** A user-facing error: printed without a stack trace. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses argv with node:util, turning its errors into {@link UsageError}. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T
): ReturnType<
  typeof parseArgs<{ options: T; strict: true; allowPositionals: false; args: string[] }>
>['values'] {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Parses the command line for an entry point: the options, or the exit status when there is
 * nothing to run (`--help` printed the usage: 0; a usage error printed with the usage: 1).
 */
export function optionsOrExit<T>(
  argv: string[],
  parse: (argv: string[]) => T | 'help',
  usage: string
): T | number {
  let options: T | 'help';
  try {
    options = parse(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${usage}\n`);
    return EXIT_ERROR;
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return options;
}

/** A whole number option, or the default. */
export function intOption(
  value: string | undefined,
  name: string,
  fallback: number,
  min = 1
): number {
  if (value === undefined) {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${value}")`);
  }
  return n;
}

/**
 * Appends lines to a file through a buffer with synchronous writes: constant memory whatever
 * the volume, and nothing lost if the process exits right after `close()`.
 */
export class LineWriter {
  private fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    if (this.size >= 1 << 16) {
      this.flush();
    }
  }

  flush(): void {
    if (this.parts.length > 0) {
      writeSync(this.fd, this.parts.join(''));
      this.parts = [];
      this.size = 0;
    }
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
