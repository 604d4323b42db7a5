/**
 * Markdown as a client reads it, safely: raw HTML in the text is shown as text (`html:
 * false`), never turned into elements, and markdown-it refuses `javascript:`-style links.
 * Links open in a new tab without handing it this page (`noopener noreferrer`).
 */
import MarkdownIt from 'markdown-it';
import { t } from './i18n';

// `breaks`: people type a line break in a message or a note and expect to see it.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  token.attrSet('target', '_blank');
  token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** The HTML for `text`; safe to put into the page as it is. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** One line's HTML (bold, links, code; no paragraphs or lists), for a table cell or a title. */
export function renderInlineMarkdown(text: string): string {
  return md.renderInline(text);
}

/** The hint under a text area whose text is shown as Markdown, in the reader's language. */
export function markdownHint(): string {
  return t('common.markdownHint');
}

/**
 * @deprecated English only: use `markdownHint()` (or `t('common.markdownHint')`), which
 * follows the reader's language. Kept while screens move over.
 */
export const MARKDOWN_HINT = 'Markdown: **bold**, *italic*, lists, links.';
