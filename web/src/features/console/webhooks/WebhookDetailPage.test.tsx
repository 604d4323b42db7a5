import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import type { WebhookDelivery, WebhookEndpoint } from './api';
import { crm, eventTypes, failedAttempt } from './fixtures';
import { WebhookDetailPage } from './WebhookDetailPage';
import { WebhooksPage } from './WebhooksPage';
import { me, renderAt, requestsOf, stubApi } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const pages = [
  { path: '/app/settings/webhooks/:id', element: <WebhookDetailPage /> },
  { path: '/app/settings/webhooks', element: <WebhooksPage /> },
];

function stubs(endpoint: () => WebhookEndpoint, log: () => WebhookDelivery[] = () => [failedAttempt]) {
  return {
    'GET /api/v1/me': { body: me },
    'GET /api/v1/webhooks/event-types': { body: { items: eventTypes } },
    'GET /api/v1/webhooks/endpoints': () => ({ body: { items: [endpoint()] } }),
    'GET /api/v1/webhooks/endpoints/we_1': () => ({ body: endpoint() }),
    'GET /api/v1/webhooks/endpoints/we_1/deliveries': () => ({ body: { items: log(), next_cursor: null } }),
  };
}

describe('WebhookDetailPage', () => {
  it('shows the delivery log and resends an attempt', async () => {
    let log = [failedAttempt];
    const fetch = stubApi({
      ...stubs(
        () => crm,
        () => log,
      ),
      'POST /api/v1/webhooks/endpoints/we_1/deliveries/wd_1/resend': () => {
        log = [
          { ...failedAttempt, id: 'wd_2', attempt: 1, status_code: 200, delivered: true, error: null },
          ...log,
        ];
        return {
          status: 202,
          body: { message_id: 'msg_0193abc', event_type: 'quote.accepted', endpoint_id: 'we_1' },
        };
      },
    });
    renderAt('/app/settings/webhooks/we_1', pages);

    const log1 = await screen.findByRole('region', { name: 'Delivery log' });
    const row = (await within(log1).findByText('quote.accepted')).closest('tr')!;
    expect(within(row).getByText('500 Failed')).toBeInTheDocument();
    expect(within(row).getByText('the endpoint answered 500 Internal Server Error')).toBeInTheDocument();
    expect(within(row).getByText('84 ms')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: /Resend quote\.accepted attempt 2/ }));

    expect(await screen.findByText(/Sent again/)).toBeInTheDocument();
    expect(await within(log1).findByText('200 Delivered')).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain('POST /api/v1/webhooks/endpoints/we_1/deliveries/wd_1/resend');
  });

  it('sends a test event, disables, and edits the events', async () => {
    let endpoint = crm;
    let patched: unknown[] = [];
    const fetch = stubApi({
      ...stubs(() => endpoint),
      'POST /api/v1/webhooks/endpoints/we_1/test': {
        status: 202,
        body: { message_id: 'msg_test', event_type: 'webhook.test', endpoint_id: 'we_1' },
      },
      'PATCH /api/v1/webhooks/endpoints/we_1': async (request) => {
        const body = (await request.json()) as Partial<WebhookEndpoint>;
        patched = [...patched, body];
        endpoint = {
          ...endpoint,
          ...body,
          status: body.enabled === false ? 'disabled' : endpoint.status,
        } as WebhookEndpoint;
        return { body: endpoint };
      },
    });
    renderAt('/app/settings/webhooks/we_1', pages);

    await userEvent.click(await screen.findByRole('button', { name: 'Send test event' }));
    expect(await screen.findByText(/Test event sent/)).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain('POST /api/v1/webhooks/endpoints/we_1/test');

    await userEvent.click(screen.getByRole('checkbox', { name: /invoice\.paid/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Endpoint saved')).toBeInTheDocument();
    expect(patched[0]).toEqual({
      url: crm.url,
      description: 'CRM sync',
      events: ['client.created', 'quote.accepted', 'invoice.paid'],
    });

    await userEvent.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText(/Endpoint disabled/)).toBeInTheDocument();
    expect(patched[1]).toEqual({ enabled: false });
    expect(await screen.findByText('Disabled')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send test event' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Enable' })).toBeInTheDocument();
  });

  it('explains a failing endpoint', async () => {
    stubApi(stubs(() => ({ ...crm, status: 'failing', failing_since: '2025-03-03T08:00:00Z' })));
    renderAt('/app/settings/webhooks/we_1', pages);
    expect(await screen.findByText('Failing')).toBeInTheDocument();
    expect(screen.getByText(/could not be delivered after a day of retries/)).toBeInTheDocument();
  });

  it('rotates the secret after confirming and shows the new one once', async () => {
    stubApi({
      ...stubs(() => crm),
      'POST /api/v1/webhooks/endpoints/we_1/rotate-secret': {
        body: { ...crm, secret: 'whsec_bmV3LXNlY3JldA==' },
      },
    });
    renderAt('/app/settings/webhooks/we_1', pages);

    await userEvent.click(await screen.findByRole('button', { name: 'Rotate secret' }));
    expect(screen.getByText(/update your receiver straight away/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Replace secret' }));
    const box = await screen.findByRole('region', { name: 'Your new signing secret' });
    expect(within(box).getByText('whsec_bmV3LXNlY3JldA==')).toBeInTheDocument();
  });

  it('deletes after confirming and goes back to the list', async () => {
    let gone = false;
    stubApi({
      ...stubs(() => crm),
      'GET /api/v1/webhooks/endpoints': () => ({ body: { items: gone ? [] : [crm] } }),
      'DELETE /api/v1/webhooks/endpoints/we_1': () => {
        gone = true;
        return { status: 204 };
      },
    });
    renderAt('/app/settings/webhooks/we_1', pages);

    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(screen.getByText(/Its delivery log goes with it/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Delete endpoint' }));
    expect(await screen.findByText('Endpoint deleted')).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/settings/webhooks');
    expect(await screen.findByText('No webhook endpoints yet')).toBeInTheDocument();
  });
});
