//! ERTP-style money, after Miller, Morningstar and Frantz, "Capability-based
//! Financial Instruments" (2000): a mint makes purses of one currency; a purse
//! can only receive money from another purse of the same currency, so holding a
//! purse is the right to spend what is in it, and nothing else.
//!
//! Shared by `examples/money/main.rs` and the money tests.

use parking_lot::Mutex;
use pyocap::{CapError, CapHandle, Methods, Runtime, UserObject};
use std::sync::Arc;

/// The authority to make money of one currency. Stays with the host.
pub struct Mint {
    inner: Arc<MintInner>,
}

struct MintInner {
    currency: String,
    runtime: Runtime,
    /// Every purse ever made, to audit the supply.
    balances: Mutex<Vec<Arc<Mutex<i64>>>>,
    issued: Mutex<i64>,
}

impl Mint {
    /// A new currency on `runtime`.
    pub fn new(runtime: &Runtime, currency: &str) -> Mint {
        Mint {
            inner: Arc::new(MintInner {
                currency: currency.to_owned(),
                runtime: runtime.clone(),
                balances: Mutex::new(Vec::new()),
                issued: Mutex::new(0),
            }),
        }
    }

    /// A purse holding `amount` newly issued units (only the mint can do this).
    pub fn mint(&self, amount: i64) -> CapHandle {
        assert!(amount >= 0, "a mint issues non-negative amounts");
        *self.inner.issued.lock() += amount;
        new_purse(&self.inner, amount)
    }

    /// Everything issued so far.
    pub fn issued(&self) -> i64 {
        *self.inner.issued.lock()
    }

    /// The sum of every purse's balance: equals [`Mint::issued`] at all times.
    pub fn supply(&self) -> i64 {
        self.inner.balances.lock().iter().map(|b| *b.lock()).sum()
    }

    /// Whether any purse of this currency is negative.
    pub fn any_negative(&self) -> bool {
        self.inner.balances.lock().iter().any(|b| *b.lock() < 0)
    }

    /// The balance of a purse of this currency.
    pub fn balance_of(&self, purse: &CapHandle) -> Option<i64> {
        let p = purse.downcast::<Purse>().ok()?;
        Arc::ptr_eq(&p.mint, &self.inner).then(|| *p.balance.lock())
    }
}

fn new_purse(mint: &Arc<MintInner>, amount: i64) -> CapHandle {
    let balance = Arc::new(Mutex::new(amount));
    mint.balances.lock().push(balance.clone());
    mint.runtime.wrap(Purse {
        mint: mint.clone(),
        balance,
    })
}

/// A purse: `balance()`, `deposit(amount, src)`, `make_purse()`, `currency`.
pub struct Purse {
    mint: Arc<MintInner>,
    balance: Arc<Mutex<i64>>,
}

impl UserObject for Purse {
    fn type_name(&self) -> &str {
        "Purse"
    }

    fn register(m: &mut Methods<Self>) {
        m.add_method("balance", |this, ()| Ok(*this.balance.lock()));
        m.add_field("currency", |this| this.mint.currency.clone());
        m.add_method("make_purse", |this, ()| Ok(new_purse(&this.mint, 0)));
        // Moves `amount` from `src` into this purse, entirely or not at all.
        m.add_method("deposit", |this, (amount, src): (i64, CapHandle)| {
            let src = src.downcast::<Purse>()?;
            if !Arc::ptr_eq(&src.mint, &this.mint) {
                return Err(CapError::failed("the purses hold different currencies"));
            }
            if Arc::ptr_eq(&src.balance, &this.balance) {
                return Err(CapError::failed("cannot deposit a purse into itself"));
            }
            if amount <= 0 {
                return Err(CapError::failed("the amount must be positive"));
            }
            // Lock both balances in a fixed order: no deadlock between two
            // concurrent deposits in opposite directions.
            let (first, second) = if Arc::as_ptr(&src.balance) < Arc::as_ptr(&this.balance) {
                (&src.balance, &this.balance)
            } else {
                (&this.balance, &src.balance)
            };
            let mut a = first.lock();
            let mut b = second.lock();
            let (from, to) = if Arc::ptr_eq(first, &src.balance) {
                (&mut *a, &mut *b)
            } else {
                (&mut *b, &mut *a)
            };
            if *from < amount {
                return Err(CapError::failed("insufficient funds"));
            }
            let sum = to
                .checked_add(amount)
                .ok_or_else(|| CapError::failed("balance overflow"))?;
            *from -= amount;
            *to = sum;
            Ok(*to)
        });
    }
}
