/**
 * Precompression: after `vite build` has written `dist/`, a brotli (`X.br`, quality 11) and a
 * gzip (`X.gz`, level 9) copy are written beside every text-like file, so the server sends
 * them by content negotiation (api/src/spa.rs) without compressing anything per request.
 *
 * Skipped: files under `minBytes` (one TCP segment either way, nothing to gain), types that are
 * compressed already (images, fonts), source maps (fetched only by a browser's developer
 * tools; at quality 11 they would take longer than the rest of the build), and any copy that
 * does not come out smaller than the file itself. Node's own zlib, no dependency.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** What the server serves as text, scripts, styles, markup or data. */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml)$/i;
export const DEFAULT_MIN_BYTES = 1024;

export interface Written {
  file: string;
  bytes: number;
  br?: number;
  gz?: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Writes the copies beside each eligible file of `dir`; returns what was written, by file. */
export async function precompressDir(dir: string, minBytes = DEFAULT_MIN_BYTES): Promise<Written[]> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f)).sort();
  const eligible: string[] = [];
  for (const file of files) {
    if ((await stat(file)).size >= minBytes) eligible.push(file);
  }
  // Concurrently: zlib's asynchronous calls run on libuv's thread pool, one file per core.
  return Promise.all(
    eligible.map(async (file) => {
      const plain = await readFile(file);
      const [br, gz] = await Promise.all([
        brotli(plain, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
          },
        }),
        gzip(plain, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      const written: Written = { file: path.relative(dir, file), bytes: plain.length };
      if (br.length < plain.length) {
        await writeFile(`${file}.br`, br);
        written.br = br.length;
      }
      if (gz.length < plain.length) {
        await writeFile(`${file}.gz`, gz);
        written.gz = gz.length;
      }
      return written;
    }),
  );
}

const kb = (n: number) => `${(n / 1000).toFixed(2)} kB`;

/** The Vite plugin: runs `precompressDir` on the build's output directory when it is written. */
export function precompress(options: { minBytes?: number } = {}): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'portico:precompress',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const started = performance.now();
      const written = await precompressDir(outDir, options.minBytes);
      for (const w of written) {
        const br = w.br === undefined ? 'no gain' : kb(w.br);
        const gz = w.gz === undefined ? 'no gain' : kb(w.gz);
        config.logger.info(`precompressed ${w.file}: ${kb(w.bytes)} → br ${br}, gzip ${gz}`);
      }
      const ms = Math.round(performance.now() - started);
      config.logger.info(`precompressed ${written.length} files in ${ms} ms`);
    },
  };
}
