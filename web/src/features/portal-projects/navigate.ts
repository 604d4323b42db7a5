/** Sends the browser to `url`; a download (Content-Disposition: attachment) leaves the page as it is. */
export function openUrl(url: string): void {
  window.location.assign(url);
}
