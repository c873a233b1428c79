//! Regular expressions: every matching method is pre-run through a step meter,
//! so a catastrophic pattern stops at the deadline or when the fuel runs out
//! (and its thread is free again), while results stay those of `re`.

use crate::util::*;
use pyocap::{Config, GuestError, Policy, Runtime, Value};
use std::time::{Duration, Instant};

fn with_re(p: &mut Policy) -> pyocap::Sandbox {
    p.allow_import("re").unwrap();
    let sb = sandbox_with(p);
    sb.exec("import re").unwrap();
    sb
}

/// Hours of backtracking without a meter.
const CATASTROPHIC: &[&str] = &[
    "re.match(r'(a+)+$', 'a' * 40 + 'b')",
    "re.fullmatch(r'(a|aa)+', 'a' * 60 + 'b')",
    "re.search(r'(x+x+)+y', 'x' * 40)",
    "re.findall(r'(a*)*b', 'a' * 40)",
    "re.sub(r'(a+)+$', '', 'a' * 40 + 'b')",
    "re.split(r'(a+)+$', 'a' * 40 + 'b')",
    "list(re.finditer(r'(a+)+$', 'a' * 40 + 'b'))",
    "re.compile(r'(a+)+$').scanner('a' * 40 + 'b').search()",
    "re.compile(rb'(a+)+$').match(b'a' * 40 + b'b')",
    "re.compile(r'(a+)+$').match(bytearray(b'a' * 40 + b'b').decode())",
    // Backtracking that reads no text: alternatives of anchors.
    "re.match(r'(?:^|^)' * 40 + 'x', 'y')",
    "re.search(r'(?:$|\\Z|^)' * 30 + 'x', 'y')",
    "re.fullmatch(r'(?:(?:)|(?:))' * 40 + 'x', 'y')",
];

#[test]
fn results_are_those_of_re() {
    let sb = with_re(&mut Policy::new());
    let cases: &[(&str, &str)] = &[
        ("re.match(r'(\\w+) (\\w+)', 'hello world x').groups()", "('hello', 'world')"),
        ("re.match(r'b', 'ab')", "None"),
        ("re.compile(r'b').match('ab', 1).span()", "(1, 2)"),
        ("re.compile(r'a+').match('aaaa', 1, 3).group()", "'aa'"),
        ("(re.fullmatch(r'a+', 'aaa') is not None, re.fullmatch(r'a+', 'aab'))", "(True, None)"),
        ("re.search(r'\\d+', 'abc 123 def').group()", "'123'"),
        ("re.search(r'z', 'abc')", "None"),
        ("re.findall(r'(\\w)(\\d)', 'a1 b2 c3')", "[('a', '1'), ('b', '2'), ('c', '3')]"),
        ("re.findall(r'x*', 'axxb')", "['', 'xx', '', '']"),
        ("[m.span() for m in re.finditer(r'x*', 'axxb')]", "[(0, 0), (1, 3), (3, 3), (4, 4)]"),
        ("re.sub(r'(\\w+)@(\\w+)', r'\\2 at \\1', 'me@home you@work')", "'home at me work at you'"),
        ("re.sub(r'\\d', lambda m: str(int(m.group()) * 2), 'a1b2c3', count=2)", "'a2b4c3'"),
        ("re.subn(r'a', 'b', 'aaa')", "('bbb', 3)"),
        ("re.split(r'(,)', 'a,b,c', maxsplit=1)", "['a', ',', 'b,c']"),
        ("re.split(r',', 'a,b,c', -1)", "['a,b,c']"),
        ("re.split(r'x*', 'axbc')", "['', 'a', '', 'b', 'c', '']"),
        ("re.compile(rb'[a-z]+').findall(b'ab 12 cd')", "[b'ab', b'cd']"),
        ("re.compile(rb'b+').search(bytearray(b'abbc')).span()", "(1, 3)"),
        ("re.compile(r'(?i)straße').search('STRASSE straße').group()", "'straße'"),
        // A scanner that failed is exhausted, as CPython's is (RustPython's
        // own moves on after a failed `match`).
        (
            "(lambda s: [(m.group() if m else None) for m in [s.match(), s.match(), s.search()]])(re.compile(r'\\d').scanner('1a2'))",
            "['1', None, None]",
        ),
        (
            "(lambda sc: ([sc.search().group() for _ in range(3)], sc.search()))(re.compile(r'[a-z]+|\\d+').scanner('ab12cd'))",
            "(['ab', '12', 'cd'], None)",
        ),
        ("type(re.compile('a').scanner('a')).__name__", "'SRE_Scanner'"),
    ];
    for (expr, expected) in cases {
        let got = sb
            .eval(&format!("repr({expr})"))
            .unwrap_or_else(|e| panic!("{expr}: {e:?}"));
        assert_eq!(got, Value::from(*expected), "{expr}");
    }
    // Wrong argument types fail as in `re`.
    assert_eq!(raises(&sb, "re.compile('a').match(b'a')"), "TypeError");
    assert_eq!(raises(&sb, "re.compile(b'a').match('a')"), "TypeError");
}

#[test]
fn a_catastrophic_pattern_stops_at_the_deadline_and_frees_its_thread() {
    let mut config = Config::new();
    config.drop_grace(Duration::from_secs(20));
    let runtime = Runtime::new(&config).unwrap();
    // The deadline leaves room for `import re` on a loaded machine.
    let deadline = Duration::from_secs(1);
    for expr in CATASTROPHIC {
        let mut p = Policy::new();
        p.deadline(Some(deadline)).allow_import("re").unwrap();
        let sb = runtime.sandbox(&p).unwrap();
        sb.exec("import re").unwrap();
        assert_eq!(
            sb.exec(expr),
            Err(GuestError::DeadlineExceeded { limit: deadline }),
            "{expr}"
        );
        // The runtime waits for the thread (up to the 20 s grace) in the
        // background: the matcher itself noticed the stop, so the thread ended at once.
        drop(sb);
        assert!(
            runtime.wait_for_teardown(Duration::from_secs(3)),
            "{expr}: its thread did not end"
        );
    }
}

#[test]
fn a_catastrophic_pattern_runs_out_of_fuel_and_cannot_catch_it() {
    for expr in CATASTROPHIC {
        let mut p = Policy::new();
        p.fuel(Some(100_000));
        let sb = with_re(&mut p);
        let t = Instant::now();
        assert_eq!(
            sb.exec(&format!(
                "try:\n    {expr}\nexcept BaseException:\n    pass"
            )),
            Err(GuestError::FuelExhausted { limit: 100_000 }),
            "{expr}"
        );
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "{expr}: {:?}",
            t.elapsed()
        );
        assert!(sb.stopped().is_some());
    }
}

#[test]
fn matching_costs_fuel_in_proportion_to_the_work_and_deterministically() {
    let mut p = Policy::new();
    p.fuel(Some(u64::MAX - 1));
    let sb = with_re(&mut p);
    let cost = |expr: &str| {
        sb.exec(expr).unwrap();
        sb.fuel().consumed
    };
    let small = cost("re.search(r'(a+)+$', 'a' * 12 + 'b')");
    let large = cost("re.search(r'(a+)+$', 'a' * 16 + 'b')");
    // Four more characters: 16 times the backtracking.
    assert!(large > 8 * small, "{small} {large}");
    assert!(small > 100, "{small}");
    for _ in 0..5 {
        assert_eq!(cost("re.search(r'(a+)+$', 'a' * 16 + 'b')"), large);
    }
    // Plain matching is cheap.
    assert!(cost("re.match(r'a', 'a')") < 20);
}

#[test]
fn results_that_would_take_quadratic_work_to_cut_out_are_refused() {
    // RustPython cuts each `str` match out of the text by walking from its
    // start: a million matches in a million characters would be 5 * 10**11
    // code points of native work (hours) after the pre-run.
    let sb = with_re(&mut Policy::new());
    let t = Instant::now();
    for expr in [
        "re.findall(r'a', 'a' * 10**6)",
        "re.sub(r'a', 'b', 'a' * 10**6)",
        "re.split(r'a', 'a' * 10**6)",
    ] {
        assert_eq!(raises(&sb, expr), "RuntimeError", "{expr}");
    }
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    // Bytes are indexed, not walked; finditer cuts nothing up front (each of
    // its steps is linear in the text: RustPython counts the code points).
    assert_eq!(
        sb.eval(
            "len(re.findall(rb'a', b'a' * 10**6)), sum(1 for _ in re.finditer(r'a', 'a' * 10**4))"
        )
        .unwrap(),
        Value::Tuple(vec![Value::from(1_000_000), Value::from(10_000)])
    );
    // A long text with a few matches is fine.
    assert_eq!(
        sb.eval("len(re.findall(r'b', 'a' * 10**6 + 'b' * 100))")
            .unwrap(),
        Value::from(100)
    );
}

#[test]
fn a_result_of_many_small_objects_is_checked_before_it_is_built() {
    // `_sre` builds a `sub`, `findall` or `split` result in one native loop:
    // ten million template pieces froze the thread past the memory ceiling.
    let mut p = Policy::new();
    p.max_memory(Some(64 << 20)).unwrap();
    // What is checked is memory: matching millions of times takes seconds in
    // an unoptimised build on a loaded machine, so time is not this test's.
    p.deadline(Some(std::time::Duration::from_secs(60)));
    let sb = with_re(&mut p);
    for expr in [
        r"re.sub('', '\\g<0>' * 10000, 'a' * 1000)",
        r"re.subn(b'(a)', b'\\1' * 1000, b'a' * 100000)",
        "re.findall(b'..', b'ab' * 6_000_000)",
        "re.findall(b'(.)(.)', b'ab' * 3_000_000)",
        "re.split(b',', b'ab,' * 4_000_000)",
    ] {
        sb.exec(&format!(
            "try:\n    x = {expr}\nexcept MemoryError:\n    pass\nelse:\n    raise AssertionError"
        ))
        .unwrap_or_else(|e| panic!("{expr}: {e}"));
    }
    assert!(sb.memory_peak() < 64 << 20, "{}", sb.memory_peak());
    // Ordinary results are untouched.
    assert_eq!(
        sb.eval(r"(re.sub('(a)', r'<\1>', 'banana'), re.subn('a', lambda m: 'A', 'banana'), re.findall('(a)(n)', 'banana'), re.split('(,)', 'a,b'))")
            .unwrap()
            .to_string(),
        "('b<a>n<a>n<a>', ('bAnAnA', 3), [('a', 'n'), ('a', 'n')], ['a', ',', 'b'])"
    );
}

/// Repeats of zero-width items push matcher state without reading text; so
/// does every backtracking point of a pattern with many groups (a copy of its
/// marks). The meter counts them: the matcher stops at the memory budget (the
/// host gets `MemoryLimit`, and the thread never reached the ceiling, three
/// times the budget, where it would freeze), or at the fuel, with or without a
/// memory budget.
#[test]
fn matcher_state_that_reads_no_text_is_metered() {
    let budget = 64 << 20;
    let heavy = [
        "re.match('(?:^){100000000}', '')",
        "re.match('(?:(?:)|a){100000000}', '')",
        "re.match('(?:(?>)){100000000}', '')",
        "re.match('(a)(?:\\1?){100000000}', 'a')",
        "re.match('(a)' * 2000 + '(?:bb|cc)*x', 'a' * 2000 + 'b' * 100000)",
        // Repeats that never run their body (a maximum of 0) still push state.
        "re.match('(?:a' + 'b{0}' * 2000 + ')*c', 'a' * 2000)",
    ];
    for expr in heavy {
        let mut policy = Policy::new();
        policy.allow_import("re").unwrap();
        policy.max_memory(Some(budget)).unwrap();
        let sb = sandbox_with(&policy);
        assert_eq!(
            sb.exec(&format!("import re\n{expr}")),
            Err(GuestError::MemoryLimit { limit: budget }),
            "{expr}"
        );
        assert!(
            sb.memory_peak() < 2 * budget,
            "{expr}: peak {} (ceiling {})",
            sb.memory_peak(),
            3 * budget
        );
        drop(sb);

        let mut policy = Policy::new();
        policy.allow_import("re").unwrap();
        policy.max_memory(None).unwrap().fuel(Some(200_000));
        let sb = sandbox_with(&policy);
        assert_eq!(
            sb.exec(&format!(
                "import re\ntry:\n    {expr}\nexcept BaseException:\n    pass"
            )),
            Err(GuestError::FuelExhausted { limit: 200_000 }),
            "{expr}"
        );
        // Without a budget the fuel bounds the matcher's state.
        assert!(
            sb.memory_peak() < 4 * budget,
            "{expr}: peak {}",
            sb.memory_peak()
        );
    }
}

/// `_sre` holds a text's buffer while it calls a replacement function; one that
/// resized the `bytearray` being matched took the buffer's lock twice (an
/// interpreter panic that killed the sandbox). A mutable text is matched as a
/// snapshot: the function may change the original, the result is the one of
/// the text as it was.
#[test]
fn a_replacement_function_may_resize_the_text_being_matched() {
    let sb = with_re(&mut Policy::new());
    sb.exec(
        "b = bytearray(b'ab' * 4)\n\
         def clear(m):\n    b.clear()\n    return b'x'\n\
         def grow(m):\n    b.extend(b'a' * 1000)\n    return b'y'\n",
    )
    .unwrap();
    assert_eq!(
        sb.eval("re.sub(b'a', clear, b), bytes(b)")
            .unwrap()
            .to_string(),
        "(b'xbxbxbxb', b'')"
    );
    sb.exec("b[:] = b'ab' * 4").unwrap();
    // Through a view the guest holds, resizing is refused as in CPython.
    assert_eq!(
        raises(&sb, "re.subn(b'a', grow, memoryview(b))"),
        "BufferError"
    );
    assert_eq!(
        sb.eval("re.subn(b'a', grow, b)[0], len(b)")
            .unwrap()
            .to_string(),
        "(b'ybybybyb', 4008)"
    );
    // Immutable texts and templates are matched as they are.
    assert_eq!(
        sb.eval("re.sub('a', lambda m: m.group().upper(), 'banana'), bytes(re.sub(b'a', b'o', bytearray(b'aa')))")
            .unwrap()
            .to_string(),
        "('bAnAnA', b'oo')"
    );
}

/// A scanner that failed is exhausted, as in CPython: where a failed run leaves
/// the matcher's cursor is no position to go on from (it differs between the
/// metered code and the original), and `_sre`'s own scanner went on from its
/// own, unmeasured: a catastrophic search after a cheap failed `match()` ran
/// unmetered, past the deadline and the fuel. Starts that read nothing (`b{0}`
/// repeated) are metered too.
#[test]
fn a_failed_scanner_is_exhausted_and_read_free_starts_are_metered() {
    let mut p = Policy::new();
    p.fuel(Some(300_000));
    let sb = with_re(&mut p);
    sb.exec("sc = re.compile(r'(?<=a)(?:a+)+c|a*+$').scanner('a' * 40 + 'b')")
        .unwrap();
    assert_eq!(
        sb.eval("(sc.match(), sc.search(), sc.match())").unwrap().to_string(),
        "(None, None, None)"
    );
    // Exhausted whatever its end (CPython refuses an `endpos` past
    // `sys.maxsize`; RustPython takes any `usize`, which a position sentinel
    // could not stay above).
    sb.exec("sc = re.compile(r'(?<=a)(?:a+)+c|a*+$').scanner('a' * 40 + 'b', 0, 2**64 - 1)")
        .unwrap();
    assert_eq!(
        sb.eval("(sc.match(), sc.search(), sc.match())").unwrap().to_string(),
        "(None, None, None)"
    );
    // Matches are unchanged, and the scanner ends after the last one.
    sb.exec("sc = re.compile('a').scanner('aba')").unwrap();
    assert_eq!(
        sb.eval("[sc.search().span(), sc.search().span(), sc.search(), sc.search()]")
            .unwrap()
            .to_string(),
        "[(0, 1), (2, 3), None, None]"
    );
    assert_eq!(
        sb.exec("p = re.compile('b{0}' * 2000 + 'c')\ntry:\n    p.search('a' * 1000000)\nexcept BaseException:\n    pass"),
        Err(GuestError::FuelExhausted { limit: 300_000 })
    );
}
