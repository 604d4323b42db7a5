/**
 * The staff's money API: quotes, contracts, invoices and payments, and the billing settings.
 * Every type comes from the generated schema; nothing here is written by hand.
 */
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { components, paths } from '@/api/schema';
import { savePdf } from '@/lib/pdf';
import type { JsonBody } from '@/lib/json-body';

type Schemas = components['schemas'];

export type Quote = Schemas['Quote'];
export type QuoteSummary = Schemas['QuoteSummary'];
export type QuoteStatus = Schemas['QuoteStatus'];
export type QuoteRevision = Schemas['QuoteRevision'];
export type Contract = Schemas['Contract'];
export type ContractSummary = Schemas['ContractSummary'];
export type ContractStatus = Schemas['ContractStatus'];
export type Invoice = Schemas['Invoice'];
export type InvoiceSummary = Schemas['InvoiceSummary'];
export type InvoiceStatus = Schemas['InvoiceStatus'];
export type Payment = Schemas['Payment'];
export type ManualMethod = Schemas['ManualMethod'];
export type Line = Schemas['Line'];
export type LineInput = Schemas['LineInput'];
export type BillingSettings = Schemas['BillingSettings'];
export type PaymentProviderInfo = Schemas['PaymentProviderInfo'];
export type ProviderKind = Schemas['ProviderKind'];
export type PaymentEvent = Schemas['PaymentEvent'];
export type Project = Schemas['Project'];

export type CreateQuote = JsonBody<paths['/api/v1/quotes']['post']>;
export type UpdateQuote = JsonBody<paths['/api/v1/quotes/{id}']['patch']>;
export type CreateContract = JsonBody<paths['/api/v1/contracts']['post']>;
export type UpdateContract = JsonBody<paths['/api/v1/contracts/{id}']['patch']>;
export type CreateInvoice = JsonBody<paths['/api/v1/invoices']['post']>;
export type UpdateInvoice = JsonBody<paths['/api/v1/invoices/{id}']['patch']>;
export type RecordPayment = JsonBody<paths['/api/v1/invoices/{id}/payments']['post']>;
export type UpdateBillingSettings = JsonBody<paths['/api/v1/billing/settings']['patch']>;
export type SetPaymentProvider = JsonBody<paths['/api/v1/billing/providers/{provider}']['put']>;

export const QUOTE_STATUSES: QuoteStatus[] = [
  'draft',
  'sent',
  'changes_requested',
  'accepted',
  'declined',
  'expired',
];
export const CONTRACT_STATUSES: ContractStatus[] = ['draft', 'sent', 'signed', 'void'];
export const INVOICE_STATUSES: InvoiceStatus[] = ['draft', 'sent', 'partially_paid', 'paid', 'void'];

// Every key starts with 'console' so logging out of the console forgets them all.
export const billingKeys = {
  quotes: ['console', 'quotes', 'list'] as const,
  quoteList: (q: string, status: string, client = '') =>
    ['console', 'quotes', 'list', { q, status, client }] as const,
  quote: (id: string) => ['console', 'quotes', 'detail', id] as const,
  revision: (id: string, revision: number) =>
    ['console', 'quotes', 'detail', id, 'revision', revision] as const,
  contracts: ['console', 'contracts', 'list'] as const,
  contractList: (q: string, status: string, client = '') =>
    ['console', 'contracts', 'list', { q, status, client }] as const,
  contract: (id: string) => ['console', 'contracts', 'detail', id] as const,
  invoices: ['console', 'invoices', 'list'] as const,
  invoiceList: (q: string, status: string, overdue: boolean, client = '') =>
    ['console', 'invoices', 'list', { q, status, overdue, client }] as const,
  invoice: (id: string) => ['console', 'invoices', 'detail', id] as const,
  settings: ['console', 'billing', 'settings'] as const,
  events: ['console', 'billing', 'events'] as const,
};

// ——— Quotes ———

/** The quotes list, searched, filtered by status and, with `clientId`, only that client's. */
export function useQuotes(q: string, status: string, clientId = '') {
  return useInfiniteQuery({
    queryKey: billingKeys.quoteList(q, status, clientId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/quotes', {
          params: {
            query: {
              q: q || undefined,
              status: status || undefined,
              client_id: clientId || undefined,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useQuote(id: string) {
  return useQuery({
    queryKey: billingKeys.quote(id),
    queryFn: () => call(api.GET('/api/v1/quotes/{id}', { params: { path: { id } } })),
  });
}

export function useQuoteRevision(id: string, revision: number) {
  return useQuery({
    queryKey: billingKeys.revision(id, revision),
    queryFn: () =>
      call(api.GET('/api/v1/quotes/{id}/revisions/{revision}', { params: { path: { id, revision } } })),
    enabled: Number.isInteger(revision) && revision > 0,
  });
}

export const createQuote = (body: CreateQuote) => call(api.POST('/api/v1/quotes', { body }));
export const updateQuote = (id: string, body: UpdateQuote) =>
  call(api.PATCH('/api/v1/quotes/{id}', { params: { path: { id } }, body }));
export const sendQuote = (id: string) =>
  call(api.POST('/api/v1/quotes/{id}/send', { params: { path: { id } } }));
export const reviseQuote = (id: string) =>
  call(api.POST('/api/v1/quotes/{id}/revise', { params: { path: { id } } }));
export const undoAcceptance = (id: string, reason: string) =>
  call(api.POST('/api/v1/quotes/{id}/undo-acceptance', { params: { path: { id } }, body: { reason } }));
export const invoiceQuote = (id: string) =>
  call(api.POST('/api/v1/quotes/{id}/invoice', { params: { path: { id } } }));

/** The projects a quote can be for: the client's running ones (planned, active, on hold). */
export const RUNNING_PROJECT = ['planned', 'active', 'on_hold'] as const;

/** A client's projects (the 100 most recent), to choose the one a quote is for. */
export function useClientProjects(clientId: string | undefined) {
  return useQuery({
    // Under the projects' list key, so a project created or changed elsewhere shows here.
    queryKey: ['console', 'projects', 'list', { client: clientId }] as const,
    queryFn: () =>
      call(api.GET('/api/v1/projects', { params: { query: { client_id: clientId, limit: 100 } } })),
    enabled: !!clientId,
  });
}

/** A client's quotes (the 100 most recent), to choose the one a contract's quote fields come from. */
export function useClientQuotes(clientId: string | undefined) {
  return useQuery({
    queryKey: ['console', 'quotes', 'list', { client: clientId }] as const,
    queryFn: () =>
      call(api.GET('/api/v1/quotes', { params: { query: { client_id: clientId, limit: 100 } } })),
    enabled: !!clientId,
  });
}

// ——— Contracts ———

/** The contracts list, searched, filtered by status and, with `clientId`, only that client's. */
export function useContracts(q: string, status: string, clientId = '') {
  return useInfiniteQuery({
    queryKey: billingKeys.contractList(q, status, clientId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/contracts', {
          params: {
            query: {
              q: q || undefined,
              status: status || undefined,
              client_id: clientId || undefined,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string) {
  return useQuery({
    queryKey: billingKeys.contract(id),
    queryFn: () => call(api.GET('/api/v1/contracts/{id}', { params: { path: { id } } })),
  });
}

export const createContract = (body: CreateContract) => call(api.POST('/api/v1/contracts', { body }));
export const updateContract = (id: string, body: UpdateContract) =>
  call(api.PATCH('/api/v1/contracts/{id}', { params: { path: { id } }, body }));
export const sendContract = (id: string) =>
  call(api.POST('/api/v1/contracts/{id}/send', { params: { path: { id } } }));
export const voidContract = (id: string) =>
  call(api.POST('/api/v1/contracts/{id}/void', { params: { path: { id } } }));
export const countersignContract = (id: string, name: string) =>
  call(api.POST('/api/v1/contracts/{id}/countersign', { params: { path: { id } }, body: { name } }));

// ——— Invoices ———

/** The invoices list, searched, filtered by status and overdue and, with `clientId`, only that client's. */
export function useInvoices(q: string, status: string, overdue: boolean, clientId = '') {
  return useInfiniteQuery({
    queryKey: billingKeys.invoiceList(q, status, overdue, clientId),
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/invoices', {
          params: {
            query: {
              q: q || undefined,
              status: status || undefined,
              overdue: overdue || undefined,
              client_id: clientId || undefined,
              cursor: pageParam,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useInvoice(id: string) {
  return useQuery({
    queryKey: billingKeys.invoice(id),
    queryFn: () => call(api.GET('/api/v1/invoices/{id}', { params: { path: { id } } })),
  });
}

export const createInvoice = (body: CreateInvoice) => call(api.POST('/api/v1/invoices', { body }));
export const updateInvoice = (id: string, body: UpdateInvoice) =>
  call(api.PATCH('/api/v1/invoices/{id}', { params: { path: { id } }, body }));
export const sendInvoice = (id: string) =>
  call(api.POST('/api/v1/invoices/{id}/send', { params: { path: { id } } }));
export const voidInvoice = (id: string) =>
  call(api.POST('/api/v1/invoices/{id}/void', { params: { path: { id } } }));
export const recordPayment = (id: string, body: RecordPayment) =>
  call(api.POST('/api/v1/invoices/{id}/payments', { params: { path: { id } }, body }));

// ——— Settings ———

export function useBillingSettings() {
  return useQuery({
    queryKey: billingKeys.settings,
    queryFn: () => call(api.GET('/api/v1/billing/settings')),
  });
}

export const updateBillingSettings = (body: UpdateBillingSettings) =>
  call(api.PATCH('/api/v1/billing/settings', { body }));
export const setPaymentProvider = (provider: ProviderKind, body: SetPaymentProvider) =>
  call(api.PUT('/api/v1/billing/providers/{provider}', { params: { path: { provider } }, body }));
export const togglePaymentProvider = (provider: ProviderKind, enabled: boolean) =>
  call(
    api.PATCH('/api/v1/billing/providers/{provider}', { params: { path: { provider } }, body: { enabled } }),
  );
export const removePaymentProvider = (provider: ProviderKind) =>
  call(api.DELETE('/api/v1/billing/providers/{provider}', { params: { path: { provider } } }));

export function usePaymentEvents() {
  return useInfiniteQuery({
    queryKey: billingKeys.events,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/payments/events', { params: { query: { limit: 20, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

// ——— Cache ———

/**
 * Puts a document the server just returned into the cache and marks its lists stale
 * (a quote turned into an invoice changes the invoices too).
 */
export function useSaved() {
  const queryClient = useQueryClient();
  return {
    quote: (quote: Quote) => {
      queryClient.setQueryData(billingKeys.quote(quote.id), quote);
      void queryClient.invalidateQueries({ queryKey: billingKeys.quotes });
    },
    contract: (contract: Contract) => {
      queryClient.setQueryData(billingKeys.contract(contract.id), contract);
      void queryClient.invalidateQueries({ queryKey: billingKeys.contracts });
    },
    invoice: (invoice: Invoice) => {
      queryClient.setQueryData(billingKeys.invoice(invoice.id), invoice);
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices });
    },
    settings: (settings: BillingSettings) => queryClient.setQueryData(billingKeys.settings, settings),
    refetchSettings: () => queryClient.invalidateQueries({ queryKey: billingKeys.settings }),
  };
}

// ——— PDFs ———

const pdf = { parseAs: 'blob' as const };

/** The same PDFs the client downloads, saved under the server's file name. */
export const downloadPdf = {
  quote: (id: string, fallback: string) =>
    savePdf(api.GET('/api/v1/quotes/{id}/pdf', { params: { path: { id } }, ...pdf }), fallback),
  contract: (id: string, fallback: string) =>
    savePdf(api.GET('/api/v1/contracts/{id}/pdf', { params: { path: { id } }, ...pdf }), fallback),
  invoice: (id: string, fallback: string) =>
    savePdf(api.GET('/api/v1/invoices/{id}/pdf', { params: { path: { id } }, ...pdf }), fallback),
};

export { isAdmin, useConsoleMe, useFormatDate, useTenant } from '@/lib/console-queries';
