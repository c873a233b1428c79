//! Sandboxes share nothing: globals, builtins and types are per sandbox.

use crate::util::*;
use pyocap::Value;

#[test]
fn four_parallel_sandboxes_do_not_see_each_other() {
    let handles: Vec<_> = (0..4)
        .map(|i| {
            std::thread::spawn(move || {
                let sb = sandbox();
                sb.exec(&format!("marker_{i} = {i}\nshared = {i}")).unwrap();
                // Try to leave marks anywhere reachable.
                for attempt in [
                    format!("__builtins__['mark_{i}'] = 1"),
                    format!("setattr(object, 'mark_{i}', 1)"),
                    format!("str.mark_{i} = 1"),
                    format!("type(len).mark_{i} = 1"),
                ] {
                    let _ = sb.exec(&attempt);
                }
                let mut total = 0i64;
                for _ in 0..200 {
                    total += sb.eval("shared").unwrap().as_i64().unwrap();
                }
                assert_eq!(total, 200 * i as i64, "another sandbox changed this one's globals");
                for j in (0..4).filter(|j| *j != i) {
                    let seen = sb
                        .eval(&format!(
                            "('marker_{j}' in globals_names, 'mark_{j}' in __builtins__, hasattr(object, 'mark_{j}'), hasattr(str, 'mark_{j}'))"
                        )
                        .replace("globals_names", "dir()"))
                        .unwrap();
                    assert_eq!(seen, Value::Tuple(vec![Value::Bool(false); 4]), "sandbox {i} saw {j}");
                }
                sb.eval(&format!("marker_{i}")).unwrap()
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        assert_eq!(h.join().unwrap(), Value::from(i as i64));
    }
}

#[test]
fn a_new_sandbox_starts_clean() {
    let a = sandbox();
    a.exec("x = 1\nclass C: pass").unwrap();
    drop(a);
    let b = sandbox();
    assert_eq!(raises(&b, "x"), "NameError");
    assert_eq!(raises(&b, "C"), "NameError");
}

#[test]
fn hash_is_deterministic_across_sandboxes() {
    let a = sandbox().eval("hash('pyocap')").unwrap();
    let b = sandbox().eval("hash('pyocap')").unwrap();
    assert_eq!(a, b);
}
