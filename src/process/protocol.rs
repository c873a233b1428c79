//! The worker protocol (SPEC §2.1): typed messages between the host and a
//! sandbox's worker process, as length-prefixed `postcard` frames over the
//! socket that is the worker's standard input and output.
//!
//! Nothing but data crosses: source text, names, values copied as flat lists
//! of nodes (no recursion in the wire format, so decoding a hostile frame
//! cannot exhaust the stack; nesting is rebuilt with an explicit stack and
//! checked against the data limits), error values, fuel and memory readings.
//! A frame that fails to decode, or is larger than [`MAX_FRAME`], is a
//! protocol error.

use crate::error::GuestError;
use crate::value::{DataLimits, Value};
use num_bigint::BigInt;
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

/// The largest frame either side accepts: the data limits' default largest
/// payload (64 MiB) with room for its framing. A value larger than this
/// cannot cross into or out of a worker.
pub(crate) const MAX_FRAME: usize = 128 << 20;

/// The argument that starts a program in worker mode.
pub(crate) const WORKER_ARG: &str = "--pyocap-worker";

/// The host's messages to a worker.
#[derive(Serialize, Deserialize, Debug)]
pub(crate) enum ToWorker {
    /// The first message: the sandbox to build.
    Init(Init),
    /// Run one job with this fuel budget (`None`: unmetered).
    Job { fuel: Option<u64>, job: WireJob },
    /// Stop the running job, and every later one (a deadline, a stop handle).
    Stop,
}

/// What a worker needs to build its sandbox.
#[derive(Serialize, Deserialize, Debug)]
pub(crate) struct Init {
    /// The policy, as a policy file (`Policy::to_toml`).
    pub(crate) policy: String,
    pub(crate) stack_size: usize,
    pub(crate) hash_seed: u32,
    /// `RLIMIT_CPU` of the worker's whole life, in seconds.
    pub(crate) cpu_seconds: u64,
    /// `RLIMIT_AS` in bytes (`None`: unlimited, for a sandbox without a
    /// memory budget).
    pub(crate) address_space: Option<u64>,
}

/// A job, as it crosses.
#[derive(Serialize, Deserialize, Debug)]
pub(crate) enum WireJob {
    Exec { source: String, filename: String },
    Eval { source: String },
    Call { name: String, args: Vec<Flat> },
    SetGlobal { name: String, value: Flat },
    GrantMapping { name: String, entries: Flat },
}

/// A worker's messages to the host.
#[derive(Serialize, Deserialize, Debug)]
pub(crate) enum FromWorker {
    /// The sandbox is built and the worker confined.
    Ready,
    /// The sandbox could not be built (the message of its `ConfigError`).
    InitFailed(String),
    /// Text the guest printed.
    Output(String),
    /// The outcome of the job in progress.
    Done(Done),
}

impl FromWorker {
    /// The message's name (for an error: never its contents, which may be large).
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            FromWorker::Ready => "Ready",
            FromWorker::InitFailed(_) => "InitFailed",
            FromWorker::Output(_) => "Output",
            FromWorker::Done(_) => "Done",
        }
    }
}

#[derive(Serialize, Deserialize, Debug)]
pub(crate) struct Done {
    pub(crate) outcome: Result<Flat, WireGuestError>,
    pub(crate) fuel_used: u64,
    pub(crate) fuel_left: Option<u64>,
    pub(crate) memory_used: u64,
    pub(crate) memory_peak: u64,
}

/// A [`GuestError`] as it crosses: every variant with its fields, but a
/// capability's error, which crosses as its message (the host gets it as
/// `CapError::Failed`).
#[derive(Serialize, Deserialize, Debug)]
pub(crate) enum WireGuestError {
    Exception { type_name: String, message: String, traceback: String },
    Syntax { message: String, line: usize, column: usize },
    SourceTooLarge { len: usize, limit: usize },
    SourceTooDeep { limit: usize },
    Crossing(WireCrossing),
    Cap(String),
    OutputLimit { limit: usize },
    MemoryLimit { limit: usize },
    DeadlineExceeded { limit: std::time::Duration },
    FuelExhausted { limit: u64 },
    InterpreterPanic { reason: String },
    Reentrant,
    CodeMismatch { compiled_metered: bool },
    Stopped,
    WorkerCrashed { reason: String },
    Unsupported { operation: String },
}

/// A [`CrossingError`](crate::value::CrossingError) as it crosses.
#[derive(Serialize, Deserialize, Debug)]
pub(crate) enum WireCrossing {
    NotData { type_name: String },
    TooDeep { limit: usize },
    TooManyItems { limit: usize },
    TooLarge { limit: usize },
    Unhashable { type_name: String },
    Other(String),
}

impl From<crate::value::CrossingError> for WireCrossing {
    fn from(e: crate::value::CrossingError) -> Self {
        use crate::value::CrossingError as C;
        match e {
            C::NotData { type_name } => WireCrossing::NotData { type_name },
            C::TooDeep { limit } => WireCrossing::TooDeep { limit },
            C::TooManyItems { limit } => WireCrossing::TooManyItems { limit },
            C::TooLarge { limit } => WireCrossing::TooLarge { limit },
            C::Unhashable { type_name } => WireCrossing::Unhashable { type_name },
            other => WireCrossing::Other(other.to_string()),
        }
    }
}

impl From<WireCrossing> for GuestError {
    fn from(e: WireCrossing) -> Self {
        use crate::value::CrossingError as C;
        match e {
            WireCrossing::NotData { type_name } => C::NotData {
                type_name: cut(type_name, 256),
            }
            .into(),
            WireCrossing::TooDeep { limit } => C::TooDeep { limit }.into(),
            WireCrossing::TooManyItems { limit } => C::TooManyItems { limit }.into(),
            WireCrossing::TooLarge { limit } => C::TooLarge { limit }.into(),
            WireCrossing::Unhashable { type_name } => C::Unhashable {
                type_name: cut(type_name, 256),
            }
            .into(),
            WireCrossing::Other(message) => {
                GuestError::Cap(crate::caps::CapError::Failed(cut(message, 4096)))
            }
        }
    }
}

impl From<GuestError> for WireGuestError {
    fn from(e: GuestError) -> Self {
        use WireGuestError as W;
        match e {
            GuestError::Exception { type_name, message, traceback } => {
                W::Exception { type_name, message, traceback }
            }
            GuestError::Syntax { message, line, column } => W::Syntax { message, line, column },
            GuestError::SourceTooLarge { len, limit } => W::SourceTooLarge { len, limit },
            GuestError::SourceTooDeep { limit } => W::SourceTooDeep { limit },
            GuestError::Crossing(c) => W::Crossing(c.into()),
            GuestError::Cap(c) => W::Cap(c.to_string()),
            GuestError::OutputLimit { limit } => W::OutputLimit { limit },
            GuestError::MemoryLimit { limit } => W::MemoryLimit { limit },
            GuestError::DeadlineExceeded { limit } => W::DeadlineExceeded { limit },
            GuestError::FuelExhausted { limit } => W::FuelExhausted { limit },
            GuestError::InterpreterPanic { reason } => W::InterpreterPanic { reason },
            GuestError::Reentrant => W::Reentrant,
            GuestError::CodeMismatch { compiled_metered } => W::CodeMismatch { compiled_metered },
            GuestError::Stopped => W::Stopped,
            GuestError::WorkerCrashed { reason } => W::WorkerCrashed { reason },
            GuestError::Unsupported { operation } => W::Unsupported { operation },
        }
    }
}

/// `text` cut to at most `max` bytes (a worker's words are not trusted to be
/// short), its spare capacity given back.
pub(crate) fn cut(text: String, max: usize) -> String {
    let mut text = crate::membrane::truncate(text, max);
    text.shrink_to_fit();
    text
}

/// A worker's error, its texts cut to what an in-process sandbox gives at
/// most (a compromised worker's are not trusted to be short).
impl From<WireGuestError> for GuestError {
    fn from(e: WireGuestError) -> Self {
        use WireGuestError as W;
        match e {
            W::Exception { type_name, message, traceback } => GuestError::Exception {
                type_name: cut(type_name, 256),
                message: cut(message, 16 << 10),
                traceback: cut(traceback, 1 << 20),
            },
            W::Syntax { message, line, column } => GuestError::Syntax {
                message: cut(message, 16 << 10),
                line,
                column,
            },
            W::SourceTooLarge { len, limit } => GuestError::SourceTooLarge { len, limit },
            W::SourceTooDeep { limit } => GuestError::SourceTooDeep { limit },
            W::Crossing(c) => c.into(),
            W::Cap(message) => GuestError::Cap(crate::caps::CapError::Failed(cut(message, 16 << 10))),
            W::OutputLimit { limit } => GuestError::OutputLimit { limit },
            W::MemoryLimit { limit } => GuestError::MemoryLimit { limit },
            W::DeadlineExceeded { limit } => GuestError::DeadlineExceeded { limit },
            W::FuelExhausted { limit } => GuestError::FuelExhausted { limit },
            W::InterpreterPanic { reason } => GuestError::InterpreterPanic {
                reason: cut(reason, 4096),
            },
            W::Reentrant => GuestError::Reentrant,
            W::CodeMismatch { compiled_metered } => GuestError::CodeMismatch { compiled_metered },
            W::Stopped => GuestError::Stopped,
            W::WorkerCrashed { reason } => GuestError::WorkerCrashed {
                reason: cut(reason, 4096),
            },
            W::Unsupported { operation } => GuestError::Unsupported {
                operation: cut(operation, 4096),
            },
        }
    }
}

/// A value as a flat, post-order list of nodes: each container node follows
/// its items and says how many it takes. Decoding one counts its nodes
/// against the frame's node budget ([`read_frame`]): a frame of one-byte
/// nodes cannot make the reader allocate thirty times its size.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(transparent)]
pub(crate) struct Flat(pub(crate) Vec<Node>);

thread_local! {
    /// Nodes the frame being decoded on this thread may still hold.
    static NODES_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(usize::MAX) };
}

impl<'de> Deserialize<'de> for Flat {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Flat, D::Error> {
        struct Nodes;
        impl<'de> serde::de::Visitor<'de> for Nodes {
            type Value = Flat;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of value nodes")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Flat, A::Error> {
                let mut nodes = Vec::new();
                while let Some(node) = seq.next_element::<Node>()? {
                    let left = NODES_LEFT.with(|n| n.get());
                    if left == 0 {
                        return Err(serde::de::Error::custom("more value nodes than the data limits allow"));
                    }
                    NODES_LEFT.with(|n| n.set(left - 1));
                    nodes.push(node);
                }
                Ok(Flat(nodes))
            }
        }
        d.deserialize_seq(Nodes)
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub(crate) enum Node {
    None,
    Bool(bool),
    /// Two's complement, little-endian.
    Int(Vec<u8>),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(u32),
    List(u32),
    Dict(u32),
    Set(u32),
    FrozenSet(u32),
}

/// Why a value or a frame could not cross.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum WireError {
    #[error("a capability cannot cross the process wall")]
    Capability,
    #[error("malformed value: {0}")]
    Malformed(&'static str),
    #[error("value nested deeper than {0} levels")]
    TooDeep(usize),
    #[error("value over the limits: more items than the data limits allow")]
    TooManyItems,
    #[error("value over the limits: more payload bytes than the data limits allow")]
    TooManyBytes,
    #[error("value over the limits: an integer larger than any sandbox makes")]
    IntTooLarge,
    #[error("frame of {0} bytes is over the limit")]
    FrameTooLarge(usize),
    #[error("frame does not decode: {0}")]
    Decode(String),
    #[error("the connection ended")]
    Closed,
    #[error("it did not stop within its grace period and was killed")]
    Unresponsive,
    #[error("protocol error: {0}")]
    Protocol(String),
    #[error("i/o: {0}")]
    Io(String),
}

/// Flattens `value` (without recursion). A capability does not cross.
pub(crate) fn flatten(value: &Value) -> Result<Flat, WireError> {
    enum Step<'a> {
        Visit(&'a Value),
        Emit(Node),
    }
    let mut out = Vec::new();
    let mut todo = vec![Step::Visit(value)];
    while let Some(step) = todo.pop() {
        let v = match step {
            Step::Emit(node) => {
                out.push(node);
                continue;
            }
            Step::Visit(v) => v,
        };
        let count = |n: usize| u32::try_from(n).map_err(|_| WireError::Malformed("too many items"));
        let (node, items): (Node, Vec<&Value>) = match v {
            Value::None => (Node::None, vec![]),
            Value::Bool(b) => (Node::Bool(*b), vec![]),
            Value::Int(i) => (Node::Int(i.to_signed_bytes_le()), vec![]),
            Value::Float(f) => (Node::Float(*f), vec![]),
            Value::Complex { re, im } => (Node::Complex(*re, *im), vec![]),
            Value::Str(s) => (Node::Str(s.clone()), vec![]),
            Value::Bytes(b) => (Node::Bytes(b.clone()), vec![]),
            Value::Tuple(xs) => (Node::Tuple(count(xs.len())?), xs.iter().collect()),
            Value::List(xs) => (Node::List(count(xs.len())?), xs.iter().collect()),
            Value::Set(xs) => (Node::Set(count(xs.len())?), xs.iter().collect()),
            Value::FrozenSet(xs) => (Node::FrozenSet(count(xs.len())?), xs.iter().collect()),
            Value::Dict(kv) => (
                Node::Dict(count(kv.len())?),
                kv.iter().flat_map(|(k, v)| [k, v]).collect(),
            ),
            Value::Cap(_) => return Err(WireError::Capability),
        };
        todo.push(Step::Emit(node));
        // Pushed in reverse, so the items are emitted in order.
        for item in items.into_iter().rev() {
            todo.push(Step::Visit(item));
        }
    }
    Ok(Flat(out))
}

/// Rebuilds a value from its nodes (without recursion), within the data
/// limits (depth, items, payload bytes) and integers of at most
/// `max_int_bits` bits, which no sandbox can make: anything else, or a node
/// list that is not exactly one value, is refused.
pub(crate) fn unflatten(nodes: Flat, limits: &DataLimits, max_int_bits: u64) -> Result<Value, WireError> {
    if nodes.0.len() > limits.max_items {
        return Err(WireError::TooManyItems);
    }
    let mut bytes = 0usize;
    let mut payload = |n: usize| {
        bytes = bytes.saturating_add(n);
        if bytes > limits.max_bytes {
            return Err(WireError::TooManyBytes);
        }
        Ok(())
    };
    // Each built value with its depth (0 for a scalar).
    let mut stack: Vec<(Value, usize)> = Vec::new();
    for node in nodes.0 {
        match &node {
            Node::Int(b) => {
                if (b.len() as u64).saturating_mul(8) > max_int_bits.saturating_add(8) {
                    return Err(WireError::IntTooLarge);
                }
                // Counted as a sandbox counts it: only an int outside i64.
                if b.len() > 8 {
                    payload(b.len())?
                }
            }
            Node::Str(t) => payload(t.len())?,
            Node::Bytes(b) => payload(b.len())?,
            _ => {}
        }
        let take = |stack: &mut Vec<(Value, usize)>, n: usize| -> Result<(Vec<Value>, usize), WireError> {
            if n > stack.len() {
                return Err(WireError::Malformed("a container takes more items than precede it"));
            }
            let items = stack.split_off(stack.len() - n);
            let depth = items.iter().map(|(_, d)| *d).max().unwrap_or(0) + 1;
            if depth > limits.max_depth {
                return Err(WireError::TooDeep(limits.max_depth));
            }
            Ok((items.into_iter().map(|(v, _)| v).collect(), depth))
        };
        let built = match node {
            Node::None => (Value::None, 0),
            Node::Bool(b) => (Value::Bool(b), 0),
            Node::Int(bytes) => (Value::Int(BigInt::from_signed_bytes_le(&bytes)), 0),
            Node::Float(f) => (Value::Float(f), 0),
            Node::Complex(re, im) => (Value::Complex { re, im }, 0),
            Node::Str(s) => (Value::Str(s), 0),
            Node::Bytes(b) => (Value::Bytes(b), 0),
            Node::Tuple(n) => take(&mut stack, n as usize).map(|(v, d)| (Value::Tuple(v), d))?,
            Node::List(n) => take(&mut stack, n as usize).map(|(v, d)| (Value::List(v), d))?,
            Node::Set(n) => take(&mut stack, n as usize).map(|(v, d)| (Value::Set(v), d))?,
            Node::FrozenSet(n) => {
                take(&mut stack, n as usize).map(|(v, d)| (Value::FrozenSet(v), d))?
            }
            Node::Dict(n) => {
                let pairs = (n as usize)
                    .checked_mul(2)
                    .ok_or(WireError::Malformed("too many items"))?;
                let (items, depth) = take(&mut stack, pairs)?;
                let mut kv = Vec::with_capacity(items.len() / 2);
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    kv.push((k, v));
                }
                (Value::Dict(kv), depth)
            }
        };
        stack.push(built);
    }
    match (stack.pop(), stack.is_empty()) {
        (Some((value, _)), true) => Ok(value),
        _ => Err(WireError::Malformed("not exactly one value")),
    }
}

/// An i/o error: the peer's end as `Closed`, anything else as it is.
pub(crate) fn io(e: std::io::Error) -> WireError {
    use std::io::ErrorKind::*;
    match e.kind() {
        UnexpectedEof | ConnectionReset | BrokenPipe | ConnectionAborted => WireError::Closed,
        _ => WireError::Io(e.to_string()),
    }
}

/// One message as a frame: its length, then its bytes.
pub(crate) fn encode<T: Serialize>(msg: &T) -> Result<Vec<u8>, WireError> {
    let mut frame = vec![0u8; 4];
    let frame = postcard::to_extend(msg, std::mem::take(&mut frame))
        .map_err(|e| WireError::Decode(e.to_string()))?;
    let len = frame.len() - 4;
    if len > MAX_FRAME {
        return Err(WireError::FrameTooLarge(len));
    }
    let mut frame = frame;
    frame[..4].copy_from_slice(&(len as u32).to_le_bytes());
    Ok(frame)
}

/// Writes one message as a frame.
pub(crate) fn write_frame<T: Serialize>(w: &mut impl Write, msg: &T) -> Result<(), WireError> {
    let frame = encode(msg)?;
    w.write_all(&frame).and_then(|()| w.flush()).map_err(io)
}

/// What one frame may hold: its length by the message's first byte (its
/// variant), and the value nodes of all its values.
pub(crate) struct FrameLimits {
    pub(crate) max_len: Box<dyn Fn(u8) -> usize>,
    pub(crate) max_nodes: usize,
}

impl FrameLimits {
    /// For frames from the trusted side (the host's, read by a worker).
    pub(crate) fn trusted() -> FrameLimits {
        FrameLimits {
            max_len: Box::new(|_| MAX_FRAME),
            max_nodes: usize::MAX,
        }
    }
}

/// Reads one message within `limits`: a frame longer than its kind allows
/// is refused before it is read, its buffer is reserved fallibly (a failed
/// reservation is an error, not an abort), and it must decode to exactly one
/// message with no bytes left over.
pub(crate) fn read_frame<T: for<'de> Deserialize<'de>>(
    r: &mut impl Read,
    limits: &FrameLimits,
) -> Result<T, WireError> {
    let mut len = [0u8; 4];
    r.read_exact(&mut len).map_err(io)?;
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(WireError::FrameTooLarge(len));
    }
    if len == 0 {
        return Err(WireError::Decode("an empty frame".into()));
    }
    let mut first = [0u8; 1];
    r.read_exact(&mut first).map_err(io)?;
    if len > (limits.max_len)(first[0]).min(MAX_FRAME) {
        return Err(WireError::FrameTooLarge(len));
    }
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(len)
        .map_err(|_| WireError::Io("no memory for a frame".into()))?;
    bytes.push(first[0]);
    r.take(len as u64 - 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() != len {
        return Err(WireError::Closed);
    }
    NODES_LEFT.with(|n| n.set(limits.max_nodes));
    let decoded = postcard::take_from_bytes(&bytes);
    NODES_LEFT.with(|n| n.set(usize::MAX));
    match decoded {
        Ok((msg, [])) => Ok(msg),
        Ok(_) => Err(WireError::Decode("bytes after the message".into())),
        Err(e) => Err(WireError::Decode(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Value {
        Value::Dict(vec![
            (Value::Str("a".into()), Value::List(vec![Value::Int(BigInt::from(-5) << 100), Value::None])),
            (
                Value::Tuple(vec![Value::Bool(true), Value::Float(f64::NAN)]),
                Value::Set(vec![Value::Bytes(vec![0, 255]), Value::Complex { re: 1.0, im: -2.0 }]),
            ),
            (Value::Int(BigInt::from(0)), Value::FrozenSet(vec![])),
        ])
    }

    #[test]
    fn values_survive_the_round_trip() {
        let v = sample();
        let back = unflatten(flatten(&v).unwrap(), &DataLimits::default(), 1 << 22).unwrap();
        // NaN is not equal to itself: compare the flat forms, bit for bit.
        assert_eq!(format!("{:?}", flatten(&back).unwrap()), format!("{:?}", flatten(&v).unwrap()));
        let mut buf = Vec::new();
        write_frame(&mut buf, &flatten(&v).unwrap()).unwrap();
        let nodes: Flat = read_frame(&mut buf.as_slice(), &FrameLimits::trusted()).unwrap();
        // The node budget holds: one node short is refused.
        let n = nodes.0.len();
        let nodes_at_most = |max_nodes| FrameLimits { max_len: Box::new(|_| MAX_FRAME), max_nodes };
        assert!(matches!(read_frame::<Flat>(&mut buf.as_slice(), &nodes_at_most(n - 1)), Err(WireError::Decode(_))));
        assert!(read_frame::<Flat>(&mut buf.as_slice(), &nodes_at_most(n)).is_ok());
        // So does the length by kind, before the frame is read.
        let short = FrameLimits { max_len: Box::new(|_| 3), max_nodes: usize::MAX };
        assert!(matches!(read_frame::<Flat>(&mut buf.as_slice(), &short), Err(WireError::FrameTooLarge(_))));
        // And a frame with bytes after its message is refused.
        let mut trailing = buf.clone();
        trailing[0] += 1;
        trailing.push(0);
        assert!(matches!(read_frame::<Flat>(&mut trailing.as_slice(), &FrameLimits::trusted()), Err(WireError::Decode(_))));
        assert_eq!(format!("{nodes:?}"), format!("{:?}", flatten(&v).unwrap()));
    }

    #[test]
    fn hostile_node_lists_are_errors_not_crashes() {
        let limits = DataLimits::default();
        // Ten million levels of nesting: refused at the depth limit, no recursion.
        let mut deep = vec![Node::None];
        deep.extend(std::iter::repeat_n(Node::List(1), 10_000_000));
        let unlimited = DataLimits { max_items: usize::MAX, ..DataLimits::default() };
        assert_eq!(unflatten(Flat(deep), &unlimited, 64), Err(WireError::TooDeep(limits.max_depth)));
        // Items, payload bytes and integer size are the data limits' too.
        assert!(matches!(unflatten(Flat(vec![Node::None; 1_000_001]), &limits, 64), Err(WireError::TooManyItems)));
        let big_text = Flat(vec![Node::Str("x".repeat(65 << 20))]);
        assert!(matches!(unflatten(big_text, &limits, 64), Err(WireError::TooManyBytes)));
        let big_int = Flat(vec![Node::Int(vec![0x7f; 1 << 20])]);
        assert!(matches!(unflatten(big_int, &limits, 1 << 22), Err(WireError::IntTooLarge)));
        // A frame of 8 M one-byte nodes, against a budget of 1 M: refused as it decodes.
        let mut many = Vec::new();
        write_frame(&mut many, &Flat(vec![Node::None; 8_000_000])).unwrap();
        let budget = FrameLimits { max_len: Box::new(|_| MAX_FRAME), max_nodes: 1_000_000 };
        assert!(matches!(read_frame::<Flat>(&mut many.as_slice(), &budget), Err(WireError::Decode(_))));
        for bad in [
            vec![],
            vec![Node::None, Node::None],
            vec![Node::List(2)],
            vec![Node::None, Node::Dict(u32::MAX)],
            vec![Node::None, Node::Dict(1)],
        ] {
            assert!(unflatten(Flat(bad), &limits, 64).is_err());
        }
        // A frame that claims 4 GiB, one that is cut short, one of garbage.
        let mut huge = u32::MAX.to_le_bytes().to_vec();
        huge.extend([0; 16]);
        assert!(matches!(read_frame::<Flat>(&mut huge.as_slice(), &FrameLimits::trusted()), Err(WireError::FrameTooLarge(_))));
        let short = [10u8, 0, 0, 0, 1, 2];
        assert_eq!(read_frame::<Flat>(&mut short.as_slice(), &FrameLimits::trusted()).unwrap_err(), WireError::Closed);
        let garbage = [3u8, 0, 0, 0, 0xff, 0xff, 0xff];
        assert!(matches!(read_frame::<FromWorker>(&mut garbage.as_slice(), &FrameLimits::trusted()), Err(WireError::Decode(_))));
    }
}
