//! The money example's proofs: supply is conserved, money and purses cannot be
//! forged, a revoked purse is dead, and the escrow contract is all-or-nothing.

#[path = "../../examples/money/mint.rs"]
mod mint;

use crate::util::*;
use mint::Mint;
use proptest::prelude::*;
use pyocap::{CapHandle, Filter, GuestError, Runtime, Sandbox, Value};

const CONTRACT: &str = include_str!("../../examples/money/escrow.py");

struct Market {
    usd: Mint,
    gold: Mint,
    /// The host's own purses.
    purses: Vec<CapHandle>,
    /// What the guest was given: a revocable forwarder to each purse.
    granted: Vec<CapHandle>,
    sb: Sandbox,
}

/// Two currencies, `n` purses of each with the given balances, granted to a
/// fresh contract sandbox as the list `p` (USD purses first).
fn market(rt: &Runtime, usd_balances: &[i64], gold_balances: &[i64]) -> Market {
    let usd = Mint::new(rt, "USD");
    let gold = Mint::new(rt, "GOLD");
    let mut purses: Vec<CapHandle> = usd_balances.iter().map(|b| usd.mint(*b)).collect();
    purses.extend(gold_balances.iter().map(|b| gold.mint(*b)));
    let granted: Vec<CapHandle> = purses
        .iter()
        .map(|p| p.attenuate(&Filter::public()).unwrap())
        .collect();
    let sb = sandbox();
    sb.exec(CONTRACT).unwrap();
    sb.set_global(
        "p",
        Value::List(granted.iter().cloned().map(Value::Cap).collect()),
    )
    .unwrap();
    Market {
        usd,
        gold,
        purses,
        granted,
        sb,
    }
}

impl Market {
    fn conserved(&self) -> bool {
        self.usd.supply() == self.usd.issued()
            && self.gold.supply() == self.gold.issued()
            && !self.usd.any_negative()
            && !self.gold.any_negative()
    }

    fn balance(&self, i: usize) -> i64 {
        let p = &self.purses[i];
        self.usd
            .balance_of(p)
            .or_else(|| self.gold.balance_of(p))
            .unwrap()
    }

    /// Runs one guest statement; guest exceptions are fine (refused moves),
    /// anything else is not.
    fn run(&self, src: &str) {
        match self.sb.exec(src) {
            Ok(()) | Err(GuestError::Exception { .. }) => {}
            Err(e) => panic!("{src}: {e}"),
        }
    }
}

#[derive(Debug, Clone)]
enum Op {
    Deposit {
        dst: usize,
        src: usize,
        amount: i64,
    },
    MakePurse {
        from: usize,
    },
    Swap {
        a: (usize, usize),
        b: (usize, usize),
        amounts: (i64, i64),
    },
    Revoke {
        purse: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..12usize, 0..12usize, -5..120i64)
            .prop_map(|(dst, src, amount)| Op::Deposit { dst, src, amount }),
        1 => (0..12usize).prop_map(|from| Op::MakePurse { from }),
        2 => ((0..12usize, 0..12usize), (0..12usize, 0..12usize), (-5..120i64, -5..120i64))
            .prop_map(|(a, b, amounts)| Op::Swap { a, b, amounts }),
        1 => (0..4usize).prop_map(|purse| Op::Revoke { purse }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Whatever the guest does with the purses it holds (valid or not), the
    /// money of each currency is conserved and no balance goes negative.
    #[test]
    fn supply_is_conserved_under_random_operations(ops in prop::collection::vec(op(), 1..25)) {
        let m = market(runtime(), &[100, 50, 0, 7], &[10, 0, 3, 1]);
        for op in &ops {
            // Indices wrap over however many purses the guest has made.
            let src = match op {
                Op::Deposit { dst, src, amount } => {
                    format!("p[{dst} % len(p)].deposit({amount}, p[{src} % len(p)])")
                }
                Op::MakePurse { from } => format!("p.append(p[{from} % len(p)].make_purse())"),
                Op::Swap { a, b, amounts } => format!(
                    "swap(p[{} % len(p)], p[{} % len(p)], {}, p[{} % len(p)], p[{} % len(p)], {})",
                    a.0, a.1, amounts.0, b.0, b.1, amounts.1
                ),
                Op::Revoke { purse } => {
                    m.granted[*purse].revoke();
                    continue;
                }
            };
            m.run(&src);
            prop_assert!(m.conserved(), "after {op:?}");
        }
        prop_assert_eq!(m.usd.supply(), 157);
        prop_assert_eq!(m.gold.supply(), 14);
    }

    /// The escrow contract swaps entirely or not at all.
    #[test]
    fn escrow_is_all_or_nothing(
        a_usd in 0..100i64, b_gold in 0..20i64,
        a_amount in -3..120i64, b_amount in -3..25i64,
        mixup in 0..4u8,
    ) {
        // Purses: 0 alice USD, 1 bob USD, 2 alice GOLD, 3 bob GOLD.
        let m = market(runtime(), &[a_usd, 0], &[0, b_gold]);
        // Sometimes a party names a receiving purse of the wrong currency.
        let (a_recv, b_recv) = match mixup {
            1 => (1, 1),
            2 => (2, 3),
            _ => (2, 1),
        };
        let before: Vec<i64> = (0..4).map(|i| m.balance(i)).collect();
        let done = m.sb.eval(&format!(
            "swap(p[0], p[{a_recv}], {a_amount}, p[3], p[{b_recv}], {b_amount})"
        )).unwrap();
        let after: Vec<i64> = (0..4).map(|i| m.balance(i)).collect();
        prop_assert!(m.conserved());
        // Escrow purses the contract made are empty again: all money is in the
        // parties' purses.
        prop_assert_eq!(after.iter().sum::<i64>(), before.iter().sum::<i64>());
        if done == Value::Bool(true) {
            prop_assert_eq!(after[0], before[0] - a_amount);
            prop_assert_eq!(after[1], before[1] + a_amount);
            prop_assert_eq!(after[2], before[2] + b_amount);
            prop_assert_eq!(after[3], before[3] - b_amount);
            prop_assert!(a_amount > 0 && b_amount > 0 && mixup != 1 && mixup != 2);
        } else {
            prop_assert_eq!(done, Value::Bool(false));
            prop_assert_eq!(&after, &before);
        }
    }
}

#[test]
fn a_guest_cannot_forge_money_or_a_purse() {
    let m = market(runtime(), &[100, 0], &[5]);
    m.sb.exec("alice, bob, gold = p").unwrap();
    m.sb.exec(
        "class Fake:\n    currency = 'USD'\n    def balance(self):\n        return 10**9\n    def deposit(self, a, s):\n        pass\n    def make_purse(self):\n        return self",
    )
    .unwrap();
    for attempt in [
        "type(alice)()",
        "type(alice).__new__(type(alice))",
        "bob.deposit(50, Fake())",
        "bob.deposit(10**30, alice)",
        "bob.deposit(2**63, alice)",
        "bob.deposit(-50, alice)",
        "bob.deposit(0, alice)",
        "bob.deposit(0.5, alice)",
        "bob.deposit(True, alice)",
        "bob.deposit('50', alice)",
        "bob.deposit(50, gold)",
        "alice.deposit(50, alice)",
        "bob.deposit(1, bob.make_purse())",
        "alice.balance = lambda: 10**9",
        "alice._Purse__balance",
        "alice.__dict__",
        "object.__setattr__(alice, 'balance', 1)",
        "copy = alice.__reduce_ex__(2)",
    ] {
        match m.sb.exec(attempt) {
            Err(GuestError::Exception { .. }) => {}
            other => panic!("{attempt}: {other:?}"),
        }
        assert!(m.conserved(), "{attempt}");
        assert_eq!(m.balance(0), 100, "{attempt}");
        assert_eq!(m.balance(1), 0, "{attempt}");
    }
    // A purse the guest makes holds nothing, and stays of its currency.
    m.sb.exec("q = alice.make_purse()").unwrap();
    assert_eq!(
        m.sb.eval("(q.balance(), q.currency)").unwrap().to_string(),
        "(0, 'USD')"
    );
    // Legitimate moves still work.
    m.sb.exec("bob.deposit(40, alice)").unwrap();
    assert_eq!((m.balance(0), m.balance(1)), (60, 40));
}

#[test]
fn a_revoked_purse_is_dead() {
    let m = market(runtime(), &[100, 0], &[]);
    m.sb.exec("alice, bob = p\nspend = alice.deposit").unwrap();
    m.granted[0].revoke();
    for attempt in [
        "alice.balance()",
        "spend(1, bob)",
        "bob.deposit(1, alice)",
        "alice.make_purse()",
    ] {
        match m.sb.exec(attempt) {
            Err(GuestError::Exception { type_name, .. }) => {
                assert_eq!(type_name, "RevokedError", "{attempt}")
            }
            other => panic!("{attempt}: {other:?}"),
        }
    }
    assert_eq!((m.balance(0), m.balance(1)), (100, 0));
    // The host's other purses are unaffected.
    m.sb.exec("bob.make_purse()").unwrap();
}
