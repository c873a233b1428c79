//! Capabilities: a guest gets purses as opaque proxies, filtered and revocable.
//!
//! `cargo run --example capabilities`

use pyocap::{CapError, CapHandle, Filter, GuestError, Methods, Policy, Runtime, UserObject};
use std::sync::Mutex;

// pyocap accounts each sandbox's memory in the global allocator.
#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

struct Purse {
    owner: String,
    balance: Mutex<i64>,
}

impl UserObject for Purse {
    fn type_name(&self) -> &str {
        "Purse"
    }
    fn register(m: &mut Methods<Self>) {
        m.add_method("balance", |this, ()| Ok(*this.balance.lock().unwrap()));
        // `src` arrives as the handle of the purse the guest passed: the host
        // gets its own object back, never a guest object.
        m.add_method("deposit", |this, (amount, src): (i64, CapHandle)| {
            let src = src.downcast::<Purse>()?;
            if std::ptr::eq(this, &*src) {
                return Err(CapError::failed("same purse"));
            }
            let mut from = src.balance.lock().unwrap();
            if amount <= 0 || *from < amount {
                return Err(CapError::failed("insufficient funds"));
            }
            *from -= amount;
            *this.balance.lock().unwrap() += amount;
            Ok(())
        });
        m.add_field("owner", |this| this.owner.clone());
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = Runtime::default();
    let sandbox = runtime.sandbox(&Policy::new())?;
    let alice = runtime.wrap(Purse {
        owner: "alice".into(),
        balance: Mutex::new(100),
    });
    let bob = runtime.wrap(Purse {
        owner: "bob".into(),
        balance: Mutex::new(0),
    });

    // The guest may move money from alice to bob, and only read bob's balance.
    sandbox.grant("alice", &alice)?;
    sandbox.grant(
        "bob",
        &bob.attenuate(&Filter::only(["balance", "deposit", "owner"]))?,
    )?;
    sandbox.exec(
        "bob.deposit(30, alice)\nprint(alice.owner, alice.balance(), bob.owner, bob.balance())",
    )?;
    print!("guest: {}", sandbox.take_output());

    // Hostile moves are plain guest exceptions.
    for attempt in [
        "bob.deposit(1000, alice)",
        "alice._secret",
        "alice.balance = 10**9",
        "type(alice)()",
    ] {
        match sandbox.exec(attempt) {
            Err(GuestError::Exception {
                type_name, message, ..
            }) => {
                println!("{attempt:<26} -> {type_name}: {message}")
            }
            other => println!("{attempt:<26} -> {other:?}"),
        }
    }

    // Revoke alice's purse: every proxy of it, everywhere, is dead.
    alice.revoke();
    match sandbox.exec("alice.balance()") {
        Err(GuestError::Exception { type_name, .. }) => println!("after revoke: {type_name}"),
        other => println!("after revoke: {other:?}"),
    }
    // Or everything this sandbox ever got, at once.
    sandbox.revoke_all();
    match sandbox.exec("bob.balance()") {
        Err(GuestError::Exception { type_name, .. }) => println!("after revoke_all: {type_name}"),
        other => println!("after revoke_all: {other:?}"),
    }
    println!(
        "host still sees bob: {:?}",
        bob.call_method("balance", vec![])?
    );
    Ok(())
}
