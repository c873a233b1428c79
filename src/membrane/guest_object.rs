//! A guest object handed out by its sandbox, as the target of a capability
//! (SPEC §3.5): every use is a job on the owner's thread, under its limits.

use crate::caps::host::Member;
use crate::caps::{Arg, CapError, Dispatch, Kwargs};
use crate::error::GuestError;
use crate::inbox::{call, Job, Link, Op};
use crate::value::Value;
use std::any::Any;
use std::sync::Arc;

/// A guest object handed out by its sandbox, as a capability's target: every use
/// is a job on the owner's thread, under the owner's limits.
pub(crate) struct GuestObject {
    pub(crate) link: Arc<Link>,
    pub(crate) export: u64,
    pub(crate) label: String,
}

fn cap_error(e: GuestError) -> CapError {
    match e {
        GuestError::Cap(c) => c,
        GuestError::Exception {
            type_name,
            message,
            traceback,
        } => CapError::Raised {
            type_name,
            message,
            traceback,
        },
        GuestError::Crossing(c) => CapError::Failed(c.to_string()),
        other => CapError::Stopped(Box::new(other)),
    }
}

fn values(args: Vec<Arg>) -> Vec<Value> {
    args.into_iter().map(Arg::into_value).collect()
}

fn keyword_values(kwargs: Kwargs) -> Vec<(String, Value)> {
    kwargs.into_iter().map(|(k, v)| (k, v.into_value())).collect()
}

impl GuestObject {
    fn invoke(&self, op: Op) -> Result<Value, CapError> {
        call(
            &self.link,
            Job::Invoke {
                export: self.export,
                op,
            },
        )
        .map_err(cap_error)
    }
}

impl Dispatch for GuestObject {
    fn label(&self) -> &str {
        &self.label
    }
    fn names(&self) -> Vec<String> {
        match self.invoke(Op::Dir) {
            Ok(Value::List(names)) => names
                .into_iter()
                .filter_map(|n| match n {
                    Value::Str(s) => Some(s),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
    fn get(&self, name: &str) -> Result<Member, CapError> {
        match self.invoke(Op::Get(name.to_owned()))? {
            // The owner answers `(True,)` for something callable, `(False, value)`
            // otherwise (see `membrane::proxy::serve_invoke`).
            Value::Tuple(mut t) if t.len() == 2 => Ok(Member::Value(Arg::from_value(t.remove(1)))),
            _ => Ok(Member::Method),
        }
    }
    fn call_method(&self, name: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        self.invoke(Op::CallMethod(name.to_owned(), values(args), keyword_values(kwargs)))
            .map(Arg::from_value)
    }
    fn call(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        self.invoke(Op::Call(values(args), keyword_values(kwargs)))
            .map(Arg::from_value)
    }
    fn object(&self) -> Arc<dyn Any + Send + Sync> {
        Arc::new(())
    }
    fn export(&self) -> Option<(u64, u64)> {
        Some((self.link.id, self.export))
    }
}
