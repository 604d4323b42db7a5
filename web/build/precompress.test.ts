// @vitest-environment node
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress';

let dir: string;
const text = (n: number) => 'const portico = "client portal";\n'.repeat(Math.ceil(n / 33)).slice(0, n);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'precompress-'));
  mkdirSync(path.join(dir, 'assets'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes brotli and gzip copies that decode to the file', async () => {
    const js = text(20_000);
    writeFileSync(path.join(dir, 'assets/index-abc.js'), js);
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html>${text(2000)}`);
    const written = await precompressDir(dir);
    expect(written.map((w) => w.file).sort()).toEqual(['assets/index-abc.js', 'index.html']);
    const br = readFileSync(path.join(dir, 'assets/index-abc.js.br'));
    const gz = readFileSync(path.join(dir, 'assets/index-abc.js.gz'));
    expect(zlib.brotliDecompressSync(br).toString()).toBe(js);
    expect(zlib.gunzipSync(gz).toString()).toBe(js);
    expect(br.length).toBeLessThan(js.length);
    expect(existsSync(path.join(dir, 'index.html.br'))).toBe(true);
  });

  it('skips small files, source maps and compressed types', async () => {
    writeFileSync(path.join(dir, 'assets/tiny.js'), text(500));
    writeFileSync(path.join(dir, 'assets/index-abc.js.map'), text(20_000));
    writeFileSync(path.join(dir, 'logo.png'), text(20_000));
    writeFileSync(path.join(dir, 'font.woff2'), text(20_000));
    expect(await precompressDir(dir)).toEqual([]);
    for (const f of ['assets/tiny.js', 'assets/index-abc.js.map', 'logo.png', 'font.woff2']) {
      expect(existsSync(path.join(dir, `${f}.br`))).toBe(false);
      expect(existsSync(path.join(dir, `${f}.gz`))).toBe(false);
    }
  });

  it('writes no copy that would not be smaller', async () => {
    // Random bytes do not compress: both copies would come out larger.
    writeFileSync(path.join(dir, 'data.json'), randomBytes(4096));
    const [w] = await precompressDir(dir, 16);
    expect(w).toEqual({ file: 'data.json', bytes: 4096 });
    expect(existsSync(path.join(dir, 'data.json.br'))).toBe(false);
    expect(existsSync(path.join(dir, 'data.json.gz'))).toBe(false);
  });
});
