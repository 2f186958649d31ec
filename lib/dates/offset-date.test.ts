import { describe, expect, it } from 'vitest';
import { formatOffsetDate, parseOffsetDate, wallClock } from './offset-date';

describe('parseOffsetDate', () => {
  it('reads the platform form without a colon in the offset', () => {
    const date = parseOffsetDate('2025-02-26 23:02:08 +0800');
    expect(date?.instant.toISOString()).toBe('2025-02-26T15:02:08.000Z');
    expect(date?.offsetMinutes).toBe(480);
  });

  it('reads the form with a colon and keeps the day it was written on', () => {
    const date = parseOffsetDate('2024-09-09 05:08:37 +08:00')!;
    expect(date.instant.toISOString()).toBe('2024-09-08T21:08:37.000Z');
    expect(wallClock(date)).toMatchObject({ year: 2024, month: 9, day: 9, hour: 5 });
  });

  it('reads negative offsets, Z and ISO 8601', () => {
    expect(parseOffsetDate('2023-11-14 10:22:05 -05:00')?.offsetMinutes).toBe(-300);
    expect(parseOffsetDate('2023-11-14T10:22:05Z')?.instant.toISOString()).toBe('2023-11-14T10:22:05.000Z');
    expect(parseOffsetDate('2023-11-14T10:22:05.250+05:30')?.offsetMinutes).toBe(330);
  });

  it('reads a bare date in the default offset', () => {
    const date = parseOffsetDate('2024-03-01', 480)!;
    expect(date.instant.toISOString()).toBe('2024-02-29T16:00:00.000Z');
  });

  it.each(['2024-02-30 10:00:00 +08:00', '2024-13-01', '2024-01-01 24:00:00', '2024-01-01 10:61:00', 'yesterday', '2024-01-01 10:00:00 +15:00', ''])(
    'refuses %j',
    (text) => expect(parseOffsetDate(text)).toBeNull(),
  );
});

describe('formatOffsetDate', () => {
  it('writes the instant back in its own offset', () => {
    for (const text of ['2024-09-09 05:08:37 +08:00', '2023-11-14 10:22:05 -05:00', '2025-01-07 00:00:00 +00:00', '2024-01-01 10:00:00.250 +05:30']) {
      expect(formatOffsetDate(parseOffsetDate(text)!)).toBe(text);
    }
  });

  it('normalises the colon-less offset form', () => {
    expect(formatOffsetDate(parseOffsetDate('2025-02-26 23:02:08 +0800')!)).toBe('2025-02-26 23:02:08 +08:00');
  });
});
