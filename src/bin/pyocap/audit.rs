//! `pyocap run --audit FILE`: the runtime's audit events (`pyocap::audit`)
//! written as JSON lines, one object per event, by a minimal `tracing`
//! subscriber.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// Writes every audit event to a file, as a JSON object per line.
pub struct JsonLines {
    out: Mutex<BufWriter<File>>,
}

impl JsonLines {
    /// Installs it as the process's subscriber, writing to `path`.
    pub fn install(path: &str) -> Result<(), String> {
        let file = File::create(path).map_err(|e| format!("{path}: {e}"))?;
        let subscriber = JsonLines {
            out: Mutex::new(BufWriter::new(file)),
        };
        tracing::subscriber::set_global_default(subscriber).map_err(|e| e.to_string())
    }
}

struct Fields(serde_json::Map<String, serde_json::Value>);

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.into());
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().to_owned(), value.into());
    }
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.0.insert(field.name().to_owned(), value.into());
    }
    fn record_bool(&mut self, field: &Field, value: bool) {
        self.0.insert(field.name().to_owned(), value.into());
    }
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}").into());
    }
}

impl Subscriber for JsonLines {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target() == pyocap::AUDIT_TARGET
    }
    fn new_span(&self, _span: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _span: &Id, _values: &Record<'_>) {}
    fn record_follows_from(&self, _span: &Id, _follows: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields(serde_json::Map::new());
        let ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64);
        fields.0.insert("time_ms".into(), ms.into());
        event.record(&mut fields);
        if let Ok(mut out) = self.out.lock() {
            let _ = writeln!(out, "{}", serde_json::Value::Object(fields.0));
            let _ = out.flush();
        }
    }
    fn enter(&self, _span: &Id) {}
    fn exit(&self, _span: &Id) {}
}
