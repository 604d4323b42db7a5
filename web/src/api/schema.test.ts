// @vitest-environment node
// The committed types must be exactly what openapi-typescript makes of the committed spec;
// otherwise the app is type-checked against an API that no longer exists.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const spec = resolve(process.cwd(), '../openapi/openapi.json');
const generated = resolve(process.cwd(), 'src/api/schema.d.ts');

it('schema.d.ts is generated from the current openapi.json (run `npm run gen:api`)', async () => {
  const ast = await openapiTS(JSON.parse(readFileSync(spec, 'utf8')), { defaultNonNullable: false });
  const committed = readFileSync(generated, 'utf8');
  const expected = astToString(ast).trim();
  // The CLI adds a banner comment; everything after it must match exactly.
  const body = committed.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
  expect(body === expected, 'src/api/schema.d.ts is stale: run `npm run gen:api`').toBe(true);
});
