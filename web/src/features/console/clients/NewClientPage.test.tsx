import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { ClientDetailPage } from './ClientDetailPage';
import { EditClientPage } from './EditClientPage';
import { aClient } from './fixtures';
import { NewClientPage } from './NewClientPage';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const pages = [
  { path: '/app/clients/new', element: <NewClientPage /> },
  { path: '/app/clients/:id', element: <ClientDetailPage /> },
  { path: '/app/clients/:id/edit', element: <EditClientPage /> },
];
const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: { items: [] } },
  'GET /api/v1/clients/cl_1/activity': { body: { items: [], next_cursor: null } },
};

async function fillIn() {
  await userEvent.type(screen.getByLabelText('Name'), 'Maria Lopez');
  await userEvent.type(screen.getByLabelText('Email'), 'maria@@example');
}

describe('NewClientPage', () => {
  it('shows the server’s 422 message under the field it concerns', async () => {
    stubApi({
      ...common,
      'POST /api/v1/clients': problem(422, '1 field is invalid.', [
        { field: 'email', message: 'Enter an email address like name@example.com.' },
      ]),
    });
    renderAt('/app/clients/new', pages);
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create client' }));

    const email = screen.getByLabelText('Email');
    expect(await screen.findByText('Enter an email address like name@example.com.')).toBeInTheDocument();
    expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveFocus();
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Email: enter an email address like name@example.com.',
    );
  });

  it('shows a conflict as an alert', async () => {
    stubApi({ ...common, 'POST /api/v1/clients': problem(409, 'A client with this email already exists.') });
    renderAt('/app/clients/new', pages);
    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Create client' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('A client with this email already exists.');
  });

  it('sends what was typed, then opens the new client’s page and confirms', async () => {
    let sent: unknown;
    stubApi({
      ...common,
      'POST /api/v1/clients': async (request) => {
        sent = await request.json();
        return { status: 201, body: aClient({ status: 'lead', phone: null, company: null }) };
      },
    });
    renderAt('/app/clients/new', pages);
    await userEvent.type(screen.getByLabelText('Name'), '  Maria Lopez ');
    await userEvent.type(screen.getByLabelText('Email'), 'maria@example.com');
    await userEvent.type(screen.getByLabelText('Internal notes'), 'Met at the fair');
    await userEvent.type(screen.getByLabelText('Billing address'), 'Calle Mayor 1{enter}28013 Madrid ');
    await userEvent.type(screen.getByLabelText('VAT / tax ID'), 'ESB12345678');
    await userEvent.click(screen.getByRole('radio', { name: /Lead/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Create client' }));

    expect(await screen.findByRole('heading', { name: 'Maria Lopez', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Client created')).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/clients/cl_1');
    expect(sent).toEqual({
      name: 'Maria Lopez',
      email: 'maria@example.com',
      phone: null,
      company: null,
      billing_address: 'Calle Mayor 1\n28013 Madrid',
      tax_id: 'ESB12345678',
      notes: 'Met at the fair',
      status: 'lead',
      portal_enabled: true,
      email_opt_out: false,
    });
  });
});

describe('EditClientPage', () => {
  it('sends only the fields that changed', async () => {
    let sent: unknown;
    stubApi({
      ...common,
      'GET /api/v1/clients/cl_1': { body: aClient() },
      'PATCH /api/v1/clients/cl_1': async (request) => {
        sent = await request.json();
        return { body: aClient({ phone: null }) };
      },
    });
    renderAt('/app/clients/cl_1/edit', pages);
    const phone = await screen.findByLabelText('Phone');
    expect(phone).toHaveValue('+34 612 345 678');
    await userEvent.clear(phone);
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Changes saved')).toBeInTheDocument();
    expect(sent).toEqual({ phone: null });
  });

  it('explains why an archived client cannot be edited', async () => {
    stubApi({ ...common, 'GET /api/v1/clients/cl_1': { body: aClient({ status: 'archived' }) } });
    renderAt('/app/clients/cl_1/edit', pages);

    expect(await screen.findByText(/This client is archived\. Restore them/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    expect(screen.getByLabelText('Name')).toBeDisabled();
  });
});
