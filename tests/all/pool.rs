//! The warm pool (`Runtime::pool`): sandboxes started ahead of time, each
//! handed out once.

use crate::util::*;
use pyocap::{GuestError, Policy, PoolError, Value};

/// Every checkout is a sandbox nobody has used: a tenant's globals and output
/// never reach the next one, and the preloaded module is imported but not
/// bound.
#[test]
fn each_checkout_is_a_fresh_sandbox() {
    let mut policy = Policy::new();
    policy.allow_import("json").unwrap();
    let pool = runtime().pool(&policy, 2, &["json"]).unwrap();
    assert_eq!(pool.size(), 2);
    let mut ids = std::collections::BTreeSet::new();
    for i in 0..5 {
        let sb = pool.checkout().unwrap();
        assert!(ids.insert(sb.id()), "sandbox {} handed out twice", sb.id());
        assert_eq!(raises(&sb, "tenant"), "NameError", "checkout {i}");
        assert_eq!(raises(&sb, "json"), "NameError", "the preload is not bound");
        assert_eq!(sb.take_output(), "");
        sb.exec("tenant = 1\nprint('mine')\nimport json").unwrap();
        assert_eq!(
            sb.eval("json.dumps({'a': [1, 2]})").unwrap(),
            Value::from("{\"a\": [1, 2]}")
        );
    }
}

/// The preload is the host's: it spends none of the policy's fuel, and the
/// tenant's calls get the whole budget.
#[test]
fn the_preload_spends_no_tenant_fuel() {
    let mut policy = Policy::new();
    policy.fuel_metering(true).fuel(Some(2_000));
    policy.allow_import("json").unwrap().allow_import("re").unwrap();
    // A fresh sandbox with this budget cannot import them itself.
    assert!(matches!(
        sandbox_with(&policy).exec("import json, re"),
        Err(GuestError::FuelExhausted { .. })
    ));
    let pool = runtime().pool(&policy, 1, &["json", "re"]).unwrap();
    let sb = pool.checkout().unwrap();
    // Its readings are a fresh sandbox's: the pool's jobs are not the tenant's.
    let fresh = sandbox_with(&policy).fuel();
    assert_eq!((sb.fuel().consumed, sb.fuel().remaining), (fresh.consumed, fresh.remaining));
    assert_eq!(sb.fuel().consumed, 0);
    sb.exec("import json, re\nn = 0\nfor i in range(100): n += i").unwrap();
    assert_eq!(sb.eval("n").unwrap(), Value::from(4950));
    assert!(matches!(
        sb.exec("while True: pass"),
        Err(GuestError::FuelExhausted { .. })
    ));
}

/// A preload the policy does not allow, or that is not a module name, fails
/// when the pool is made, with the error a guest's import would get.
#[test]
fn a_preload_outside_the_policy_fails_at_once() {
    match runtime().pool(&Policy::new(), 2, &["os"]) {
        Err(PoolError::Preload { module, error }) => {
            assert_eq!(module, "os");
            assert!(matches!(error, GuestError::Exception { ref type_name, .. } if type_name == "ImportError" || type_name == "ModuleNotFoundError"), "{error:?}");
        }
        other => panic!("{other:?}"),
    }
    for bad in ["json; import os", "", "a..b", "1x", "json')\nprint('x"] {
        assert!(
            matches!(runtime().pool(&Policy::new(), 1, &[bad]), Err(PoolError::NotAModule(_))),
            "{bad:?}"
        );
    }
}

/// Checking out more than the pool holds still works: the extra ones are
/// started on the spot.
#[test]
fn an_empty_pool_starts_one_on_the_spot() {
    let pool = runtime().pool(&Policy::new(), 1, &[]).unwrap();
    let all: Vec<_> = (0..4).map(|_| pool.checkout().unwrap()).collect();
    for sb in &all {
        assert_eq!(sb.eval("1 + 1").unwrap(), Value::from(2));
    }
}

/// A pool holds 1 to `MAX_POOL_SIZE` sandboxes: it must not take every
/// sandbox the process may have from the rest of the host.
#[test]
fn a_pool_size_is_bounded() {
    for size in [0, pyocap::MAX_POOL_SIZE + 1, usize::MAX] {
        assert!(
            matches!(runtime().pool(&Policy::new(), size, &[]), Err(PoolError::Size(s)) if s == size),
            "{size}"
        );
    }
}
