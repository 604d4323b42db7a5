import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problem, renderAt, requestsOf, stubApi, type ApiStubs } from '@/test/testing';
import { base, client, inPortal, invoice, viewing } from '../fixtures';
import { InvoicePage } from './InvoicePage';
import { openUrl } from '@/lib/navigate';
import { captureDownloads, pdfReply } from '@/test/downloads';

vi.mock('@/lib/navigate', () => ({ openUrl: vi.fn() }));

configure({ asyncUtilTimeout: 4000 });

const routes = [{ path: `${base}/invoices/:id`, element: inPortal(<InvoicePage />) }];

const paidInvoice = {
  ...invoice,
  status: 'paid' as const,
  overdue: false,
  paid_minor: 171780,
  due_minor: 0,
  paid_at: '2026-11-25T10:00:00Z',
  pay_with: [],
  payments: [
    ...invoice.payments,
    {
      id: 'pm_2',
      amount_minor: 121780,
      currency: 'EUR',
      method: 'stripe' as const,
      reference: 'cs_test_1',
      received_at: '2026-11-25T10:00:00Z',
    },
  ],
};

function stubs(extra: ApiStubs = {}) {
  return stubApi({
    'GET /api/v1/portal/me': { body: client },
    'GET /api/v1/portal/invoices/in_1': { body: invoice },
    'POST /api/v1/portal/invoices/in_1/pay': {
      body: { checkout_url: 'https://checkout.stripe.test/pay/cs_1' },
    },
    ...extra,
  });
}

afterEach(() => {
  vi.mocked(openUrl).mockClear();
  vi.useRealTimers();
});

it('shows lines, totals, payments and the amount due of an overdue invoice', async () => {
  stubs();
  renderAt(`${base}/invoices/in_1`, routes);
  expect(await screen.findByRole('heading', { level: 1, name: 'Brand refresh, first half' })).toBeVisible();
  expect(screen.getByText('INV-2026-0007')).toBeVisible();
  expect(screen.getByText('Partly paid')).toBeVisible();
  expect(screen.getByText('Overdue')).toBeVisible();
  expect(screen.getByTestId('amount-due')).toHaveTextContent('€1,217.80');
  expect(screen.getByText('Was due 15 Nov 2026')).toBeVisible();
  expect(screen.getByRole('group', { name: 'Totals' })).toHaveTextContent('Total€1,717.80');
  const payments = screen.getByRole('heading', { name: 'Payments' }).closest('section')!;
  expect(within(payments).getByRole('listitem')).toHaveTextContent(
    '10 Nov 2026, 11:00 · Bank transfer · SEPA 4411€500.00',
  );
  expect(within(payments).getByText('Paid so far').nextSibling).toHaveTextContent('€500.00');
  expect(within(payments).getByText('Amount due').nextSibling).toHaveTextContent('€1,217.80');
  expect(screen.getByText('Thank you for your business.')).toBeVisible();
});

it('pays through the provider’s checkout page', async () => {
  const fetch = stubs();
  const user = userEvent.setup();
  renderAt(`${base}/invoices/in_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Pay now' }));
  await waitFor(() => expect(openUrl).toHaveBeenCalledWith('https://checkout.stripe.test/pay/cs_1'));
  const post = fetch.mock.calls.map(([r]) => r as Request).find((r) => r.method === 'POST')!;
  expect(await post.clone().json()).toEqual({ provider: 'stripe' });
  expect(screen.getByText(/You pay on Stripe’s secure page/)).toBeVisible();
});

it('names the provider on each button when there are two, and says why a payment could not start', async () => {
  stubs({
    'GET /api/v1/portal/invoices/in_1': { body: { ...invoice, pay_with: ['stripe', 'paystack'] } },
    'POST /api/v1/portal/invoices/in_1/pay': problem(
      502,
      'The payment provider is unavailable. Try again later.',
    ),
  });
  const user = userEvent.setup();
  renderAt(`${base}/invoices/in_1`, routes);
  expect(await screen.findByRole('button', { name: 'Pay now with Stripe' })).toBeVisible();
  await user.click(screen.getByRole('button', { name: 'Pay now with Paystack' }));
  expect(await screen.findByText('The payment provider is unavailable. Try again later.')).toBeVisible();
  expect(openUrl).not.toHaveBeenCalled();
  expect(screen.getByRole('button', { name: 'Pay now with Paystack' })).toBeEnabled();
});

it('offers no online payment when the business takes none', async () => {
  stubs({ 'GET /api/v1/portal/invoices/in_1': { body: { ...invoice, pay_with: [] } } });
  renderAt(`${base}/invoices/in_1`, routes);
  expect(await screen.findByText(/To pay, use the payment details on the invoice PDF/)).toBeVisible();
  expect(screen.queryByRole('button', { name: /Pay now/ })).toBeNull();
});

it('offers no payment to staff viewing as the client', async () => {
  stubs({ 'GET /api/v1/portal/me': { body: viewing } });
  renderAt(`${base}/invoices/in_1`, routes);
  expect(await screen.findByText('The client can pay this invoice online.')).toBeVisible();
  expect(screen.queryByRole('button', { name: /Pay now/ })).toBeNull();
  expect(screen.getByRole('button', { name: 'Download PDF' })).toBeVisible();
});

it('back from the checkout, says the payment is on its way and asks again until the invoice is paid', async () => {
  let asked = 0;
  const fetch = stubs({
    'GET /api/v1/portal/invoices/in_1': () => {
      asked += 1;
      return { body: asked >= 2 ? paidInvoice : invoice };
    },
  });
  renderAt(`${base}/invoices/in_1?paid=1`, routes);
  expect(await screen.findByText('Payment received — it can take a moment to show.')).toBeVisible();
  expect(
    await screen.findByText('Payment received — thank you. This invoice is paid.', {}, { timeout: 5000 }),
  ).toBeVisible();
  expect(screen.getByText('Paid')).toBeVisible();
  expect(screen.queryByRole('button', { name: /Pay now/ })).toBeNull();
  expect(screen.getByText(/Card \(Stripe\) · cs_test_1/)).toBeVisible();
  // Paid: no more asking.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(requestsOf(fetch).filter((r) => r === 'GET /api/v1/portal/invoices/in_1')).toHaveLength(2);
}, 15_000);

it('stops asking after a minute, and says not to pay again', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const fetch = stubs();
  renderAt(`${base}/invoices/in_1?paid=1`, routes);
  expect(await screen.findByText('Payment received — it can take a moment to show.')).toBeVisible();
  await act(() => vi.advanceTimersByTimeAsync(61_000));
  expect(await screen.findByText(/Your payment is still being confirmed/)).toBeVisible();
  expect(screen.getByText(/there is no need to pay again/)).toBeVisible();
  const asked = requestsOf(fetch).filter((r) => r === 'GET /api/v1/portal/invoices/in_1').length;
  expect(asked).toBeGreaterThan(20);
  await act(() => vi.advanceTimersByTimeAsync(10_000));
  expect(requestsOf(fetch).filter((r) => r === 'GET /api/v1/portal/invoices/in_1')).toHaveLength(asked);
});

it('downloads the invoice PDF under its number', async () => {
  const saved = captureDownloads();
  stubs({ 'GET /api/v1/portal/invoices/in_1/pdf': pdfReply('INV-2026-0007.pdf') });
  const user = userEvent.setup();
  renderAt(`${base}/invoices/in_1`, routes);
  await user.click(await screen.findByRole('button', { name: 'Download PDF' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0]!.name).toBe('INV-2026-0007.pdf');
  expect(await saved[0]!.blob.text()).toMatch(/^%PDF/);
});

it('says a cancelled invoice needs nothing', async () => {
  stubs({
    'GET /api/v1/portal/invoices/in_1': {
      body: { ...invoice, status: 'void', overdue: false, due_minor: 0, voided_at: '2026-11-20T09:00:00Z' },
    },
  });
  renderAt(`${base}/invoices/in_1`, routes);
  expect(
    await screen.findByText(
      'Lumen Design Studio cancelled this invoice on 20 Nov 2026, 10:00; nothing is due.',
    ),
  ).toBeVisible();
  expect(screen.queryByRole('button', { name: /Pay now/ })).toBeNull();
});
