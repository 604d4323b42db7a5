/* eslint-disable no-restricted-syntax -- sample API data for the tests, not text the app writes */
import type { Template } from '@/components/templates/api';
import type {
  BillingSettings,
  Contract,
  Invoice,
  InvoiceSummary,
  Line,
  Project,
  Quote,
  QuoteSummary,
} from './api';

const maria = { id: 'cl_1', name: 'Maria Lopez', email: 'maria@example.com', company: 'Lopez Bakery' };

// 10 h × €95 at 20 % and 1.5 × €400 at 7 % with 10 % off: the server's numbers.
export const lines: Line[] = [
  {
    description: 'Logo design',
    quantity: '10',
    unit_price_minor: 9500,
    tax_rate_bp: 2000,
    discount_bp: 0,
    net_minor: 95000,
    tax_minor: 19000,
  },
  {
    description: 'Brand book',
    quantity: '1.5',
    unit_price_minor: 40000,
    tax_rate_bp: 700,
    discount_bp: 1000,
    net_minor: 54000,
    tax_minor: 3780,
  },
];

export const totals = {
  subtotal_minor: 149000,
  taxes: [
    { rate_bp: 700, taxable_minor: 54000, amount_minor: 3780 },
    { rate_bp: 2000, taxable_minor: 95000, amount_minor: 19000 },
  ],
  tax_minor: 22780,
  total_minor: 171780,
};

export function aQuote(over: Partial<Quote> = {}): Quote {
  return {
    being_revised: false,
    id: 'qt_1',
    number: 'Q-2026-0001',
    revision: 1,
    title: 'Brand refresh',
    notes: 'Two rounds of changes included.',
    status: 'draft',
    client: maria,
    currency: 'EUR',
    lines,
    totals,
    valid_until: '2026-12-31',
    sent_at: null,
    last_viewed_at: null,
    first_viewed_at: null,
    view_count: 0,
    decided_at: null,
    decision_comment: null,
    project_id: null,
    staff_id: null,
    revisions: [],
    created_at: '2026-11-09T09:00:00Z',
    updated_at: '2026-11-09T09:00:00Z',
    ...over,
  };
}

export function aQuoteSummary(over: Partial<QuoteSummary> = {}): QuoteSummary {
  return {
    id: 'qt_1',
    number: 'Q-2026-0001',
    revision: 1,
    title: 'Brand refresh',
    status: 'sent',
    client: { id: 'cl_1', name: 'Maria Lopez' },
    currency: 'EUR',
    total_minor: 171780,
    valid_until: '2026-12-31',
    sent_at: '2026-11-20T09:00:00Z',
    view_count: 3,
    first_viewed_at: '2026-11-21T08:30:00Z',
    updated_at: '2026-11-20T09:00:00Z',
    ...over,
  };
}

export function aContract(over: Partial<Contract> = {}): Contract {
  return {
    id: 'ct_1',
    title: 'Design agreement',
    body: '# Design agreement\n\n1. **Scope**: a new logo.\n2. Payment within 30 days.',
    body_sha256: 'a'.repeat(64),
    status: 'draft',
    client: maria,
    countersign: false,
    countersignature: null,
    signature: null,
    first_viewed_at: null,
    view_count: 0,
    sent_at: null,
    staff_id: null,
    voided_at: null,
    created_at: '2026-11-19T09:00:00Z',
    updated_at: '2026-11-19T09:00:00Z',
    ...over,
  };
}

export const signature = {
  signer_name: 'Maria Lopez',
  signer_email: 'maria@example.com',
  signed_at: '2026-11-21T14:30:00Z',
  ip: '203.0.113.9',
  user_agent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
  kind: 'typed' as const,
  signed_sha256: 'a'.repeat(64),
};

export function anInvoice(over: Partial<Invoice> = {}): Invoice {
  return {
    id: 'in_1',
    number: 'INV-2026-0007',
    title: 'Brand refresh, first half',
    notes: null,
    status: 'sent',
    overdue: false,
    client: maria,
    currency: 'EUR',
    issue_date: '2026-11-01',
    due_date: '2026-11-15',
    lines,
    totals,
    paid_minor: 0,
    due_minor: 171780,
    payments: [],
    quote_id: null,
    project_id: null,
    staff_id: null,
    sent_at: '2026-11-01T09:00:00Z',
    paid_at: null,
    voided_at: null,
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...over,
  };
}

export function anInvoiceSummary(over: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id: 'in_1',
    number: 'INV-2026-0007',
    title: 'Brand refresh, first half',
    status: 'sent',
    overdue: false,
    client: { id: 'cl_1', name: 'Maria Lopez' },
    currency: 'EUR',
    total_minor: 171780,
    due_minor: 171780,
    issue_date: '2026-11-01',
    due_date: '2026-11-15',
    updated_at: '2026-11-01T09:00:00Z',
    ...over,
  };
}

export function someSettings(over: Partial<BillingSettings> = {}): BillingSettings {
  return {
    quote_prefix: 'Q',
    invoice_prefix: 'INV',
    payment_terms_days: 14,
    quote_valid_days: 30,
    billing_details: 'Lumen Design Studio\nIBAN DE00 1234',
    providers: [
      {
        provider: 'stripe',
        enabled: true,
        key_hint: '4242',
        webhook_url: 'https://portal.example/api/v1/payments/webhooks/stripe/tn_1',
      },
      {
        provider: 'paystack',
        enabled: false,
        key_hint: null,
        webhook_url: 'https://portal.example/api/v1/payments/webhooks/paystack/tn_1',
      },
    ],
    ...over,
  };
}

/** A client in the picker's search results. */
export const mariaClient = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  phone: null,
  company: 'Lopez Bakery',
  notes: null,
  status: 'active',
  portal_enabled: true,
  invited_at: null,
  last_login_at: null,
  created_at: '2025-03-01T10:00:00Z',
  updated_at: '2025-03-01T10:00:00Z',
};

/** One of Maria's projects, as `GET /projects?client_id=` lists it. */
export function aProject(over: Partial<Project> = {}): Project {
  return {
    id: 'pr_1',
    name: 'Website',
    description: null,
    status: 'active',
    client_id: 'cl_1',
    client_name: 'Maria Lopez',
    staff_id: null,
    client_uploads: false,
    start_date: null,
    due_date: null,
    progress: { done: 0, total: 2, percent: 0 },
    created_at: '2026-10-01T10:00:00Z',
    updated_at: '2026-10-01T10:00:00Z',
    ...over,
  };
}

/** A quote template whose title uses the client's company and notes the project's name. */
export function aQuoteTemplate(over: Partial<Template> = {}): Template {
  return {
    id: 'tq_1',
    kind: 'quote',
    name: 'Logo package',
    content: {
      kind: 'quote',
      title: 'Logo for {{client.company}}',
      notes: 'Part of {{project.name}}.',
      lines: [
        { description: 'Logo design', quantity: '1', unit_price_minor: 120000, tax_rate_bp: 2000 },
        { description: 'Brand book', quantity: '2.5', unit_price_minor: 30000, tax_rate_bp: 2000 },
      ],
    },
    fields: ['client.company', 'project.name'],
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...over,
  };
}

/** A contract template that names a quote's number and total. */
export function aContractTemplate(over: Partial<Template> = {}): Template {
  return {
    id: 'tc_1',
    kind: 'contract',
    name: 'Services agreement',
    content: {
      kind: 'contract',
      title: 'Agreement for {{quote.number}}',
      body: 'Between {{business.name}} and {{client.name}}, for {{quote.total}}.',
    },
    fields: ['quote.number', 'business.name', 'client.name', 'quote.total'],
    created_at: '2026-11-01T09:00:00Z',
    updated_at: '2026-11-01T09:00:00Z',
    ...over,
  };
}
