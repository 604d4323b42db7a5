/** A `next` parameter that stays on this site (never `//evil.example` or `https://…`). */
export function safeNext(search: string, fallback: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
