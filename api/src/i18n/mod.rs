//! What Portico writes for people outside the web app (emails, text messages, PDFs), in the
//! reader's language: Fluent catalogs in `api/locales/{language}/*.ftl`, compiled into the
//! binary, and the number, money and date formats each language expects.

mod catalog;
pub mod format;

pub use catalog::{Arg, message};
pub use format::Formats;

crate::text_enum! {
    /// A language Portico writes in: the portal, the console, emails and PDFs.
    pub enum Language {
        English = "en",
        German = "de",
        French = "fr",
        Spanish = "es",
    }
}

impl Language {
    /// The first of an `Accept-Language`-style list of tags Portico speaks (`de-AT` → German).
    pub fn best_of<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Language> {
        tags.into_iter().find_map(|tag| {
            let base = tag.trim().split(['-', '_', ';']).next().unwrap_or_default().to_ascii_lowercase();
            Language::parse(&base)
        })
    }

    /// The best language of a request's `Accept-Language` header, if it names one Portico speaks.
    pub fn accepted_by(req: &actix_web::HttpRequest) -> Option<Language> {
        Language::from_accept(req.headers().get(actix_web::http::header::ACCEPT_LANGUAGE)?.to_str().ok()?)
    }

    /// The best language of an `Accept-Language` value (`fr-CH, fr;q=0.9, en;q=0.8`).
    pub fn from_accept(header: &str) -> Option<Language> {
        let mut tags: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut bits = part.split(';');
                let tag = bits.next()?.trim();
                let q = bits.find_map(|b| b.trim().strip_prefix("q=")).and_then(|q| q.parse().ok()).unwrap_or(1.0);
                (q > 0.0).then_some((q, tag))
            })
            .collect();
        tags.sort_by(|a, b| b.0.total_cmp(&a.0));
        Language::best_of(tags.into_iter().map(|(_, tag)| tag))
    }

    /// The stored preference, `None` when the column is empty or holds an unknown word.
    pub fn stored(word: Option<&str>) -> Option<Language> {
        word.and_then(Language::parse)
    }
}

/// `?lang=` on a document's PDF: the language to print it in.
#[derive(Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LanguageQuery {
    /// `en`, `de`, `fr` or `es`. Left out, the client's own language, else the business's.
    pub lang: Option<Language>,
}

/// `tr!(language, "message-id")` or `tr!(language, "message-id", name = value, …)`: the
/// message in that language with its variables filled in. Values are anything a Fluent
/// value converts from (`&str`, `String`, integers).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::message($lang, $id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}
