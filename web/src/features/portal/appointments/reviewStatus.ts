/** Where a client's review stands, in their words. */
export const reviewStatus: Record<string, string> = {
  pending: 'Waiting for approval',
  approved: 'Published',
  rejected: 'Not published',
};
