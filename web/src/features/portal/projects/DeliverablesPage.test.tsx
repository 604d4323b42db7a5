import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problem, renderAt, requestsOf, stubApi, type ApiStubs } from '@/test/testing';
import { DeliverablesPage } from './DeliverablesPage';
import {
  approved,
  base,
  client,
  inPortal,
  previewStubs,
  projectDetail,
  stubObjectUrls,
  submitted,
} from './fixtures';

// Pages load in steps (the project, then its part); a busy machine needs more than a second.
configure({ asyncUtilTimeout: 4000 });

// The thumbnails' pictures get object URLs, which jsdom lacks.
let restoreUrls: () => void;
beforeAll(() => {
  restoreUrls = stubObjectUrls();
});
afterAll(() => restoreUrls());

const routes = [{ path: `${base}/projects/:id/deliverables`, element: inPortal(<DeliverablesPage />) }];

function stubs(extra: ApiStubs = {}) {
  let current = [approved, submitted];
  return stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/projects/pr_1': { body: projectDetail },
    'GET /api/v1/portal/dashboard': { body: {} },
    'GET /api/v1/portal/projects': { body: { items: [], next_cursor: null } },
    'GET /api/v1/portal/projects/pr_1/deliverables': () => ({ body: { items: current } }),
    ...previewStubs('fl_1', 'fl_3'),
    'POST /api/v1/portal/deliverables/dl_1/approve': () => {
      current = [approved, { ...submitted, status: 'approved' }];
      return { body: current[1] };
    },
    'POST /api/v1/portal/deliverables/dl_1/request-changes': async (request) => {
      const { comment } = (await request.clone().json()) as { comment: string };
      current = [approved, { ...submitted, status: 'changes_requested' }];
      return { body: { ...current[1], history: [...submitted.history, { comment }] } };
    },
    ...extra,
  });
}

const card = async (title: string) =>
  (await screen.findByRole('heading', { name: new RegExp(title) })).closest('section')!;

it('shows each deliverable with its status, files and history, waiting ones first', async () => {
  stubs();
  renderAt(`${base}/projects/pr_1/deliverables`, routes);
  const logo = await card('Logo concepts');
  const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  expect(headings.indexOf('Logo concepts')).toBeLessThan(
    headings.findIndex((h) => h?.startsWith('Moodboard')),
  );
  expect(within(logo).getByText('Waiting for your approval')).toBeVisible();
  expect(within(logo).getByText('logo-concepts.pdf')).toBeVisible();
  expect(within(logo).getByText('482 KB')).toBeVisible();
  expect(within(logo).getByRole('button', { name: 'Download logo-concepts.pdf' })).toBeVisible();
  expect(within(logo).getByText(/Lumen Design Studio submitted it for your review/)).toBeVisible();

  const mood = await card('Moodboard');
  expect(within(mood).getByText('Round 2')).toBeVisible();
  expect(within(mood).getByText('Approved')).toBeVisible();
  expect(within(mood).getByText('Warmer colours, please.')).toBeVisible();
  expect(within(mood).getByText(/You requested changes/)).toBeVisible();
  expect(within(mood).queryByRole('button', { name: 'Approve' })).toBeNull();
});

it('approves a submitted deliverable, says so, and refreshes the list', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/deliverables`, routes);
  const logo = await card('Logo concepts');
  await user.click(within(logo).getByRole('button', { name: 'Approve' }));
  // Approving is final: it asks first, and nothing is sent until the answer.
  const question = within(logo).getByRole('group', { name: 'Approve' });
  expect(question).toHaveTextContent(
    'Approve “Logo concepts” as it is? Lumen Design Studio takes it as final',
  );
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/deliverables/dl_1/approve');
  await user.click(within(question).getByRole('button', { name: 'Yes, approve' }));

  expect(
    await screen.findByText('“Logo concepts” approved — Lumen Design Studio has been told.'),
  ).toBeVisible();
  await waitFor(() => expect(within(logo).getByText('Approved')).toBeVisible());
  expect(within(logo).queryByRole('button', { name: 'Approve' })).toBeNull();
  const calls = requestsOf(fetch);
  expect(calls).toContain('POST /api/v1/portal/deliverables/dl_1/approve');
  expect(calls.filter((c) => c === 'GET /api/v1/portal/projects/pr_1/deliverables').length).toBeGreaterThan(
    1,
  );
});

it('requires a comment to request changes, then sends it', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/deliverables`, routes);
  const logo = await card('Logo concepts');
  await user.click(within(logo).getByRole('button', { name: 'Request changes' }));
  await user.click(within(logo).getByRole('button', { name: 'Send change request' }));

  const field = within(logo).getByRole('textbox', { name: 'What should change?' });
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription('Write what should change, so the team knows what to do next.');
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/deliverables/dl_1/request-changes');

  await user.type(field, 'A warmer red,{enter}and a bolder wordmark.');
  await user.click(within(logo).getByRole('button', { name: 'Send change request' }));
  expect(
    await screen.findByText('Change request sent — Lumen Design Studio will rework “Logo concepts”.'),
  ).toBeVisible();
  const post = fetch.mock.calls
    .map(([r]) => r as Request)
    .find((r) => r.method === 'POST' && r.url.endsWith('/request-changes'))!;
  expect(await post.clone().json()).toEqual({ comment: 'A warmer red,\nand a bolder wordmark.' });
  await waitFor(() => expect(within(logo).getByText('Changes requested')).toBeVisible());
});

it('shows the server’s 422 under the field and its 409 above the card', async () => {
  stubs({
    'POST /api/v1/portal/deliverables/dl_1/request-changes': problem(422, 'Check the comment', [
      { field: 'comment', message: 'must be at most 5000 characters' },
    ]),
    'POST /api/v1/portal/deliverables/dl_1/approve': problem(
      409,
      'This deliverable is approved already; nothing is waiting for your decision.',
    ),
  });
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/deliverables`, routes);
  const logo = await card('Logo concepts');
  await user.click(within(logo).getByRole('button', { name: 'Request changes' }));
  const field = within(logo).getByRole('textbox', { name: 'What should change?' });
  await user.type(field, 'Too long');
  await user.click(within(logo).getByRole('button', { name: 'Send change request' }));
  await waitFor(() => expect(field).toHaveAccessibleDescription('must be at most 5000 characters'));

  await user.click(within(logo).getByRole('button', { name: 'Cancel' }));
  await user.click(within(logo).getByRole('button', { name: 'Approve' }));
  await user.click(within(logo).getByRole('button', { name: 'Yes, approve' }));
  expect(
    await within(logo).findByText(
      'This deliverable is approved already; nothing is waiting for your decision.',
    ),
  ).toBeVisible();
});

it('offers no decision to staff viewing as the client', async () => {
  stubs({ 'GET /api/v1/portal/me': { body: { ...client, impersonated: true } } });
  renderAt(`${base}/projects/pr_1/deliverables`, routes);
  const logo = await card('Logo concepts');
  expect(await within(logo).findByText(/Waiting for the client/)).toBeVisible();
  expect(within(logo).queryByRole('button', { name: 'Approve' })).toBeNull();
});

it('lets the client look at the work before approving it', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/projects/pr_1/deliverables`, routes);
  const logo = await card('Logo concepts');

  // The image has its thumbnail; the PDF a tile that says what it is.
  const swatches = within(logo).getByText('swatches.png').closest('li')!;
  await waitFor(() =>
    expect(within(swatches).getByTestId('file-thumbnail')).toHaveAttribute(
      'src',
      expect.stringMatching(/^blob:/),
    ),
  );
  expect(within(swatches).getByText('96 KB')).toBeVisible();
  expect(within(within(logo).getByText('logo-concepts.pdf').closest('li')!).getByText('PDF')).toBeVisible();
  expect(within(swatches).getByRole('button', { name: 'Download swatches.png' })).toBeVisible();
  expect(requestsOf(fetch)).not.toContain('GET /api/v1/portal/files/fl_1/thumbnail');

  const open = within(swatches).getByRole('button', { name: 'Preview swatches.png' });
  await user.click(open);
  const dialog = screen.getByRole('dialog', { name: 'swatches.png' });
  expect(await within(dialog).findByRole('img', { name: 'swatches.png' })).toHaveAttribute(
    'src',
    '/api/v1/files/fl_3/content?token=t0k3n&disposition=inline',
  );
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).toBeNull();
  expect(open).toHaveFocus();

  await user.click(within(logo).getByRole('button', { name: 'Preview logo-concepts.pdf' }));
  const pdf = screen.getByRole('dialog', { name: 'logo-concepts.pdf' });
  expect(await within(pdf).findByTitle('logo-concepts.pdf')).toHaveAttribute(
    'src',
    '/api/v1/files/fl_1/content?token=t0k3n&disposition=inline',
  );
  await user.click(within(pdf).getByRole('button', { name: 'Close' }));

  await user.click(within(logo).getByRole('button', { name: 'Approve' }));
  await user.click(within(logo).getByRole('button', { name: 'Yes, approve' }));
  await waitFor(() => expect(within(logo).getByText('Approved')).toBeVisible());
});
