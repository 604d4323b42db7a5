// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';

const SRC = join(__dirname, '..', '..');
const LOCALES = join(SRC, 'locales');

type Catalog = Map<string, { file: string; message: string }>;

function readCatalog(language: string): Catalog {
  const catalog: Catalog = new Map();
  for (const file of readdirSync(join(LOCALES, language)).filter((f) => f.endsWith('.json'))) {
    const messages = JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const [key, message] of Object.entries(messages)) {
      if (typeof message !== 'string') throw new Error(`${language}/${file}: ${key} is not a string`);
      catalog.set(key, { file: file.replace(/\.json$/, ''), message });
    }
  }
  return catalog;
}

/** The names a message fills in: `{name}`, `{count, plural, …}`, `<link>…</link>` tags. */
function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
      names.add(el.type === TYPE.tag ? `<${el.value}>` : el.value);
      if (el.type === TYPE.tag) walk(el.children);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === LOCALES ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const catalogs = Object.fromEntries(LANGUAGES.map((l) => [l, readCatalog(l)])) as Record<string, Catalog>;
const english = catalogs.en!;
const sources = sourceFiles(SRC).map((path) => ({
  path: relative(SRC, path),
  text: readFileSync(path, 'utf8'),
}));
// Every quoted string in the code, for finding which keys are used.
const literals = new Set(
  sources.flatMap(({ text }) =>
    [...text.matchAll(/(['"`])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)].map((m) => m[2]!),
  ),
);

describe('message catalogs', () => {
  it('has every key in every language, in the same file', () => {
    for (const language of LANGUAGES) {
      const catalog = catalogs[language]!;
      const missing = [...english.keys()].filter((k) => !catalog.has(k));
      const extra = [...catalog.keys()].filter((k) => !english.has(k));
      const moved = [...english]
        .filter(([k, v]) => catalog.has(k) && catalog.get(k)!.file !== v.file)
        .map(([k]) => k);
      expect({ language, missing, extra, moved }).toEqual({ language, missing: [], extra: [], moved: [] });
    }
  });

  it('names each key after its file, so two files cannot define the same key', () => {
    const misnamed = [...english].filter(([key, { file }]) => !key.startsWith(`${file}.`)).map(([k]) => k);
    expect(misnamed).toEqual([]);
  });

  it('fills the same placeholders in every language, and every message parses', () => {
    const differing: string[] = [];
    for (const [key, { message }] of english) {
      const expected = placeholders(message);
      for (const language of LANGUAGES) {
        const translated = catalogs[language]!.get(key)?.message;
        if (translated === undefined) continue;
        const got = placeholders(translated);
        if (got.join() !== expected.join())
          differing.push(`${language} ${key}: ${got.join()} ≠ ${expected.join()}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it('has no key that no code uses', () => {
    expect([...english.keys()].filter((k) => !literals.has(k))).toEqual([]);
  });

  it('has every key the code asks for', () => {
    const asked = sources.flatMap(({ path, text }) =>
      [...text.matchAll(/\bt\(\s*['"`]([^'"`$]+)['"`]/g), ...text.matchAll(/i18nKey=["']([^"']+)["']/g)].map(
        (m) => ({ path, key: m[1]! }),
      ),
    );
    expect(asked.filter(({ key }) => !english.has(key))).toEqual([]);
  });
});
