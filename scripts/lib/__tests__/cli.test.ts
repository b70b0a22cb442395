/**
 * The command-line preamble every entry point shares: options, or the exit status.
 */
import { EXIT_ERROR, UsageError, optionsOrExit } from '../cli.ts';

describe('optionsOrExit', () => {
  const parse = (argv: string[]): { csv: string } | 'help' => {
    if (argv.includes('--help')) return 'help';
    if (argv[0] !== '--csv' || !argv[1]) throw new UsageError('--csv <file> is required');
    return { csv: argv[1] };
  };
  let out: jest.SpyInstance;
  let err: jest.SpyInstance;
  beforeEach(() => {
    out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => jest.restoreAllMocks());

  it('returns the parsed options and prints nothing', () => {
    expect(optionsOrExit(['--csv', 'a.csv'], parse, 'USAGE')).toEqual({ csv: 'a.csv' });
    expect(out).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
  });

  it('prints the usage on --help and exits 0', () => {
    expect(optionsOrExit(['--help'], parse, 'USAGE')).toBe(0);
    expect(out).toHaveBeenCalledWith('USAGE\n');
  });

  it('prints the error and the usage on a bad command line and exits 1', () => {
    expect(optionsOrExit([], parse, 'USAGE')).toBe(EXIT_ERROR);
    expect(err).toHaveBeenCalledWith('--csv <file> is required\n\nUSAGE\n');
  });
});
