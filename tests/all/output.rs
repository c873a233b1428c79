//! Streamed output (`Sandbox::stream_output`): text reaches the host's sink
//! as it is printed, all of a call's output before the call returns, under
//! the output budget; a sink that panics is dropped.

use crate::util::*;
use pyocap::{CapError, Filter, GuestError, Policy, Value};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn collector() -> (Arc<Mutex<String>>, impl FnMut(&str) + Send + 'static) {
    let seen = Arc::new(Mutex::new(String::new()));
    let sink = {
        let seen = seen.clone();
        move |text: &str| seen.lock().unwrap().push_str(text)
    };
    (seen, sink)
}

/// The sink has the text while the call that printed it is still running.
#[test]
fn output_reaches_the_sink_while_the_call_runs() {
    let sb = sandbox();
    let (seen, sink) = collector();
    sb.stream_output(sink);
    let watched = seen.clone();
    let wait_for = runtime().host_fn("wait_for", move |(text,): (String,)| {
        let until = Instant::now() + Duration::from_secs(5);
        while Instant::now() < until {
            if watched.lock().unwrap().contains(&text) {
                return Ok(true);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok::<_, CapError>(false)
    });
    sb.grant("wait_for", &wait_for).unwrap();
    sb.exec("print('first')\nok = wait_for('first\\n')\nprint('second')").unwrap();
    assert_eq!(sb.eval("ok").unwrap(), Value::Bool(true));
    assert_eq!(*seen.lock().unwrap(), "first\nsecond\n");
    // Nothing is left for take_output: it was streamed.
    assert_eq!(sb.take_output(), "");
}

#[test]
fn all_of_a_calls_output_is_delivered_before_it_returns() {
    let sb = sandbox();
    sb.exec("print('before streaming')").unwrap();
    let (seen, sink) = collector();
    sb.stream_output(sink);
    for round in 0..20 {
        sb.exec(&format!("for i in range(200):\n    print({round}, i)")).unwrap();
        let lines = seen.lock().unwrap().lines().count();
        assert_eq!(lines, 200 * (round + 1));
    }
    // What was printed before the sink came stays for take_output.
    assert_eq!(sb.take_output(), "before streaming\n");
}

#[test]
fn the_output_budget_holds_while_streaming() {
    let mut policy = Policy::new();
    policy.max_output(100);
    let sb = sandbox_with(&policy);
    let (seen, sink) = collector();
    sb.stream_output(sink);
    let err = sb.exec("while True:\n    print('x' * 30)").unwrap_err();
    assert!(matches!(err, GuestError::OutputLimit { .. }), "{err:?}");
    assert!(seen.lock().unwrap().len() <= 100, "{}", seen.lock().unwrap().len());
}

#[test]
fn a_panicking_sink_is_dropped_and_output_is_kept() {
    let sb = sandbox();
    sb.stream_output(|text: &str| {
        if text.contains("boom") {
            panic!("sink failed");
        }
    });
    sb.exec("print('boom')").unwrap();
    sb.exec("print('after')").unwrap();
    assert_eq!(sb.take_output(), "boom\nafter\n");
    assert_eq!(sb.eval("1 + 1").unwrap(), Value::from(2));
    // A new sink takes over.
    let (seen, sink) = collector();
    sb.stream_output(sink);
    sb.exec("print('again')").unwrap();
    assert_eq!(*seen.lock().unwrap(), "again\n");
}

#[test]
fn a_writer_sink_and_output_printed_while_serving_another_sandbox() {
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let owner = sandbox();
    let out = Shared::default();
    owner.stream_output_to(out.clone());
    owner.exec("def hello(n):\n    print('serving', n)\n    return n").unwrap();
    let hello = owner.export("hello", Filter::public()).unwrap();
    let caller = sandbox();
    caller.grant("hello", &hello).unwrap();
    caller.exec("hello(1)\nhello(2)").unwrap();
    // The owner printed while serving calls it was not asked by its host to
    // make; the stream has it as soon as the owner's thread printed it.
    let until = Instant::now() + Duration::from_secs(5);
    while out.0.lock().unwrap().len() < "serving 1\nserving 2\n".len() && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(String::from_utf8(out.0.lock().unwrap().clone()).unwrap(), "serving 1\nserving 2\n");
    drop(owner);
}

/// A slow sink never holds a call past its deadline or a stop: the flush
/// waits for the sink only that long, and the rest is delivered afterwards.
#[test]
fn a_slow_sink_never_holds_a_call_past_its_deadline() {
    use std::time::{Duration, Instant};
    let mut policy = pyocap::Policy::new();
    policy.deadline(Some(Duration::from_millis(300)));
    let sb = sandbox_with(&policy);
    let delivered = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = delivered.clone();
    sb.stream_output(move |_| {
        std::thread::sleep(Duration::from_millis(5));
        seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    });
    let start = Instant::now();
    // 2,000 pieces at 5 ms each would hold the call for ten seconds.
    sb.exec("for i in range(2000):\n    print(i)").unwrap();
    let took = start.elapsed();
    assert!(took < Duration::from_secs(2), "the call took {took:?}");
    let got = delivered.load(std::sync::atomic::Ordering::SeqCst);
    assert!(got < 2000, "every piece was waited for ({got})");
}
