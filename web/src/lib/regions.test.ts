import { currencyOptions, timeZoneGroups } from './regions';

const zonesOf = (groups: ReturnType<typeof timeZoneGroups>) =>
  groups.flatMap((g) => g.zones.map((z) => z.value));

it('groups the zones by region and names each by its place', () => {
  const groups = timeZoneGroups('', ['America/New_York', 'America/Argentina/Buenos_Aires', 'Europe/Paris']);
  expect(groups.map((g) => g.region)).toEqual(['America', 'Europe', 'Other']);
  expect(groups[0]!.zones).toEqual([
    { value: 'America/Argentina/Buenos_Aires', label: 'Argentina – Buenos Aires' },
    { value: 'America/New_York', label: 'New York' },
  ]);
  expect(groups[2]!.zones).toEqual([{ value: 'UTC', label: 'UTC' }]);
});

it('offers only the zones the server accepts, and keeps the one already chosen', () => {
  expect(zonesOf(timeZoneGroups('', ['Europe/Paris', 'Mars/Olympus_Mons']))).toEqual(['Europe/Paris', 'UTC']);
  expect(zonesOf(timeZoneGroups('Asia/Calcutta', ['Europe/Paris']))).toContain('Asia/Calcutta');
});

it('falls back to a short list where the browser cannot list its zones', () => {
  const zones = zonesOf(timeZoneGroups('', null));
  expect(zones).toContain('Europe/London');
  expect(zones).toContain('America/New_York');
  expect(zones.length).toBeLessThan(40);
});

it('labels currencies with their names and offers only what the server accepts', () => {
  const options = currencyOptions('en-GB', '', ['EUR', 'USD', 'XXX', 'ZZZ']);
  expect(options).toEqual([
    { value: 'EUR', label: 'EUR — Euro' },
    { value: 'USD', label: 'USD — US Dollar' },
  ]);
  expect(currencyOptions('en', '', null).map((o) => o.value)).toContain('JPY');
});
