import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with marked-up parts: `Read the <link>terms</link>` with
 * `tags={{ link: (text) => <a href="/terms">{text}</a> }}`. The translation decides where the
 * link sits in the sentence; the code decides what it is.
 */
export function Rich({ text, tags }: { text: string; tags: Record<string, (chunk: string) => ReactNode> }) {
  const parts: ReactNode[] = [];
  const pattern = /<(\w+)>(.*?)<\/\1>/gs;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const [whole, name, chunk] = match;
    parts.push(text.slice(last, match.index));
    const render = tags[name!];
    parts.push(<Fragment key={match.index}>{render ? render(chunk!) : chunk}</Fragment>);
    last = match.index + whole.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
