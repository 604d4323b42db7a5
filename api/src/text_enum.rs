//! Enums stored and sent as words (`"on_hold"`): statuses, roles, methods, scopes. One macro
//! writes what each used to write by hand: the word of every variant (for serde, the spec
//! and the database alike), `ALL`, `as_str`, `parse`, and `filter`, the list parameter with
//! the one 400 that names every word.

/// `text_enum! { /// docs  pub enum Name { /// docs  Variant = "word", … } }`: the enum with
/// `Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema` (add more with a
/// `#[derive(…)]` of its own) and its words.
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $word:tt ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $word)] $variant ),+
        }

        impl $name {
            /// Every value, in the order the documentation lists them.
            pub const ALL: [$name; [$($word),+].len()] = [$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $word ),+
                }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $( $word => Some($name::$variant), )+
                    _ => None,
                }
            }

            /// A value read back from the database, `otherwise` when it is none of the words
            /// (a row written by hand or by a newer version): said in the log, never silently.
            pub fn stored_or(word: &str, otherwise: $name) -> $name {
                $name::parse(word).unwrap_or_else(|| {
                    tracing::error!(value = word, kind = stringify!($name), "a stored value is none of its words");
                    otherwise
                })
            }

            /// A list's `?{param}=` filter: none when absent or empty, 400 naming every word
            /// when it is none of them.
            pub fn filter(param: &str, raw: Option<&str>) -> Result<Option<$name>, $crate::error::ApiError> {
                match raw {
                    None | Some("") => Ok(None),
                    Some(s) => $name::parse(s).map(Some).ok_or_else(|| {
                        $crate::error::ApiError::BadRequest(format!(
                            "'{param}' must be {}, not '{s}'.",
                            $crate::text_enum::one_of(&[$($word),+])
                        ))
                    }),
                }
            }
        }
    };
}

/// `a, b or c`.
pub fn one_of(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [only] => (*only).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::one_of;

    crate::text_enum! {
        /// A test enum.
        pub enum Colour {
            /// The first.
            Red = "red",
            DarkBlue = "dark_blue",
        }
    }

    #[test]
    fn words_are_one_for_serde_as_str_parse_and_filter() {
        assert_eq!(Colour::ALL, [Colour::Red, Colour::DarkBlue]);
        assert_eq!(serde_json::to_value(Colour::DarkBlue).unwrap(), "dark_blue");
        assert_eq!(serde_json::from_str::<Colour>("\"red\"").unwrap(), Colour::Red);
        assert_eq!(Colour::DarkBlue.as_str(), "dark_blue");
        assert_eq!(Colour::parse("red"), Some(Colour::Red));
        assert_eq!(Colour::parse("Red"), None);
        assert_eq!(Colour::stored_or("red", Colour::DarkBlue), Colour::Red);
        assert_eq!(Colour::stored_or("purple", Colour::Red), Colour::Red, "a corrupt row reads as the fallback");
        assert_eq!(Colour::filter("colour", None).unwrap(), None);
        assert_eq!(Colour::filter("colour", Some("")).unwrap(), None);
        assert_eq!(Colour::filter("colour", Some("dark_blue")).unwrap(), Some(Colour::DarkBlue));
        let refused = Colour::filter("colour", Some("green")).unwrap_err().to_string();
        assert!(refused.contains("'colour' must be red or dark_blue, not 'green'."), "{refused}");
    }

    #[test]
    fn words_are_listed_as_a_sentence() {
        assert_eq!(one_of(&["a"]), "a");
        assert_eq!(one_of(&["a", "b", "c"]), "a, b or c");
    }
}
