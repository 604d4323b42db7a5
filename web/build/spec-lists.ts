/**
 * The time zones and currencies the API accepts, taken from the OpenAPI spec's patterns
 * (`TimeZoneName`, `UpdateTenant.currency`), so a list in the app offers nothing the
 * server refuses. `npm run gen:api` writes them to src/lib/spec-lists.ts; a test checks
 * that file against the spec.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Spec {
  components: {
    schemas: Record<string, { pattern?: string; properties?: Record<string, { pattern?: string }> }>;
  };
}

/** The alternatives of a `^(?:A|B|C)$` pattern, unescaped. */
function alternatives(pattern: string | undefined, what: string): string[] {
  const m = /^\^\(\?:(.*)\)\$$/.exec(pattern ?? '');
  if (!m?.[1]) throw new Error(`The spec's ${what} is not a list of names`);
  return m[1].split('|').map((s) => s.replace(/\\(.)/g, '$1'));
}

export function specLists(spec: Spec) {
  const s = spec.components.schemas;
  return {
    timeZones: alternatives(s.TimeZoneName?.pattern, 'TimeZoneName'),
    currencies: alternatives(s.UpdateTenant?.properties?.currency?.pattern, 'UpdateTenant.currency'),
  };
}

export function renderSpecLists(spec: Spec): string {
  const { timeZones, currencies } = specLists(spec);
  const list = (items: string[]) => `[\n${items.map((i) => `  ${JSON.stringify(i)},`).join('\n')}\n]`;
  return `// Generated from openapi/openapi.json by build/spec-lists.ts (npm run gen:api); do not edit.

/** Every time zone name the API accepts. */
export const SERVER_TIME_ZONES: readonly string[] = ${list(timeZones)};

/** Every ISO 4217 code the API accepts. */
export const SERVER_CURRENCIES: readonly string[] = ${list(currencies)};
`;
}

export const SPEC = fileURLToPath(new URL('../../openapi/openapi.json', import.meta.url));
export const TARGET = fileURLToPath(new URL('../src/lib/spec-lists.ts', import.meta.url));

/** Writes src/lib/spec-lists.ts from the spec. */
export function writeSpecLists() {
  writeFileSync(TARGET, renderSpecLists(JSON.parse(readFileSync(SPEC, 'utf8')) as Spec));
}
