//! Policies as TOML files (SPEC §4.7): [`Policy::from_toml`] and
//! [`Policy::to_toml`]. Every key is optional (an absent key keeps
//! [`Policy::new`]'s default), an unknown key is an error, and every value
//! goes through the same setter, with the same checks, as in Rust.

use crate::doors::{Clock, SysData};
use crate::error::ConfigError;
use crate::policy::Policy;
use crate::value::DataLimits;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The file's shape. Amounts are numbers or text (`"256MiB"`, `"none"`).
#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    builtins: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    allow_builtins: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deny_builtins: Vec<String>,
    #[serde(default)]
    imports: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    master: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seed: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clock: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entropy: Option<bool>,
    /// Mounted directories, each in the CLI form `HOST:GUEST[:ro|rw][:QUOTA]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    mounts: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timeout: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    memory: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_output: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fuel: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fuel_metering: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    recursion_limit: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_source_bytes: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_source_nesting: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_int_bits: Option<Amount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<DataFile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sys: Option<SysFile>,
    /// `"in-process"` (the default) or `"process"` (SPEC §2.1).
    #[serde(skip_serializing_if = "Option::is_none")]
    isolation: Option<String>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    max_depth: Option<Amount>,
    max_items: Option<Amount>,
    max_bytes: Option<Amount>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct SysFile {
    #[serde(default)]
    argv: Vec<String>,
    platform: Option<String>,
}

/// A number, or text: a byte count with a unit, or `"none"` for no limit.
#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(untagged)]
enum Amount {
    Int(i64),
    Float(f64),
    Text(String),
}

fn bad(key: &str, why: impl std::fmt::Display) -> ConfigError {
    ConfigError::PolicyFile(format!("`{key}`: {why}"))
}

impl Amount {
    /// `None` for `"none"`.
    fn bytes(&self, key: &str) -> Result<Option<usize>, ConfigError> {
        match self {
            Amount::Int(n) => usize::try_from(*n)
                .map(Some)
                .map_err(|_| bad(key, "a byte count cannot be negative")),
            Amount::Float(_) => Err(bad(key, "a byte count is a whole number")),
            Amount::Text(t) if t == "none" => Ok(None),
            Amount::Text(t) => parse_bytes(t).map(Some).map_err(|e| bad(key, e)),
        }
    }

    fn count(&self, key: &str) -> Result<Option<u64>, ConfigError> {
        match self {
            Amount::Int(n) => u64::try_from(*n)
                .map(Some)
                .map_err(|_| bad(key, "cannot be negative")),
            Amount::Text(t) if t == "none" => Ok(None),
            // Beyond TOML's integers (i64), as decimal text.
            Amount::Text(t) if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) => t
                .parse()
                .map(Some)
                .map_err(|_| bad(key, "too large")),
            _ => Err(bad(key, "expected a whole number or \"none\"")),
        }
    }

    /// `n` as TOML holds it: an integer, or decimal text beyond `i64`.
    fn of(n: u64) -> Amount {
        i64::try_from(n).map_or_else(|_| Amount::Text(n.to_string()), Amount::Int)
    }

    fn seconds(&self, key: &str) -> Result<Option<Duration>, ConfigError> {
        let secs = match self {
            Amount::Int(n) => *n as f64,
            Amount::Float(f) => *f,
            Amount::Text(t) if t == "none" => return Ok(None),
            Amount::Text(_) => return Err(bad(key, "expected seconds or \"none\"")),
        };
        Duration::try_from_secs_f64(secs)
            .ok()
            .filter(|d| !d.is_zero() && secs < 1e9)
            .map(Some)
            .ok_or_else(|| bad(key, "expected a positive number of seconds"))
    }
}

/// A byte count: digits with an optional `B`, `KiB`, `MiB` or `GiB`.
fn parse_bytes(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = (&t[..split], t[split..].trim());
    let n: usize = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a byte count"))?;
    let unit = match unit {
        "" | "B" => 1usize,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        _ => return Err(format!("`{text}`: unknown unit `{unit}` (use KiB, MiB or GiB)")),
    };
    n.checked_mul(unit)
        .ok_or_else(|| format!("`{text}` is too large"))
}

/// A count that always has a value (`"none"` is refused).
fn number(a: &Amount, key: &str) -> Result<u64, ConfigError> {
    a.count(key)?
        .ok_or_else(|| bad(key, "expected a whole number"))
}

fn whole(n: u64, key: &str) -> Result<usize, ConfigError> {
    usize::try_from(n).map_err(|_| bad(key, "too large"))
}

impl Policy {
    /// A policy from a TOML document (SPEC §4.7). Starts from
    /// [`Policy::new`]; each key present is applied with its setter, so it is
    /// checked as in Rust (a forbidden builtin or module, a too-small budget,
    /// a bad clock are errors). An unknown key, or a value of the wrong kind,
    /// is [`ConfigError::PolicyFile`] naming the key and, for syntax, the line.
    ///
    /// ```
    /// let policy = pyocap::Policy::from_toml(r#"
    ///     imports = ["json", "math"]
    ///     timeout = 2.5
    ///     memory = "64MiB"
    ///     clock = "fixed:2024-02-29T12:00:00Z"
    /// "#)?;
    /// assert!(policy.imports().any(|m| m == "json"));
    /// # Ok::<(), pyocap::ConfigError>(())
    /// ```
    pub fn from_toml(text: &str) -> Result<Policy, ConfigError> {
        let file: PolicyFile =
            toml::from_str(text).map_err(|e| ConfigError::PolicyFile(e.to_string()))?;
        let mut p = match &file.builtins {
            Some(_) => Policy::empty(),
            None => Policy::new(),
        };
        for name in file.builtins.iter().flatten().chain(&file.allow_builtins) {
            p.allow_builtin(name)?;
        }
        for name in &file.deny_builtins {
            p.deny_builtin(name);
        }
        for name in &file.imports {
            p.allow_import(name)?;
        }
        if let Some(master) = file.master {
            p.allow_master_module(master);
        }
        if let Some(seed) = file.seed {
            p.random_seed(seed);
        }
        if let Some(clock) = &file.clock {
            p.clock(Some(Clock::parse(clock)?));
        }
        if let Some(entropy) = file.entropy {
            p.entropy(entropy);
        }
        for mount in &file.mounts {
            p.mount(crate::mounts::Mount::parse(mount)?)?;
        }
        if let Some(t) = &file.timeout {
            p.deadline(t.seconds("timeout")?);
        }
        if let Some(m) = &file.memory {
            p.max_memory(m.bytes("memory")?)?;
        }
        if let Some(o) = &file.max_output {
            let bytes = o
                .bytes("max_output")?
                .ok_or_else(|| bad("max_output", "the output always has a limit"))?;
            p.max_output(bytes);
        }
        if let Some(f) = &file.fuel {
            p.fuel(f.count("fuel")?);
        }
        if let Some(m) = file.fuel_metering {
            p.fuel_metering(m);
        }
        if let Some(r) = &file.recursion_limit {
            p.recursion_limit(whole(number(r, "recursion_limit")?, "recursion_limit")?)?;
        }
        if let Some(b) = &file.max_source_bytes {
            let bytes = b
                .bytes("max_source_bytes")?
                .ok_or_else(|| bad("max_source_bytes", "the source always has a limit"))?;
            p.max_source_bytes(bytes);
        }
        if let Some(n) = &file.max_source_nesting {
            p.max_source_nesting(whole(number(n, "max_source_nesting")?, "max_source_nesting")?)?;
        }
        if let Some(bits) = &file.max_int_bits {
            p.max_int_bits(number(bits, "max_int_bits")?);
        }
        if let Some(data) = &file.data {
            let mut limits = DataLimits::default();
            if let Some(d) = &data.max_depth {
                limits.max_depth = whole(number(d, "data.max_depth")?, "data.max_depth")?;
            }
            if let Some(i) = &data.max_items {
                limits.max_items = whole(number(i, "data.max_items")?, "data.max_items")?;
            }
            if let Some(b) = &data.max_bytes {
                limits.max_bytes = b
                    .bytes("data.max_bytes")?
                    .ok_or_else(|| bad("data.max_bytes", "data always has a limit"))?;
            }
            p.data_limits(limits);
        }
        if let Some(isolation) = &file.isolation {
            p.isolation(match isolation.as_str() {
                "in-process" => crate::policy::Isolation::InProcess,
                "process" => crate::policy::Isolation::Process,
                _ => return Err(bad("isolation", "expected \"in-process\" or \"process\"")),
            });
        }
        if let Some(sys) = file.sys {
            let defaults = SysData::default();
            p.sys(Some(SysData {
                argv: sys.argv,
                platform: sys.platform.unwrap_or(defaults.platform),
            }));
        }
        Ok(p)
    }

    /// This policy as a TOML document that [`Policy::from_toml`] reads back
    /// to an equal policy: every key written out, so the file says all the
    /// policy grants.
    pub fn to_toml(&self) -> String {
        let none = || Amount::Text("none".to_owned());
        let file = PolicyFile {
            builtins: Some(self.builtins.iter().cloned().collect()),
            allow_builtins: Vec::new(),
            deny_builtins: Vec::new(),
            imports: self
                .imports
                .iter()
                .filter(|m| !(self.master && m.as_str() == "pyocap"))
                .cloned()
                .collect(),
            master: Some(self.master),
            seed: Some(self.random_seed),
            clock: self.clock.as_ref().map(Clock::to_text),
            entropy: Some(self.entropy),
            mounts: self.mounts.list.iter().map(crate::mounts::Mount::to_text).collect(),
            timeout: Some(
                self.deadline
                    .map_or_else(none, |d| Amount::Float(d.as_secs_f64())),
            ),
            memory: Some(
                self.max_memory
                    .map_or_else(none, |m| Amount::of(m as u64)),
            ),
            max_output: Some(Amount::of(self.max_output as u64)),
            fuel: Some(self.fuel.map_or_else(none, Amount::of)),
            fuel_metering: Some(self.fuel_metering),
            recursion_limit: Some(Amount::of(self.recursion_limit as u64)),
            max_source_bytes: Some(Amount::of(self.max_source_bytes as u64)),
            max_source_nesting: Some(Amount::of(self.max_source_nesting as u64)),
            max_int_bits: Some(Amount::of(self.max_int_bits)),
            data: Some(DataFile {
                max_depth: Some(Amount::of(self.data.max_depth as u64)),
                max_items: Some(Amount::of(self.data.max_items as u64)),
                max_bytes: Some(Amount::of(self.data.max_bytes as u64)),
            }),
            sys: self.sys.as_ref().map(|s| SysFile {
                argv: s.argv.clone(),
                platform: Some(s.platform.clone()),
            }),
            isolation: Some(
                match self.isolation {
                    crate::policy::Isolation::InProcess => "in-process",
                    crate::policy::Isolation::Process => "process",
                }
                .to_owned(),
            ),
        };
        toml::to_string(&file).unwrap_or_else(|e| format!("# the policy could not be written: {e}\n"))
    }
}
