/**
 * Sends the browser to `url`: another site (a payment provider's checkout), which leaves the
 * page behind, or a download (Content-Disposition: attachment), which leaves the page as it is.
 * A module of its own so tests can replace it.
 */
export function openUrl(url: string): void {
  window.location.assign(url);
}
