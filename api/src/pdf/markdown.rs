//! The contract's Markdown as a list of text blocks, with pulldown-cmark used only as a
//! parser: headings, paragraphs, list items, quotes and code become plain text; emphasis is
//! dropped; links keep their address as "text (url)"; raw HTML is kept as the literal text
//! it was, never interpreted.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a block is, which decides its face, size and indent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Level 1 to 6.
    Heading(u8),
    Paragraph,
    /// A list item with its marker (`•`, `3.`).
    Item(String),
    Code,
    Rule,
}

/// One block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: Kind,
    /// List nesting depth (0 outside lists).
    pub depth: usize,
    /// Inside a block quote.
    pub quote: bool,
    /// Plain text; `\n` is a hard line break.
    pub text: String,
}

/// Walks the Markdown events into blocks.
#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    current: Option<Block>,
    /// One entry per open list: the next number, or none for bullets.
    lists: Vec<Option<u64>>,
    quotes: usize,
    /// Addresses of the open links and images, written after their text.
    links: Vec<String>,
}

impl Builder {
    fn open(&mut self, kind: Kind) {
        self.close();
        let depth = self.lists.len();
        self.current = Some(Block { kind, depth, quote: self.quotes > 0, text: String::new() });
    }

    fn close(&mut self) {
        if let Some(block) = self.current.take() {
            let keep = block.kind == Kind::Rule || !block.text.trim().is_empty() || matches!(block.kind, Kind::Item(_));
            if keep {
                self.blocks.push(block);
            }
        }
    }

    fn push(&mut self, text: &str) {
        if self.current.is_none() {
            self.open(Kind::Paragraph);
        }
        if let Some(block) = self.current.as_mut() {
            block.text.push_str(text);
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => self.open(Kind::Heading(level as u8)),
            Tag::Paragraph => {
                // The first paragraph of a loose list item belongs to the item's marker.
                let fresh_item =
                    matches!(&self.current, Some(Block { kind: Kind::Item(_), text, .. }) if text.is_empty());
                if !fresh_item {
                    self.open(Kind::Paragraph);
                }
            }
            Tag::List(start) => {
                self.close();
                self.lists.push(start);
            }
            Tag::Item => {
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => "•".to_string(),
                };
                self.open(Kind::Item(marker));
                // An item is nested one level less than the lists around its content.
                if let Some(block) = self.current.as_mut() {
                    block.depth = self.lists.len() - 1;
                }
            }
            Tag::BlockQuote(_) => {
                self.close();
                self.quotes += 1;
            }
            Tag::CodeBlock(_) => self.open(Kind::Code),
            Tag::HtmlBlock => self.open(Kind::Paragraph),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => self.links.push(dest_url.to_string()),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::HtmlBlock => {
                self.close()
            }
            TagEnd::List(_) => {
                self.close();
                self.lists.pop();
            }
            TagEnd::BlockQuote(_) => {
                self.close();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::Link | TagEnd::Image => {
                if let Some(url) = self.links.pop().filter(|u| !u.is_empty()) {
                    let shown = self.current.as_ref().is_some_and(|b| b.text.ends_with(url.as_str()));
                    if !shown {
                        self.push(&format!(" ({url})"));
                    }
                }
            }
            _ => {}
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => self.push(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push(&t),
            Event::FootnoteReference(t) => self.push(&format!("[{t}]")),
            Event::SoftBreak => self.push(" "),
            Event::HardBreak => self.push("\n"),
            Event::Rule => {
                self.open(Kind::Rule);
                self.close();
            }
            Event::TaskListMarker(done) => self.push(if done { "[x] " } else { "[ ] " }),
        }
    }
}

/// The blocks of a Markdown text, in order.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        builder.event(event);
    }
    builder.close();
    builder.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: Kind, depth: usize, text: &str) -> Block {
        Block { kind, depth, quote: false, text: text.into() }
    }

    #[test]
    fn headings_paragraphs_and_lists() {
        let md = "# Terms\n\nThe *client* pays **on time**.\n\n- one\n- two\n  1. sub\n\n3. three\n4. four\n";
        assert_eq!(
            blocks(md),
            vec![
                block(Kind::Heading(1), 0, "Terms"),
                block(Kind::Paragraph, 0, "The client pays on time."),
                block(Kind::Item("•".into()), 0, "one"),
                block(Kind::Item("•".into()), 0, "two"),
                block(Kind::Item("1.".into()), 1, "sub"),
                block(Kind::Item("3.".into()), 0, "three"),
                block(Kind::Item("4.".into()), 0, "four"),
            ]
        );
    }

    #[test]
    fn html_is_literal_and_links_keep_their_address() {
        let md = "Hello <b>bold</b> and [our site](https://example.com).\n\n<script>alert(1)</script>\n";
        let b = blocks(md);
        assert_eq!(b[0].text, "Hello <b>bold</b> and our site (https://example.com).");
        assert!(b[1].text.contains("<script>alert(1)</script>"));
    }

    #[test]
    fn quotes_code_and_breaks() {
        let b = blocks("> quoted\n> text\n\n```\nlet x = 1;\nlet y = 2;\n```\n\nline one  \nline two\n");
        assert_eq!(b[0], Block { kind: Kind::Paragraph, depth: 0, quote: true, text: "quoted text".into() });
        assert_eq!(b[1].kind, Kind::Code);
        assert_eq!(b[1].text, "let x = 1;\nlet y = 2;\n");
        assert_eq!(b[2].text, "line one\nline two");
    }
}
