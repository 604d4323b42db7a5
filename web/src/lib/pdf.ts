/**
 * PDFs fetched with the session's token (through the API client, never a token in a URL) and
 * saved under the name the server gives them.
 */
import { call } from '@/api/client';
import { filenameOf, saveBlob } from './download';

/** Awaits an openapi-fetch request made with `parseAs: 'blob'` and saves what it returns. */
export async function savePdf(
  request: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallback: string,
): Promise<void> {
  let name = fallback;
  const blob = await call(
    request.then((result) => {
      name = filenameOf(result.response.headers.get('content-disposition')) ?? fallback;
      return result;
    }),
  );
  saveBlob(blob as Blob, name);
}
