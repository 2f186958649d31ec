/** Chinese names of the zones editors are likely to pick; any other zone is named by its IANA id. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Shanghai': '北京时间',
  'Asia/Hong_Kong': '香港时间',
  'Asia/Taipei': '台北时间',
  'Asia/Tokyo': '东京时间',
  'Asia/Singapore': '新加坡时间',
  UTC: '协调世界时',
  'Etc/UTC': '协调世界时',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows `timeZone` as an IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `北京时间（UTC+08:00）`: the zone's name and its offset at `date` (offsets move with daylight saving). */
export function timeZoneLabel(timeZone: string, date = new Date()): string {
  const offset = formatterFor(timeZone).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const utc = offset === 'GMT' ? 'UTC+00:00' : offset.replace('GMT', 'UTC');
  return `${ZONE_NAMES[timeZone] ?? timeZone}（${utc}）`;
}

/** `2026-12-02 13:45:07`: the wall clock of `date` in `timeZone`, seconds optional. */
export function formatInZone(date: Date, timeZone: string, { seconds = true } = {}): string {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(date).map((p) => [p.type, p.value]));
  const time = seconds ? `${parts.hour}:${parts.minute}:${parts.second}` : `${parts.hour}:${parts.minute}`;
  return `${parts.year}-${parts.month}-${parts.day} ${time}`;
}

/** `2026-12-02 13:45:07 北京时间（UTC+08:00）`: a time as the admin shows it, its zone named beside it. */
export function formatSiteTime(date: Date, timeZone: string, options?: { seconds?: boolean }): string {
  return `${formatInZone(date, timeZone, options)} ${timeZoneLabel(timeZone, date)}`;
}
