import { defineConfig, devices } from '@playwright/test';

// The real server on a fresh SQLite database with the demo tenant, serving the built app,
// and sending its emails over SMTP to the loopback sink the tests read.
const API_PORT = 18080;
const SMTP_PORT = 12525;
const SINK_PORT = 12526;
// The fake Stripe (e2e/support/fake-stripe.mjs): the API creates checkout sessions there, and
// its "Pay" button sends the signed webhook back to the API.
const STRIPE_PORT = 12527;
const CUSTOM_DOMAIN = 'portal.lumen.test';
const data = 'e2e/.data';
const server = process.env.PORTICO_E2E_BIN ?? '../target/debug/portico';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    // localhost, not 127.0.0.1: passkeys need a domain name (WebAuthn refuses an IP address
    // as the relying party), and the server's public URL names the same host.
    baseURL: `http://localhost:${API_PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // A tenant's own domain, for the custom-domain test, without touching /etc/hosts.
        `--host-resolver-rules=MAP ${CUSTOM_DOMAIN} 127.0.0.1, MAP localhost 127.0.0.1`,
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: `node e2e/support/mail-sink.mjs ${SMTP_PORT} ${SINK_PORT}`,
      url: `http://127.0.0.1:${SINK_PORT}/`,
      reuseExistingServer: false,
    },
    {
      command: `node e2e/support/fake-stripe.mjs ${STRIPE_PORT}`,
      url: `http://127.0.0.1:${STRIPE_PORT}/`,
      reuseExistingServer: false,
      env: { FAKE_STRIPE_API: `http://127.0.0.1:${API_PORT}` },
    },
    {
      command: `rm -rf ${data} && mkdir -p ${data} && ${server} serve --demo`,
      url: `http://127.0.0.1:${API_PORT}/readyz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      env: {
        PORTICO_LISTEN: `127.0.0.1:${API_PORT}`,
        PORTICO_PUBLIC_URL: `http://localhost:${API_PORT}`,
        PORTICO_DATABASE_URL: `sqlite://${data}/portico.db`,
        PORTICO_DATA_DIR: data,
        PORTICO_WEB_DIR: 'dist',
        PORTICO_MAIL_TRANSPORT: 'smtp',
        PORTICO_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        PORTICO_STRIPE_API_URL: `http://127.0.0.1:${STRIPE_PORT}`,
        PORTICO_LOG: 'warn',
        // Several logins per address within a run; production keeps the 60 s default.
        PORTICO_OTP_COOLDOWN_SECONDS: '2',
        PORTICO_OTP_PER_EMAIL_PER_HOUR: '50',
        PORTICO_OTP_PER_IP_PER_HOUR: '500',
        // The webhook test's endpoint is the loopback mail sink.
        PORTICO_WEBHOOKS_ALLOW_PRIVATE: 'true',
      },
    },
  ],
});
