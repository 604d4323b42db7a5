/** Test helpers of the money pages: files the page saves, instead of the browser's download bar. */
import { vi } from 'vitest';

export interface Saved {
  name: string;
  href: string;
  blob: Blob;
}

/** Captures what `saveBlob` would download: the `<a download>` clicked and the Blob behind its URL. */
export function captureDownloads(): Saved[] {
  const saved: Saved[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    n += 1;
    const url = `blob:http://localhost/${n}`;
    blobs.set(url, blob);
    return url;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href, blob: blobs.get(this.href)! });
  });
  return saved;
}

export const pdfReply = (name: string) => ({
  raw: '%PDF-1.7\n% test\n',
  headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"` },
});
