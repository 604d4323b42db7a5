import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Review } from './api';
import { ReviewsPage } from './ReviewsPage';
import { me, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';

afterEach(() => vi.unstubAllGlobals());

const page = [{ path: '/app/reviews', element: <ReviewsPage /> }];

function aReview(over: Partial<Review> = {}): Review {
  return {
    id: 'rv_1',
    appointment_id: 'ap_1',
    client_id: 'cl_1',
    client_name: 'Maria Lopez',
    service_name: 'Haircut',
    rating: 4,
    text: 'Lovely cut, a little late.',
    status: 'pending',
    created_at: '2026-11-20T10:00:00Z',
    moderated_at: null,
    ...over,
  };
}

describe('ReviewsPage', () => {
  it('shows pending reviews with accessible stars and approves one', async () => {
    let approved = false;
    const fetch = stubApi({
      'GET /api/v1/me': { body: me },
      'GET /api/v1/tenant': { body: tenant },
      'GET /api/v1/reviews': (request) => {
        const status = new URL(request.url).searchParams.get('status');
        if (status === 'approved')
          return { body: { items: approved ? [aReview({ status: 'approved' })] : [], next_cursor: null } };
        if (status === 'pending') return { body: { items: approved ? [] : [aReview()], next_cursor: null } };
        return { body: { items: [], next_cursor: null } };
      },
      'POST /api/v1/reviews/rv_1/approve': () => {
        approved = true;
        return { body: aReview({ status: 'approved', moderated_at: '2026-11-25T10:00:00Z' }) };
      },
    });
    renderAt('/app/reviews', page);

    const card = await screen.findByRole('article', { name: /Maria Lopez/ });
    expect(within(card).getByRole('img', { name: '4 out of 5 stars' })).toBeInTheDocument();
    expect(within(card).getByText('“Lovely cut, a little late.”')).toBeInTheDocument();
    expect(within(card).getByText('on Haircut')).toBeInTheDocument();
    expect(await within(card).findByText('20 Nov 2026, 11:00')).toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: 'Approve' }));
    expect(
      await screen.findByText('Review by Maria Lopez approved — it now shows on your portal'),
    ).toBeInTheDocument();
    expect(await screen.findByText('No reviews waiting')).toBeInTheDocument();
    expect(requestsOf(fetch)).toContain('POST /api/v1/reviews/rv_1/approve');

    await userEvent.click(screen.getByRole('link', { name: 'Approved' }));
    expect(screen.getByRole('link', { name: 'Approved' })).toHaveAttribute('aria-current', 'page');
    const approvedCard = await screen.findByRole('article', { name: /Maria Lopez/ });
    expect(within(approvedCard).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(within(approvedCard).getByRole('button', { name: 'Reject' })).toBeInTheDocument();
  });
});
