/**
 * Where previews come from, for each side: thumbnails are fetched with the session's token
 * (so no token sits in an `<img>` address), full views through a short-lived link that
 * `<img>` and `<iframe>` can follow, asked for `inline`.
 */
import { api, call } from '@/api/client';

export interface FileSource {
  /** The file's thumbnail (a small JPEG). */
  thumbnail(id: string): Promise<Blob>;
  /** A short-lived address that shows the file in the browser. */
  previewUrl(id: string): Promise<string>;
  /** A short-lived address that downloads the file. */
  downloadUrl(id: string): Promise<string>;
}

const blob = { parseAs: 'blob' as const };
const inline = (url: string) => `${url}${url.includes('?') ? '&' : '?'}disposition=inline`;

export const consoleFiles: FileSource = {
  thumbnail: async (id) =>
    (await call(api.GET('/api/v1/files/{id}/thumbnail', { params: { path: { id } }, ...blob }))) as Blob,
  previewUrl: async (id) =>
    inline((await call(api.GET('/api/v1/files/{id}/link', { params: { path: { id } } }))).url),
  downloadUrl: async (id) =>
    (await call(api.GET('/api/v1/files/{id}/link', { params: { path: { id } } }))).url,
};

export const portalFiles: FileSource = {
  thumbnail: async (id) =>
    (await call(
      api.GET('/api/v1/portal/files/{id}/thumbnail', { params: { path: { id } }, ...blob }),
    )) as Blob,
  previewUrl: async (id) =>
    inline((await call(api.GET('/api/v1/portal/files/{id}/link', { params: { path: { id } } }))).url),
  downloadUrl: async (id) =>
    (await call(api.GET('/api/v1/portal/files/{id}/link', { params: { path: { id } } }))).url,
};
