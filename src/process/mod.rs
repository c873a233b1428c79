//! Sandboxes in worker processes (SPEC §2.1), the host's side: a worker is
//! started with its socket as its standard input and output, and a *relay*
//! thread takes the place of the sandbox thread. The relay serves the
//! sandbox's inbox like any sandbox thread (so [`Sandbox`](crate::Sandbox)
//! and every waiter, with their deadlines, stops and fuel, are unchanged),
//! sends each job to the worker, hands on what the guest prints, and turns a
//! worker that dies, breaks the protocol or ignores a stop into
//! [`GuestError::WorkerCrashed`].

pub(crate) mod confine;
pub(crate) mod protocol;

use crate::alloc::AccountHandle;
use crate::error::{ConfigError, GuestError};
use crate::guest::Printed;
use crate::inbox::{self, Job, Link};
use crate::policy::{Isolation, Policy};
use crate::sandbox_thread::Started;
use crate::value::{DataLimits, Value};
use protocol::{
    cut, flatten, read_frame, unflatten, write_frame, FrameLimits, FromWorker, Init, ToWorker, WireError,
    WireJob,
};
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// How long a worker has, once told to stop, to answer before it is killed.
pub(crate) const KILL_GRACE: Duration = Duration::from_secs(1);

/// How long one attempt to write to a worker's socket may block.
const WRITE_TICK: Duration = Duration::from_millis(10);

/// How long a worker has to build its sandbox and confine itself.
const START_TIMEOUT: Duration = Duration::from_secs(10);

/// What the runtime's configuration says about workers.
pub(crate) struct WorkerSpec {
    pub(crate) program: PathBuf,
    pub(crate) stack_size: usize,
    pub(crate) hash_seed: u32,
    pub(crate) cpu_seconds: u64,
}

/// What the reader thread hands the relay.
enum Event {
    Msg(FromWorker),
    Gone(WireError),
}

/// Starts a worker for `policy` and the relay that serves its inbox.
pub(crate) fn spawn(
    spec: &WorkerSpec,
    policy: Policy,
    account: AccountHandle,
) -> Result<Started, ConfigError> {
    if !cfg!(target_os = "linux") {
        return Err(ConfigError::Isolation("only available on Linux".into()));
    }
    if policy.mounts().next().is_some() {
        return Err(ConfigError::Isolation(
            "a sandbox in a worker process cannot have mounted directories yet".into(),
        ));
    }
    if policy.master {
        return Err(ConfigError::Isolation(
            "the master module needs the host's runtime and cannot run in a worker process".into(),
        ));
    }
    // The worker rebuilds the policy from its policy file: what the file
    // cannot say, the worker would not enforce, so it must say everything.
    let text = policy.to_toml();
    let mut back = Policy::from_toml(&text)?;
    back.isolation(Isolation::Process);
    if back != policy {
        return Err(ConfigError::Isolation(
            "the policy has settings a policy file cannot carry to the worker".into(),
        ));
    }
    let init = Init {
        policy: text,
        stack_size: spec.stack_size,
        hash_seed: spec.hash_seed,
        cpu_seconds: spec.cpu_seconds,
        // The ceiling in process is three times the budget (SPEC §5.6); the
        // worker's address space also holds its stacks and the interpreter.
        address_space: policy.max_memory.map(|budget| {
            (budget as u64)
                .saturating_mul(3)
                .saturating_add(spec.stack_size as u64)
                .saturating_add(1 << 30)
        }),
    };
    let data = policy.data.clone();
    let max_int_bits = policy.max_int_bits;
    let worker = |e: std::io::Error| ConfigError::Worker(e.to_string());
    let (host_end, worker_end) = UnixStream::pair().map_err(worker)?;
    let mut child = Command::new(&spec.program)
        .arg(protocol::WORKER_ARG)
        .env_clear()
        // One malloc arena: glibc reads a file under /proc the first time it
        // shrinks a thread's own arena, which the allowlist refuses.
        .env("GLIBC_TUNABLES", "glibc.malloc.arena_max=1")
        .current_dir("/")
        .stdin(Stdio::from(std::os::fd::OwnedFd::from(worker_end.try_clone().map_err(worker)?)))
        .stdout(Stdio::from(std::os::fd::OwnedFd::from(worker_end)))
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| ConfigError::Worker(format!("{}: {e}", spec.program.display())))?;
    let pid = child.id();
    let writer_end = host_end.try_clone().map_err(worker)?;
    // Writes wait at most a tick: the relay watches the stop while a worker
    // that does not read leaves the socket full.
    writer_end
        .set_write_timeout(Some(WRITE_TICK))
        .map_err(worker)?;
    let mut writer = Writer(writer_end);
    // Every frame from the worker is hostile until checked: the reader holds
    // at most one decoded frame waiting (a worker that floods the socket
    // blocks on it), decodes values within the data limits' item count, and
    // ends the worker once its output passes the policy's budget (which the
    // worker's own sandbox enforces first, unless it is compromised).
    let (events_tx, events) = mpsc::sync_channel(1);
    let mut reader = host_end;
    let max_nodes = data.max_items;
    let max_done = data
        .max_bytes
        .saturating_add(data.max_items.saturating_mul(18))
        .saturating_add(2 << 20);
    let mut output_left = policy.max_output;
    let reading = std::thread::Builder::new()
        .name("pyocap-worker-reader".into())
        .stack_size(256 << 10)
        .spawn(move || loop {
            // Each kind of message is as long as it can legitimately be.
            let left = output_left;
            let limits = FrameLimits {
                max_len: Box::new(move |kind| match kind {
                    0 => 16,
                    1 => 64 << 10,
                    2 => left.saturating_add(16),
                    3 => max_done,
                    _ => 16,
                }),
                max_nodes,
            };
            let event = match read_frame::<FromWorker>(&mut reader, &limits) {
                Ok(FromWorker::Output(text)) if text.len() > output_left => {
                    Event::Gone(WireError::Protocol("output past the sandbox's budget".into()))
                }
                Ok(msg) => {
                    if let FromWorker::Output(text) = &msg {
                        output_left -= text.len();
                    }
                    Event::Msg(msg)
                }
                Err(e) => Event::Gone(e),
            };
            let gone = matches!(event, Event::Gone(_));
            if events_tx.send(event).is_err() || gone {
                return;
            }
        });
    if let Err(e) = reading {
        let _ = child.kill();
        let _ = child.wait();
        return Err(ConfigError::Spawn(e));
    }
    let started = write_frame(&mut writer, &ToWorker::Init(init))
        .map_err(|e| e.to_string())
        .and_then(|()| match events.recv_timeout(START_TIMEOUT) {
            Ok(Event::Msg(FromWorker::Ready)) => Ok(()),
            Ok(Event::Msg(FromWorker::InitFailed(why))) => Err(cut(why, 4096)),
            Ok(Event::Msg(other)) => Err(WireError::Protocol(format!("{} before Ready", other.kind())).to_string()),
            Ok(Event::Gone(e)) => Err(e.to_string()),
            Err(_) => Err("it did not start in time".into()),
        });
    if let Err(why) = started {
        let status = end(&mut child, Duration::ZERO);
        return Err(ConfigError::Worker(format!("{why} ({status})")));
    }
    let (link, inbox_tx, inbox_rx) = crate::sandbox_thread::remote_link(&policy, account);
    link.remote.pid.store(pid, Ordering::SeqCst);
    let (printed_tx, printed_rx) = mpsc::channel();
    let host_printed_tx = printed_tx.clone();
    let relay_link = link.clone();
    let (child_tx, child_rx) = mpsc::channel::<Child>();
    let thread = std::thread::Builder::new()
        .name("pyocap-relay".into())
        .stack_size(1 << 20)
        .spawn(move || {
            let Ok(child) = child_rx.recv() else { return };
            let mut relay = Relay {
                link: relay_link.clone(),
                writer,
                events,
                child,
                printed: printed_tx,
                data,
                max_int_bits,
            };
            inbox::attach(relay_link.id, inbox_tx, inbox_rx, relay_link.tripwire.clone());
            while let Some(request) = inbox::next_request() {
                relay_link.busy.store(true, Ordering::SeqCst);
                let (job, reply) = request.split();
                let outcome = relay.run(job);
                relay_link.busy.store(false, Ordering::SeqCst);
                reply.send(outcome);
            }
            inbox::detach();
            // Closing the socket ends the worker (a shutdown, as the reader
            // thread holds a second descriptor of it); one that lingers is
            // killed.
            let Relay { writer, mut child, .. } = relay;
            let _ = writer.0.shutdown(std::net::Shutdown::Both);
            drop(writer);
            end(&mut child, KILL_GRACE);
            account.close();
        })
        .map_err(ConfigError::Spawn)?;
    let _ = child_tx.send(child);
    Ok(Started {
        link,
        thread,
        printed: printed_rx,
        printed_tx: host_printed_tx,
    })
}

/// Waits up to `grace` for `child` to exit, kills it if it has not, and says
/// how it ended.
fn end(child: &mut Child, grace: Duration) -> String {
    let until = Instant::now() + grace;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return describe(status),
            Ok(None) if Instant::now() < until => std::thread::sleep(inbox::WATCH_TICK),
            _ => break,
        }
    }
    let _ = child.kill();
    match child.wait() {
        Ok(status) => describe(status),
        Err(e) => e.to_string(),
    }
}

fn describe(status: std::process::ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (_, Some(signal)) => format!("killed by signal {signal}"),
        (Some(code), None) => format!("exited with status {code}"),
        _ => status.to_string(),
    }
}

/// Writes to the socket without `SIGPIPE` (a host that does not ignore it
/// would die of a worker that exited first).
struct Writer(UnixStream);

impl std::io::Write for Writer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        #[cfg(target_os = "linux")]
        {
            rustix::net::send(&self.0, buf, rustix::net::SendFlags::NOSIGNAL).map_err(Into::into)
        }
        #[cfg(not(target_os = "linux"))]
        {
            self.0.write(buf)
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The relay: the sandbox thread's place for a sandbox in a worker.
struct Relay {
    link: Arc<Link>,
    writer: Writer,
    events: mpsc::Receiver<Event>,
    child: Child,
    printed: mpsc::Sender<Printed>,
    data: DataLimits,
    max_int_bits: u64,
}

impl Relay {
    fn run(&mut self, job: Job) -> Result<Value, GuestError> {
        if let Some(reason) = self.link.tripwire.reason() {
            return Err(reason);
        }
        let unsupported = |what: &str| GuestError::Unsupported {
            operation: what.into(),
        };
        let flat = |v: &Value| {
            flatten(v).map_err(|_| unsupported("a capability crossing into a worker process"))
        };
        let wire = match job {
            Job::Exec { source, filename } => WireJob::Exec { source, filename },
            Job::Eval { source } => WireJob::Eval { source },
            Job::Call { name, args } => WireJob::Call {
                name,
                args: args.iter().map(flat).collect::<Result<_, _>>()?,
            },
            Job::SetGlobal { name, value } => WireJob::SetGlobal {
                name,
                value: flat(&value)?,
            },
            Job::GrantMapping { name, entries } => WireJob::GrantMapping {
                name,
                entries: flat(&entries)?,
            },
            // Code compiled by an in-process sandbox runs here from its
            // source, compiled again in the worker under its own bounds.
            Job::RunCode { code, source, filename } => {
                if code.instrumented != self.link.fuel_metering {
                    return Err(GuestError::CodeMismatch {
                        compiled_metered: code.instrumented,
                    });
                }
                if code.eval {
                    WireJob::Eval {
                        source: source.to_string(),
                    }
                } else {
                    WireJob::Exec {
                        source: source.to_string(),
                        filename: filename.to_string(),
                    }
                }
            }
            Job::Compile { .. } => return Err(unsupported("compiling code for later runs")),
            Job::Grant { .. } => return Err(unsupported("granting a capability")),
            Job::Invoke { .. } => return Err(unsupported("a call into an exported object")),
            #[cfg(test)]
            Job::Native(_) => return Err(unsupported("a native probe")),
        };
        let budget = self.link.fuel_budget.load(Ordering::SeqCst);
        let job = ToWorker::Job {
            fuel: (budget != u64::MAX).then_some(budget),
            job: wire,
        };
        // Nothing may be waiting from the worker between jobs: an answer out
        // of turn would be taken for the next job's.
        // (Output may still come: what a guest printed after its call was
        // answered at a deadline; it is within the output budget.)
        loop {
            match self.events.try_recv() {
                Err(mpsc::TryRecvError::Empty) => break,
                Ok(Event::Msg(FromWorker::Output(text))) => {
                    let _ = self.printed.send(Printed::Text(text));
                }
                Ok(Event::Gone(e)) => return Err(self.crashed(e)),
                Ok(Event::Msg(m)) => {
                    let why = format!("a {} message between jobs", m.kind());
                    return Err(self.crashed(WireError::Protocol(why)));
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    return Err(self.crashed(WireError::Closed))
                }
            }
        }
        // When this sandbox was first seen stopped (the grace runs from
        // then), and whether the worker was told.
        let mut tripped_at: Option<Instant> = None;
        let mut stop_sent = false;
        if let Err(e) = self.send(&job, &mut tripped_at) {
            return Err(self.crashed(e));
        }
        // A quick answer is taken without parking this thread (as inbox waits do).
        let mut spin = true;
        loop {
            let event = match std::mem::replace(&mut spin, false)
                .then(|| inbox::spin_recv(&self.events))
                .flatten()
            {
                Some(Ok(e)) => Ok(e),
                Some(Err(_)) => Err(mpsc::RecvTimeoutError::Disconnected),
                None => self.events.recv_timeout(inbox::WATCH_TICK),
            };
            match event {
                Ok(Event::Msg(FromWorker::Output(text))) => {
                    let _ = self.printed.send(Printed::Text(text));
                    spin = true;
                }
                Ok(Event::Msg(FromWorker::Done(done))) => {
                    let link = &self.link;
                    link.fuel_used.store(done.fuel_used, Ordering::SeqCst);
                    link.fuel_left
                        .store(done.fuel_left.unwrap_or(u64::MAX), Ordering::SeqCst);
                    link.remote.memory_used.store(done.memory_used, Ordering::SeqCst);
                    link.remote.memory_peak.store(done.memory_peak, Ordering::SeqCst);
                    let outcome = match done.outcome {
                        Ok(flat) => match unflatten(flat, &self.data, self.max_int_bits) {
                            Ok(v) => Ok(v),
                            Err(e) => return Err(self.crashed(e)),
                        },
                        Err(e) => Err(GuestError::from(e)),
                    };
                    if let Err(e) = &outcome {
                        if e.is_terminal() {
                            link.tripwire.trip(e.clone());
                        }
                    }
                    return match link.tripwire.reason() {
                        Some(reason) => Err(reason),
                        None => outcome,
                    };
                }
                Ok(Event::Msg(other)) => {
                    return Err(self.crashed(WireError::Protocol(format!("an unexpected {} message", other.kind()))))
                }
                Ok(Event::Gone(e)) => return Err(self.crashed(e)),
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(self.crashed(WireError::Closed))
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if !self.link.tripwire.is_tripped() {
                        continue;
                    }
                    let since = *tripped_at.get_or_insert_with(Instant::now);
                    if !stop_sent {
                        stop_sent = true;
                        if let Err(e) = self.send(&ToWorker::Stop, &mut tripped_at) {
                            return Err(self.crashed(e));
                        }
                    } else if since.elapsed() >= KILL_GRACE {
                        return Err(self.crashed(WireError::Unresponsive));
                    }
                }
            }
        }
    }

    /// Sends `msg`, a tick at a time while the socket is full, watching the
    /// stop: once the sandbox was stopped (`tripped_at` records when, shared
    /// with the wait for the answer), a worker that still does not read
    /// within [`KILL_GRACE`] is `Unresponsive`.
    fn send(&mut self, msg: &ToWorker, tripped_at: &mut Option<Instant>) -> Result<(), WireError> {
        let bytes = protocol::encode(msg)?;
        let mut at = 0;
        while at < bytes.len() {
            match std::io::Write::write(&mut self.writer, &bytes[at..]) {
                Ok(0) => return Err(WireError::Closed),
                Ok(n) => at += n,
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock
                            | std::io::ErrorKind::TimedOut
                            | std::io::ErrorKind::Interrupted
                    ) =>
                {
                    if self.link.tripwire.is_tripped() {
                        let since = *tripped_at.get_or_insert_with(Instant::now);
                        if since.elapsed() >= KILL_GRACE {
                            return Err(WireError::Unresponsive);
                        }
                    }
                }
                Err(e) => return Err(protocol::io(e)),
            }
        }
        Ok(())
    }

    /// The worker is gone or broke the protocol: it is killed (if it is not
    /// dead already) and the sandbox ends with `WorkerCrashed` (unless a
    /// limit ended it first).
    fn crashed(&mut self, why: WireError) -> GuestError {
        // A worker whose socket closed is usually dying: a moment to reap it
        // gives its real end (the signal that killed it), not our kill.
        let grace = match why {
            WireError::Closed | WireError::Io(_) => Duration::from_millis(200),
            _ => Duration::ZERO,
        };
        let status = end(&mut self.child, grace);
        let reason = match why {
            WireError::Closed => status,
            other => format!("{other} ({status})"),
        };
        self.link.tripwire.trip(GuestError::WorkerCrashed { reason });
        self.link.tripwire.reason().unwrap_or(GuestError::Stopped)
    }
}
