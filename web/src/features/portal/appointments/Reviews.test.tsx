import { configure, screen, waitFor, within } from '@testing-library/react';
import { afterEach } from 'vitest';
import { renderAt, requestsOf, stubApi } from '@/test/testing';
import { inPortal as portal } from '@/test/portal';
import { PublicReviews } from './PublicReviews';
import { ReviewsPage } from './ReviewsPage';

configure({ asyncUtilTimeout: 4000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

const inPortal = (path: string, element: React.ReactNode) => [{ path, element: portal(element) }];

const review = (id: string, status: string, rating: number, text: string | null) => ({
  id,
  appointment_id: `ap_${id}`,
  service_name: 'Design consultation',
  appointment_starts_at: '2026-11-05T09:00:00Z',
  rating,
  text,
  status,
  created_at: '2026-11-06T10:00:00Z',
});

it('lists the client’s reviews with where each stands, linked to the appointment', async () => {
  stubApi({
    'GET /api/v1/portal/reviews': {
      body: { items: [review('r2', 'pending', 4, 'Calm and precise.'), review('r1', 'approved', 5, null)] },
    },
  });
  renderAt('/portal/demo/reviews', inPortal('/portal/demo/reviews', <ReviewsPage />));
  const items = await screen.findAllByRole('listitem');
  expect(items).toHaveLength(2);
  const [first, second] = items as [HTMLElement, HTMLElement];
  expect(within(first).getByText('Waiting for approval')).toBeVisible();
  expect(within(first).getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
  expect(within(first).getByText('Calm and precise.')).toBeVisible();
  expect(within(second).getByText('Published')).toBeVisible();
  expect(within(first).getByRole('link', { name: /Design consultation, 5 Nov 2026/ })).toHaveAttribute(
    'href',
    '/portal/demo/appointments/ap_r2',
  );
});

it('says how to write one when there are none', async () => {
  stubApi({ 'GET /api/v1/portal/reviews': { body: { items: [] } } });
  renderAt('/portal/demo/reviews', inPortal('/portal/demo/reviews', <ReviewsPage />));
  expect(await screen.findByText('No reviews yet')).toBeVisible();
  expect(screen.getByRole('link', { name: 'past appointments' })).toHaveAttribute(
    'href',
    '/portal/demo/appointments?when=past',
  );
});

it('shows the published reviews on the portal’s front page, and nothing while there are none', async () => {
  const published = (author: string, rating: number, text: string) => ({
    author,
    rating,
    text,
    service_name: 'Design consultation',
    created_at: `2026-11-0${rating}T10:00:00Z`,
  });
  stubApi({
    'GET /api/v1/portal/demo/reviews': {
      body: {
        count: 4,
        average_rating: 4.5,
        items: [
          published('Maria L.', 5, 'Wonderful ideas'),
          published('James W.', 4, 'On time'),
          published('Ana P.', 5, 'Lovely'),
          published('Tom K.', 4, 'Fine'),
        ],
      },
    },
  });
  renderAt('/portal/demo/login', inPortal('/portal/demo/login', <PublicReviews />));
  const section = await screen.findByRole('region', { name: 'What clients say' });
  expect(within(section).getByText(/4.5 out of 5 · 4 reviews/)).toBeVisible();
  expect(within(section).getByText('Wonderful ideas')).toBeVisible();
  expect(within(section).getByText('Maria L.')).toBeVisible();
  expect(within(section).queryByText('Fine')).toBeNull();

  const none = stubApi({
    'GET /api/v1/portal/demo/reviews': { body: { count: 0, average_rating: null, items: [] } },
  });
  const { container } = renderAt('/portal/demo/login', inPortal('/portal/demo/login', <PublicReviews />));
  await waitFor(() => expect(requestsOf(none)).toContain('GET /api/v1/portal/demo/reviews'));
  await new Promise((r) => setTimeout(r, 50));
  expect(within(container).queryByRole('region')).toBeNull();
});
