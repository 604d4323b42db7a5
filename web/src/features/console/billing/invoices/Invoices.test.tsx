import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { captureDownloads, pdfReply } from '@/test/downloads';
import { me, problem, renderAt, requestsOf, stubApi, tenant } from '@/test/testing';
import { anInvoice, anInvoiceSummary, mariaClient } from '../fixtures';
import { InvoiceDetailPage } from './InvoiceDetailPage';
import { EditInvoicePage, NewInvoicePage } from './InvoiceFormPages';
import { InvoicesPage } from './InvoicesPage';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const pages = [
  { path: '/app/invoices', element: <InvoicesPage /> },
  { path: '/app/invoices/new', element: <NewInvoicePage /> },
  { path: '/app/invoices/:id', element: <InvoiceDetailPage /> },
  { path: '/app/invoices/:id/edit', element: <EditInvoicePage /> },
];

const base = {
  'GET /api/v1/me': { body: me },
  'GET /api/v1/tenant': { body: tenant },
  'GET /api/v1/clients': { body: { items: [mariaClient], next_cursor: null } },
};

describe('InvoicesPage', () => {
  it('marks overdue invoices and filters to them through the address', async () => {
    const fetch = stubApi({
      ...base,
      'GET /api/v1/invoices': (request) => {
        const overdue = new URL(request.url).searchParams.get('overdue') === 'true';
        const late = anInvoiceSummary({ status: 'partially_paid', overdue: true, due_minor: 121780 });
        const fine = anInvoiceSummary({ id: 'in_2', number: 'INV-2026-0008', due_date: '2026-12-20' });
        return { body: { items: overdue ? [late] : [late, fine], next_cursor: null } };
      },
    });
    renderAt('/app/invoices', pages);
    const table = await screen.findByRole('table', { name: 'Invoices' });
    const late = within(table).getByRole('link', { name: 'INV-2026-0007' }).closest('tr')!;
    expect(within(late).getByText('Overdue')).toBeInTheDocument();
    expect(within(late).getByText('Partly paid')).toBeInTheDocument();
    expect(within(late).getByText('€1,217.80')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'INV-2026-0008' }).closest('tr')).not.toHaveTextContent(
      'Overdue',
    );

    await userEvent.click(screen.getByLabelText('Overdue only'));
    await waitFor(() =>
      expect(within(table).queryByRole('link', { name: 'INV-2026-0008' })).not.toBeInTheDocument(),
    );
    expect(screen.getByTestId('address')).toHaveTextContent('/app/invoices?overdue=1');
    expect(requestsOf(fetch)).toContain('GET /api/v1/invoices?overdue=true');
  });

  it('shows only the client in the address, with the overdue filter kept, until “Show all”', async () => {
    const fetch = stubApi({
      ...base,
      'GET /api/v1/clients/cl_1': { body: mariaClient },
      'GET /api/v1/invoices': (request) => {
        const forMaria = new URL(request.url).searchParams.get('client_id') === 'cl_1';
        const mine = anInvoiceSummary({ overdue: true });
        const other = anInvoiceSummary({
          id: 'in_2',
          number: 'INV-2026-0008',
          overdue: true,
          client: { id: 'cl_2', name: 'Tom Berg' },
        });
        return { body: { items: forMaria ? [mine] : [mine, other], next_cursor: null } };
      },
    });
    renderAt('/app/invoices?client_id=cl_1&overdue=1', pages);

    expect(await screen.findByText('Showing only Maria Lopez’s invoices.')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Invoices' });
    expect(within(table).queryByRole('link', { name: 'INV-2026-0008' })).toBeNull();
    expect(screen.getByLabelText('Overdue only')).toBeChecked();
    expect(requestsOf(fetch)).toContain('GET /api/v1/invoices?overdue=true&client_id=cl_1');

    await userEvent.click(screen.getByRole('link', { name: 'Show all invoices' }));
    expect(screen.getByTestId('address')).toHaveTextContent(/^\/app\/invoices\?overdue=1$/);
    expect(await within(table).findByRole('link', { name: 'INV-2026-0008' })).toBeInTheDocument();
    expect(screen.queryByText(/Showing only/)).toBeNull();
  });
});

describe('NewInvoicePage', () => {
  it('sends the lines with the issue and due dates', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'POST /api/v1/invoices': async (request) => {
        bodies.push(await request.json());
        return { status: 201, body: anInvoice({ status: 'draft' }) };
      },
    });
    renderAt('/app/invoices/new', pages);
    const line1 = await screen.findByRole('listitem', { name: 'Line 1' });
    await userEvent.type(within(line1).getByLabelText(/^Description/), 'Logo design');
    await userEvent.clear(within(line1).getByLabelText(/^Quantity/));
    await userEvent.type(within(line1).getByLabelText(/^Quantity/), '2.5');
    await userEvent.type(within(line1).getByLabelText(/^Unit price/), '80');
    await userEvent.type(within(line1).getByLabelText(/^Tax %/), '19');
    expect(screen.getByTestId('preview-total')).toHaveTextContent('€238.00');
    await userEvent.type(screen.getByRole('combobox', { name: 'Client' }), 'mar');
    await userEvent.click(await screen.findByRole('option', { name: /Maria Lopez/ }, { timeout: 5000 }));
    await userEvent.type(screen.getByLabelText('Title'), 'Logo');
    await userEvent.type(screen.getByLabelText('Issue date'), '2026-11-01');
    await userEvent.type(screen.getByLabelText('Due date'), '2026-11-15');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Invoice INV-2026-0007 saved as a draft')).toBeInTheDocument();
    expect(bodies).toEqual([
      {
        client_id: 'cl_1',
        title: 'Logo',
        currency: 'EUR',
        lines: [
          {
            description: 'Logo design',
            quantity: '2.5',
            unit_price_minor: 8000,
            tax_rate_bp: 1900,
            discount_bp: 0,
          },
        ],
        issue_date: '2026-11-01',
        due_date: '2026-11-15',
      },
    ]);
  }, 30_000);
});

describe('InvoiceDetailPage', () => {
  it('records a partial payment, then the rest', async () => {
    const bodies: unknown[] = [];
    let invoice = anInvoice();
    stubApi({
      ...base,
      'GET /api/v1/invoices/in_1': () => ({ body: invoice }),
      'POST /api/v1/invoices/in_1/payments': async (request) => {
        const body = (await request.json()) as { amount_minor: number; reference: string | null };
        bodies.push(body);
        const paid = invoice.paid_minor + body.amount_minor;
        invoice = anInvoice({
          status: paid === 171780 ? 'paid' : 'partially_paid',
          paid_minor: paid,
          due_minor: 171780 - paid,
          paid_at: paid === 171780 ? '2026-11-12T10:00:00Z' : null,
          payments: [
            ...invoice.payments,
            {
              id: `pm_${bodies.length}`,
              amount_minor: body.amount_minor,
              currency: 'EUR',
              method: 'bank_transfer',
              reference: body.reference,
              received_at: '2026-11-10T10:00:00Z',
            },
          ],
          updated_at: `2026-11-1${bodies.length}T10:00:00Z`,
        });
        return { status: 201, body: invoice };
      },
    });
    renderAt('/app/invoices/in_1', pages);

    const form = await screen.findByRole('form', { name: 'Record a payment' });
    const amount = within(form).getByLabelText('Amount (EUR)');
    expect(amount).toHaveValue('1717.80');
    expect(screen.getByTestId('amount-due')).toHaveTextContent('€1,717.80');
    await userEvent.clear(amount);
    await userEvent.type(amount, '500');
    expect(within(form).getByLabelText('Method')).toHaveValue('bank_transfer');
    await userEvent.type(within(form).getByLabelText('Reference'), 'SEPA 4411');
    await userEvent.click(within(form).getByRole('button', { name: 'Record payment' }));
    // Nothing is recorded before the question is answered.
    const question = within(form).getByRole('group', { name: 'Confirm the payment' });
    expect(question).toHaveTextContent(
      'Record €500.00 received by bank transfer? A payment cannot be taken back.',
    );
    expect(bodies).toHaveLength(0);
    await userEvent.click(within(question).getByRole('button', { name: 'Yes, record the payment' }));

    expect(
      await screen.findByText('Payment of €500.00 recorded — €1,217.80 still due on INV-2026-0007'),
    ).toBeInTheDocument();
    expect(bodies[0]).toEqual({
      amount_minor: 50000,
      method: 'bank_transfer',
      reference: 'SEPA 4411',
      received_at: null,
    });
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('Partly paid');
    const payments = screen.getByRole('table', { name: 'Payments' });
    expect(payments).toHaveTextContent('SEPA 4411');
    expect(screen.getByTestId('amount-due')).toHaveTextContent('€1,217.80');

    // The form starts again from what is still due.
    const again = screen.getByRole('form', { name: 'Record a payment' });
    expect(within(again).getByLabelText('Amount (EUR)')).toHaveValue('1217.80');
    await userEvent.selectOptions(within(again).getByLabelText('Method'), 'Cash');
    await userEvent.click(within(again).getByRole('button', { name: 'Record payment' }));
    expect(within(again).getByRole('group', { name: 'Confirm the payment' })).toHaveTextContent(
      'it settles INV-2026-0007, and Maria Lopez gets a receipt by email.',
    );
    await userEvent.click(within(again).getByRole('button', { name: 'Yes, record the payment' }));
    expect(
      await screen.findByText('Payment of €1,217.80 recorded — INV-2026-0007 is paid in full'),
    ).toBeInTheDocument();
    expect(bodies[1]).toMatchObject({ amount_minor: 121780, method: 'cash' });
    expect(screen.getByRole('heading', { level: 1 }).parentElement).toHaveTextContent('Paid');
    expect(screen.queryByRole('form', { name: 'Record a payment' })).not.toBeInTheDocument();
  }, 20_000);

  it('stamps a payment today in the business’s zone, though the browser’s day is still yesterday', async () => {
    // 23:30 UTC is 00:30 the next day in Paris (the tenant's zone); the browser runs on UTC
    // and the tenant loads after the invoice, so the form first sees the browser's day.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-06T23:30:00Z'));
    try {
      const bodies: unknown[] = [];
      stubApi({
        ...base,
        'GET /api/v1/tenant': async () => {
          await new Promise((r) => setTimeout(r, 30));
          return { body: { ...tenant, timezone: 'Europe/Paris' } };
        },
        'GET /api/v1/invoices/in_1': () => ({ body: anInvoice() }),
        'POST /api/v1/invoices/in_1/payments': async (request) => {
          bodies.push(await request.json());
          return {
            status: 201,
            body: anInvoice({ status: 'partially_paid', paid_minor: 100, due_minor: 171680 }),
          };
        },
      });
      renderAt('/app/invoices/in_1', pages);
      const form = await screen.findByRole('form', { name: 'Record a payment' });
      await waitFor(() => expect(within(form).getByLabelText(/Received on/)).toHaveValue('2026-12-07'));
      const amount = within(form).getByLabelText('Amount (EUR)');
      await userEvent.clear(amount);
      await userEvent.type(amount, '1');
      await userEvent.click(within(form).getByRole('button', { name: 'Record payment' }));
      await userEvent.click(await within(form).findByRole('button', { name: 'Yes, record the payment' }));
      await waitFor(() => expect(bodies).toHaveLength(1));
      expect(bodies[0]).toMatchObject({ amount_minor: 100, received_at: null });
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows an overpayment at the amount, and a refused payment in the server’s words', async () => {
    let answer = problem(422, "The field 'amount_minor' is invalid: That is more than is due.", [
      {
        field: 'amount_minor',
        message: 'That is more than is due on invoice INV-2026-0007: at most EUR 1,717.80 is due.',
      },
    ]);
    stubApi({
      ...base,
      'GET /api/v1/invoices/in_1': { body: anInvoice() },
      'POST /api/v1/invoices/in_1/payments': () => answer,
    });
    renderAt('/app/invoices/in_1', pages);
    const form = await screen.findByRole('form', { name: 'Record a payment' });
    const amount = within(form).getByLabelText('Amount (EUR)');

    await userEvent.clear(amount);
    await userEvent.type(amount, 'lots');
    await userEvent.click(within(form).getByRole('button', { name: 'Record payment' }));
    expect(within(form).getByText('An amount above 0, such as 250.00.')).toBeInTheDocument();

    await userEvent.clear(amount);
    await userEvent.type(amount, '2000');
    await userEvent.click(within(form).getByRole('button', { name: 'Record payment' }));
    await userEvent.click(await within(form).findByRole('button', { name: 'Yes, record the payment' }));
    expect(
      await within(form).findByText(
        'That is more than is due on invoice INV-2026-0007: at most EUR 1,717.80 is due.',
      ),
    ).toBeInTheDocument();
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(amount).toHaveFocus());

    answer = problem(409, 'Invoice INV-2026-0007 is paid and takes no more payments.');
    await userEvent.clear(amount);
    await userEvent.type(amount, '10');
    await userEvent.click(within(form).getByRole('button', { name: 'Record payment' }));
    await userEvent.click(await within(form).findByRole('button', { name: 'Yes, record the payment' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('is paid and takes no more payments');
  }, 20_000);

  it('sends a draft after asking and offers to void it', async () => {
    stubApi({
      ...base,
      'GET /api/v1/invoices/in_1': { body: anInvoice({ status: 'draft', sent_at: null }) },
      'POST /api/v1/invoices/in_1/send': { body: anInvoice({ updated_at: '2026-11-02T09:00:00Z' }) },
    });
    renderAt('/app/invoices/in_1', pages);
    expect(await screen.findByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/app/invoices/in_1/edit',
    );
    expect(screen.getByRole('button', { name: 'Void' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Record a payment' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send to client' }));
    await userEvent.click(screen.getByRole('button', { name: 'Send invoice' }));
    expect(
      await screen.findByText('Invoice INV-2026-0007 sent — Maria Lopez has been emailed'),
    ).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Record a payment' })).toBeInTheDocument();
  });

  it('voids a sent invoice with nothing paid, after asking', async () => {
    stubApi({
      ...base,
      'GET /api/v1/invoices/in_1': { body: anInvoice({ overdue: true }) },
      'POST /api/v1/invoices/in_1/void': {
        body: anInvoice({ status: 'void', due_minor: 0, voided_at: '2026-11-20T09:00:00Z' }),
      },
    });
    renderAt('/app/invoices/in_1', pages);
    expect(await screen.findByText(/Overdue: €1,717.80 was due on 15 Nov 2026/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Void' }));
    expect(screen.getByText(/Maria Lopez no longer owes it/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Void invoice' }));
    expect(await screen.findByText('Invoice INV-2026-0007 is void')).toBeInTheDocument();
    expect(screen.getByText(/nothing is due/)).toBeInTheDocument();
  });

  it('does not offer to void once something was paid, and downloads the PDF', async () => {
    const saved = captureDownloads();
    stubApi({
      ...base,
      'GET /api/v1/invoices/in_1': {
        body: anInvoice({ status: 'partially_paid', paid_minor: 50000, due_minor: 121780 }),
      },
      'GET /api/v1/invoices/in_1/pdf': pdfReply('INV-2026-0007.pdf'),
    });
    renderAt('/app/invoices/in_1', pages);
    await userEvent.click(await screen.findByRole('button', { name: 'Download PDF' }));
    expect(screen.queryByRole('button', { name: 'Void' })).not.toBeInTheDocument();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toBe('INV-2026-0007.pdf');
  });
});

describe('EditInvoicePage', () => {
  it('sends only the changed due date', async () => {
    const bodies: unknown[] = [];
    stubApi({
      ...base,
      'GET /api/v1/invoices/in_1': { body: anInvoice({ status: 'draft' }) },
      'PATCH /api/v1/invoices/in_1': async (request) => {
        bodies.push(await request.json());
        return {
          body: anInvoice({ status: 'draft', due_date: '2026-11-30', updated_at: '2026-11-02T09:00:00Z' }),
        };
      },
    });
    renderAt('/app/invoices/in_1/edit', pages);
    const due = await screen.findByLabelText('Due date');
    expect(due).toHaveValue('2026-11-15');
    await userEvent.clear(due);
    await userEvent.type(due, '2026-11-30');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText('Invoice INV-2026-0007 saved')).toBeInTheDocument();
    expect(bodies).toEqual([{ due_date: '2026-11-30' }]);
  });
});
