import { addDays, mondayOf, zonedDate, zonedTime, zonedToUtc } from './zoned';

const BERLIN = 'Europe/Berlin';

describe('zonedToUtc', () => {
  it('reads ordinary winter and summer times with the offset in force then', () => {
    expect(zonedToUtc('2027-01-15', '09:00', BERLIN).toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(zonedToUtc('2027-07-15', '09:00', BERLIN).toISOString()).toBe('2027-07-15T07:00:00.000Z');
    expect(zonedToUtc('2027-07-15', '09:00', 'UTC').toISOString()).toBe('2027-07-15T09:00:00.000Z');
    expect(zonedToUtc('2027-07-15', '09:00', 'America/New_York').toISOString()).toBe(
      '2027-07-15T13:00:00.000Z',
    );
  });

  it('handles the spring-forward night in Berlin (2027-03-28)', () => {
    expect(zonedToUtc('2027-03-28', '01:30', BERLIN).toISOString()).toBe('2027-03-28T00:30:00.000Z');
    // 02:00–03:00 does not exist that night: 02:30 moves forward to 03:30 summer time.
    expect(zonedToUtc('2027-03-28', '02:30', BERLIN).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedToUtc('2027-03-28', '03:00', BERLIN).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(zonedToUtc('2027-03-28', '09:00', BERLIN).toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(zonedToUtc('2027-03-27', '09:00', BERLIN).toISOString()).toBe('2027-03-27T08:00:00.000Z');
  });

  it('handles the fall-back night in Berlin (2027-10-31)', () => {
    expect(zonedToUtc('2027-10-31', '01:30', BERLIN).toISOString()).toBe('2027-10-30T23:30:00.000Z');
    // 02:00–03:00 happens twice: the first (summer time) one is meant.
    expect(zonedToUtc('2027-10-31', '02:30', BERLIN).toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(zonedToUtc('2027-10-31', '03:00', BERLIN).toISOString()).toBe('2027-10-31T02:00:00.000Z');
    expect(zonedToUtc('2027-10-31', '09:00', BERLIN).toISOString()).toBe('2027-10-31T08:00:00.000Z');
    expect(zonedToUtc('2027-11-01', '00:00', BERLIN).toISOString()).toBe('2027-10-31T23:00:00.000Z');
  });

  it('round-trips with zonedDate and zonedTime', () => {
    for (const [date, time] of [
      ['2027-03-28', '03:15'],
      ['2027-10-31', '01:45'],
      ['2027-10-31', '23:59'],
    ] as const) {
      const instant = zonedToUtc(date, time, BERLIN);
      expect(zonedDate(instant, BERLIN)).toBe(date);
      expect(zonedTime(instant, BERLIN)).toBe(time);
    }
  });
});

describe('calendar dates', () => {
  it('finds the Monday of a week and moves across months', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(addDays('2026-11-30', 7)).toBe('2026-12-07');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});
