// Lighthouse on the portal, mobile profile (Lighthouse's default: a mid-range phone on a slow
// 4G link, simulated), performance only, for `make bench`. bench/run.sh copies this file into
// bench/cache/lighthouse/ beside its pinned node_modules and runs it from there.
//
//   node run.mjs --base URL --slug SLUG [--session FILE] --out DIR [--chrome PATH]
//
// Pages: the portal's login page, and its dashboard when --session names a JSON file with a
// client's session ({"access_token", "tenant_slug"}, as `portico bench-sessions` prints them).
// The app keeps its session in sessionStorage, per tab and origin, so the tab first opens a
// plain endpoint of the origin (/healthz: none of the app's files are cached by it), stores the
// session there, and Lighthouse then loads the dashboard in that tab without resetting storage.
// Each page gets a Chromium of its own, so the dashboard is a first visit too, not a cached one.
// Chromium is started as the CLI would with --chrome-flags="--headless=new --no-sandbox".
//
// Writes DIR/lighthouse.json (the figures per page) and DIR/lighthouse-<page>.html (the reports).
// Exit status 1 when a page could not be measured (the JSON says why).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const { values: args } = parseArgs({
  options: {
    base: { type: 'string' },
    slug: { type: 'string' },
    session: { type: 'string' },
    out: { type: 'string' },
    chrome: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
if (!args.base || !args.slug || !args.out) {
  console.error('usage: node run.mjs --base URL --slug SLUG [--session FILE] --out DIR [--chrome PATH]');
  process.exit(2);
}
const base = args.base.replace(/\/$/, '');
const CHROME_FLAGS = ['--headless=new', '--no-sandbox'];
const FLAGS = { output: 'html', logLevel: 'error', onlyCategories: ['performance'] };

/** The app's stored session for a bench-sessions client (see web/src/api/session.ts). */
function storedSession(file) {
  const client = JSON.parse(readFileSync(file, 'utf8'));
  const claims = JSON.parse(Buffer.from(client.access_token.split('.')[1], 'base64url').toString());
  return {
    key: `portico.session.portal:${client.tenant_slug}`,
    value: JSON.stringify({
      accessToken: client.access_token,
      // Never used: the access token outlives the run (bench's PORTICO_ACCESS_TOKEN_MINUTES).
      refreshToken: '',
      sessionId: claims.sid,
      expiresAt: claims.exp * 1000,
    }),
  };
}

const audit = (lhr, id) => lhr.audits[id]?.numericValue ?? null;

function figures(name, url, lhr) {
  const perf = lhr.categories.performance;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  return {
    page: name,
    url,
    final_url: lhr.finalDisplayedUrl,
    score: perf.score === null ? null : Math.round(perf.score * 100),
    fcp_ms: audit(lhr, 'first-contentful-paint'),
    lcp_ms: audit(lhr, 'largest-contentful-paint'),
    tbt_ms: audit(lhr, 'total-blocking-time'),
    cls: audit(lhr, 'cumulative-layout-shift'),
    speed_index_ms: audit(lhr, 'speed-index'),
    tti_ms: audit(lhr, 'interactive'),
    transfer_bytes: audit(lhr, 'total-byte-weight'),
    requests: requests.length,
    api_errors: requests.filter((r) => r.url.includes('/api/') && r.statusCode >= 400).map((r) => r.url),
    form_factor: lhr.configSettings.formFactor,
    throttling: lhr.configSettings.throttlingMethod,
    lighthouse: lhr.lighthouseVersion,
    user_agent: lhr.environment.hostUserAgent,
    runtime_error: lhr.runtimeError?.message ?? null,
    warnings: lhr.runWarnings,
  };
}

async function measure(browser, name, pathname, session) {
  const url = `${base}${pathname}`;
  const page = await browser.newPage();
  try {
    if (session) {
      await page.goto(`${base}/healthz`);
      await page.evaluate((k, v) => sessionStorage.setItem(k, v), session.key, session.value);
    }
    const result = await lighthouse(
      url,
      { ...FLAGS, disableStorageReset: Boolean(session) },
      undefined,
      page,
    );
    writeFileSync(path.join(args.out, `lighthouse-${name}.html`), result.report);
    const row = figures(name, url, result.lhr);
    // Sent back to the login page: the session was not taken, so this is not the dashboard.
    if (session && new URL(row.final_url).pathname.endsWith('/login')) {
      row.error = `ended on ${row.final_url}: the stored session was not accepted`;
    } else if (row.runtime_error) {
      row.error = row.runtime_error;
    } else if (row.api_errors.length) {
      row.error = `API calls failed: ${row.api_errors.join(', ')}`;
    }
    return row;
  } catch (e) {
    return { page: name, url, error: String(e?.stack ?? e) };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Each page in a Chromium of its own: a fresh profile, so nothing is cached from the last. */
async function inFreshChromium(fn) {
  const chrome = await chromeLauncher.launch({ chromePath: args.chrome, chromeFlags: CHROME_FLAGS });
  try {
    const browser = await puppeteer.connect({
      browserURL: `http://127.0.0.1:${chrome.port}`,
      defaultViewport: null,
    });
    try {
      return await fn(browser);
    } finally {
      await browser.disconnect();
    }
  } finally {
    await chrome.kill();
  }
}

const pages = [];
pages.push(await inFreshChromium((b) => measure(b, 'portal-login', `/portal/${args.slug}/login`)));
if (args.session) {
  const session = storedSession(args.session);
  pages.push(await inFreshChromium((b) => measure(b, 'portal-dashboard', `/portal/${args.slug}`, session)));
}
writeFileSync(path.join(args.out, 'lighthouse.json'), JSON.stringify({ pages }, null, 2) + '\n');
for (const p of pages) {
  const line = p.error
    ? `${p.page}: NOT MEASURED: ${p.error.split('\n')[0]}`
    : `${p.page}: performance ${p.score}, FCP ${Math.round(p.fcp_ms)} ms, LCP ${Math.round(p.lcp_ms)} ms, ` +
      `TBT ${Math.round(p.tbt_ms)} ms, ${Math.round(p.transfer_bytes / 1024)} KiB transferred`;
  console.error(`    ${line}`);
}
process.exit(pages.some((p) => p.error) ? 1 : 0);
