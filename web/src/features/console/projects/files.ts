import { followDownload } from '@/lib/download';
import { fileLink } from './api';

/**
 * Downloads a file. A link cannot carry the session's token, so the API first hands out a
 * short-lived address for this one file, and the browser follows that.
 */
export async function downloadFile(id: string): Promise<void> {
  const { url } = await fileLink(id);
  followDownload(url);
}
