import { formatInZone, timeZoneLabel } from '@/lib/dates/site-time';

interface SiteTimeProps {
  date: Date;
  timeZone: string;
  seconds?: boolean;
}

/** A time in the site's zone with the zone named beside it; renders the same on server and client. */
export function SiteTime({ date, timeZone, seconds = true }: SiteTimeProps) {
  return (
    <time dateTime={date.toISOString()}>
      {formatInZone(date, timeZone, { seconds })} <small className="time-zone">{timeZoneLabel(timeZone, date)}</small>
    </time>
  );
}
