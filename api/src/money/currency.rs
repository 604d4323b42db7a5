//! ISO 4217 minor units and how an amount is written on a document or in an email.

/// Currencies whose minor unit is not a hundredth. Amounts are always stored in the minor
/// unit, so for JPY an amount of `1500` is ¥1,500 and for BHD it is 1.500 dinars.
const ZERO_DECIMAL: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF",
    "XPF",
];
const THREE_DECIMAL: &[&str] = &["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

/// How many decimal places the currency's minor unit has (2 for most, 0 for JPY).
pub fn exponent(currency: &str) -> u32 {
    if ZERO_DECIMAL.contains(&currency) {
        0
    } else if THREE_DECIMAL.contains(&currency) {
        3
    } else {
        2
    }
}

/// `1234550, "EUR"` → `EUR 12,345.50`; `1500, "JPY"` → `JPY 1,500`. Locale-neutral on
/// purpose: PDFs and emails are read everywhere, and the code names the currency plainly.
pub fn format_amount(minor: i64, currency: &str) -> String {
    let exp = exponent(currency);
    let negative = minor < 0;
    let abs = minor.unsigned_abs();
    let unit = 10u64.pow(exp);
    let (whole, fraction) = (abs / unit, abs % unit);
    let digits = whole.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if negative { "-" } else { "" };
    if exp == 0 {
        format!("{currency} {sign}{grouped}")
    } else {
        format!("{currency} {sign}{grouped}.{fraction:0width$}", width = exp as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_minor_unit() {
        assert_eq!(format_amount(1_234_550, "EUR"), "EUR 12,345.50");
        assert_eq!(format_amount(5, "USD"), "USD 0.05");
        assert_eq!(format_amount(1500, "JPY"), "JPY 1,500");
        assert_eq!(format_amount(1500, "BHD"), "BHD 1.500");
        assert_eq!(format_amount(-250, "GBP"), "GBP -2.50");
        assert_eq!(format_amount(100_000_000, "EUR"), "EUR 1,000,000.00");
    }
}
