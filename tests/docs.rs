//! The README's Rust snippets that say where they come from
//! (`<!-- from examples/NAME.rs -->` on the line before the block) are taken
//! from that example, line for line, and the examples run in CI: so the
//! snippets compile and do what the README says.

use std::fs;
use std::path::Path;

#[test]
fn readme_snippets_are_lines_of_the_examples_they_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let lines: Vec<&str> = readme.lines().collect();
    let mut checked = 0;
    for (i, line) in lines.iter().enumerate() {
        let Some(source) = line
            .trim()
            .strip_prefix("<!-- from ")
            .and_then(|l| l.strip_suffix(" -->"))
        else {
            continue;
        };
        assert_eq!(lines.get(i + 1).map(|l| l.trim()), Some("```rust"), "README line {}", i + 2);
        let example = fs::read_to_string(root.join(source))
            .unwrap_or_else(|e| panic!("README line {}: {source}: {e}", i + 1));
        let example: Vec<&str> = example.lines().map(str::trim).collect();
        for (j, snippet_line) in lines[i + 2..]
            .iter()
            .take_while(|l| l.trim() != "```")
            .enumerate()
        {
            let wanted = snippet_line.trim();
            assert!(
                wanted.is_empty() || example.contains(&wanted),
                "README line {}: `{wanted}` is not a line of {source}",
                i + 3 + j
            );
        }
        checked += 1;
    }
    assert!(checked > 0, "no README snippet names its example");
}
