import type { EventType, WebhookDelivery, WebhookEndpoint } from './api';

export const eventTypes: EventType[] = [
  { name: 'client.created', object: 'client', description: 'A client was added.' },
  { name: 'client.updated', object: 'client', description: 'A client’s details or status changed.' },
  // eslint-disable-next-line no-restricted-syntax -- test data, as the server describes events
  { name: 'quote.accepted', object: 'quote', description: 'The client accepted a quote.' },
  // eslint-disable-next-line no-restricted-syntax -- test data, as the server describes events
  { name: 'invoice.paid', object: 'invoice', description: 'An invoice was paid in full.' },
];

export const crm: WebhookEndpoint = {
  id: 'we_1',
  url: 'https://hooks.example.com/portico',
  description: 'CRM sync',
  events: ['client.created', 'quote.accepted'],
  enabled: true,
  status: 'active',
  failing_since: null,
  last_success_at: '2025-03-01T10:00:00Z',
  last_failure_at: null,
  created_at: '2025-02-01T10:00:00Z',
  updated_at: '2025-02-01T10:00:00Z',
};

export const failedAttempt: WebhookDelivery = {
  id: 'wd_1',
  message_id: 'msg_0193abc',
  event_type: 'quote.accepted',
  attempt: 2,
  status_code: 500,
  delivered: false,
  duration_ms: 84,
  error: 'the endpoint answered 500 Internal Server Error',
  at: '2025-03-02T10:00:00Z',
};
