import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import type { StaffMember } from './api';
import { TeamPage } from './TeamPage';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/settings/team', element: <TeamPage /> }];
const anna: StaffMember = {
  id: 'st_1',
  name: 'Anna Weber',
  email: 'anna@studio-anna.com',
  role: 'owner',
  created_at: '2025-01-02T09:00:00Z',
};
const jo: StaffMember = {
  id: 'st_2',
  name: 'Jo Park',
  email: 'jo@studio-anna.com',
  role: 'member',
  created_at: '2025-02-02T09:00:00Z',
};

function rowOf(name: string) {
  return screen.getByText(name).closest('tr')!;
}

describe('TeamPage', () => {
  it('lists the team with their roles', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/staff': { body: { items: [anna, jo] } },
    });
    renderAt('/app/settings/team', page);

    await screen.findByText('Jo Park');
    expect(within(rowOf('Anna Weber')).getByText('You')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Role of Anna Weber' })).toHaveValue('owner');
    expect(screen.getByRole('combobox', { name: 'Role of Jo Park' })).toHaveValue('member');
    expect(await within(rowOf('Jo Park')).findByText('2 Feb 2025, 10:00')).toBeInTheDocument();
  });

  it('invites someone and confirms where the invitation went', async () => {
    let sent: unknown;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/staff': { body: { items: [anna] } },
      'POST /api/v1/staff': async (request) => {
        sent = await request.json();
        return { status: 201, body: { ...jo, email: 'maria@example.com', name: 'Maria', role: 'admin' } };
      },
    });
    renderAt('/app/settings/team', page);
    await screen.findByText('Anna Weber');

    await userEvent.type(screen.getByLabelText('Email'), 'maria@example.com');
    await userEvent.type(screen.getByLabelText('Name'), 'Maria');
    await userEvent.selectOptions(screen.getByLabelText('Role'), 'admin');
    expect(screen.getByLabelText('Role')).toHaveAccessibleDescription(
      'Everything except making or removing owners.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('Invitation sent to maria@example.com')).toBeInTheDocument();
    expect(sent).toEqual({ email: 'maria@example.com', name: 'Maria', role: 'admin' });
    expect(screen.getByLabelText('Email')).toHaveValue('');
  });

  it('shows an already-invited email as the server explains it', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/staff': { body: { items: [anna, jo] } },
      'POST /api/v1/staff': problem(409, 'jo@studio-anna.com is already on the team.'),
    });
    renderAt('/app/settings/team', page);
    await screen.findByText('Jo Park');
    await userEvent.type(screen.getByLabelText('Email'), 'jo@studio-anna.com');
    await userEvent.type(screen.getByLabelText('Name'), 'Jo');
    await userEvent.click(screen.getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('jo@studio-anna.com is already on the team.');
  });

  it('changes a role once saved and says so; a refused change shows the reason and keeps the old role', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/staff': { body: { items: [anna, jo] } },
      'PATCH /api/v1/staff/st_2': { body: { ...jo, role: 'admin' } },
      'PATCH /api/v1/staff/st_1': problem(409, 'This would leave the business without an owner.'),
    });
    renderAt('/app/settings/team', page);

    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Role of Jo Park' }), 'admin');
    await userEvent.click(within(rowOf('Jo Park')).getByRole('button', { name: 'Save role' }));
    expect(await screen.findByText('Jo Park is now an admin')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Role of Anna Weber' }), 'member');
    await userEvent.click(within(rowOf('Anna Weber')).getByRole('button', { name: 'Save role' }));
    expect(await within(rowOf('Anna Weber')).findByRole('alert')).toHaveTextContent(
      'This would leave the business without an owner.',
    );
    expect(screen.getByRole('combobox', { name: 'Role of Anna Weber' })).toHaveValue('owner');
  });

  it('removes someone after confirming', async () => {
    let items = [anna, jo];
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/staff': () => ({ body: { items } }),
      'DELETE /api/v1/staff/st_2': () => {
        items = [anna];
        return { status: 204 };
      },
    });
    renderAt('/app/settings/team', page);

    await screen.findByText('Jo Park');
    await userEvent.click(within(rowOf('Jo Park')).getByRole('button', { name: 'Remove' }));
    expect(
      screen.getByText(/Remove Jo Park from the team\? They are logged out at once/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove Jo Park' }));

    expect(await screen.findByText('Jo Park removed from the team')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Role of Jo Park' })).not.toBeInTheDocument();
  });

  it('does not offer admins the controls for an owner', async () => {
    stubApi({
      'GET /api/v1/me': { body: { ...me, id: 'st_2', role: 'admin' } },
      'GET /api/v1/staff': { body: { items: [anna, { ...jo, role: 'admin' }] } },
    });
    renderAt('/app/settings/team', page);

    expect(await screen.findByRole('combobox', { name: 'Role of Anna Weber' })).toBeDisabled();
    expect(within(rowOf('Anna Weber')).getByText('Only an owner can change an owner.')).toBeInTheDocument();
    expect(
      within(screen.getByLabelText('Role')).queryByRole('option', { name: 'Owner' }),
    ).not.toBeInTheDocument();
  });
});
