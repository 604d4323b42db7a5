import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';
import { someSettings } from '../fixtures';
import { BillingSettingsPage } from './BillingSettingsPage';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/settings/billing', element: <BillingSettingsPage /> }];
const noEvents = { 'GET /api/v1/payments/events': { body: { items: [], next_cursor: null } } };

describe('BillingSettingsPage', () => {
  it('saves only the settings that changed', async () => {
    const bodies: unknown[] = [];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      ...noEvents,
      'GET /api/v1/billing/settings': { body: someSettings() },
      'PATCH /api/v1/billing/settings': async (request) => {
        bodies.push(await request.json());
        return { body: someSettings({ invoice_prefix: 'RE', payment_terms_days: 30 }) };
      },
    });
    renderAt('/app/settings/billing', page);

    const prefix = await screen.findByLabelText('Invoice number prefix');
    expect(prefix).toHaveValue('INV');
    expect(screen.getByLabelText('Billing details')).toHaveValue('Lumen Design Studio\nIBAN DE00 1234');
    expect(await screen.findByText('EUR')).toBeInTheDocument();
    await userEvent.clear(prefix);
    await userEvent.type(prefix, 're');
    expect(prefix).toHaveValue('RE');
    await userEvent.clear(screen.getByLabelText('Payment terms (days)'));
    await userEvent.type(screen.getByLabelText('Payment terms (days)'), '30');
    await userEvent.click(screen.getByRole('button', { name: 'Save billing settings' }));

    expect(await screen.findByText('Billing settings saved')).toBeInTheDocument();
    expect(bodies).toEqual([{ invoice_prefix: 'RE', payment_terms_days: 30 }]);
  });

  it('checks the fields, then shows what the server refused next to its field', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      ...noEvents,
      'GET /api/v1/billing/settings': { body: someSettings() },
      'PATCH /api/v1/billing/settings': problem(422, "The field 'quote_valid_days' is invalid.", [
        { field: 'quote_valid_days', message: 'must be from 1 to 365 days' },
      ]),
    });
    renderAt('/app/settings/billing', page);
    const days = await screen.findByLabelText('Quotes stay valid for (days)');
    await userEvent.clear(days);
    await userEvent.type(days, 'ten');
    await userEvent.click(screen.getByRole('button', { name: 'Save billing settings' }));
    expect(screen.getByText('A number of days, such as 30.')).toBeInTheDocument();

    await userEvent.clear(days);
    await userEvent.type(days, '400');
    await userEvent.click(screen.getByRole('button', { name: 'Save billing settings' }));
    expect(await screen.findByText('must be from 1 to 365 days')).toBeInTheDocument();
    expect(days).toHaveAttribute('aria-invalid', 'true');
  });

  it('sets provider keys without ever showing them back, and removes a provider after asking', async () => {
    const puts: unknown[] = [];
    const deleted: string[] = [];
    let settings = someSettings();
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      ...noEvents,
      'GET /api/v1/billing/settings': () => ({ body: settings }),
      'PUT /api/v1/billing/providers/paystack': async (request) => {
        puts.push(await request.json());
        const info = { ...settings.providers[1]!, enabled: true, key_hint: 'x9Zq' };
        settings = { ...settings, providers: [settings.providers[0]!, info] };
        return { body: info };
      },
      'DELETE /api/v1/billing/providers/stripe': (request) => {
        deleted.push(new URL(request.url).pathname);
        settings = {
          ...settings,
          providers: [{ ...settings.providers[0]!, enabled: false, key_hint: null }, settings.providers[1]!],
        };
        return { status: 204 };
      },
    });
    renderAt('/app/settings/billing', page);

    const stripe = (await screen.findByRole('heading', { name: 'Stripe' })).closest('section')!;
    expect(within(stripe).getByText('On — clients can pay')).toBeInTheDocument();
    expect(within(stripe).getByText('4242')).toBeInTheDocument();
    expect(within(stripe).getByLabelText('Webhook URL')).toHaveValue(
      'https://portal.example/api/v1/payments/webhooks/stripe/tn_1',
    );
    expect(within(stripe).getByLabelText('Stripe secret key')).toHaveAttribute('type', 'password');
    expect(within(stripe).getByLabelText('Stripe secret key')).toHaveValue('');

    const paystack = screen.getByRole('heading', { name: 'Paystack' }).closest('section')!;
    expect(within(paystack).getByText('Not set up')).toBeInTheDocument();
    expect(within(paystack).queryByLabelText('Webhook signing secret')).not.toBeInTheDocument();
    await userEvent.click(within(paystack).getByRole('button', { name: 'Save Paystack keys' }));
    expect(within(paystack).getByText('Paste your Paystack secret key.')).toBeInTheDocument();
    await userEvent.type(within(paystack).getByLabelText('Paystack secret key'), 'sk_live_abcdx9Zq');
    await userEvent.click(within(paystack).getByRole('button', { name: 'Save Paystack keys' }));

    expect(
      await screen.findByText('Paystack keys saved — clients can pay with Paystack'),
    ).toBeInTheDocument();
    expect(puts).toEqual([{ secret_key: 'sk_live_abcdx9Zq', webhook_secret: null, enabled: true }]);
    const updated = (await screen.findByText('x9Zq')).closest('section')!;
    expect(within(updated).getByLabelText('Paystack secret key')).toHaveValue('');
    expect(document.body).not.toHaveTextContent('sk_live_abcdx9Zq');

    await userEvent.click(within(stripe).getByRole('button', { name: 'Remove Stripe' }));
    expect(deleted).toEqual([]);
    await userEvent.click(within(stripe).getByRole('button', { name: 'Remove Stripe' }));
    expect(await screen.findByText('Stripe removed — clients can no longer pay with it')).toBeInTheDocument();
    expect(deleted).toEqual(['/api/v1/billing/providers/stripe']);
    const gone = screen.getByRole('heading', { name: 'Stripe' }).closest('section')!;
    expect(await within(gone).findByText('Not set up')).toBeInTheDocument();
  });

  it('switches a configured provider off and on without its keys', async () => {
    const patches: unknown[] = [];
    let settings = someSettings();
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      ...noEvents,
      'GET /api/v1/billing/settings': () => ({ body: settings }),
      'PATCH /api/v1/billing/providers/stripe': async (request) => {
        const body = (await request.json()) as { enabled: boolean };
        patches.push(body);
        const info = { ...settings.providers[0]!, enabled: body.enabled };
        settings = { ...settings, providers: [info, settings.providers[1]!] };
        return { body: info };
      },
    });
    renderAt('/app/settings/billing', page);
    const stripe = (await screen.findByRole('heading', { name: 'Stripe' })).closest('section')!;
    await userEvent.click(within(stripe).getByRole('button', { name: 'Switch Stripe off' }));
    expect(await screen.findByText('Stripe switched off')).toBeInTheDocument();
    const card = () => screen.getByRole('heading', { name: 'Stripe' }).closest('section')!;
    expect(await screen.findByRole('button', { name: 'Switch Stripe on' })).toBeInTheDocument();
    expect(within(card()).getByText('Off')).toBeInTheDocument();
    await userEvent.click(within(card()).getByRole('button', { name: 'Switch Stripe on' }));
    expect(await screen.findByText('Stripe switched on — clients can pay with Stripe')).toBeInTheDocument();
    expect(patches).toEqual([{ enabled: false }, { enabled: true }]);
    expect(within(card()).getByLabelText('Stripe secret key')).toHaveValue('');
  });

  it('asks for Stripe’s webhook secret, and shows the server’s word on a key', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      ...noEvents,
      'GET /api/v1/billing/settings': { body: someSettings() },
      'PUT /api/v1/billing/providers/stripe': problem(422, "The field 'secret_key' is invalid.", [
        { field: 'secret_key', message: 'must be 8 to 500 characters' },
      ]),
    });
    renderAt('/app/settings/billing', page);
    const stripe = (await screen.findByRole('heading', { name: 'Stripe' })).closest('section')!;
    await userEvent.type(within(stripe).getByLabelText('Stripe secret key'), 'sk_1');
    await userEvent.click(within(stripe).getByRole('button', { name: 'Save Stripe keys' }));
    expect(within(stripe).getByText(/Paste the signing secret of your Stripe webhook/)).toBeInTheDocument();
    await userEvent.type(within(stripe).getByLabelText('Webhook signing secret'), 'whsec_1');
    await userEvent.click(within(stripe).getByLabelText(/Offer Stripe to clients/));
    await userEvent.click(within(stripe).getByRole('button', { name: 'Save Stripe keys' }));
    expect(await within(stripe).findByText('must be 8 to 500 characters')).toBeInTheDocument();
  });

  it('lists what the providers notified', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/billing/settings': { body: someSettings() },
      'GET /api/v1/payments/events': {
        body: {
          items: [
            {
              id: 'ev_1',
              provider: 'stripe',
              event_id: 'evt_1',
              event_type: 'checkout.session.completed',
              outcome: 'rejected',
              detail: 'The amount does not match the invoice.',
              invoice_id: 'in_1',
              received_at: '2026-11-20T09:00:00Z',
            },
          ],
          next_cursor: null,
        },
      },
    });
    renderAt('/app/settings/billing', page);
    const events = (await screen.findByRole('heading', { name: 'Recent payment notifications' })).closest(
      'section',
    )!;
    expect(await within(events).findByText('Rejected')).toBeInTheDocument();
    expect(within(events).getByText('The amount does not match the invoice.')).toBeInTheDocument();
    expect(within(events).getByRole('link', { name: 'Invoice' })).toHaveAttribute(
      'href',
      '/app/invoices/in_1',
    );
  });

  it('tells members to ask an owner or admin', async () => {
    stubApi({
      'GET /api/v1/me': { body: { ...me, role: 'member' } },
      'GET /api/v1/billing/settings': { body: someSettings() },
    });
    renderAt('/app/settings/billing', page);
    expect(
      await screen.findByText(/Only owners and admins can change the billing settings/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save billing settings' })).not.toBeInTheDocument();
  });
});
