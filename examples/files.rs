//! A plugin given two directories: its data, read-only, and an output
//! directory it may write with a quota. When the host revokes the output
//! mount, every file the plugin still holds there is closed.
//!
//! `cargo run --example files`

// pyocap accounts each sandbox's memory in the global allocator.
#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{Mount, MountMode, Policy, Runtime, Value};

const PLUGIN: &str = r#"
import os

def summarise():
    lines = 0
    for name in os.listdir("/data"):
        with open("/data/" + name) as f:
            lines += sum(1 for _ in f)
    global report
    report = open("/out/report.txt", "w")
    report.write(f"{lines} lines\n")
    report.flush()
    return lines
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/plugin-data");
    let out_dir = std::env::temp_dir().join(format!("pyocap-example-out-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir)?;

    let output = Mount::new(&out_dir, "/out", MountMode::ReadWrite)?.with_quota(64 * 1024)?;
    let mut policy = Policy::new();
    policy.mount(Mount::new(data_dir, "/data", MountMode::ReadOnly)?)?;
    policy.mount(output.clone())?;

    let runtime = Runtime::default();
    let plugin = runtime.sandbox(&policy)?;
    plugin.exec(PLUGIN)?;
    assert_eq!(plugin.call("summarise", &[])?, Value::from(3));
    println!("report: {}", std::fs::read_to_string(out_dir.join("report.txt"))?.trim());
    println!("bytes written: {} of a {} byte quota", output.bytes_written(), 64 * 1024);

    // The plugin cannot reach anything outside its mounts.
    let escape = plugin.exec("open('/data/../../Cargo.toml')").unwrap_err();
    println!("escape refused: {escape}");

    // Revoking the output mount closes the file the plugin still holds.
    assert_eq!(output.open_files(), 1);
    output.revoke();
    assert_eq!(output.open_files(), 0);
    let after = plugin.exec("report.write('more')").unwrap_err();
    println!("after revocation: {after}");

    std::fs::remove_dir_all(&out_dir)?;
    Ok(())
}
