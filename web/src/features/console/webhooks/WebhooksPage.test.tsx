import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import type { WebhookEndpoint } from './api';
import { crm, eventTypes } from './fixtures';
import { WebhooksPage } from './WebhooksPage';
import { me, problem, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/settings/webhooks', element: <WebhooksPage /> }];

describe('WebhooksPage', () => {
  it('lists endpoints with their status', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/webhooks/event-types': { body: { items: eventTypes } },
      'GET /api/v1/webhooks/endpoints': {
        body: {
          items: [
            crm,
            {
              ...crm,
              id: 'we_2',
              url: 'https://old.example.com/h',
              status: 'failing',
              events: ['invoice.paid'],
            },
            { ...crm, id: 'we_3', url: 'https://off.example.com/h', status: 'disabled', enabled: false },
          ],
        },
      },
    });
    renderAt('/app/settings/webhooks', page);

    const row = (await screen.findByRole('link', { name: crm.url })).closest('tr')!;
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByText('2 events')).toBeInTheDocument();
    expect(within(row).getByText('CRM sync')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: crm.url })).toHaveAttribute(
      'href',
      '/app/settings/webhooks/we_1',
    );
    const failing = screen.getByRole('link', { name: 'https://old.example.com/h' }).closest('tr')!;
    expect(within(failing).getByText('Failing')).toBeInTheDocument();
    expect(within(failing).getByText('invoice.paid')).toBeInTheDocument();
    const off = screen.getByRole('link', { name: 'https://off.example.com/h' }).closest('tr')!;
    expect(within(off).getByText('Disabled')).toBeInTheDocument();
  });

  it('adds an endpoint with events picked by object and shows the secret once', async () => {
    let endpoints: WebhookEndpoint[] = [];
    let sent: unknown;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/webhooks/event-types': { body: { items: eventTypes } },
      'GET /api/v1/webhooks/endpoints': () => ({ body: { items: endpoints } }),
      'POST /api/v1/webhooks/endpoints': async (request) => {
        sent = await request.json();
        endpoints = [{ ...crm, description: null, events: ['quote.accepted'] }];
        return { status: 201, body: { ...endpoints[0], secret: 'whsec_c2VjcmV0LXNob3duLW9uY2U=' } };
      },
    });
    renderAt('/app/settings/webhooks', page);
    expect(await screen.findByText('No webhook endpoints yet')).toBeInTheDocument();

    const quotes = await screen.findByRole('group', { name: 'Quotes' });
    expect(within(screen.getByRole('group', { name: 'Clients' })).getAllByRole('checkbox')).toHaveLength(2);
    await userEvent.type(screen.getByLabelText('Endpoint URL'), '  https://hooks.example.com/portico ');
    await userEvent.click(within(quotes).getByRole('checkbox', { name: /quote\.accepted/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));

    const box = await screen.findByRole('region', { name: `Signing secret for ${crm.url}` });
    expect(within(box).getByText('whsec_c2VjcmV0LXNob3duLW9uY2U=')).toBeInTheDocument();
    expect(within(box).getByText(/You will not be able to see it again/)).toBeInTheDocument();
    expect(within(box).getByRole('button', { name: 'Copy secret' })).toBeInTheDocument();
    expect(box).toHaveFocus();
    expect(sent).toEqual({ url: crm.url, description: null, events: ['quote.accepted'] });
    expect(await screen.findByRole('link', { name: crm.url })).toBeInTheDocument();
    expect(screen.getByLabelText('Endpoint URL')).toHaveValue('');

    await userEvent.click(within(box).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByText('whsec_c2VjcmV0LXNob3duLW9uY2U=')).not.toBeInTheDocument();
  });

  it('asks for an event, and shows why the server refused the URL', async () => {
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/webhooks/event-types': { body: { items: eventTypes } },
      'GET /api/v1/webhooks/endpoints': { body: { items: [] } },
      'POST /api/v1/webhooks/endpoints': problem(422, 'Some fields are invalid.', [
        {
          field: 'url',
          message:
            'points to 127.0.0.1, a loopback address; webhooks may only call public internet addresses',
        },
      ]),
    });
    renderAt('/app/settings/webhooks', page);
    await userEvent.type(await screen.findByLabelText('Endpoint URL'), 'https://127.0.0.1/hook');
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(screen.getByText('Choose at least one event to send.')).toBeInTheDocument();
    expect(requestsOf(fetch)).not.toContain('POST /api/v1/webhooks/endpoints');

    await userEvent.click(screen.getByRole('checkbox', { name: /client\.created/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
    expect(
      await screen.findByText(
        'This address leads to 127.0.0.1, a loopback address. Webhooks can only call public internet addresses.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Endpoint URL')).toHaveAttribute('aria-invalid', 'true');
  });

  it('tells members that only owners and admins manage webhooks', async () => {
    stubApi({ 'GET /api/v1/me': { body: { ...me, role: 'member' } } });
    renderAt('/app/settings/webhooks', page);
    expect(await screen.findByText('Only owners and admins can manage webhooks.')).toBeInTheDocument();
  });
});
