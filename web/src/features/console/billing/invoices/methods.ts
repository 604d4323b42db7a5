import { t } from '@/lib/i18n';

const METHOD_KEYS: Record<string, string> = {
  bank_transfer: 'consoleBillingInvoices.method.bankTransfer',
  cash: 'consoleBillingInvoices.method.cash',
  card: 'consoleBillingInvoices.method.card',
  other: 'consoleBillingInvoices.method.other',
  stripe: 'consoleBillingInvoices.method.stripe',
  paystack: 'consoleBillingInvoices.method.paystack',
};

/** How money arrived, in words; a method this page does not know yet keeps its code. */
export function methodLabel(method: string): string {
  const key = METHOD_KEYS[method];
  return key ? t(key) : method;
}
