import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads, pdfReply } from '@/test/downloads';
import { me, problem, renderAt, stubApi, tenant } from '@/test/testing';
import { aQuote, anInvoice } from '../fixtures';
import { QuoteDetailPage } from './QuoteDetailPage';
import { QuoteRevisionPage } from './QuoteRevisionPage';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const pages = [
  { path: '/app/quotes/:id', element: <QuoteDetailPage /> },
  { path: '/app/quotes/:id/edit', element: <p>Edit page</p> },
  { path: '/app/quotes/:id/revisions/:revision', element: <QuoteRevisionPage /> },
  { path: '/app/invoices/:id', element: <p>Invoice page</p> },
];

const base = { 'GET /api/v1/me': { body: me }, 'GET /api/v1/tenant': { body: tenant } };

describe('QuoteDetailPage', () => {
  it('shows a draft’s lines and server totals, and sends it only after asking', async () => {
    const posted: string[] = [];
    stubApi({
      ...base,
      'GET /api/v1/quotes/qt_1': { body: aQuote() },
      'POST /api/v1/quotes/qt_1/send': (request) => {
        posted.push(new URL(request.url).pathname);
        return { body: aQuote({ status: 'sent', sent_at: '2026-11-20T09:00:00Z' }) };
      },
    });
    renderAt('/app/quotes/qt_1', pages);

    expect(await screen.findByRole('heading', { level: 1, name: 'Brand refresh' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('Draft');
    const table = screen.getByRole('table', { name: 'Lines' });
    expect(within(table).getByText('Brand book').closest('tr')).toHaveTextContent('€540.00');
    const totals = screen.getByRole('group', { name: 'Totals' });
    expect(within(totals).getByText('Tax 7% on €540.00')).toBeInTheDocument();
    expect(within(totals).getByText('€1,717.80')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute('href', '/app/quotes/qt_1/edit');
    expect(screen.getByText(/The client cannot see a draft/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Send to client' }));
    expect(
      screen.getByText(/Email Maria Lopez \(maria@example.com\) a link to Q-2026-0001\?/),
    ).toBeInTheDocument();
    expect(posted).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Send quote' }));

    expect(
      await screen.findByText('Quote Q-2026-0001 sent — Maria Lopez has been emailed'),
    ).toBeInTheDocument();
    expect(posted).toEqual(['/api/v1/quotes/qt_1/send']);
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('Sent');
    expect(screen.queryByRole('link', { name: 'Edit' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Revise' })).toBeInTheDocument();
  });

  it('shows the client’s change request and views, revises, and opens the draft to edit', async () => {
    stubApi({
      ...base,
      'GET /api/v1/quotes/qt_1': {
        body: aQuote({
          status: 'changes_requested',
          revision: 2,
          sent_at: '2026-11-20T09:00:00Z',
          decided_at: '2026-11-22T10:00:00Z',
          decision_comment: 'Fewer hours on the logo, please.',
          view_count: 4,
          first_viewed_at: '2026-11-20T10:15:00Z',
          last_viewed_at: '2026-11-22T09:55:00Z',
          revisions: [
            {
              revision: 1,
              sent_at: '2026-11-10T09:00:00Z',
              status: 'changes_requested',
              comment: 'Too pricey.',
            },
          ],
        }),
      },
      'POST /api/v1/quotes/qt_1/revise': { body: aQuote({ revision: 3, status: 'draft' }) },
      'GET /api/v1/quotes/qt_1/revisions/1': {
        body: {
          revision: 1,
          title: 'Brand refresh',
          currency: 'EUR',
          lines: [],
          totals: { subtotal_minor: 0, taxes: [], tax_minor: 0, total_minor: 0 },
          valid_until: '2026-11-30',
          status: 'changes_requested',
          comment: 'Too pricey.',
          notes: null,
          sent_at: '2026-11-10T09:00:00Z',
        },
      },
    });
    renderAt('/app/quotes/qt_1', pages);

    expect(await screen.findByText('“Fewer hours on the logo, please.”')).toBeInTheDocument();
    expect(
      await screen.findByText(/Maria Lopez asked for changes on 22 Nov 2026, 11:00/),
    ).toBeInTheDocument();
    expect(screen.getByText('Q-2026-0001 · revision 2')).toBeInTheDocument();
    expect(screen.getByText('4 times')).toBeInTheDocument();
    expect(screen.getByText('20 Nov 2026, 11:15')).toBeInTheDocument();
    const history = screen.getByRole('heading', { name: 'Revision history' }).closest('section')!;
    expect(within(history).getByText('“Too pricey.”')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Revise' }));
    await userEvent.click(screen.getByRole('button', { name: 'Revise quote' }));
    expect(
      await screen.findByText('Revision 3 of Q-2026-0001 is a draft — change it, then send it again'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/quotes/qt_1/edit');
  });

  it('opens an earlier revision as the client saw it', async () => {
    stubApi({
      ...base,
      'GET /api/v1/quotes/qt_1/revisions/1': {
        body: {
          revision: 1,
          title: 'Brand refresh (first go)',
          currency: 'EUR',
          lines: aQuote().lines,
          totals: aQuote().totals,
          valid_until: '2026-11-30',
          status: 'changes_requested',
          comment: 'Too pricey.',
          notes: null,
          sent_at: '2026-11-10T09:00:00Z',
        },
      },
    });
    renderAt('/app/quotes/qt_1/revisions/1', pages);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Brand refresh (first go)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Too pricey.')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Lines' })).toHaveTextContent('Logo design');
    expect(screen.getByRole('link', { name: 'Open the current version' })).toHaveAttribute(
      'href',
      '/app/quotes/qt_1',
    );
  });

  it('turns an accepted quote into an invoice and links the project', async () => {
    stubApi({
      ...base,
      'GET /api/v1/quotes/qt_1': {
        body: aQuote({ status: 'accepted', decided_at: '2026-11-22T10:00:00Z', project_id: 'pr_9' }),
      },
      'POST /api/v1/quotes/qt_1/invoice': {
        status: 201,
        body: anInvoice({ id: 'in_9', number: 'INV-2026-0009', status: 'draft', quote_id: 'qt_1' }),
      },
    });
    renderAt('/app/quotes/qt_1', pages);
    expect(await screen.findByRole('link', { name: 'Open the project' })).toHaveAttribute(
      'href',
      '/app/projects/pr_9',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Convert to invoice' }));
    expect(
      await screen.findByText('Invoice INV-2026-0009 created from Q-2026-0001 as a draft'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('address')).toHaveTextContent('/app/invoices/in_9');
  });

  it('undoes an acceptance only with a reason', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'GET /api/v1/quotes/qt_1': { body: aQuote({ status: 'accepted', project_id: 'pr_9' }) },
      'POST /api/v1/quotes/qt_1/undo-acceptance': async (request) => {
        bodies.push(await request.json());
        return { body: aQuote({ status: 'sent', project_id: null, updated_at: '2026-11-23T09:00:00Z' }) };
      },
    });
    renderAt('/app/quotes/qt_1', pages);
    await userEvent.click(await screen.findByRole('button', { name: 'Undo acceptance' }));
    const dialog = screen.getByRole('group', { name: 'Undo acceptance' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Undo acceptance' }));
    expect(within(dialog).getByText('Say why the acceptance is undone.')).toBeInTheDocument();
    expect(bodies).toEqual([]);

    await userEvent.type(within(dialog).getByLabelText(/^Reason/), 'Accepted by mistake');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Undo acceptance' }));
    expect(
      await screen.findByText('Acceptance of Q-2026-0001 undone — it is open again'),
    ).toBeInTheDocument();
    expect(bodies).toEqual([{ reason: 'Accepted by mistake' }]);
    expect(screen.getByRole('button', { name: 'Revise' })).toBeInTheDocument();
  });

  it('shows why an action was refused, in the server’s words', async () => {
    stubApi({
      ...base,
      'GET /api/v1/quotes/qt_1': { body: aQuote({ status: 'accepted' }) },
      'POST /api/v1/quotes/qt_1/invoice': problem(422, 'Maria Lopez is archived: restore the client first.'),
    });
    renderAt('/app/quotes/qt_1', pages);
    await userEvent.click(await screen.findByRole('button', { name: 'Convert to invoice' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Maria Lopez is archived: restore the client first.',
    );
  });

  it('downloads the same PDF the client gets', async () => {
    const saved = captureDownloads();
    stubApi({
      ...base,
      'GET /api/v1/quotes/qt_1': { body: aQuote({ status: 'sent' }) },
      'GET /api/v1/quotes/qt_1/pdf': pdfReply('Q-2026-0001.pdf'),
    });
    renderAt('/app/quotes/qt_1', pages);
    await userEvent.click(await screen.findByRole('button', { name: 'Download PDF' }));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('Q-2026-0001.pdf');
    expect((await saved[0]!.blob.text()).startsWith('%PDF')).toBe(true);
  });
});
