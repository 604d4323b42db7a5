//! Line items and totals, computed on the server with the rule in the module docs: each line
//! rounded half to even, then summed.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use utoipa::ToSchema;
use validator::Validate;

use crate::rules;

/// Most lines a quote or invoice may hold.
pub const MAX_LINES: usize = 200;
/// Largest quantity, in thousandths (one million units).
const MAX_QUANTITY_MILLI: i64 = 1_000_000_000;

/// A quantity with up to three decimals, kept in thousandths (`"1.5"` is 1500). Read from a
/// JSON string (`"0.333"`) or number (`2`); written as a string, without trailing zeros.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quantity(pub i64);

impl Quantity {
    pub fn milli(self) -> i64 {
        self.0
    }

    /// Parses `"12"`, `"1.5"`, `"0.333"`; refuses more than three decimals, signs, exponents,
    /// leading zeros, zero and more than a million ([`QUANTITY_PATTERN`] says the same).
    pub fn parse(text: &str) -> Result<Quantity, String> {
        const MESSAGE: &str = "must be a number greater than 0 and at most 1000000, with up to 3 decimals";
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 7 || !digits(whole) || !digits(fraction) {
            return Err(MESSAGE.into());
        }
        if whole.len() > 1 && whole.starts_with('0') {
            return Err(MESSAGE.into());
        }
        if text.contains('.') && fraction.is_empty() {
            return Err(MESSAGE.into());
        }
        if fraction.len() > 3 {
            return Err("must have at most 3 decimals".into());
        }
        let whole: i64 = whole.parse().map_err(|_| MESSAGE.to_string())?;
        let fraction: i64 = format!("{fraction:0<3}").parse().map_err(|_| MESSAGE.to_string())?;
        let milli = whole * 1000 + fraction;
        if milli == 0 || milli > MAX_QUANTITY_MILLI {
            return Err(MESSAGE.into());
        }
        Ok(Quantity(milli))
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, fraction) = (self.0 / 1000, self.0 % 1000);
        if fraction == 0 {
            write!(f, "{whole}")
        } else {
            let digits = format!("{fraction:03}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Quantity, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Quantity;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a quantity such as \"1.5\" or 2")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Quantity, E> {
                Quantity::parse(v.trim_matches(' ')).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Quantity, E> {
                Quantity::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
                Quantity::parse(&v.to_string()).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Quantity, E> {
                // A multiple of 0.001 as binary floating point holds it (1.003 may arrive as
                // 1.0030000000000001): within a millionth of a thousandth, it is that number,
                // as JSON Schema's `multipleOf` reads it.
                let milli = (v * 1000.0).round();
                if v.is_finite() && (v * 1000.0 - milli).abs() < 1e-6 && milli.abs() < 1e15 {
                    let q = Quantity(milli as i64);
                    return Quantity::parse(&q.to_string()).map_err(E::custom);
                }
                Quantity::parse(&format!("{v}")).map_err(E::custom)
            }
        }
        de.deserialize_any(V)
    }
}

/// A quantity as a string: greater than 0, at most 1000000, up to 3 decimals, no leading
/// zero (spaces around are ignored).
pub const QUANTITY_PATTERN: &str =
    "^ *(?:[1-9][0-9]{0,5}(?:\\.[0-9]{1,3})?|1000000(?:\\.0{1,3})?|0\\.(?:[1-9][0-9]{0,2}|0[1-9][0-9]?|00[1-9])) *$";

impl utoipa::PartialSchema for Quantity {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
        ObjectBuilder::new()
            .schema_type(SchemaType::from_iter([Type::String, Type::Number]))
            .description(Some(
                "Greater than 0, at most 1000000, up to 3 decimals: a string (`\"1.5\"`, as the server \
                 writes it) or a number.",
            ))
            .pattern(Some(QUANTITY_PATTERN))
            .exclusive_minimum(Some(0.0))
            .maximum(Some(1_000_000.0))
            .multiple_of(Some(0.001))
            .examples([serde_json::json!("1.5")])
            .into()
    }
}

impl utoipa::ToSchema for Quantity {}

/// One line as staff write it.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LineInput {
    #[validate(
        length(min = 1, max = 500, message = "must be 1 to 500 characters"),
        custom(function = "rules::not_blank")
    )]
    #[schema(example = "Logo design")]
    #[schema(min_length = 1, max_length = 500, pattern = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$")]
    pub description: String,
    /// Up to 3 decimals, greater than 0, at most 1000000; a string (`"1.5"`) or a number.
    pub quantity: Quantity,
    /// Price of one unit in minor units of the document's currency (`12050` is EUR 120.50).
    #[validate(range(min = 0, max = 10_000_000_000_i64, message = "must be a whole number from 0 to 10000000000"))]
    #[schema(example = 12050, minimum = 0, maximum = 10000000000_i64)]
    pub unit_price_minor: i64,
    /// Tax rate in basis points: `2000` is 20 %, `0` no tax.
    #[serde(default)]
    #[validate(range(min = 0, max = 10_000, message = "must be from 0 to 10000 basis points (0 % to 100 %)"))]
    #[schema(example = 2000, minimum = 0, maximum = 10000)]
    pub tax_rate_bp: i32,
    /// Discount on this line in basis points: `1000` is 10 % off.
    #[serde(default)]
    #[validate(range(min = 0, max = 10_000, message = "must be from 0 to 10000 basis points (0 % to 100 %)"))]
    #[schema(example = 0, minimum = 0, maximum = 10000)]
    pub discount_bp: i32,
}

/// `deserialize_with` for a `lines` field: refuses more than `MAX_LINES` while reading.
pub fn lines_field<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<LineInput>, D::Error> {
    let lines = Vec::<LineInput>::deserialize(de)?;
    if lines.len() > MAX_LINES {
        return Err(de::Error::custom(format!("must hold at most {MAX_LINES} lines")));
    }
    Ok(lines)
}

/// `deserialize_with` for an optional `lines` field in a PATCH: may be left out, never null.
pub fn some_lines_field<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Vec<LineInput>>, D::Error> {
    match Option::<serde_json::Value>::deserialize(de)? {
        None => Err(de::Error::custom("must not be null; leave the field out to keep the lines")),
        Some(value) => lines_field(value).map(Some).map_err(de::Error::custom),
    }
}

/// A line's amounts: net after discount, and its tax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineMath {
    pub net_minor: i64,
    pub tax_minor: i64,
}

/// `n / d` rounded half to even (banker's rounding); `d > 0`.
pub fn round_half_even(n: i128, d: i128) -> i128 {
    let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
    match (r * 2).cmp(&d) {
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal => q + (q & 1),
    }
}

/// One line's net (`quantity × unit price × (1 − discount)`) and tax (`net × rate`), each
/// rounded half to even to the minor unit.
pub fn compute_line(quantity_milli: i64, unit_price_minor: i64, tax_rate_bp: i32, discount_bp: i32) -> LineMath {
    let gross = i128::from(quantity_milli) * i128::from(unit_price_minor) * i128::from(10_000 - discount_bp);
    let net = round_half_even(gross, 1000 * 10_000);
    let tax = round_half_even(net * i128::from(tax_rate_bp), 10_000);
    // Bounded by the input limits (10^6 units × 10^10 minor = 10^16; 200 lines with 100 %
    // tax stay below 2^63), so both, and any document's total, fit in i64.
    LineMath { net_minor: net as i64, tax_minor: tax as i64 }
}

impl LineInput {
    pub fn math(&self) -> LineMath {
        compute_line(self.quantity.milli(), self.unit_price_minor, self.tax_rate_bp, self.discount_bp)
    }
}

/// A line as stored and shown, with its computed amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Line {
    pub description: String,
    #[schema(value_type = String, example = "1.5")]
    pub quantity: Quantity,
    pub unit_price_minor: i64,
    pub tax_rate_bp: i32,
    pub discount_bp: i32,
    /// Quantity × unit price, less the discount; rounded half to even.
    pub net_minor: i64,
    /// Net × tax rate; rounded half to even.
    pub tax_minor: i64,
}

impl Line {
    pub fn of(input: &LineInput) -> Line {
        let math = input.math();
        Line {
            description: input.description.trim().to_string(),
            quantity: input.quantity,
            unit_price_minor: input.unit_price_minor,
            tax_rate_bp: input.tax_rate_bp,
            discount_bp: input.discount_bp,
            net_minor: math.net_minor,
            tax_minor: math.tax_minor,
        }
    }
}

/// Tax at one rate: the sum of the taxes of the lines at that rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TaxAmount {
    pub rate_bp: i32,
    /// The nets of the lines at this rate, summed.
    pub taxable_minor: i64,
    pub amount_minor: i64,
}

/// A document's totals: subtotal (sum of line nets), tax per rate (sum of line taxes), total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Totals {
    pub subtotal_minor: i64,
    /// One entry per tax rate used, lowest rate first; rates of 0 are left out.
    pub taxes: Vec<TaxAmount>,
    pub tax_minor: i64,
    pub total_minor: i64,
}

pub fn totals(lines: &[Line]) -> Totals {
    let mut by_rate: BTreeMap<i32, (i64, i64)> = BTreeMap::new();
    for line in lines.iter().filter(|l| l.tax_rate_bp > 0) {
        let entry = by_rate.entry(line.tax_rate_bp).or_default();
        entry.0 += line.net_minor;
        entry.1 += line.tax_minor;
    }
    let subtotal_minor = lines.iter().map(|l| l.net_minor).sum();
    let tax_minor = lines.iter().map(|l| l.tax_minor).sum();
    Totals {
        subtotal_minor,
        taxes: by_rate
            .into_iter()
            .map(|(rate_bp, (taxable_minor, amount_minor))| TaxAmount { rate_bp, taxable_minor, amount_minor })
            .collect(),
        tax_minor,
        total_minor: subtotal_minor + tax_minor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(q: &str, price: i64, tax: i32, discount: i32) -> Line {
        Line::of(&LineInput {
            description: "x".into(),
            quantity: Quantity::parse(q).unwrap(),
            unit_price_minor: price,
            tax_rate_bp: tax,
            discount_bp: discount,
        })
    }

    #[test]
    fn quantities_parse_and_print() {
        assert_eq!(Quantity::parse("1.5").unwrap().0, 1500);
        assert_eq!(Quantity::parse("0.333").unwrap().0, 333);
        assert_eq!(Quantity::parse("2").unwrap().0, 2000);
        assert_eq!(Quantity::parse("1000000").unwrap().0, 1_000_000_000);
        for bad in ["0", "0.000", "1.2345", "-1", "1e3", "", ".5", "5.", "1000000.001", "abc", " 1"] {
            assert!(Quantity::parse(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(Quantity(1500).to_string(), "1.5");
        assert_eq!(Quantity(333).to_string(), "0.333");
        assert_eq!(Quantity(2000).to_string(), "2");
        let q: Quantity = serde_json::from_str("0.333").unwrap();
        assert_eq!(q.0, 333);
        let q: Quantity = serde_json::from_str("\"1.25\"").unwrap();
        assert_eq!(q.0, 1250);
        assert!(serde_json::from_str::<Quantity>("0.0001").is_err());
    }

    #[test]
    fn half_to_even() {
        assert_eq!(round_half_even(5, 2), 2, "2.5 → 2");
        assert_eq!(round_half_even(7, 2), 4, "3.5 → 4");
        assert_eq!(round_half_even(-5, 2), -2, "-2.5 → -2");
        assert_eq!(round_half_even(10, 3), 3, "3.33 → 3");
        assert_eq!(round_half_even(20, 3), 7, "6.67 → 7");
    }

    #[test]
    fn thirds_round_per_line() {
        // 0.333 × 100.00 = 33.30; three such lines make 99.90, not 100.00.
        let lines = vec![line("0.333", 10_000, 0, 0), line("0.333", 10_000, 0, 0), line("0.333", 10_000, 0, 0)];
        assert_eq!(lines[0].net_minor, 3330);
        assert_eq!(totals(&lines).total_minor, 9990);
        // 1/3 of 0.10: 0.333 × 10 = 3.33 cents → 3.
        assert_eq!(line("0.333", 10, 0, 0).net_minor, 3);
        // 0.5 × 0.05 = 2.5 cents → 2 (even); 1.5 × 0.05 = 7.5 → 8 (even).
        assert_eq!(line("0.5", 5, 0, 0).net_minor, 2);
        assert_eq!(line("1.5", 5, 0, 0).net_minor, 8);
    }

    #[test]
    fn mixed_tax_rates_sum_per_rate() {
        // 19 % on 10.05 = 1.9095 → 1.91; 7 % on 3.50 = 0.245 → 0.24 (half to even);
        // 19 % on 0.50 = 0.095 → 0.10 (0.095 is 9.5 cents → 10, even).
        let lines =
            vec![line("1", 1005, 1900, 0), line("1", 350, 700, 0), line("1", 50, 1900, 0), line("2", 100, 0, 0)];
        let t = totals(&lines);
        assert_eq!(lines[0].tax_minor, 191);
        assert_eq!(lines[1].tax_minor, 24);
        assert_eq!(lines[2].tax_minor, 10);
        assert_eq!(t.subtotal_minor, 1005 + 350 + 50 + 200);
        assert_eq!(
            t.taxes,
            vec![
                TaxAmount { rate_bp: 700, taxable_minor: 350, amount_minor: 24 },
                TaxAmount { rate_bp: 1900, taxable_minor: 1055, amount_minor: 201 },
            ]
        );
        assert_eq!(t.tax_minor, 225);
        assert_eq!(t.total_minor, 1605 + 225);
    }

    #[test]
    fn zero_decimal_currencies_round_to_whole_units() {
        // JPY has no minor unit below the yen: 1.5 × ¥333 = ¥499.5 → ¥500 (even), 10 % tax
        // on ¥500 = ¥50; 0.333 × ¥1000 = ¥333.
        let a = line("1.5", 333, 1000, 0);
        assert_eq!((a.net_minor, a.tax_minor), (500, 50));
        assert_eq!(line("0.333", 1000, 0, 0).net_minor, 333);
        // ¥125 at 10 % is ¥12.5 → ¥12 (even).
        assert_eq!(line("1", 125, 1000, 0).tax_minor, 12);
    }

    #[test]
    fn discounts_apply_before_tax() {
        // 3 × 9.99 = 29.97, 15 % off = 25.4745 → 25.47, 20 % tax = 5.094 → 5.09.
        let l = line("3", 999, 2000, 1500);
        assert_eq!((l.net_minor, l.tax_minor), (2547, 509));
        assert_eq!(line("1", 1000, 2000, 10_000).net_minor, 0, "100 % off is free");
    }

    #[test]
    fn the_largest_line_does_not_overflow() {
        let l = line("1000000", 10_000_000_000, 10_000, 0);
        assert_eq!(l.net_minor, 10_000_000_000_000_000);
        assert_eq!(l.tax_minor, 10_000_000_000_000_000);
        let many = vec![l; MAX_LINES];
        assert_eq!(totals(&many).total_minor, 4_000_000_000_000_000_000);
    }
}

/// Properties of the arithmetic every quote and invoice relies on, over the whole input range
/// the API accepts (quantities to 10^6 units, prices to 10^10 minor units, rates and
/// discounts to 100 %).
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn half_even_is_the_nearest_with_ties_to_even(n in -10i128.pow(20)..10i128.pow(20), d in 1i128..10i128.pow(8)) {
            let q = round_half_even(n, d);
            let off = (n - q * d).abs() * 2;
            prop_assert!(off <= d, "{n}/{d} -> {q}");
            if off == d {
                prop_assert_eq!(q.rem_euclid(2), 0, "a tie goes to the even neighbour: {}/{} -> {}", n, d, q);
            }
        }

        #[test]
        fn a_line_is_within_half_a_minor_unit_of_the_exact_amounts(
            quantity in 0i64..=1_000_000_000,
            price in 0i64..=10_000_000_000,
            rate in 0i32..=10_000,
            discount in 0i32..=10_000,
        ) {
            let math = compute_line(quantity, price, rate, discount);
            // Exact net × 10^7 (thousandths of a unit, basis points of discount).
            let exact = i128::from(quantity) * i128::from(price) * i128::from(10_000 - discount);
            prop_assert!((i128::from(math.net_minor) * 10_000_000 - exact).abs() * 2 <= 10_000_000);
            prop_assert!((i128::from(math.tax_minor) * 10_000 - i128::from(math.net_minor) * i128::from(rate)).abs() * 2 <= 10_000);
            prop_assert!(math.net_minor >= 0 && math.tax_minor >= 0);
            if discount == 10_000 {
                prop_assert_eq!(math.net_minor, 0);
            }
        }

        #[test]
        fn totals_add_up_per_rate_and_overall(
            raw in prop::collection::vec((0i64..=100_000_000, 0i64..=1_000_000_000, prop::sample::select(vec![0, 700, 1_900, 2_000, 10_000]), 0i32..=10_000), 0..60)
        ) {
            let lines: Vec<Line> = raw
                .iter()
                .map(|&(quantity, price, rate, discount)| {
                    let math = compute_line(quantity, price, rate, discount);
                    Line {
                        description: "x".into(),
                        quantity: Quantity(quantity),
                        unit_price_minor: price,
                        tax_rate_bp: rate,
                        discount_bp: discount,
                        net_minor: math.net_minor,
                        tax_minor: math.tax_minor,
                    }
                })
                .collect();
            let t = totals(&lines);
            prop_assert_eq!(t.total_minor, t.subtotal_minor + t.tax_minor);
            prop_assert_eq!(t.subtotal_minor, lines.iter().map(|l| l.net_minor).sum::<i64>());
            prop_assert_eq!(t.taxes.iter().map(|x| x.amount_minor).sum::<i64>(), t.tax_minor);
            prop_assert!(t.taxes.windows(2).all(|w| w[0].rate_bp < w[1].rate_bp));
            prop_assert!(t.taxes.iter().all(|x| x.rate_bp > 0));
        }
    }
}
