/** Sends the browser to another site (a payment provider's checkout); the page is left behind. */
export function openUrl(url: string): void {
  window.location.assign(url);
}
