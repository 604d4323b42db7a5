import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problem, renderAt, requestsOf, stubApi } from '@/test/testing';
import { base, client, inPortal, projectDetail } from './fixtures';
import { ProjectPage } from './ProjectPage';

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/projects/:id`, element: inPortal(<ProjectPage />) }];
const completed = { ...projectDetail, status: 'completed' as const };
const asked = {
  project_id: 'pr_1',
  requested_at: '2026-11-24T09:00:00Z',
  rating: null,
  comment: null,
  submitted_at: null,
};

it('asks for a rating once, sends it, and then thanks with the rating shown', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: completed },
    'GET /api/v1/portal/projects/pr_1/feedback': { body: asked },
    'POST /api/v1/portal/projects/pr_1/feedback': async (request) => {
      const sent = (await request.clone().json()) as { rating: number; comment: string | null };
      return { body: { ...asked, ...sent, submitted_at: '2026-11-25T19:00:00Z' } };
    },
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1`, routes);

  expect(await screen.findByRole('heading', { name: 'How did it go?' })).toBeVisible();
  expect(screen.getAllByRole('radio')).toHaveLength(5);
  await user.click(screen.getByRole('button', { name: 'Send rating' }));
  expect(screen.getByText('Choose from 1 to 5 stars.')).toBeVisible();
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/projects/pr_1/feedback');

  await user.click(screen.getByRole('radio', { name: '4 stars' }));
  expect(screen.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await user.type(
    screen.getByRole('textbox', { name: /Anything you would like to add/ }),
    'On time and lovely.',
  );
  await user.click(screen.getByRole('button', { name: 'Send rating' }));

  expect(
    await screen.findByText('Thank you — your 4-star rating went to Lumen Design Studio.'),
  ).toBeVisible();
  expect(screen.getByText('Thank you for your feedback.')).toBeVisible();
  expect(screen.getByRole('img', { name: '4 out of 5 stars' })).toBeVisible();
  expect(screen.getByText('On time and lovely.')).toBeVisible();
  expect(screen.queryByRole('radio')).toBeNull();
  const post = fetch.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'POST')!;
  expect(await post.clone().json()).toEqual({ rating: 4, comment: 'On time and lovely.' });
});

it('shows the answer already given instead of the form', async () => {
  stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: completed },
    'GET /api/v1/portal/projects/pr_1/feedback': {
      body: { ...asked, rating: 5, comment: null, submitted_at: '2026-11-24T10:00:00Z' },
    },
  });
  renderAt(`${base}/projects/pr_1`, routes);
  expect(await screen.findByRole('img', { name: '5 out of 5 stars' })).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Send rating' })).toBeNull();
});

it('says so when the rating was sent already elsewhere', async () => {
  let answered = false;
  stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: completed },
    'GET /api/v1/portal/projects/pr_1/feedback': () => ({
      body: answered ? { ...asked, rating: 3, submitted_at: '2026-11-25T18:00:00Z' } : asked,
    }),
    'POST /api/v1/portal/projects/pr_1/feedback': () => {
      answered = true;
      return problem(409, 'You have rated this project already.');
    },
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1`, routes);
  await user.click(await screen.findByRole('radio', { name: '5 stars' }));
  await user.click(screen.getByRole('button', { name: 'Send rating' }));
  await waitFor(() => expect(screen.getByRole('img', { name: '3 out of 5 stars' })).toBeVisible());
});

it('asks nothing on a project still under way, or when no feedback was requested', async () => {
  const fetch = stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
  });
  renderAt(`${base}/projects/pr_1`, routes);
  expect(await screen.findByRole('heading', { level: 1, name: 'Brand refresh' })).toBeVisible();
  expect(requestsOf(fetch)).not.toContain('GET /api/v1/portal/projects/pr_1/feedback');
  expect(screen.queryByText('How did it go?')).toBeNull();
});

it('puts a refusal in plain words, with each message at its field', async () => {
  stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: completed },
    'GET /api/v1/portal/projects/pr_1/feedback': { body: asked },
    'POST /api/v1/portal/projects/pr_1/feedback': problem(422, "2 fields are invalid; see 'errors'.", [
      { field: 'comment', message: 'must be at most 5000 characters' },
      { field: 'rating', message: 'must be a whole number from 1 to 5' },
    ]),
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1`, routes);
  await user.click(await screen.findByRole('radio', { name: '4 stars' }));
  await user.type(screen.getByRole('textbox', { name: /Anything you would like to add/ }), 'Lovely.');
  await user.click(screen.getByRole('button', { name: 'Send rating' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('Please correct the 2 highlighted fields.');
  expect(screen.queryByText(/errors|invalid/)).toBeNull();
  expect(screen.getByRole('textbox', { name: /Anything you would like to add/ })).toHaveAccessibleDescription(
    'must be at most 5000 characters',
  );
  expect(screen.getByText('must be a whole number from 1 to 5')).toBeVisible();
});
