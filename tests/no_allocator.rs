//! Without pyocap's counting allocator, a memory budget cannot be promised: a
//! policy that has one is refused rather than silently unenforced. (A binary of
//! its own: it must not install the allocator.)

use pyocap::{ConfigError, Policy, Runtime, Value};

#[test]
fn a_memory_budget_needs_the_counting_allocator() {
    let runtime = Runtime::default();
    assert!(matches!(
        runtime.sandbox(&Policy::new()),
        Err(ConfigError::MemoryAccountingUnavailable)
    ));
    let mut unbounded = Policy::new();
    unbounded.max_memory(None).unwrap();
    let sb = runtime.sandbox(&unbounded).unwrap();
    assert_eq!(sb.eval("6 * 7").unwrap(), Value::from(42));
    assert_eq!(
        sb.memory_used(),
        0,
        "nothing is counted without the allocator"
    );
}
