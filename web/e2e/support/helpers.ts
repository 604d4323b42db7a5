import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const SINK = 'http://127.0.0.1:12526';
export const DEMO = '/portal/demo';
export const OWNER = 'owner@lumen.example';

interface Mail {
  to: string[];
  data: string;
  at: number;
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The newest email to `to` that arrived after `since` (epoch ms) and is `wanted`, waiting up to 15 s. */
export async function nextMail(
  request: APIRequestContext,
  to: string,
  since: number,
  wanted: (data: string) => boolean = () => true,
): Promise<{ subject: string; body: string }> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        const all = (await (
          await request.get(`${SINK}/messages?to=${encodeURIComponent(to)}`)
        ).json()) as Mail[];
        found = all.filter((m) => m.at >= since && wanted(m.data)).at(-1);
        return Boolean(found);
      },
      { message: `an email to ${to}`, timeout: 15_000 },
    )
    .toBe(true);
  const data = found!.data;
  return { subject: subjectOf(data), body: decodeQuotedPrintable(data) };
}

/** The Subject header with its RFC 2047 encoded words (a subject in German has some) decoded. */
export function subjectOf(data: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)$/m.exec(data)?.[1] ?? '';
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    )
    .replace(/\r?\n[ \t]/g, '');
}

/** A login email (its subject starts with the code), not a notice that happened to arrive later. */
export const isLoginCode = (data: string) => /^\d{6}/.test(subjectOf(data));

export function codeOf(mail: { subject: string }): string {
  const code = /^(\d{6})/.exec(mail.subject)?.[1];
  expect(code, `a code at the start of "${mail.subject}"`).toBeTruthy();
  return code!;
}

export function linkOf(mail: { body: string }): string {
  const link = /(https?:\/\/[^\s"<>]+#token=[^\s"<>]+)/.exec(mail.body)?.[1];
  expect(link, 'a login link in the email').toBeTruthy();
  return link!.replace(/&amp;/g, '&');
}

/** Logs in through the page's email → code screens, reading the code from the real email. */
export async function logInWithCode(page: Page, email: string) {
  const since = Date.now();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a login code' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const code = codeOf(await nextMail(page.request, email, since, isLoginCode));
  await page.getByRole('textbox', { name: 'Digit 1 of 6' }).click();
  await page.keyboard.type(code);
}

/** A staff access token through the API itself (for arranging data, not for what is tested). */
export async function staffToken(request: APIRequestContext, email = OWNER): Promise<string> {
  let since = Date.now();
  let asked = await request.post('/api/v1/auth/otp', { data: { email } });
  // Another test may have asked for this email's code a moment ago: wait out the cooldown.
  for (let tries = 0; asked.status() === 429 && tries < 5; tries += 1) {
    const wait = Number(asked.headers()['retry-after'] ?? '1');
    await new Promise((resolve) => setTimeout(resolve, wait * 1000 + 100));
    since = Date.now();
    asked = await request.post('/api/v1/auth/otp', { data: { email } });
  }
  expect(asked.status()).toBe(202);
  const code = codeOf(await nextMail(request, email, since, isLoginCode));
  const res = await request.post('/api/v1/auth/otp/verify', { data: { email, code } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { access_token?: string };
  expect(body.access_token).toBeTruthy();
  return body.access_token!;
}

/** Full-page screenshots at desktop and phone widths, under e2e/screenshots/ (not committed). */
export async function screenshots(page: Page, name: string) {
  const original = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({ path: `e2e/screenshots/${name}-${width}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
