import { describe, expect, it } from 'vitest';
import { formatInZone, formatSiteTime, isTimeZone, timeZoneLabel } from './site-time';

describe('site time', () => {
  const instant = new Date('2026-12-02T05:45:07Z');

  it('shows the wall clock in the site zone, not the server zone', () => {
    expect(formatInZone(instant, 'Asia/Shanghai')).toBe('2026-12-02 13:45:07');
    expect(formatInZone(instant, 'UTC', { seconds: false })).toBe('2026-12-02 05:45');
  });

  it('names the zone and its offset beside the time', () => {
    expect(formatSiteTime(instant, 'Asia/Shanghai')).toBe('2026-12-02 13:45:07 北京时间（UTC+08:00）');
    expect(timeZoneLabel('America/New_York', new Date('2026-07-01T00:00:00Z'))).toBe('America/New_York（UTC-04:00）');
    expect(timeZoneLabel('UTC')).toBe('协调世界时（UTC+00:00）');
  });

  it('knows a real zone from a made-up one', () => {
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
