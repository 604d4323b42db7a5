import { screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppointmentDetailPage } from './AppointmentDetailPage';
import { anAppointment, staffList } from './fixtures';
import { me, problem, renderAt, stubApi, tenant, type ApiStubs } from '@/test/testing';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const page = [{ path: '/app/appointments/:id', element: <AppointmentDetailPage /> }];

function stubs(extra: ApiStubs = {}): ApiStubs {
  return {
    'GET /api/v1/me': { body: me },
    'GET /api/v1/tenant': { body: tenant },
    'GET /api/v1/staff': { body: staffList },
    'GET /api/v1/appointments/ap_1': { body: anAppointment({ status: 'pending' }) },
    ...extra,
  };
}

describe('AppointmentDetailPage', () => {
  it('confirms a pending appointment with the status endpoint and says so', async () => {
    const bodies: unknown[] = [];
    stubApi(
      stubs({
        'POST /api/v1/appointments/ap_1/status': async (request) => {
          bodies.push(await request.json());
          return { body: anAppointment({ status: 'confirmed', updated_at: '2026-11-25T10:00:00Z' }) };
        },
      }),
    );
    renderAt('/app/appointments/ap_1', page);

    expect(
      await screen.findByRole('heading', { name: 'Haircut with Maria Lopez', level: 1 }),
    ).toBeInTheDocument();
    // Only what a pending appointment allows.
    expect(screen.queryByRole('button', { name: 'Mark completed' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Confirm' }));

    expect(
      await screen.findByText('Appointment confirmed — Maria Lopez, Tuesday 1 December, 10:00 – 10:45'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ status: 'confirmed' }]);
    expect(await screen.findByRole('button', { name: 'Mark completed' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'No-show' })).toBeInTheDocument();

    // Completing cannot be undone: it asks first, and Cancel leaves everything as it was.
    await userEvent.click(screen.getByRole('button', { name: 'Mark completed' }));
    const question = screen.getByRole('group', { name: 'Mark completed' });
    expect(question).toHaveTextContent('It cannot be undone, and Maria Lopez is asked to review it.');
    expect(bodies).toEqual([{ status: 'confirmed' }]);
    await userEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Mark completed' })).toBeInTheDocument();
    expect(bodies).toEqual([{ status: 'confirmed' }]);
  });

  it('asks before cancelling, sends the reason, and shows the server’s refusal', async () => {
    const bodies: unknown[] = [];
    stubApi(
      stubs({
        'POST /api/v1/appointments/ap_1/status': async (request) => {
          bodies.push(await request.json());
          return problem(409, 'This appointment has already been cancelled.');
        },
      }),
    );
    renderAt('/app/appointments/ap_1', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Cancel appointment' }));
    await userEvent.type(screen.getByLabelText('Reason (optional, shown to the client)'), 'Client is ill');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel appointment' }));

    expect(await screen.findByText('This appointment has already been cancelled.')).toBeInTheDocument();
    await waitFor(() => expect(bodies).toEqual([{ status: 'cancelled', reason: 'Client is ill' }]));
  });

  it('reschedules to a free time picked from the slots', async () => {
    const patches: unknown[] = [];
    stubApi(
      stubs({
        'GET /api/v1/appointments/ap_1/slots': {
          body: {
            timezone: 'Europe/Paris',
            duration_minutes: 45,
            slots: [
              { starts_at: '2026-12-02T13:00:00Z', ends_at: '2026-12-02T13:45:00Z' },
              { starts_at: '2026-12-02T14:00:00Z', ends_at: '2026-12-02T14:45:00Z' },
            ],
          },
        },
        'PATCH /api/v1/appointments/ap_1': async (request) => {
          patches.push(await request.json());
          return {
            body: anAppointment({
              status: 'pending',
              starts_at: '2026-12-02T14:00:00Z',
              ends_at: '2026-12-02T14:45:00Z',
              updated_at: '2026-11-25T10:00:00Z',
            }),
          };
        },
      }),
    );
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-25T10:00:00Z') });
    renderAt('/app/appointments/ap_1', page);

    await userEvent.click(await screen.findByRole('button', { name: 'Show free times' }));
    await userEvent.click(await screen.findByRole('button', { name: '15:00' }));
    expect(screen.getByLabelText('Date')).toHaveValue('2026-12-02');
    expect(screen.getByLabelText('Start time')).toHaveValue('15:00');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(
      await screen.findByText('Appointment updated — Maria Lopez, Wednesday 2 December, 15:00 – 15:45'),
    ).toBeInTheDocument();
    expect(patches).toEqual([{ starts_at: '2026-12-02T14:00:00.000Z' }]);
  });
});
