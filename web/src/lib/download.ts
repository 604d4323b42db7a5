/**
 * Lets the browser fetch a short-lived download address. A link cannot carry the session's
 * token, so the API hands out an address for one file, and the file streams to disk under
 * its own name (the response says `attachment`) while the page stays where it is.
 */
export function followDownload(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
