/**
 * The demo-data command line's bad input (docs/bad-input.md): each refusal names the option and
 * what it accepts, exits 1, and reaches no org (no --target-org is resolved, nothing is loaded).
 */
import { main, USAGE } from '../cli';

describe('demo-data command line', () => {
  let stderr: string;
  let stdout: string;

  beforeEach(() => {
    stderr = '';
    stdout = '';
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('refuses more than 20 accounts, a count that is not a whole number and a negative seed', async () => {
    expect(await main(['--accounts', '25', '--dry-run'])).toBe(1);
    expect(stderr).toContain('--accounts can be at most 20');
    stderr = '';
    expect(await main(['--accounts', 'twelve', '--dry-run'])).toBe(1);
    expect(stderr).toContain('--accounts must be a whole number of at least 1 (got "twelve")');
    stderr = '';
    expect(await main(['--seed=-3', '--dry-run'])).toBe(1);
    expect(stderr).toContain('--seed must be a whole number of at least 0 (got "-3")');
    expect(stderr).toContain(USAGE);
    stderr = '';
    // Written apart, a value starting with a dash reads as a missing value, not as the number.
    expect(await main(['--seed', '-3', '--dry-run'])).toBe(1);
    expect(stderr).toContain("Option '--seed' argument is ambiguous");
    expect(stdout).toBe('');
  });

  it('asks for --target-org unless --dry-run, and names an unknown option', async () => {
    expect(await main([])).toBe(1);
    expect(stderr).toContain('--target-org <alias> is required (or --dry-run)');
    stderr = '';
    expect(await main(['--dry-run', '--acounts', '3'])).toBe(1);
    expect(stderr).toMatch(/acounts/);
    expect(stdout).toBe('');
  });
});
