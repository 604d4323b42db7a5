import { vi } from 'vitest';

/** jsdom has no object URLs: a thumbnail's Blob gets a recognisable address instead. Returns the undo. */
export function stubObjectUrls() {
  let n = 0;
  const created = URL.createObjectURL;
  const revoked = URL.revokeObjectURL;
  URL.createObjectURL = vi.fn(() => `blob:http://localhost/thumb-${++n}`) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  return () => {
    URL.createObjectURL = created;
    URL.revokeObjectURL = revoked;
  };
}
