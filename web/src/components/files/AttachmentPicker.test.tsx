import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { AttachmentPicker } from './AttachmentPicker';
import type { PreviewableFile } from './types';

const uploaded = (name: string, id: string): PreviewableFile => ({
  id,
  name,
  content_type: 'text/plain; charset=utf-8',
  size: 2048,
  preview: null,
  thumbnail: false,
});

/** The picker in a form that can "send": sending empties the list. */
function Form({ upload }: { upload: (file: File) => Promise<PreviewableFile> }) {
  const [files, setFiles] = useState<PreviewableFile[]>([]);
  return (
    <>
      <AttachmentPicker value={files} onChange={setFiles} upload={upload} />
      <button type="button" onClick={() => setFiles([])}>
        Send
      </button>
    </>
  );
}

const choose = (...names: string[]) =>
  fireEvent.change(screen.getByLabelText('Attach files'), {
    target: { files: names.map((n) => new File(['x'], n, { type: 'text/plain' })) },
  });

it('uploads each chosen file at once, lists it to send, and lets one be removed', async () => {
  let n = 0;
  const upload = vi.fn(async (file: File) => uploaded(file.name, `fl_${++n}`));
  render(<Form upload={upload} />);
  choose('brief.txt', 'notes.txt');
  const list = await screen.findByRole('list', { name: 'Files to send' });
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
  expect(upload).toHaveBeenCalledTimes(2);
  fireEvent.click(screen.getByRole('button', { name: 'Remove brief.txt' }));
  expect(within(list).queryByText('brief.txt')).toBeNull();
  expect(within(list).getByText('notes.txt')).toBeInTheDocument();
});

it('refuses more than ten files', async () => {
  const upload = vi.fn(async (file: File) => uploaded(file.name, file.name));
  render(<Form upload={upload} />);
  choose(...Array.from({ length: 11 }, (_, i) => `f${i}.txt`));
  expect(await screen.findByText('A message carries at most 10 files.')).toBeInTheDocument();
  await waitFor(() => expect(upload).toHaveBeenCalledTimes(10));
});

it('keeps an upload that ends after the message went for the next one, without what was sent', async () => {
  const pending: ((f: PreviewableFile) => void)[] = [];
  const upload = vi.fn(() => new Promise<PreviewableFile>((resolve) => pending.push(resolve)));
  render(<Form upload={upload} />);
  choose('sent.txt', 'late.txt');
  await waitFor(() => expect(pending).toHaveLength(1));
  await act(async () => pending[0]!(uploaded('sent.txt', 'fl_1')));
  await screen.findByText('sent.txt');
  await waitFor(() => expect(pending).toHaveLength(2));
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await act(async () => pending[1]!(uploaded('late.txt', 'fl_2')));
  const list = await screen.findByRole('list', { name: 'Files to send' });
  expect(within(list).getByText('late.txt')).toBeInTheDocument();
  expect(within(list).queryByText('sent.txt')).toBeNull();
});
