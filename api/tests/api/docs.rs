//! The README stays true: every setting the code reads is in its configuration table.

#[test]
fn readme_lists_every_setting() {
    let readme = include_str!("../../../README.md");
    for (var, default, _) in portico::config::VARIABLES {
        let row = readme.lines().find(|l| l.starts_with(&format!("| `{var}` |")));
        let row = row.unwrap_or_else(|| panic!("README.md has no row for {var}"));
        assert!(
            row.contains(default.trim_end_matches('/')) || default.contains('('),
            "{var}: default {default} in README"
        );
    }
}
