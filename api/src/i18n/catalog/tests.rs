//! The catalogs are complete: every language has every message, with the same variables; no
//! message goes unused; every message the code asks for exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::SOURCES;
use crate::i18n::Language;

/// Message id → the variables it fills in, for one catalog file.
type Messages = BTreeMap<String, BTreeSet<String>>;

fn variables_of(pattern: &Pattern<&str>, into: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, into);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, into: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, into),
        Expression::Select { selector, variants } => {
            inline_variables(selector, into);
            for variant in variants {
                variables_of(&variant.value, into);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, into: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            into.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, into),
        _ => {}
    }
}

fn messages(source: &str) -> Messages {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| panic!("{errors:?}"));
    let mut out = Messages::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut vars = BTreeSet::new();
            if let Some(value) = &message.value {
                variables_of(value, &mut vars);
            }
            assert!(out.insert(message.id.name.to_string(), vars).is_none(), "{} twice", message.id.name);
        }
    }
    out
}

fn catalogs() -> Vec<(Language, Vec<Messages>)> {
    SOURCES.iter().map(|(lang, files)| (*lang, files.iter().map(|f| messages(f)).collect())).collect()
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let all = catalogs();
    let (_, english) = &all[0];
    for (lang, files) in &all[1..] {
        for (file, (theirs, ours)) in files.iter().zip(english).enumerate() {
            let missing: Vec<_> = ours.keys().filter(|k| !theirs.contains_key(*k)).collect();
            let extra: Vec<_> = theirs.keys().filter(|k| !ours.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang:?} file {file}: missing {missing:?}, extra {extra:?}"
            );
            for (id, vars) in ours {
                assert_eq!(&theirs[id], vars, "{lang:?} {id}: the variables differ from English");
            }
        }
    }
}

#[test]
fn no_message_is_defined_in_two_files() {
    let (_, english) = &catalogs()[0];
    let mut seen = BTreeSet::new();
    for file in english {
        for id in file.keys() {
            assert!(seen.insert(id.clone()), "{id} is in two catalog files");
        }
    }
}

/// The crate's code, file by file, without comment lines (this test left out).
fn sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("catalog/tests.rs") {
                let text = std::fs::read_to_string(&path).expect("source");
                let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
                out.push((path.display().to_string(), code.join("\n")));
            }
        }
    }
    let mut files = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files
}

#[test]
fn every_message_is_used_and_every_one_asked_for_exists() {
    let (_, english) = &catalogs()[0];
    let ids: BTreeSet<&String> = english.iter().flat_map(|f| f.keys()).collect();
    let files = sources();
    // A message is named in code as a string literal, `"message-id"`.
    let unused: Vec<_> =
        ids.iter().filter(|id| !files.iter().any(|(_, text)| text.contains(&format!("\"{id}\"")))).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    // `tr!(lang, "message-id", …)`: the id is the first literal after the language.
    let asked: Vec<(&str, &str)> = files
        .iter()
        .flat_map(|(path, text)| {
            text.split("tr!(").skip(1).filter_map(move |call| {
                let (_, rest) = call.split_once(',')?;
                let id = rest.trim_start().strip_prefix('"')?.split('"').next()?;
                Some((path.as_str(), id))
            })
        })
        .collect();
    assert!(asked.len() > 100, "the scan finds the calls ({} found)", asked.len());
    let unknown: Vec<_> = asked.iter().filter(|(_, id)| !ids.iter().any(|known| known.as_str() == *id)).collect();
    assert!(unknown.is_empty(), "messages the code asks for that no catalog has: {unknown:?}");
}

#[test]
fn a_missing_message_falls_back_to_english_then_its_id() {
    assert_eq!(crate::i18n::message(Language::German, "pdf-total", &[]), "Gesamt");
    assert_eq!(crate::i18n::message(Language::German, "no-such-message", &[]), "no-such-message");
}
