/**
 * Calendar dates as whole days since 1970-01-01 (UTC), parsed without `Date` string parsing
 * (which accepts nonsense such as 2025-02-31). Datetimes keep their date part as written.
 */

/** Date layouts a source file may use. */
export type DateFormat = 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY' | 'DD.MM.YYYY';

export const DATE_FORMATS: readonly DateFormat[] = [
  'YYYY-MM-DD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD.MM.YYYY'
];

const MS_PER_DAY = 86_400_000;

function isDigits(s: string, from: number, count: number): boolean {
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      return false;
    }
  }
  return true;
}

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) {
      return -1;
    }
    v = v * 10 + c;
  }
  return v;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day number of a valid calendar date, else NaN (integer arithmetic, no `Date`). */
export function dayFromParts(year: number, month: number, day: number): number {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) {
    return NaN;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) {
    return NaN;
  }
  // Days from the civil date (H. Hinnant's algorithm).
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Parses a date (or the date part of a datetime) in the given layout.
 * @return the day number, or NaN when the text is not a valid date in that layout
 */
export function parseDay(text: string, format: DateFormat = 'YYYY-MM-DD'): number {
  if (format === 'YYYY-MM-DD' && text.length === 10) {
    // Fast path: exactly YYYY-MM-DD.
    const y =
      (text.charCodeAt(0) - 48) * 1000 +
      (text.charCodeAt(1) - 48) * 100 +
      (text.charCodeAt(2) - 48) * 10 +
      (text.charCodeAt(3) - 48);
    const m = (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48);
    const d = (text.charCodeAt(8) - 48) * 10 + (text.charCodeAt(9) - 48);
    if (
      text.charCodeAt(4) === 45 &&
      text.charCodeAt(7) === 45 &&
      isDigits(text, 0, 4) &&
      isDigits(text, 5, 2) &&
      isDigits(text, 8, 2)
    ) {
      return dayFromParts(y, m, d);
    }
    return NaN;
  }
  const s = text.trim();
  if (format === 'YYYY-MM-DD') {
    if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) {
      return NaN;
    }
    if (s.length > 10) {
      const sep = s.charCodeAt(10);
      if (sep !== 84 && sep !== 32) {
        // 'T' or ' ' before a time
        return NaN;
      }
    }
    return dayFromParts(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  }
  const sepChar = format === 'DD.MM.YYYY' ? '.' : '/';
  const datePart = s.split(/[ T]/, 1)[0];
  const parts = datePart.split(sepChar);
  if (parts.length !== 3 || parts[2].length !== 4 || parts[0].length > 2 || parts[1].length > 2) {
    return NaN;
  }
  const a = digits(parts[0], 0, parts[0].length);
  const b = digits(parts[1], 0, parts[1].length);
  const y = digits(parts[2], 0, 4);
  return format === 'MM/DD/YYYY' ? dayFromParts(y, a, b) : dayFromParts(y, b, a);
}

const dayText = new Map<number, string>();

/** Whether text is exactly a valid `YYYY-MM-DD` date (a cheaper test than {@link parseDay}). */
export function isIsoDate(text: string): boolean {
  if (
    text.length !== 10 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    !isDigits(text, 0, 4) ||
    !isDigits(text, 5, 2) ||
    !isDigits(text, 8, 2)
  ) {
    return false;
  }
  const y =
    (text.charCodeAt(0) - 48) * 1000 +
    (text.charCodeAt(1) - 48) * 100 +
    (text.charCodeAt(2) - 48) * 10 +
    (text.charCodeAt(3) - 48);
  const m = (text.charCodeAt(5) - 48) * 10 + (text.charCodeAt(6) - 48);
  const d = (text.charCodeAt(8) - 48) * 10 + (text.charCodeAt(9) - 48);
  if (y < 1000 || m < 1 || m > 12 || d < 1) {
    return false;
  }
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

/** `YYYY-MM-DD` of a day number (memoised: a run sees few distinct days). */
export function formatDay(day: number): string {
  let text = dayText.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (dayText.size < 100_000) {
      dayText.set(day, text);
    }
  }
  return text;
}

/** `YYYY-MM` of a day number. */
export function monthOfDay(day: number): string {
  return formatDay(day).slice(0, 7);
}

/** Today's day number (UTC), or the one given. */
export function today(now: Date = new Date()): number {
  return Math.floor(now.getTime() / MS_PER_DAY);
}
