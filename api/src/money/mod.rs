//! Money shared by quotes and invoices: amounts in integer minor units beside an ISO 4217
//! currency, line items and their totals, and per-tenant document numbers.
//!
//! **The rounding rule** (one, everywhere): each line is rounded on its own, half to even,
//! to the currency's minor unit — first its net amount
//! (`quantity × unit price × (1 − discount)`), then its tax (`net × tax rate`). The
//! document's subtotal is the sum of the line nets, each tax rate's amount is the sum of its
//! lines' taxes, and the total is subtotal plus taxes. So the lines always add up to the
//! total on the page, to the last cent (or yen).

pub mod currency;
pub mod lines;
pub mod model;
pub mod numbering;
pub mod store;

pub use currency::{exponent, format_amount};
pub use lines::{Line, LineInput, LineMath, Quantity, TaxAmount, Totals, compute_line, round_half_even, totals};
