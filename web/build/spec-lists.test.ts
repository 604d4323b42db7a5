// @vitest-environment node
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderSpecLists, SPEC, specLists, TARGET } from './spec-lists';

const spec = JSON.parse(readFileSync(SPEC, 'utf8'));

it('reads the accepted time zones and currencies from the spec', () => {
  const { timeZones, currencies } = specLists(spec);
  expect(timeZones).toContain('Europe/Paris');
  expect(timeZones).toContain('Etc/GMT+1');
  expect(currencies).toContain('EUR');
  expect(currencies.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
});

it('keeps src/lib/spec-lists.ts as the spec has it (run `npm run gen:api` after the spec changes)', () => {
  expect(readFileSync(TARGET, 'utf8')).toBe(renderSpecLists(spec));
});
