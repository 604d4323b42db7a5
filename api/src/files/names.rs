//! Turning an uploaded file's name into one that is safe to store, show and send back in a
//! `Content-Disposition` header: no directories, no control or direction-changing
//! characters, a sane length.

const MAX_CHARS: usize = 200;

fn unwanted(c: char) -> bool {
    c.is_control()
        || ('\u{202A}'..='\u{202E}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}')
}

/// The last path component, cleaned; `file` when nothing usable is left.
pub fn sanitise(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    // Tabs and line breaks separate words: they become spaces before controls go.
    let cleaned: String =
        base.chars().map(|c| if c.is_whitespace() { ' ' } else { c }).filter(|c| !unwanted(*c)).collect();
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_matches(|c: char| c == '.' || c == ' ');
    if trimmed.is_empty() {
        return "file".to_string();
    }
    cap(trimmed)
}

/// At most `MAX_CHARS` characters, keeping a short extension.
fn cap(name: &str) -> String {
    if name.chars().count() <= MAX_CHARS {
        return name.to_string();
    }
    let ext = name.rsplit_once('.').map(|(_, e)| e).filter(|e| !e.is_empty() && e.chars().count() <= 16);
    match ext {
        Some(ext) => {
            let keep = MAX_CHARS - ext.chars().count() - 1;
            let stem: String = name.chars().take(keep).collect();
            format!("{}.{ext}", stem.trim_end_matches(['.', ' ']))
        }
        None => name.chars().take(MAX_CHARS).collect::<String>().trim_end_matches(['.', ' ']).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::sanitise;

    #[test]
    fn directories_and_controls_are_removed() {
        assert_eq!(sanitise("../../etc/passwd"), "passwd");
        assert_eq!(sanitise("C:\\Users\\maria\\logo final.png"), "logo final.png");
        assert_eq!(sanitise("a\u{0}b.txt"), "ab.txt");
        assert_eq!(sanitise("in\u{7f}voice\r\n.pdf"), "invoice .pdf");
        // "invoice<U+202E>fdp.exe" shows as "invoiceexe.pdf" unless the override is removed.
        assert_eq!(sanitise("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
        assert_eq!(sanitise("x\u{2066}y\u{2069}.txt"), "xy.txt");
    }

    #[test]
    fn ends_whitespace_and_empty_names() {
        assert_eq!(sanitise("  ..brief   for\tMaria.txt.. "), "brief for Maria.txt");
        assert_eq!(sanitise(".."), "file");
        assert_eq!(sanitise("dir/"), "file");
        assert_eq!(sanitise(""), "file");
        assert_eq!(sanitise("Ünïcödé 日本.pdf"), "Ünïcödé 日本.pdf");
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "a".repeat(300));
        let capped = sanitise(&long);
        assert_eq!(capped.chars().count(), 200);
        assert!(capped.ends_with("a.pdf"));
        let no_ext = "é".repeat(300);
        assert_eq!(sanitise(&no_ext).chars().count(), 200);
    }
}
