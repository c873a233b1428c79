//! Capability-based money: a guest escrow contract swaps two parties' assets.
//!
//! Run with `cargo run --release --example money`. The host owns two mints
//! (USD and GOLD); the guest gets only four purses and the contract source. It
//! cannot mint, cannot forge a purse, cannot read a balance it was not given,
//! and a swap happens entirely or not at all.

#[global_allocator]
static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();

#[path = "mint.rs"]
#[allow(dead_code)] // shared with the tests, which use more of it
mod mint;

use mint::Mint;
use pyocap::{Policy, Runtime, Value};

const CONTRACT: &str = include_str!("escrow.py");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = Runtime::default();
    let usd = Mint::new(&runtime, "USD");
    let gold = Mint::new(&runtime, "GOLD");
    let alice_usd = usd.mint(100);
    let alice_gold = gold.mint(0);
    let bob_usd = usd.mint(0);
    let bob_gold = gold.mint(10);

    let contract = runtime.sandbox(&Policy::new())?;
    contract.exec_named(CONTRACT, "escrow.py")?;
    for (name, purse) in [
        ("alice_usd", &alice_usd),
        ("alice_gold", &alice_gold),
        ("bob_usd", &bob_usd),
        ("bob_gold", &bob_gold),
    ] {
        contract.grant(name, purse)?;
    }
    let show = |when: &str| {
        println!(
            "{when:>22}: alice {} USD {} GOLD | bob {} USD {} GOLD",
            usd.balance_of(&alice_usd).unwrap_or(-1),
            gold.balance_of(&alice_gold).unwrap_or(-1),
            usd.balance_of(&bob_usd).unwrap_or(-1),
            gold.balance_of(&bob_gold).unwrap_or(-1),
        );
    };
    show("start");

    // A fair swap: 30 USD for 3 GOLD.
    let ok = contract.eval("swap(alice_usd, alice_gold, 30, bob_gold, bob_usd, 3)")?;
    println!("swap 30 USD for 3 GOLD -> {ok}");
    show("after the swap");

    // Bob cannot pay 50 GOLD: nothing moves.
    let ok = contract.eval("swap(alice_usd, alice_gold, 30, bob_gold, bob_usd, 50)")?;
    println!("swap 30 USD for 50 GOLD -> {ok}");
    show("after the failed swap");

    // The contract tries to cheat: forge a purse, mint money, mix currencies.
    for attempt in [
        "type(alice_usd)()",
        "alice_usd.make_purse().deposit(1, alice_usd.make_purse())",
        "alice_usd.deposit(-10, bob_usd)",
        "bob_usd.deposit(5, bob_gold)",
        "alice_usd._Purse__balance",
        "alice_usd.balance = lambda: 10**6",
    ] {
        let err = contract.exec(attempt).unwrap_err();
        println!(
            "refused: {attempt:<55} {}",
            err.to_string().lines().next().unwrap_or("")
        );
    }

    // Revocation: Alice withdraws the contract's access to her purse.
    alice_usd.revoke();
    let err = contract.exec("alice_usd.balance()").unwrap_err();
    println!("after revocation: {err}");

    assert_eq!(usd.supply(), usd.issued());
    assert_eq!(gold.supply(), gold.issued());
    println!(
        "supply conserved: {} USD, {} GOLD",
        usd.supply(),
        gold.supply()
    );
    assert_eq!(ok, Value::Bool(false));
    Ok(())
}
