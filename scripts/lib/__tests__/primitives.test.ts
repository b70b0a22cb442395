/**
 * Date parsing and duplicate-id detection, the two primitives the audit's row checks rest on.
 */
import { dayFromParts, formatDay, isIsoDate, monthOfDay, parseDay } from '../dates.ts';
import { IdSet, hash53, idHash, idKey } from '../idSet.ts';

describe('dates', () => {
  it('agrees with the calendar for every day from 1999 to 2031', () => {
    for (let ms = Date.UTC(1999, 0, 1); ms <= Date.UTC(2031, 11, 31); ms += 86_400_000) {
      const d = new Date(ms);
      const day = dayFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      expect(day).toBe(ms / 86_400_000);
    }
  });

  it('tells a valid YYYY-MM-DD date exactly as parseDay does', () => {
    const samples = [
      '2024-02-29',
      '2025-02-29',
      '2025-12-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-00',
      '2025-1-01',
      '0999-01-01',
      '2025-01-32',
      'abcd-ef-gh',
      '2025/01/01'
    ];
    for (let ms = Date.UTC(2023, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 86_400_000 * 7) {
      samples.push(new Date(ms).toISOString().slice(0, 10));
    }
    expect(samples.filter((s) => isIsoDate(s) === Number.isNaN(parseDay(s)))).toEqual([]);
  });

  it('rejects dates that do not exist', () => {
    expect(parseDay('2025-02-29')).toBeNaN();
    expect(parseDay('2024-02-29')).toBe(dayFromParts(2024, 2, 29));
    expect(parseDay('2025-13-01')).toBeNaN();
    expect(parseDay('2025-04-31')).toBeNaN();
    expect(parseDay('25-04-01')).toBeNaN();
    expect(parseDay('Q3 2025')).toBeNaN();
    expect(parseDay('')).toBeNaN();
  });

  it('reads datetimes by their date part and other layouts when asked', () => {
    expect(formatDay(parseDay('2025-03-14T23:59:00.000Z'))).toBe('2025-03-14');
    expect(formatDay(parseDay('03/14/2025', 'MM/DD/YYYY'))).toBe('2025-03-14');
    expect(formatDay(parseDay('14/03/2025', 'DD/MM/YYYY'))).toBe('2025-03-14');
    expect(formatDay(parseDay('14.3.2025', 'DD.MM.YYYY'))).toBe('2025-03-14');
    expect(parseDay('13/14/2025', 'MM/DD/YYYY')).toBeNaN();
    expect(monthOfDay(parseDay('2025-03-14'))).toBe('2025-03');
  });
});

describe('IdSet', () => {
  it('finds duplicates and the line each id was first seen on, across growth', () => {
    const ids = new IdSet(4);
    let clashes = 0;
    for (let i = 1; i <= 50_000; i++) {
      clashes += ids.add(`006${String(i).padStart(12, '0')}AAA`, i + 1);
    }
    expect(clashes).toBe(0);
    expect(ids.count).toBe(50_000);
    expect(ids.add('006000000000777AAA', 99_999)).toBe(778);
    expect(ids.add('OPP-1', 3)).toBe(0);
    expect(ids.add('OPP-1', 9)).toBe(3);
  });

  it('hashes an id in one pass exactly as hash53 of its key', () => {
    const ids = [
      '0065g00000AbCdE',
      '0065g00000AbCdEAAV',
      '0065g00000AbCdE-AZ',
      'OPP-1',
      '',
      'x'.repeat(40),
      'ünïcødé-id-0000001'
    ];
    for (let i = 0; i < 500; i++) {
      ids.push(
        Math.random()
          .toString(36)
          .slice(2, 2 + (i % 20))
      );
    }
    expect(ids.filter((id) => idHash(id) !== hash53(idKey(id)))).toEqual([]);
  });

  it('treats the 15- and 18-character forms of a Salesforce id as one id', () => {
    const ids = new IdSet();
    expect(ids.add('0065g00000AbCdE', 2)).toBe(0);
    expect(ids.add('0065g00000AbCdEAAV', 5)).toBe(2);
    // case matters in 15-character ids
    expect(ids.add('0065g00000abcde', 6)).toBe(0);
    // an 18-character text without the right checksum is not a Salesforce id: compared whole
    expect(ids.add('0065g00000AbCdEXYZ', 7)).toBe(0);
    expect(idKey('OPP00000000000012')).toBe('OPP00000000000012');
    expect(idKey('DEAL-2024-000001A')).toBe('DEAL-2024-000001A');
    expect(idKey(' 0065g00000AbCdEAAV ')).toBe('0065g00000AbCdE');
    expect(idKey('OPP-000000000001-X')).toBe('OPP-000000000001-X');
  });
});
