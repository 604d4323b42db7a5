//! A brand colour's companion: the text colour that reads on it, for the portal's header,
//! emails and PDFs alike.

/// White or near-black text, by WCAG relative luminance of the background.
pub fn readable_text_on(hex: &str) -> &'static str {
    let channel = |i: usize| {
        let c = u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0) as f64 / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    // Contrast with white is (1.05)/(l+0.05); with #111827 (l≈0.0116) it is (l+0.05)/0.0616.
    if 1.05 / (l + 0.05) >= (l + 0.05) / 0.0616 { "#ffffff" } else { "#111827" }
}

#[cfg(test)]
mod tests {
    use super::readable_text_on;

    #[test]
    fn text_colour_reads_on_its_background() {
        assert_eq!(readable_text_on("#2563eb"), "#ffffff");
        assert_eq!(readable_text_on("#000000"), "#ffffff");
        assert_eq!(readable_text_on("#fde047"), "#111827");
        assert_eq!(readable_text_on("#ffffff"), "#111827");
    }
}
