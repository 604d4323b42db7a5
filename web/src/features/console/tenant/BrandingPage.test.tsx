import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { BrandingPage } from './BrandingPage';
import { me, problem, renderAt, stubApi, tenant as sampleTenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const tenant = { ...sampleTenant, remember_device: false };

const page = [{ path: '/app/settings/branding', element: <BrandingPage /> }];

const REMEMBER = 'Let clients and staff stay signed in for 30 days';

function preview() {
  return screen.getByRole('figure', { name: /Live preview/ });
}

describe('BrandingPage', () => {
  it('previews the login page live as the person types', async () => {
    stubApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/tenant': { body: tenant } });
    renderAt('/app/settings/branding', page);

    await screen.findByLabelText('Business name');
    expect(within(preview()).getByRole('heading', { name: 'Studio Anna' })).toBeInTheDocument();
    expect(within(preview()).getByLabelText('Email')).toBeDisabled();
    expect(within(preview()).getByRole('button', { name: 'Email me a login code' })).toBeDisabled();

    await userEvent.type(screen.getByLabelText('Login title'), 'Welcome back');
    await userEvent.type(screen.getByLabelText('Login message'), 'See your bookings here.');
    expect(within(preview()).getByRole('heading', { name: 'Welcome back' })).toBeInTheDocument();
    expect(within(preview()).getByText('See your bookings here.')).toBeInTheDocument();
  });

  it('says when the primary colour is darkened for readability', async () => {
    stubApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/tenant': { body: tenant } });
    renderAt('/app/settings/branding', page);

    const primary = await screen.findByLabelText('Primary colour');
    expect(screen.queryByText(/use a darker shade/)).not.toBeInTheDocument();
    await userEvent.clear(primary);
    await userEvent.type(primary, '#8b5cf6');

    expect(
      within(preview()).getByText(/Neither white nor dark text is readable enough on #8b5cf6/),
    ).toBeInTheDocument();
  });

  it('refuses a malformed colour before sending anything', async () => {
    stubApi({ 'GET /api/v1/me': { body: me }, 'GET /api/v1/tenant': { body: tenant } });
    renderAt('/app/settings/branding', page);

    const accent = await screen.findByLabelText('Accent colour');
    await userEvent.clear(accent);
    await userEvent.type(accent, 'orange');

    expect(accent).toHaveAccessibleDescription('Enter # and six hex digits, like #2563eb.');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('saves only the changed fields and confirms', async () => {
    let sent: unknown;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'PATCH /api/v1/tenant': async (request) => {
        sent = await request.json();
        return { body: { ...tenant, name: 'Studio Anna Weber', updated_at: '2025-03-05T10:00:00Z' } };
      },
    });
    renderAt('/app/settings/branding', page);

    const name = await screen.findByLabelText('Business name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Studio Anna Weber');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Branding saved')).toBeInTheDocument();
    expect(sent).toEqual({ name: 'Studio Anna Weber' });
    expect(screen.getByLabelText('Business name')).toHaveValue('Studio Anna Weber');
  });

  it('warns that a new address breaks links, and shows a taken one as the server says', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'PATCH /api/v1/tenant': problem(409, 'This slug is already taken; choose another.'),
    });
    renderAt('/app/settings/branding', page);

    expect(await screen.findByText('http://localhost:3000/portal/studio-anna')).toBeInTheDocument();
    const slug = screen.getByLabelText('Address name');
    await userEvent.clear(slug);
    await userEvent.type(slug, 'anna');
    expect(
      screen.getByText(
        /Links already sent to clients, such as invitations and login emails, will stop working/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This slug is already taken; choose another.');
  });

  it('tells members that only owners and admins change the branding', async () => {
    stubApi({
      'GET /api/v1/me': { body: { ...me, role: 'member' } },
      'GET /api/v1/tenant': { body: tenant },
    });
    renderAt('/app/settings/branding', page);

    expect(await screen.findByText(/Only owners and admins can change the branding/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Business name')).not.toBeInTheDocument();
  });

  it('shows why the settings cannot be loaded', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': problem(500, 'Something broke on our side.'),
    });
    renderAt('/app/settings/branding', page);

    expect(await screen.findByRole('alert')).toHaveTextContent('Something broke on our side.');
  });

  it('offers time zones and currencies as lists to choose from, not to type', async () => {
    let sent: unknown;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'PATCH /api/v1/tenant': async (request) => {
        sent = await request.json();
        return { body: { ...tenant, timezone: 'America/New_York', currency: 'USD' } };
      },
    });
    renderAt('/app/settings/branding', page);

    const zone = await screen.findByRole('combobox', { name: 'Time zone' });
    expect(zone).toHaveValue('Europe/Paris');
    expect(within(zone).getByRole('group', { name: 'America' })).toBeInTheDocument();
    const currency = screen.getByRole('combobox', { name: 'Currency' });
    expect(within(currency).getByRole('option', { name: 'EUR — Euro' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Time zone|Currency/ })).toBeNull();

    await userEvent.selectOptions(zone, within(zone).getByRole('option', { name: 'New York' }));
    await userEvent.selectOptions(currency, 'USD');
    expect(currency).toHaveAccessibleDescription('Amounts will read like: US$1,234.50.');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Branding saved')).toBeInTheDocument();
    expect(sent).toEqual({ timezone: 'America/New_York', currency: 'USD' });
  });

  it('lets clients and staff stay signed in for 30 days, saved with the rest', async () => {
    let sent: unknown;
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'PATCH /api/v1/tenant': async (request) => {
        sent = await request.json();
        return { body: { ...tenant, remember_device: true, updated_at: '2025-03-05T10:00:00Z' } };
      },
    });
    renderAt('/app/settings/branding', page);

    const box = await screen.findByRole('checkbox', { name: REMEMBER });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription(/Off: every session ends when the browser closes\./);
    expect(within(preview()).queryByRole('checkbox')).toBeNull();
    await userEvent.click(box);
    // The preview shows what the login page will offer.
    expect(
      within(preview()).getByRole('checkbox', { name: 'Keep me signed in on this device' }),
    ).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Branding saved')).toBeInTheDocument();
    expect(sent).toEqual({ remember_device: true });
    expect(screen.getByRole('checkbox', { name: REMEMBER })).toBeChecked();
  });

  it('forgets an unsaved change of it on discard', async () => {
    stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: { ...tenant, remember_device: true } },
    });
    renderAt('/app/settings/branding', page);

    const box = await screen.findByRole('checkbox', { name: REMEMBER });
    expect(box).toBeChecked();
    await userEvent.click(box);
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByRole('checkbox', { name: REMEMBER })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });
});
