//! A plugin host: several untrusted Python plugins, each in its own sandbox,
//! called once per event.
//!
//! Each plugin gets exactly two things: a `log(*parts, sep=" ")` host function
//! and its read-only `config`. A plugin that raises is reported and keeps
//! running; a plugin that loops forever hits its deadline, and the host
//! rebuilds it from its source; a plugin can be reloaded with a new version
//! while the host runs.
//!
//! `cargo run --example plugin_host`

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

use pyocap::{
    to_value, CapError, CapHandle, GuestError, Kwargs, Party, Policy, Runtime, Sandbox,
    SandboxPool, Value,
    Variadic,
};
use serde::Serialize;
use std::collections::BTreeMap;
use std::time::Duration;

type Error = Box<dyn std::error::Error>;

/// One loaded plugin.
struct Plugin {
    source: String,
    config: Value,
    sandbox: Sandbox,
    /// The plugin's `log` function: revoked when the plugin is replaced.
    log: CapHandle,
    rebuilds: u32,
}

struct PluginHost {
    runtime: Runtime,
    /// Sandboxes started ahead: a load or a rebuild takes one at once.
    pool: SandboxPool,
    plugins: BTreeMap<String, Plugin>,
}

impl PluginHost {
    fn new() -> Result<PluginHost, Error> {
        let mut policy = Policy::new();
        // Each event gets 200 ms and 32 MiB; nothing else is granted.
        policy
            .deadline(Some(Duration::from_millis(200)))
            .max_memory(Some(32 << 20))?;
        let runtime = Runtime::default();
        let pool = runtime.pool(&policy, 2, &[])?;
        Ok(PluginHost {
            runtime,
            pool,
            plugins: BTreeMap::new(),
        })
    }

    /// A fresh sandbox running `source`, with the plugin's two grants.
    fn start(&self, name: &str, source: &str, config: &Value) -> Result<(Sandbox, CapHandle), Error> {
        let sandbox = self.pool.checkout()?;
        let plugin = name.to_owned();
        let log = self.runtime.host_fn(
            "log",
            move |(Variadic(parts), mut kw): (Variadic<Value>, Kwargs)| {
                let sep: String = kw.take("sep")?.unwrap_or_else(|| " ".into());
                kw.finish("log")?;
                // `str` parts as they are, others as their repr.
                let parts: Vec<String> = parts
                    .iter()
                    .map(|p| match p {
                        Value::Str(s) => s.clone(),
                        other => other.to_string(),
                    })
                    .collect();
                println!("  [{plugin}] {}", parts.join(&sep));
                Ok::<_, CapError>(())
            },
        );
        sandbox.grant("log", &log)?;
        sandbox.grant_mapping("config", config.clone())?;
        // What a plugin prints appears as it prints it, marked with its name.
        let plugin = name.to_owned();
        sandbox.stream_output(move |text| print!("  [{plugin} printed] {text}"));
        sandbox.exec_named(source, &format!("{name}.py"))?;
        Ok((sandbox, log))
    }

    /// Loads (or reloads, replacing the old version) plugin `name`.
    fn load(&mut self, name: &str, source: &str, config: Value) -> Result<(), Error> {
        let (sandbox, log) = self.start(name, source, &config)?;
        let rebuilds = self.plugins.get(name).map_or(0, |p| p.rebuilds);
        // The old sandbox, if any, is dropped here (its thread stops and
        // joins), and its `log` revoked.
        let old = self.plugins.insert(
            name.to_owned(),
            Plugin {
                source: source.to_owned(),
                config,
                sandbox,
                log,
                rebuilds,
            },
        );
        if let Some(old) = old {
            old.log.revoke();
        }
        Ok(())
    }

    /// Delivers `event` to every plugin and prints what each answered.
    fn dispatch(&mut self, event: &Value) -> Result<(), Error> {
        println!("event {event}");
        let names: Vec<String> = self.plugins.keys().cloned().collect();
        for name in names {
            let outcome = self.plugins[&name]
                .sandbox
                .call("on_event", std::slice::from_ref(event));
            match outcome {
                Ok(Value::None) => {}
                Ok(answer) => println!("  {name} -> {answer}"),
                Err(GuestError::Exception {
                    type_name, message, ..
                }) => println!("  {name} raised {type_name}: {message} (it keeps running)"),
                Err(e) if e.is_terminal() => {
                    // A limit ended this sandbox: start the plugin again from its
                    // source (its state is lost; the other plugins never noticed).
                    println!("  {name} stopped: {} -> rebuilt", e.kind());
                    let plugin = &self.plugins[&name];
                    let (sandbox, log) = self.start(&name, &plugin.source, &plugin.config)?;
                    let plugin = self.plugins.get_mut(&name).expect("loaded");
                    plugin.sandbox = sandbox;
                    std::mem::replace(&mut plugin.log, log).revoke();
                    plugin.rebuilds += 1;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }
}

/// An event, as the host has it; each plugin gets it as a dict.
#[derive(Serialize)]
struct Event {
    kind: &'static str,
    amount: Option<i64>,
    n: Option<i64>,
}

/// A plugin's configuration, as the host has it.
#[derive(Serialize)]
struct Limits {
    report_every: u32,
    limit: i64,
}

const COUNTER: &str = r#"
seen = {}

def on_event(event):
    kind = event["kind"]
    seen[kind] = seen.get(kind, 0) + 1
    if seen[kind] % config["report_every"] == 0:
        log("seen", seen[kind], kind, "events", sep=" ")
    if kind == "payment":
        print("counted a payment of", event["amount"])
    return seen[kind]
"#;

const ALERTS: &str = r#"
def on_event(event):
    if event["kind"] == "payment" and event["amount"] > config["limit"]:
        raise ValueError(f"payment of {event['amount']} over the limit")
    if event["kind"] == "ping" and event["n"] == 3:
        while True:    # a bug: this plugin never returns on the third ping
            pass
"#;

const ALERTS_V2: &str = r#"
def on_event(event):
    if event["kind"] == "payment" and event["amount"] > config["limit"]:
        log("alert:", event["amount"], sep=" ")
        return "flagged"
"#;

fn payment(amount: i64) -> Result<Value, Error> {
    Ok(to_value(&Event { kind: "payment", amount: Some(amount), n: None })?)
}

fn ping(n: i64) -> Result<Value, Error> {
    Ok(to_value(&Event { kind: "ping", amount: None, n: Some(n) })?)
}

fn main() -> Result<(), Error> {
    let mut host = PluginHost::new()?;
    let limits = to_value(&Limits { report_every: 2, limit: 100 })?;
    host.load("counter", COUNTER, limits.clone())?;
    host.load("alerts", ALERTS, limits.clone())?;

    for e in [ping(1)?, payment(50)?, payment(500)?, ping(2)?, ping(3)?, ping(4)?] {
        host.dispatch(&e)?;
    }

    // A plugin cannot change its configuration, or reach anything else.
    let counter = &host.plugins["counter"].sandbox;
    for attempt in ["config['report_every'] = 1", "open('/etc/passwd')", "import os"] {
        match counter.exec(attempt) {
            Err(e) => println!("counter: {attempt:<28} -> {}", e.kind()),
            Ok(()) => println!("counter: {attempt:<28} -> allowed?!"),
        }
    }

    // Reload `alerts` with a fixed version, while the host runs.
    host.load("alerts", ALERTS_V2, limits)?;
    println!("alerts reloaded");
    host.dispatch(&payment(700)?)?;
    host.dispatch(&ping(3)?)?;
    for (name, plugin) in &host.plugins {
        println!("{name}: rebuilt {} time(s)", plugin.rebuilds);
    }
    // Who holds what: each live plugin holds its own `log` function; the
    // replaced ones are revoked.
    let graph = host.runtime.capability_graph();
    for c in &graph.capabilities {
        if c.holder != Party::Host {
            let state = if c.revoked { "revoked" } else { "live" };
            println!("capability {} ({}) held by {}: {state}", c.label, c.filter, c.holder);
        }
    }
    Ok(())
}
