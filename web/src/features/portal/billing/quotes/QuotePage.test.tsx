import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problem, renderAt, requestsOf, stubApi, type ApiStubs } from '@/test/testing';
import { base, client, inPortal, quote, viewing } from '../fixtures';
import { QuotePage } from './QuotePage';
import { QuoteRevisionPage } from './QuoteRevisionPage';
import { captureDownloads, pdfReply } from '@/test/downloads';

configure({ asyncUtilTimeout: 4000 });

const routes = [
  { path: `${base}/quotes/:id`, element: inPortal(<QuotePage />) },
  { path: `${base}/quotes/:id/revisions/:revision`, element: inPortal(<QuoteRevisionPage />) },
  { path: `${base}/projects/:id`, element: <p>Project page</p> },
];

function stubs(extra: ApiStubs = {}) {
  let current = quote;
  return stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/quotes/qt_1': () => ({ body: current }),
    'POST /api/v1/portal/quotes/qt_1/accept': () => {
      current = { ...quote, status: 'accepted', decided_at: '2026-11-25T10:00:00Z', project_id: 'pr_9' };
      return { body: { quote: current, project_id: 'pr_9' } };
    },
    'POST /api/v1/portal/quotes/qt_1/request-changes': async (request) => {
      const { comment } = (await request.clone().json()) as { comment: string };
      current = { ...quote, status: 'changes_requested', decision_comment: comment };
      return { body: current };
    },
    'POST /api/v1/portal/quotes/qt_1/decline': () => {
      current = { ...quote, status: 'declined' };
      return { body: current };
    },
    ...extra,
  });
}

const bodyOf = async (fetch: ReturnType<typeof stubApi>, suffix: string) => {
  const request = fetch.mock.calls
    .map(([r]) => r as Request)
    .find((r) => r.method === 'POST' && r.url.endsWith(suffix))!;
  return request.clone().json();
};

it('shows the quote: number, status, validity, lines, totals with tax per rate, notes and earlier versions', async () => {
  stubs();
  renderAt(`${base}/quotes/qt_1`, routes);
  expect(await screen.findByRole('heading', { level: 1, name: 'Brand refresh' })).toBeVisible();
  expect(screen.getByText('Q-2026-0001 · Revision 2')).toBeVisible();
  expect(screen.getByText('Awaiting your decision')).toBeVisible();
  expect(screen.getByText('Valid until 31 Dec 2026')).toBeVisible();

  const rows = within(screen.getByRole('table', { name: 'Lines' })).getAllByRole('row');
  expect(rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent))).toEqual([
    ['Description', 'Qty', 'Unit price', 'Tax', 'Amount'],
    ['Logo design', 'Qty10', 'Unit price€95.00', 'Tax20%', 'Amount€950.00'],
    ['Brand book10% discount', 'Qty1.5', 'Unit price€400.00', 'Tax7%', 'Amount€540.00'],
  ]);
  const totals = screen.getByRole('group', { name: 'Totals' });
  expect(totals).toHaveTextContent('Subtotal€1,490.00');
  expect(totals).toHaveTextContent('Tax 7% on €540.00€37.80');
  expect(totals).toHaveTextContent('Tax 20% on €950.00€190.00');
  expect(totals).toHaveTextContent('Total€1,717.80');
  expect(screen.getByText(/Two rounds of changes included/)).toBeVisible();

  const earlier = screen.getByRole('link', { name: 'Revision 1' });
  expect(earlier).toHaveAttribute('href', `${base}/quotes/qt_1/revisions/1`);
  expect(screen.getByText('“Fewer hours, please.”')).toBeVisible();
});

it('accepts after confirming the number and amount, and links to the new project', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/quotes/qt_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Accept' }));
  const question = screen.getByRole('group', { name: 'Accept' });
  expect(question).toHaveTextContent(
    /^Accept quote Q-2026-0001 for EUR\s1,717\.80\? A project will be created\./,
  );
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/quotes/qt_1/accept');

  await user.click(within(question).getByRole('button', { name: 'Accept quote' }));
  const toast = await screen.findByText('Quote accepted — project created');
  const link = within(toast).getByRole('link', { name: 'Open the project' });
  expect(link).toHaveAttribute('href', `${base}/projects/pr_9`);
  expect(await screen.findByText('Accepted')).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Request changes' })).toBeNull();
  expect(screen.getAllByRole('link', { name: 'Open the project' })).toHaveLength(2);

  await user.click(link);
  expect(screen.getByTestId('address')).toHaveTextContent(`${base}/projects/pr_9`);
  expect(screen.getByText('Project page')).toBeVisible();
});

it('says why an acceptance was refused, and shows the quote as it is now', async () => {
  let expired = false;
  const fetch = stubs({
    'GET /api/v1/portal/quotes/qt_1': () => ({ body: expired ? { ...quote, status: 'expired' } : quote }),
    'POST /api/v1/portal/quotes/qt_1/accept': () => {
      expired = true;
      return problem(409, 'This quote expired on 31 Dec 2026; ask for a new one.');
    },
  });
  const user = userEvent.setup();
  renderAt(`${base}/quotes/qt_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Accept' }));
  await user.click(screen.getByRole('button', { name: 'Accept quote' }));
  expect(await screen.findByText('This quote expired on 31 Dec 2026; ask for a new one.')).toBeVisible();
  expect(await screen.findByText(/so it can no longer be accepted/)).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
  expect(requestsOf(fetch).filter((r) => r === 'GET /api/v1/portal/quotes/qt_1')).toHaveLength(2);
});

it('requires a comment to request changes, then sends it', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/quotes/qt_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Request changes' }));
  await user.click(screen.getByRole('button', { name: 'Send change request' }));
  const field = screen.getByRole('textbox', { name: 'What should change?' });
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(
    'Write what should change, so Lumen Design Studio can revise the quote.',
  );
  expect(requestsOf(fetch)).not.toContain('POST /api/v1/portal/quotes/qt_1/request-changes');

  await user.type(field, 'Fewer hours for the brand book.');
  await user.click(screen.getByRole('button', { name: 'Send change request' }));
  expect(
    await screen.findByText('Change request sent — Lumen Design Studio will revise the quote.'),
  ).toBeVisible();
  expect(await bodyOf(fetch, '/request-changes')).toEqual({ comment: 'Fewer hours for the brand book.' });
  await waitFor(() => expect(screen.getByText('Changes requested')).toBeVisible());
  expect(screen.getByText('Fewer hours for the brand book.')).toBeVisible();
});

it('shows the server’s field message under the comment', async () => {
  stubs({
    'POST /api/v1/portal/quotes/qt_1/request-changes': problem(422, 'Check the comment', [
      { field: 'comment', message: 'must be at most 2000 characters' },
    ]),
  });
  const user = userEvent.setup();
  renderAt(`${base}/quotes/qt_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Request changes' }));
  const field = screen.getByRole('textbox', { name: 'What should change?' });
  await user.type(field, 'x');
  await user.click(screen.getByRole('button', { name: 'Send change request' }));
  await waitFor(() => expect(field).toHaveAccessibleDescription('must be at most 2000 characters'));
});

it('declines without a comment', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/quotes/qt_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Decline' }));
  expect(screen.getByRole('textbox', { name: 'Why are you declining? (optional)' })).not.toBeRequired();
  await user.click(screen.getByRole('button', { name: 'Decline quote' }));
  expect(await screen.findByText('Quote declined — Lumen Design Studio has been told.')).toBeVisible();
  expect(await bodyOf(fetch, '/decline')).toEqual({ comment: null });
  expect(await screen.findByText('Declined')).toBeVisible();
});

it('says an expired quote expired, and offers no decision', async () => {
  stubs({ 'GET /api/v1/portal/quotes/qt_1': { body: { ...quote, status: 'expired' } } });
  renderAt(`${base}/quotes/qt_1`, routes);
  expect(
    await screen.findByText(/This quote expired on 31 Dec 2026, so it can no longer be accepted/),
  ).toBeVisible();
  expect(screen.getByText('Expired 31 Dec 2026')).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();
});

it('keeps a quote under revision readable as sent, says a new version is coming, and offers no decision', async () => {
  stubs({
    'GET /api/v1/portal/quotes/qt_1': {
      body: { ...quote, revision: 1, revisions: [], being_revised: true, status: 'sent' },
    },
  });
  renderAt(`${base}/quotes/qt_1`, routes);
  expect(
    await screen.findByText(/is preparing a new version of this quote. This is revision 1, as it was sent/),
  ).toBeVisible();
  expect(screen.getByText('Being revised')).toBeVisible();
  expect(screen.getByRole('heading', { name: 'Brand refresh' })).toBeVisible();
  expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Decline' })).toBeNull();
  expect(screen.getByRole('button', { name: /PDF/ })).toBeVisible();
});

it('offers no decision to staff viewing as the client, but the PDF still downloads', async () => {
  stubs({ 'GET /api/v1/portal/me': { body: viewing } });
  renderAt(`${base}/quotes/qt_1`, routes);
  expect(await screen.findByText(/Waiting for the client to accept/)).toBeVisible();
  for (const name of ['Accept', 'Request changes', 'Decline'])
    expect(screen.queryByRole('button', { name })).toBeNull();
  expect(screen.getByRole('button', { name: 'Download PDF' })).toBeEnabled();
});

it('downloads the PDF through the API client as a file named after the quote', async () => {
  const saved = captureDownloads();
  const fetch = stubs({ 'GET /api/v1/portal/quotes/qt_1/pdf': pdfReply('Q-2026-0001.pdf') });
  const user = userEvent.setup();
  renderAt(`${base}/quotes/qt_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Download PDF' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]!.name).toBe('Q-2026-0001.pdf');
  expect(saved[0]!.href).toMatch(/^blob:/);
  expect(await saved[0]!.blob.text()).toMatch(/^%PDF/);
  expect(requestsOf(fetch)).toContain('GET /api/v1/portal/quotes/qt_1/pdf');
});

it('says a quote that is not there was not found', async () => {
  stubs({ 'GET /api/v1/portal/quotes/qt_1': problem(404, 'There is no such quote.') });
  renderAt(`${base}/quotes/qt_1`, routes);
  expect(await screen.findByText('Quote not found')).toBeVisible();
  expect(screen.getByRole('link', { name: '← All quotes' })).toHaveAttribute('href', `${base}/quotes`);
});

it('shows an earlier revision as it was, with a way back to the current one', async () => {
  stubs({
    'GET /api/v1/portal/quotes/qt_1/revisions/1': {
      body: {
        revision: 1,
        title: 'Brand refresh',
        notes: null,
        currency: 'EUR',
        lines: quote.lines.slice(0, 1),
        totals: {
          subtotal_minor: 95000,
          taxes: [{ rate_bp: 2000, taxable_minor: 95000, amount_minor: 19000 }],
          tax_minor: 19000,
          total_minor: 114000,
        },
        valid_until: '2026-11-30',
        sent_at: '2026-11-10T09:00:00Z',
        status: 'changes_requested',
        comment: 'Fewer hours, please.',
      },
    },
  });
  renderAt(`${base}/quotes/qt_1/revisions/1`, routes);
  expect(await screen.findByText('Revision 1')).toBeVisible();
  expect(screen.getByText('Changes requested')).toBeVisible();
  expect(screen.getByText('Fewer hours, please.')).toBeVisible();
  expect(screen.getByRole('group', { name: 'Totals' })).toHaveTextContent('Total€1,140.00');
  expect(screen.getByRole('link', { name: 'Read the current version' })).toHaveAttribute(
    'href',
    `${base}/quotes/qt_1`,
  );
  expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
});
