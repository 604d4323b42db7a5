import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { logInWithCode, OWNER, screenshots, SINK } from './support/helpers';

// The receiver is the mail sink's HTTP side: `/` answers 200, any other path 404.
test('staff add a webhook endpoint, see its secret once, send a test event and resend a failed one', async ({
  page,
}) => {
  await page.goto('/app');
  await logInWithCode(page, OWNER);
  // Webhooks are in the Settings section of the navigation.
  const menu = page.getByRole('navigation', { name: 'Console' });
  await menu.getByRole('button', { name: 'Settings', exact: true }).click();
  await menu.getByRole('link', { name: 'Webhooks', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Webhooks', exact: true })).toBeVisible();
  await expect(page.getByText('No webhook endpoints yet')).toBeVisible();

  await page.getByLabel('Endpoint URL').fill(`${SINK}/down`);
  await page.getByRole('checkbox', { name: /quote\.accepted/ }).check();
  await page.getByRole('checkbox', { name: /invoice\.paid/ }).check();
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  const secretBox = page.getByRole('region', { name: `Signing secret for ${SINK}/down` });
  await expect(secretBox.getByTestId('webhook-secret')).toHaveText(/^whsec_[A-Za-z0-9+/=]{40,}$/);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await screenshots(page, 'console-webhooks');
  await secretBox.getByRole('button', { name: 'I have stored it' }).click();
  await expect(page.getByTestId('webhook-secret')).toHaveCount(0);

  await page.getByRole('link', { name: `${SINK}/down` }).click();
  await expect(page.getByRole('heading', { name: 'Webhook endpoint' })).toBeVisible();
  await page.getByRole('button', { name: 'Send test event' }).click();
  const log = page.getByRole('region', { name: 'Delivery log' });
  await expect(log.getByText('404 Failed')).toBeVisible();
  await expect(log.getByText('webhook.test')).toBeVisible();

  // Point it at a path that answers 200, then send the failed message again.
  await page.getByLabel('Endpoint URL').fill(`${SINK}/`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Endpoint saved' })).toBeVisible();
  await log.getByRole('button', { name: /Resend webhook\.test attempt 1/ }).click();
  await expect(log.getByText('200 Delivered')).toBeVisible();
  await screenshots(page, 'console-webhook');
});
