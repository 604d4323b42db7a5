import type { components } from '@/api/schema';
import type {
  InvoiceSummary,
  Line,
  PortalContract,
  PortalContractSummary,
  PortalInvoice,
  PortalQuote,
  PortalQuoteSummary,
  Totals,
} from './api';

type PortalMe = components['schemas']['PortalMe'];

export { base, branding, inPortal } from '@/test/portal';

/** The sample's own words (what a business would have typed), not text the app shows. */
const sample = {
  logo: 'Logo design',
  book: 'Brand book',
  quote: 'Brand refresh',
  contract: 'Design agreement',
  invoice: 'Brand refresh, first half',
};

export const client: PortalMe = {
  id: 'cl_1',
  name: 'Maria Lopez',
  email: 'maria@example.com',
  phone: null,
  company: 'Lopez Bakery',
  impersonated: false,
  email_opt_out: false,
  tenant_name: 'Lumen Design Studio',
  tenant_slug: 'demo',
  tenant_language: 'en' as const,
  time_zone: null,
  tenant_time_zone: 'Europe/Berlin',
};

export const viewing: PortalMe = { ...client, impersonated: true };

const party = { id: 'cl_1', name: 'Maria Lopez', email: 'maria@example.com', company: 'Lopez Bakery' };

// 10 h × €95 at 20 % and 1.5 × €400 at 7 %, with 10 % off the second: the server's numbers.
export const lines: Line[] = [
  {
    description: sample.logo,
    quantity: '10',
    unit_price_minor: 9500,
    tax_rate_bp: 2000,
    discount_bp: 0,
    net_minor: 95000,
    tax_minor: 19000,
  },
  {
    description: sample.book,
    quantity: '1.5',
    unit_price_minor: 40000,
    tax_rate_bp: 700,
    discount_bp: 1000,
    net_minor: 54000,
    tax_minor: 3780,
  },
];

export const totals: Totals = {
  subtotal_minor: 149000,
  taxes: [
    { rate_bp: 700, taxable_minor: 54000, amount_minor: 3780 },
    { rate_bp: 2000, taxable_minor: 95000, amount_minor: 19000 },
  ],
  tax_minor: 22780,
  total_minor: 171780,
};

export const quote: PortalQuote = {
  being_revised: false,
  id: 'qt_1',
  number: 'Q-2026-0001',
  revision: 2,
  title: sample.quote,
  notes: 'Two rounds of changes included.\nPrices without travel.',
  status: 'sent',
  client: party,
  currency: 'EUR',
  lines,
  totals,
  valid_until: '2026-12-31',
  sent_at: '2026-11-20T09:00:00Z',
  last_viewed_at: null,
  decided_at: null,
  decision_comment: null,
  project_id: null,
  revisions: [
    {
      revision: 1,
      sent_at: '2026-11-10T09:00:00Z',
      status: 'changes_requested',
      comment: 'Fewer hours, please.',
    },
  ],
  created_at: '2026-11-09T09:00:00Z',
  updated_at: '2026-11-20T09:00:00Z',
};

export const quoteSummary: PortalQuoteSummary = {
  being_revised: false,
  id: 'qt_1',
  number: 'Q-2026-0001',
  revision: 2,
  title: sample.quote,
  status: 'sent',
  currency: 'EUR',
  total_minor: 171780,
  valid_until: '2026-12-31',
  sent_at: '2026-11-20T09:00:00Z',
  updated_at: '2026-11-20T09:00:00Z',
};

export const contract: PortalContract = {
  id: 'ct_1',
  title: sample.contract,
  body: '# Design agreement\n\n1. **Scope**: a new logo.\n2. Payment within [30 days](https://lumen.example/terms).\n\nHello <img src=x onerror=alert(1)> and <script>alert(2)</script>',
  body_sha256: 'a'.repeat(64),
  status: 'sent',
  client: party,
  countersign: false,
  sent_at: '2026-11-20T09:00:00Z',
  signature: null,
  countersignature: null,
  voided_at: null,
  updated_at: '2026-11-20T09:00:00Z',
};

export const signedContract: PortalContract = {
  ...contract,
  status: 'signed',
  signature: {
    signer_name: 'Maria Lopez',
    signer_email: 'maria@example.com',
    signed_at: '2026-11-21T14:30:00Z',
    ip: '203.0.113.9',
    user_agent: 'Firefox',
    kind: 'typed',
    signed_sha256: 'a'.repeat(64),
  },
};

export const contractSummary: PortalContractSummary = {
  id: 'ct_1',
  title: sample.contract,
  status: 'sent',
  sent_at: '2026-11-20T09:00:00Z',
  signed_at: null,
  updated_at: '2026-11-20T09:00:00Z',
};

export const invoice: PortalInvoice = {
  id: 'in_1',
  number: 'INV-2026-0007',
  title: sample.invoice,
  notes: 'Thank you for your business.',
  status: 'partially_paid',
  overdue: true,
  client: party,
  currency: 'EUR',
  issue_date: '2026-11-01',
  due_date: '2026-11-15',
  lines,
  totals,
  paid_minor: 50000,
  due_minor: 121780,
  payments: [
    {
      id: 'pm_1',
      amount_minor: 50000,
      currency: 'EUR',
      method: 'bank_transfer',
      reference: 'SEPA 4411',
      received_at: '2026-11-10T10:00:00Z',
    },
  ],
  quote_id: 'qt_1',
  project_id: null,
  sent_at: '2026-11-01T09:00:00Z',
  paid_at: null,
  voided_at: null,
  created_at: '2026-11-01T09:00:00Z',
  updated_at: '2026-11-10T10:00:00Z',
  pay_with: ['stripe'],
};

export const invoiceSummary: InvoiceSummary = {
  id: 'in_1',
  number: 'INV-2026-0007',
  title: sample.invoice,
  status: 'partially_paid',
  overdue: true,
  client: { id: 'cl_1', name: 'Maria Lopez' },
  currency: 'EUR',
  total_minor: 171780,
  due_minor: 121780,
  issue_date: '2026-11-01',
  due_date: '2026-11-15',
  updated_at: '2026-11-10T10:00:00Z',
};
