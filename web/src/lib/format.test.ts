import { formatDay, formatParts } from './format';
import { formatMoney } from './money';

it('writes money from minor units in the tenant’s locale', () => {
  expect(formatMoney(123450, 'EUR', 'de-DE').replace(/\s/g, ' ')).toBe('1.234,50 €');
  expect(formatMoney(9000, 'EUR', 'en-GB')).toBe('€90.00');
  expect(formatMoney(1500, 'JPY', 'ja-JP')).toBe('￥1,500');
});

it('writes a date-only value without shifting it to another day', () => {
  expect(formatDay('2026-12-01', 'en-GB')).toBe('1 Dec 2026');
});

it('shows an instant on the tenant’s clock, whatever the device’s', () => {
  const p = formatParts('2026-11-30T23:30:00Z', 'en-GB', 'Europe/Berlin');
  expect(p.day).toBe('Tuesday 1 December');
  expect(p.time).toBe('00:30');
});

it('knows which day it is on the tenant’s clock and counts days across month ends', async () => {
  const { todayIn, localDay, addDays } = await import('./format');
  expect(todayIn('Pacific/Auckland', new Date('2026-11-30T12:00:00Z'))).toBe('2026-12-01');
  expect(localDay('2026-11-30T23:30:00Z', 'Europe/Berlin')).toBe('2026-12-01');
  expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
});
