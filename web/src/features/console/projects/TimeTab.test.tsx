import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aProjectDetail, aTimeLog, team } from './fixtures';
import { ProjectDetailPage } from './ProjectDetailPage';
import { me, renderAt, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/projects/:id/*', element: <ProjectDetailPage /> }];
const common = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/staff': { body: team },
  'GET /api/v1/projects/pr_1': { body: aProjectDetail() },
  'GET /api/v1/projects/pr_1/time-logs': {
    body: {
      items: [
        aTimeLog(),
        aTimeLog({
          id: 'tl_2',
          minutes: 30,
          description: 'Internal review',
          billable: false,
          hourly_rate_minor: null,
          amount_minor: 0,
        }),
      ],
      totals: { minutes: 120, billable_minutes: 90, billable_amount_minor: 12000, currency: 'EUR' },
    },
  },
};

describe('Project time', () => {
  it('shows entries with totals in the tenant’s currency', async () => {
    stubApi(common);
    renderAt('/app/projects/pr_1/time', page);
    const totals = await screen
      .findByRole('definition', { name: '' })
      .catch(() => screen.findByLabelText('Totals'));
    expect(totals).toBeTruthy();
    const box = screen.getByLabelText('Totals');
    expect(within(box).getByText('2 h')).toBeInTheDocument();
    expect(within(box).getByText('1 h 30 min')).toBeInTheDocument();
    expect(within(box).getByText('€120.00')).toBeInTheDocument();
    const sketches = screen.getByRole('listitem', { name: 'Logo sketches' });
    expect(within(sketches).getByText('€80.00/h')).toBeInTheDocument();
    expect(
      within(screen.getByRole('listitem', { name: 'Internal review' })).getByText('Not billable'),
    ).toBeInTheDocument();
  });

  it('posts the minutes and the hourly rate in minor units', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...common,
      'POST /api/v1/projects/pr_1/time-logs': async (request) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return { status: 201, body: aTimeLog({ id: 'tl_3', minutes: 105, hourly_rate_minor: 8550 }) };
      },
    });
    renderAt('/app/projects/pr_1/time', page);
    const date = await screen.findByLabelText('Date');
    await userEvent.clear(date);
    await userEvent.type(date, '2026-11-24');
    await userEvent.type(screen.getByLabelText('Duration'), '1:45');
    await userEvent.type(screen.getByLabelText('Description'), 'Colour studies');
    await userEvent.type(screen.getByLabelText('Hourly rate (EUR)'), '85,50');
    expect(screen.getByText('€149.62 for this entry')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Log time' }));

    expect(await screen.findByText('1 h 45 min logged as billable')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        work_date: '2026-11-24',
        minutes: 105,
        description: 'Colour studies',
        billable: true,
        hourly_rate_minor: 8550,
      },
    ]);
  });

  it('asks for what is missing before sending anything', async () => {
    const fetch = stubApi(common);
    renderAt('/app/projects/pr_1/time', page);
    await userEvent.type(await screen.findByLabelText('Duration'), '1:75');
    await userEvent.click(screen.getByRole('button', { name: 'Log time' }));
    expect(screen.getByText('A duration such as 45 or 1:30.')).toBeInTheDocument();
    expect(screen.getByText('Say what was done.')).toBeInTheDocument();
    expect(screen.getByText('Billable time needs an hourly rate.')).toBeInTheDocument();
    expect(fetch.mock.calls.some(([r]) => (r as Request).method === 'POST')).toBe(false);
  });
});
