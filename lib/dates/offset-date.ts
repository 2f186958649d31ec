/** A publication instant with the UTC offset (minutes east of UTC) it was written in. */
export interface OffsetDate {
  instant: Date;
  offsetMinutes: number;
}

const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const MAX_OFFSET_MINUTES = 14 * 60;

function parseOffset(text: string | undefined, fallback: number): number | null {
  if (!text) return fallback;
  if (text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  if (Number(digits.slice(2) || '0') >= 60 || minutes > MAX_OFFSET_MINUTES) return null;
  return sign * minutes;
}

/**
 * Parses `2025-02-26 23:02:08 +0800`, `2024-09-09 05:08:37 +08:00`, ISO 8601 and
 * bare dates, keeping the offset. A date without an offset is read in
 * `defaultOffset`. Returns null for anything that is not a real calendar instant.
 */
export function parseOffsetDate(value: string, defaultOffset = 0): OffsetDate | null {
  const match = DATE_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0', offsetText] = match;
  const offsetMinutes = parseOffset(offsetText, defaultOffset);
  if (offsetMinutes === null) return null;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[];
  const millis = Math.floor(Number(`0.${fraction}`) * 1000);
  const local = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, millis);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month! - 1 ||
    check.getUTCDate() !== day ||
    hour! > 23 ||
    minute! > 59 ||
    second! > 59
  ) {
    return null;
  }
  return { instant: new Date(local - offsetMinutes * 60_000), offsetMinutes };
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `+08:00` for 480. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}

/** The wall-clock fields of an instant as seen in the given offset. */
export function wallClock({ instant, offsetMinutes }: OffsetDate) {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

/** `2024-09-09 05:08:37 +08:00`: the front-matter form, in the post's own offset. */
export function formatOffsetDate(date: OffsetDate): string {
  const t = wallClock(date);
  const millis = t.millisecond ? `.${pad(t.millisecond, 3)}` : '';
  return (
    `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ` +
    `${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${millis} ${formatOffset(date.offsetMinutes)}`
  );
}
