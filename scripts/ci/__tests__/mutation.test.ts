/**
 * The mutation-testing runner's score (scripts/ci/mutation/run.ts): Stryker's own (killed +
 * timeout over every valid mutant, so no-coverage mutants count against it and compile errors
 * and ignored mutants do not count at all).
 */
import { scoreOf } from '../mutation/run.ts';

function report(...statuses: string[]) {
  return { files: { 'a.ts': { mutants: statuses.map((status) => ({ status })) } } };
}

describe('scoreOf', () => {
  it('counts killed and timed-out mutants as detected, survivors and no-coverage ones as not', () => {
    const { score, counts } = scoreOf(
      report('Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'Ignored')
    );
    expect(score).toBe(60);
    expect(counts).toEqual({
      Killed: 2,
      Timeout: 1,
      Survived: 1,
      NoCoverage: 1,
      CompileError: 1,
      Ignored: 1
    });
  });

  it('adds up every file of the report', () => {
    const two = {
      files: {
        'a.ts': { mutants: [{ status: 'Killed' }] },
        'b.ts': { mutants: [{ status: 'Survived' }, { status: 'Killed' }, { status: 'Killed' }] }
      }
    };
    expect(scoreOf(two).score).toBe(75);
  });

  it('has no score without a valid mutant', () => {
    expect(scoreOf(report('CompileError', 'Ignored')).score).toBeNull();
    expect(scoreOf({ files: {} }).score).toBeNull();
  });
});
