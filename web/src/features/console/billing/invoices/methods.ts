/** How money arrived, in words. */
export const methodLabels: Record<string, string> = {
  bank_transfer: 'Bank transfer',
  cash: 'Cash',
  card: 'Card',
  other: 'Other',
  stripe: 'Card (Stripe)',
  paystack: 'Paystack',
};
