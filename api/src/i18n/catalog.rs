//! The Fluent bundles, one per language, built once from the catalogs in the binary.

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::Language;

/// The catalog files of one language, in the binary.
macro_rules! catalogs {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/mail.ftl")),
            include_str!(concat!("../../locales/", $lang, "/notices.ftl")),
            include_str!(concat!("../../locales/", $lang, "/documents.ftl")),
        ]
    };
}

/// Every catalog, by language (the completeness test reads them too).
pub(crate) const SOURCES: [(Language, [&str; 3]); 4] = [
    (Language::English, catalogs!("en")),
    (Language::German, catalogs!("de")),
    (Language::French, catalogs!("fr")),
    (Language::Spanish, catalogs!("es")),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(Language, Bundle)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(language, files)| {
            let id: unic_langid::LanguageIdentifier = language.as_str().parse().expect("a language tag");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Emails and PDFs are left-to-right only; isolation marks would show as stray characters.
            bundle.set_use_isolating(false);
            for source in files {
                let resource = FluentResource::try_new(source.to_string()).expect("the catalogs parse (tested)");
                bundle.add_resource(resource).expect("no message is defined twice (tested)");
            }
            (*language, bundle)
        })
        .collect()
});

/// A value to fill into a message.
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Number(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as i64)
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Arg {
        Arg::Number(n.into())
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(n.into())
    }
}

/// The message `id` in `language` with `args` filled in. A message missing there falls back
/// to English, and one missing everywhere to its id, said in the log (the catalog test keeps
/// both from happening).
pub fn message(language: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    for lang in [language, Language::English] {
        let Some((_, bundle)) = BUNDLES.iter().find(|(l, _)| *l == lang) else { continue };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { continue };
        let mut errors = vec![];
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::error!(id, language = lang.as_str(), ?errors, "a message did not format cleanly");
        }
        return text.into_owned();
    }
    tracing::error!(id, language = language.as_str(), "no catalog has this message");
    id.to_string()
}

#[cfg(test)]
mod tests;
