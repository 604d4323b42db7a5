import { followDownload } from '@/lib/download';
import { fileLink } from './api';

/** Downloads a file through a short-lived link, since a link cannot carry the session's token. */
export async function downloadFile(id: string): Promise<void> {
  const { url } = await fileLink(id);
  followDownload(url);
}
