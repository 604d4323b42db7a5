import { useMemo } from 'react';
import { renderInlineMarkdown, renderMarkdown } from '@/lib/markdown';

// Markdown's elements, styled without a typography plugin.
const prose =
  'space-y-3 break-words text-slate-800 [&_a]:font-medium [&_a]:text-brand-ink [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-xl [&_h1]:font-semibold [&_h1]:text-slate-900 [&_h2]:text-lg [&_h2]:font-semibold [&_h2]:text-slate-900 [&_h3]:font-semibold [&_h3]:text-slate-900 [&_li]:my-1 [&_ol]:list-decimal [&_ol]:pl-6 [&_table]:w-full [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-6';

const inlineProse =
  'break-words [&_a]:font-medium [&_a]:text-brand-ink [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1';

/**
 * Markdown shown safely: markdown-it with `html: false` escapes any HTML in the text and
 * refuses `javascript:` links; links open in a new tab with `noopener`. Every free text
 * people write (descriptions, messages, notes, contracts) goes through here, so it looks
 * the same wherever it is shown.
 */
export function MarkdownView({
  text,
  testId,
  label,
  className = '',
}: {
  text: string;
  testId?: string;
  label?: string;
  className?: string;
}) {
  const html = useMemo(() => renderMarkdown(text), [text]);
  return (
    <div
      className={`${prose} ${className}`}
      aria-label={label}
      role={label ? 'region' : undefined}
      data-testid={testId}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/** One line of Markdown inside other text: a table cell, a list item's title. */
export function MarkdownInline({ text, className = '' }: { text: string; className?: string }) {
  const html = useMemo(() => renderInlineMarkdown(text), [text]);
  return <span className={`${inlineProse} ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
