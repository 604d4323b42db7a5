import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';
import { savePdf } from '@/lib/pdf';

export type PortalQuote = components['schemas']['PortalQuote'];
export type PortalQuoteSummary = components['schemas']['PortalQuoteSummary'];
export type QuoteRevision = components['schemas']['QuoteRevision'];
export type PortalContract = components['schemas']['PortalContract'];
export type PortalContractSummary = components['schemas']['PortalContractSummary'];
export type SignatureInput = components['schemas']['SignatureInput'];
export type PortalInvoice = components['schemas']['PortalInvoice'];
export type InvoiceSummary = components['schemas']['InvoiceSummary'];
export type Line = components['schemas']['Line'];
export type Totals = components['schemas']['Totals'];
export type Payment = components['schemas']['Payment'];
export type PortalDashboard = components['schemas']['PortalDashboard'];

export type QuoteState = 'open' | 'closed';
export type InvoiceState = 'unpaid' | 'paid' | 'all';
export type PayProvider = 'stripe' | 'paystack';

const root = (slug: string) => ['portal', slug] as const;

export const keys = {
  quotes: (slug: string) => [...root(slug), 'quotes'] as const,
  quote: (slug: string, id: string) => [...root(slug), 'quotes', 'one', id] as const,
  revision: (slug: string, id: string, revision: number) =>
    [...root(slug), 'quotes', 'one', id, 'revision', revision] as const,
  contracts: (slug: string) => [...root(slug), 'contracts'] as const,
  contract: (slug: string, id: string) => [...root(slug), 'contracts', 'one', id] as const,
  invoices: (slug: string) => [...root(slug), 'invoices'] as const,
  invoice: (slug: string, id: string) => [...root(slug), 'invoices', 'one', id] as const,
  // The same entries the other dashboard parts and the projects list read.
  dashboard: (slug: string) => [...root(slug), 'dashboard'] as const,
  projects: (slug: string) => [...root(slug), 'projects'] as const,
};

// ——— Quotes ———

export function usePortalQuotes(slug: string, state: QuoteState) {
  return useQuery({
    queryKey: [...keys.quotes(slug), 'list', state],
    queryFn: () => call(api.GET('/api/v1/portal/quotes', { params: { query: { state } } })),
  });
}

export function usePortalQuote(slug: string, id: string) {
  return useQuery({
    queryKey: keys.quote(slug, id),
    queryFn: () => call(api.GET('/api/v1/portal/quotes/{id}', { params: { path: { id } } })),
  });
}

export function useQuoteRevision(slug: string, id: string, revision: number) {
  return useQuery({
    queryKey: keys.revision(slug, id, revision),
    queryFn: () =>
      call(
        api.GET('/api/v1/portal/quotes/{id}/revisions/{revision}', {
          params: { path: { id, revision } },
        }),
      ),
    enabled: Number.isInteger(revision) && revision > 0,
  });
}

export const acceptQuote = (id: string) =>
  call(api.POST('/api/v1/portal/quotes/{id}/accept', { params: { path: { id } } }));

export const requestQuoteChanges = (id: string, comment: string) =>
  call(
    api.POST('/api/v1/portal/quotes/{id}/request-changes', { params: { path: { id } }, body: { comment } }),
  );

export const declineQuote = (id: string, comment: string | null) =>
  call(api.POST('/api/v1/portal/quotes/{id}/decline', { params: { path: { id } }, body: { comment } }));

// ——— Contracts ———

export function usePortalContracts(slug: string) {
  return useQuery({
    queryKey: [...keys.contracts(slug), 'list'],
    queryFn: () => call(api.GET('/api/v1/portal/contracts')),
  });
}

export function usePortalContract(slug: string, id: string) {
  return useQuery({
    queryKey: keys.contract(slug, id),
    queryFn: () => call(api.GET('/api/v1/portal/contracts/{id}', { params: { path: { id } } })),
  });
}

export const signContract = (
  id: string,
  body: { signer_name: string; body_sha256: string; signature: SignatureInput },
) => call(api.POST('/api/v1/portal/contracts/{id}/sign', { params: { path: { id } }, body }));

// ——— Invoices ———

export function usePortalInvoices(slug: string, state: InvoiceState, limit = 25) {
  return useInfiniteQuery({
    queryKey: [...keys.invoices(slug), 'list', state, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/portal/invoices', { params: { query: { state, limit, cursor: pageParam } } })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
}

/** How often to ask again while a payment is on its way from the provider. */
export const PAYMENT_POLL_MS = 2000;

/** `untilPaid`: ask again every 2 s until the invoice reads paid (a payment is on its way). */
export function usePortalInvoice(slug: string, id: string, untilPaid = false) {
  return useQuery({
    queryKey: keys.invoice(slug, id),
    queryFn: () => call(api.GET('/api/v1/portal/invoices/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (untilPaid && query.state.data?.status !== 'paid' ? PAYMENT_POLL_MS : false),
  });
}

export const payInvoice = (id: string, provider: PayProvider) =>
  call(api.POST('/api/v1/portal/invoices/{id}/pay', { params: { path: { id } }, body: { provider } }));

// ——— Dashboard and cache ———

export function usePortalDashboard(slug: string) {
  return useQuery({
    queryKey: keys.dashboard(slug),
    queryFn: () => call(api.GET('/api/v1/portal/dashboard')),
  });
}

/**
 * After a decision, a signature or a payment: its lists, the dashboard (and the projects,
 * after an acceptance). The document itself is already up to date where this is called.
 */
export function useMoneyChanged(slug: string) {
  const queryClient = useQueryClient();
  return (kind: 'quotes' | 'contracts' | 'invoices') => {
    void queryClient.invalidateQueries({ queryKey: [...keys[kind](slug), 'list'] });
    void queryClient.invalidateQueries({ queryKey: keys.dashboard(slug) });
    if (kind === 'quotes') void queryClient.invalidateQueries({ queryKey: keys.projects(slug) });
  };
}

// ——— PDFs ———

export type PdfOf = { kind: 'quote' | 'contract' | 'invoice'; id: string };

/**
 * Fetches a PDF with the session's token (through the API client, never a token in a URL)
 * and saves it under the server's file name, or `fallback`.
 */
export async function downloadPdf({ kind, id }: PdfOf, fallback: string): Promise<void> {
  const options = { params: { path: { id } }, parseAs: 'blob' as const };
  const request =
    kind === 'quote'
      ? api.GET('/api/v1/portal/quotes/{id}/pdf', options)
      : kind === 'contract'
        ? api.GET('/api/v1/portal/contracts/{id}/pdf', options)
        : api.GET('/api/v1/portal/invoices/{id}/pdf', options);
  await savePdf(request, fallback);
}
