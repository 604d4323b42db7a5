import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import type { components } from '@/api/schema';
import { ClientDetailPage } from './ClientDetailPage';
import { aClient, anOverview } from './fixtures';
import { me, problem, renderAt, requestsOf, stubApi, tenant, type ApiStubs } from '@/test/testing';

type Template = components['schemas']['Template'];
type Activity = components['schemas']['Activity'];

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const page = [{ path: '/app/clients/:id', element: <ClientDetailPage /> }];

function aTemplate(overrides: Partial<Template>): Template {
  return {
    id: 'tp_1',
    kind: 'email',
    name: 'Kick-off',
    content: { kind: 'email', subject: 'We start {{today}}', body: 'Hello {{client.first_name}},' },
    fields: ['client.first_name', 'today'],
    created_at: '2026-11-01T10:00:00Z',
    updated_at: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}

const templates = [
  aTemplate({}),
  aTemplate({
    id: 'tp_2',
    name: 'Quote reminder',
    content: { kind: 'email', subject: 'Quote {{quote.number}}', body: 'See {{quote.number}}.' },
    fields: ['quote.number'],
  }),
];

const emailed: Activity = {
  id: 'a9',
  actor_kind: 'staff',
  actor_id: 'st_1',
  kind: 'client.emailed',
  verb: 'emailed',
  subject_type: 'client',
  subject_id: 'cl_1',
  // The API types `data` as an object with unknown keys.
  data: { subject: 'We start Monday' } as unknown as Activity['data'],
  at: '2026-11-20T10:00:00Z',
};

function stubs(extra: ApiStubs = {}): ApiStubs {
  return {
    'GET /api/v1/me': { body: me },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/staff': { body: { items: [] } },
    'GET /api/v1/clients/cl_1': { body: aClient() },
    'GET /api/v1/clients/cl_1/overview': { body: anOverview() },
    'GET /api/v1/clients/cl_1/activity': { body: { items: [], next_cursor: null } },
    'GET /api/v1/templates': { body: { items: templates } },
    ...extra,
  };
}

async function openCompose() {
  const actions = await screen.findByRole('group', { name: 'Actions for Maria Lopez' });
  await userEvent.click(within(actions).getByRole('button', { name: 'Email' }));
  return screen.getByRole('region', { name: 'Email Maria Lopez' });
}

describe('Emailing a client from their page', () => {
  it('fills the email from a template rendered for the client, sends it and logs it', async () => {
    let sent: { body: unknown; key: string | null } | undefined;
    let rendered: unknown;
    const fetch = stubApi(
      stubs({
        'POST /api/v1/templates/tp_1/render': async (request) => {
          rendered = await request.json();
          return {
            body: {
              content: { kind: 'email', subject: 'We start Monday', body: 'Hello Maria,\n\nSee you soon.' },
            },
          };
        },
        'POST /api/v1/clients/cl_1/emails': async (request) => {
          sent = { body: await request.json(), key: request.headers.get('Idempotency-Key') };
          return { status: 202 };
        },
        'GET /api/v1/clients/cl_1/activity': () => ({
          body: { items: sent ? [emailed] : [], next_cursor: null },
        }),
      }),
    );
    renderAt('/app/clients/cl_1', page);

    const compose = await openCompose();
    expect(within(compose).getByRole('heading', { name: 'Email Maria Lopez' })).toHaveFocus();
    expect(compose).toHaveTextContent(
      'It goes to maria@example.com in your business’s name, signed with your name, with a button to their portal.',
    );
    const choice = within(compose).getByRole('combobox', { name: 'Start from a template' });
    await waitFor(() => expect(choice).toBeEnabled());
    expect(requestsOf(fetch)).toContain('GET /api/v1/templates?kind=email');
    await userEvent.selectOptions(choice, 'Kick-off');

    expect(
      await within(compose).findByText(
        'Filled in from “Kick-off” for Maria Lopez. Read it over before sending; you can change anything.',
      ),
    ).toBeInTheDocument();
    expect(rendered).toEqual({ client_id: 'cl_1' });
    const subject = within(compose).getByRole('textbox', { name: 'Subject' });
    const message = within(compose).getByRole('textbox', { name: 'Message' });
    expect(subject).toHaveValue('We start Monday');
    expect(message).toHaveValue('Hello Maria,\n\nSee you soon.');
    await userEvent.type(message, ' Anna');
    await userEvent.click(within(compose).getByRole('button', { name: 'Send email' }));

    expect(await screen.findByText('Email to maria@example.com queued')).toBeInTheDocument();
    expect(sent?.body).toEqual({ subject: 'We start Monday', body: 'Hello Maria,\n\nSee you soon. Anna' });
    expect(sent?.key).toMatch(/\S{16,}/);
    // The client's activity is asked again, and shows the email.
    expect(await screen.findByText('You emailed Maria Lopez: “We start Monday”.')).toBeInTheDocument();
    // Sent: the form closes, and the next email starts blank.
    expect(screen.queryByRole('region', { name: 'Email Maria Lopez' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Email' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Email' }));
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('');
  });

  it('shows the server’s refusal on the field it names', async () => {
    stubApi(
      stubs({
        'POST /api/v1/clients/cl_1/emails': problem(422, '1 field is invalid; see errors.', [
          { field: 'subject', message: 'must be one line' },
        ]),
      }),
    );
    renderAt('/app/clients/cl_1', page);

    const compose = await openCompose();
    const subject = within(compose).getByRole('textbox', { name: 'Subject' });
    await userEvent.type(subject, 'Hello');
    await userEvent.type(within(compose).getByRole('textbox', { name: 'Message' }), 'See you Monday.');
    await userEvent.click(within(compose).getByRole('button', { name: 'Send email' }));

    await waitFor(() => expect(subject).toHaveAttribute('aria-invalid', 'true'));
    expect(subject).toHaveAccessibleDescription(/one line/);
    expect(subject).toHaveFocus();
    expect(within(compose).getByRole('textbox', { name: 'Message' })).not.toHaveAttribute('aria-invalid');
    expect(within(compose).getByRole('alert')).toBeInTheDocument();
    expect(screen.queryByText(/queued/)).toBeNull();
  });

  it('says why an archived client cannot be written to when the server refuses', async () => {
    stubApi(
      stubs({
        'POST /api/v1/clients/cl_1/emails': problem(
          409,
          'This client is archived; restore them before writing to them.',
        ),
      }),
    );
    renderAt('/app/clients/cl_1', page);

    const compose = await openCompose();
    await userEvent.type(within(compose).getByRole('textbox', { name: 'Subject' }), 'Hello');
    await userEvent.type(within(compose).getByRole('textbox', { name: 'Message' }), 'Hi.');
    await userEvent.click(within(compose).getByRole('button', { name: 'Send email' }));

    expect(await within(compose).findByRole('alert')).toHaveTextContent(
      'This client is archived; restore them before writing to them.',
    );
  });

  it('does not fill in a template that needs a quote, and says why', async () => {
    const fetch = stubApi(stubs());
    renderAt('/app/clients/cl_1', page);

    const compose = await openCompose();
    const choice = within(compose).getByRole('combobox', { name: 'Start from a template' });
    await waitFor(() => expect(choice).toBeEnabled());
    await userEvent.selectOptions(choice, 'Quote reminder');

    expect(choice).toHaveAccessibleDescription(
      '“Quote reminder” uses the fields of a quote or a project, which an email from here cannot fill in. Choose another template, or write the email yourself.',
    );
    expect(requestsOf(fetch).filter((r) => r.includes('/render'))).toEqual([]);
    expect(within(compose).getByRole('textbox', { name: 'Subject' })).toHaveValue('');
  });

  it('closes with Escape, gives the focus back, and keeps what was written', async () => {
    stubApi(stubs());
    renderAt('/app/clients/cl_1', page);

    const compose = await openCompose();
    const button = screen.getByRole('button', { name: 'Email' });
    expect(button).toHaveAttribute('aria-expanded', 'true');
    await userEvent.type(within(compose).getByRole('textbox', { name: 'Subject' }), 'Draft');
    await userEvent.keyboard('{Escape}');

    expect(screen.queryByRole('region', { name: 'Email Maria Lopez' })).toBeNull();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(button);
    expect(screen.getByRole('textbox', { name: 'Subject' })).toHaveValue('Draft');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: 'Email Maria Lopez' })).toBeNull();
  });

  it('tells what a lead who turned notices off will get', async () => {
    stubApi(
      stubs({ 'GET /api/v1/clients/cl_1': { body: aClient({ status: 'lead', email_opt_out: true }) } }),
    );
    renderAt('/app/clients/cl_1', page);

    const compose = await openCompose();
    expect(compose).toHaveTextContent(
      'They are still a lead, so they cannot log in to the portal yet: the button leads to its login page.',
    );
    expect(compose).toHaveTextContent(
      'They turned automatic notices off. This email is still sent, because you wrote it yourself.',
    );
  });

  it('is not offered for an archived client', async () => {
    const fetch = stubApi(stubs({ 'GET /api/v1/clients/cl_1': { body: aClient({ status: 'archived' }) } }));
    renderAt('/app/clients/cl_1', page);

    const actions = await screen.findByRole('group', { name: 'Actions for Maria Lopez' });
    expect(within(actions).getByRole('button', { name: 'View as client' })).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: 'Email' })).toBeNull();
    expect(requestsOf(fetch).filter((r) => r.includes('/templates'))).toEqual([]);
  });
});
