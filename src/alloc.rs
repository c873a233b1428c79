//! Per-sandbox memory accounting in the global allocator.
//!
//! [`CountingAllocator`] wraps another allocator (the system's by default). Every
//! allocation made on a sandbox thread is charged to that sandbox's *account*, and
//! carries a small header naming the account, so that it is credited back to the
//! right account wherever it is freed (a `Value` built by the guest and dropped by
//! the host, say). Allocations on other threads carry an empty header.
//!
//! A global allocator cannot refuse a request: returning null makes Rust abort
//! the process. So the budget is enforced in two steps:
//! - crossing the sandbox's budget trips `GuestError::MemoryLimit` and stops the
//!   guest at its next instruction or native check (see `interrupt`); the request
//!   that crossed it is satisfied, so native code that grows a buffer past the
//!   budget (a list doubling its storage, `x + x` of a large `str`) goes on to its
//!   next check, is stopped there, and its thread ends normally;
//! - an allocation that would take the sandbox past its *ceiling* (three times
//!   the budget: room for any one copy or concatenation of what the guest holds)
//!   never returns: the sandbox thread is frozen for good, the host is
//!   answered at once, and the thread is abandoned. Only a single request about
//!   as large as the whole budget gets here (a size computed from a guest
//!   number that no pre-check in `guest/bounds/` caught), instead of aborting or
//!   exhausting the host.
//!
//! This is the crate's only `unsafe` code.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};
use std::time::Duration;

/// Bytes before each block's payload (more for larger alignments); the account
/// id sits in the last 8 of them.
const HEADER: usize = 8;
/// Sandboxes that can hold an account at the same time.
const MAX_ACCOUNTS: usize = 4096;
/// "No account" (a thread that is not a sandbox's).
const NO_ACCOUNT: u32 = u32::MAX;

/// A global allocator that lets pyocap account and bound each sandbox's memory.
///
/// Install it once in the host program:
///
/// ```
/// #[global_allocator]
/// static ALLOC: pyocap::CountingAllocator = pyocap::CountingAllocator::new();
/// ```
///
/// or wrap another allocator with [`CountingAllocator::wrap`]. Without it, a
/// policy with a memory budget ([`Policy::max_memory`](crate::Policy::max_memory))
/// cannot start a sandbox. Each allocation costs 8 more bytes (more for
/// alignments above 8) and a few thread-local operations; only a block freed on
/// another thread than its sandbox's costs an atomic add.
pub struct CountingAllocator<A = System> {
    inner: A,
}

impl CountingAllocator<System> {
    /// Counting over the system allocator.
    pub const fn new() -> Self {
        CountingAllocator { inner: System }
    }
}

impl Default for CountingAllocator<System> {
    fn default() -> Self {
        Self::new()
    }
}

impl<A> CountingAllocator<A> {
    /// Counting over `inner` (jemalloc, mimalloc, ...).
    pub const fn wrap(inner: A) -> Self {
        CountingAllocator { inner }
    }

    /// Bytes that ended sandbox threads left allocated, summed over every
    /// sandbox of the process: what a sandbox's account still held when its
    /// thread ended. Nothing a guest made is in it (its objects, and the
    /// buffers RustPython's freelists keep, are given back at teardown); what
    /// is left is RustPython's own per-thread state, which it never frees
    /// (the thread's built-in types, about 1.8 MiB per sandbox; SPEC §5.6).
    pub fn residue_of_ended_sandboxes() -> usize {
        RESIDUE.load(Ordering::Relaxed)
    }
}

/// What the allocator calls on a sandbox thread whose budget is crossed:
/// `(budget, frozen)`.
type OnTrip = fn(usize, bool);

/// See [`CountingAllocator::residue_of_ended_sandboxes`].
static RESIDUE: AtomicUsize = AtomicUsize::new(0);

/// Whether a [`CountingAllocator`] is the process's global allocator (set by the
/// first allocation through it, long before `main`).
static ACTIVE: AtomicBool = AtomicBool::new(false);

pub(crate) fn accounting_active() -> bool {
    ACTIVE.load(Ordering::Relaxed)
}

struct Account {
    in_use: AtomicBool,
    generation: AtomicU32,
    /// Bytes charged minus bytes credited *on the sandbox thread*, as last
    /// published by that thread (a plain store: the thread keeps the running count
    /// in a thread-local, so its own allocations and frees need no atomic RMW).
    published: AtomicUsize,
    /// Bytes of this account's blocks freed on other threads.
    remote: AtomicUsize,
    peak: AtomicUsize,
    budget: AtomicUsize,
    ceiling: AtomicUsize,
    tripped: AtomicBool,
    frozen: AtomicBool,
}

#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: Account = Account {
    in_use: AtomicBool::new(false),
    generation: AtomicU32::new(0),
    published: AtomicUsize::new(0),
    remote: AtomicUsize::new(0),
    peak: AtomicUsize::new(0),
    budget: AtomicUsize::new(0),
    ceiling: AtomicUsize::new(0),
    tripped: AtomicBool::new(false),
    frozen: AtomicBool::new(false),
};

static ACCOUNTS: [Account; MAX_ACCOUNTS] = [EMPTY; MAX_ACCOUNTS];

thread_local! {
    /// The account this thread charges, and its generation.
    static CURRENT: Cell<(u32, u32)> = const { Cell::new((NO_ACCOUNT, 0)) };
    /// Set while the allocator itself is delivering a trip (its allocations are
    /// counted but not checked, so it cannot recurse or freeze itself).
    static IN_TRIP: Cell<bool> = const { Cell::new(false) };
    /// This thread's running count for its account (see `Account::published`).
    static LOCAL: Cell<usize> = const { Cell::new(0) };
    /// Called (on the sandbox thread) when the budget is crossed.
    static ON_TRIP: Cell<Option<OnTrip>> = const { Cell::new(None) };
}

/// One sandbox's memory account. Opened on the host, attached to the sandbox
/// thread, closed when the thread is done.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AccountHandle {
    slot: u32,
    generation: u32,
}

impl AccountHandle {
    /// Opens an account with `budget` bytes, or `None` if all slots are taken.
    pub(crate) fn open(budget: usize) -> Option<AccountHandle> {
        for (i, a) in ACCOUNTS.iter().enumerate() {
            if a.in_use
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
            {
                let generation = a.generation.fetch_add(1, Ordering::AcqRel).wrapping_add(1);
                a.published.store(0, Ordering::Relaxed);
                a.remote.store(0, Ordering::Relaxed);
                a.peak.store(0, Ordering::Relaxed);
                a.budget.store(budget, Ordering::Relaxed);
                a.ceiling.store(budget.saturating_mul(3), Ordering::Relaxed);
                a.tripped.store(false, Ordering::Relaxed);
                a.frozen.store(false, Ordering::Relaxed);
                return Some(AccountHandle {
                    slot: i as u32,
                    generation,
                });
            }
        }
        None
    }

    /// Charges this thread's allocations to the account from now on, calling
    /// `on_trip(budget, frozen)` on this thread when the budget is crossed
    /// (`frozen`: the thread is about to freeze at the ceiling, so the trip is
    /// final, not settled later).
    pub(crate) fn attach(self, on_trip: OnTrip) {
        ON_TRIP.with(|t| t.set(Some(on_trip)));
        LOCAL.with(|l| l.set(0));
        CURRENT.with(|c| c.set((self.slot, self.generation)));
    }

    /// Stops charging this thread.
    pub(crate) fn detach() {
        CURRENT.with(|c| c.set((NO_ACCOUNT, 0)));
    }

    fn account(&self) -> &'static Account {
        &ACCOUNTS[self.slot as usize]
    }

    /// Bytes currently charged.
    pub(crate) fn live(&self) -> usize {
        let a = self.account();
        a.published
            .load(Ordering::Relaxed)
            .saturating_sub(a.remote.load(Ordering::Relaxed))
    }

    /// Most bytes ever charged at once.
    pub(crate) fn peak(&self) -> usize {
        self.account().peak.load(Ordering::Relaxed)
    }

    /// Whether the sandbox thread is frozen in the allocator (it will never run again).
    pub(crate) fn frozen(&self) -> bool {
        self.account().frozen.load(Ordering::Acquire)
    }

    /// Closes the account: allocations still alive elsewhere are no longer
    /// counted against anything. A frozen thread's account is never reused.
    pub(crate) fn close(self) {
        let a = self.account();
        if a.frozen.load(Ordering::Acquire) {
            return;
        }
        RESIDUE.fetch_add(self.live(), Ordering::Relaxed);
        a.generation.fetch_add(1, Ordering::AcqRel);
        a.in_use.store(false, Ordering::Release);
    }
}

fn header_offset(layout: &Layout) -> usize {
    HEADER.max(layout.align())
}

fn inner_layout(layout: &Layout) -> Option<Layout> {
    let size = layout.size().checked_add(header_offset(layout))?;
    Layout::from_size_align(size, layout.align().max(8)).ok()
}

/// Charges `size` bytes to this thread's account; returns the account id to write
/// in the block's header. May trip the account or freeze the thread.
fn charge(size: usize) -> (u32, u32) {
    let Ok((slot, generation)) = CURRENT.try_with(Cell::get) else {
        return (NO_ACCOUNT, 0);
    };
    if slot == NO_ACCOUNT {
        return (NO_ACCOUNT, 0);
    }
    let a = &ACCOUNTS[slot as usize];
    let local = LOCAL.with(|l| {
        let v = l.get().saturating_add(size);
        l.set(v);
        v
    });
    a.published.store(local, Ordering::Relaxed);
    let live = local.saturating_sub(a.remote.load(Ordering::Relaxed));
    let budget = a.budget.load(Ordering::Relaxed);
    if budget == 0 || live <= budget || IN_TRIP.try_with(Cell::get).unwrap_or(true) {
        raise_peak(a, live);
        return (slot, generation);
    }
    if live > a.ceiling.load(Ordering::Relaxed) {
        // This request would take the sandbox past its ceiling, and a global
        // allocator can neither fail it (that aborts the process) nor satisfy
        // it. Freeze the sandbox thread: the host is answered at once and
        // abandons it. The charge is undone first, so the account (and its peak)
        // shows only what was really allocated, and the reason is recorded before
        // the host can see the thread frozen.
        uncharge_local(a, size);
        a.tripped.store(true, Ordering::Release);
        // Final, whether or not a crossing is waiting to be settled: the
        // reason is recorded before the host can see the thread frozen.
        deliver_trip(budget, true);
        a.frozen.store(true, Ordering::Release);
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    }
    if !a.tripped.swap(true, Ordering::AcqRel) {
        deliver_trip(budget, false);
    }
    raise_peak(a, live);
    (slot, generation)
}

/// This (sandbox) thread's account, if it has a budget, with the budget and
/// what the account holds now.
fn budgeted() -> Option<(&'static Account, usize, usize)> {
    let (slot, _) = CURRENT.try_with(Cell::get).ok()?;
    let a = ACCOUNTS.get(slot as usize)?;
    let budget = a.budget.load(Ordering::Relaxed);
    if budget == 0 {
        return None;
    }
    let local = LOCAL.try_with(Cell::get).ok()?;
    Some((a, budget, local.saturating_sub(a.remote.load(Ordering::Relaxed))))
}

/// Whether this (sandbox) thread's account is over its budget now: `Some(budget)`
/// if it is. If it is not, crossing the budget again trips again (what a native
/// operation freed before the check never counted: see `interrupt::settle_memory`).
pub(crate) fn recheck_budget() -> Option<usize> {
    let (a, budget, live) = budgeted()?;
    if live > budget {
        return Some(budget);
    }
    a.tripped.store(false, Ordering::Release);
    None
}

/// Bytes this (sandbox) thread may still allocate before its budget, or `None`
/// if it has no budget (or is not a sandbox thread).
pub(crate) fn headroom() -> Option<usize> {
    let (_, budget, live) = budgeted()?;
    Some(budget.saturating_sub(live))
}

/// Records `live` as the peak if it is one (reads first: a read-modify-write on
/// every allocation is measurably slower).
#[inline]
fn raise_peak(a: &Account, live: usize) {
    if live > a.peak.load(Ordering::Relaxed) {
        a.peak.fetch_max(live, Ordering::Relaxed);
    }
}

/// Takes `size` off this (owning) thread's running count.
#[inline]
fn uncharge_local(a: &Account, size: usize) {
    let local = LOCAL.with(|l| {
        let v = l.get().saturating_sub(size);
        l.set(v);
        v
    });
    a.published.store(local, Ordering::Relaxed);
}

fn deliver_trip(budget: usize, frozen: bool) {
    let _ = IN_TRIP.try_with(|t| t.set(true));
    if let Ok(Some(f)) = ON_TRIP.try_with(Cell::get) {
        f(budget, frozen);
    }
    let _ = IN_TRIP.try_with(|t| t.set(false));
}

fn credit(slot: u32, generation: u32, size: usize) {
    if slot == NO_ACCOUNT || slot as usize >= MAX_ACCOUNTS {
        return;
    }
    let a = &ACCOUNTS[slot as usize];
    if CURRENT
        .try_with(Cell::get)
        .is_ok_and(|c| c == (slot, generation))
    {
        // Freed by the owning thread: no atomic read-modify-write.
        uncharge_local(a, size);
    } else if a.generation.load(Ordering::Acquire) == generation {
        a.remote.fetch_add(size, Ordering::Relaxed);
    }
}

/// Charges `size` back to `owner` without any check (the old block of a failed
/// realloc is still live).
fn recharge(owner: (u32, u32), size: usize) {
    let Some(a) = ACCOUNTS.get(owner.0 as usize) else {
        return;
    };
    if CURRENT.try_with(Cell::get).is_ok_and(|c| c == owner) {
        let local = LOCAL.with(|l| {
            let v = l.get().saturating_add(size);
            l.set(v);
            v
        });
        a.published.store(local, Ordering::Relaxed);
    } else if a.generation.load(Ordering::Acquire) == owner.1 {
        a.remote.fetch_sub(
            size.min(a.remote.load(Ordering::Relaxed)),
            Ordering::Relaxed,
        );
    }
}

/// Reads the account id stored before `payload`.
///
/// # Safety
/// `payload` must come from this allocator.
unsafe fn read_owner(payload: *mut u8) -> (u32, u32) {
    // SAFETY: every payload this allocator hands out is preceded by at least
    // HEADER bytes of the same block, the last 8 holding two u32s written by
    // `write_owner` (unaligned access: no alignment is assumed).
    unsafe {
        let p = payload.sub(8) as *const u32;
        (p.read_unaligned(), p.add(1).read_unaligned())
    }
}

/// # Safety
/// `payload` must point `header_offset` bytes into a block of this allocator.
unsafe fn write_owner(payload: *mut u8, owner: (u32, u32)) {
    // SAFETY: see `read_owner`; the 8 bytes before the payload belong to the block.
    unsafe {
        let p = payload.sub(8) as *mut u32;
        p.write_unaligned(owner.0);
        p.add(1).write_unaligned(owner.1);
    }
}

impl<A: GlobalAlloc> CountingAllocator<A> {
    /// `alloc` or `alloc_zeroed`, with the header.
    ///
    /// # Safety
    /// As `GlobalAlloc::alloc`: `layout` has a non-zero size.
    unsafe fn alloc_with(&self, layout: Layout, zeroed: bool) -> *mut u8 {
        if !ACTIVE.load(Ordering::Relaxed) {
            // Written once: a store on every allocation would bounce this cache
            // line between every thread's core.
            ACTIVE.store(true, Ordering::Relaxed);
        }
        // Charge first: an impossible request on a sandbox thread freezes it there
        // instead of reaching the abort that a null return means.
        let owner = charge(layout.size());
        let Some(inner) = inner_layout(&layout) else {
            credit(owner.0, owner.1, layout.size());
            return std::ptr::null_mut();
        };
        // SAFETY: `inner` has a non-zero size (it includes the header).
        let block = unsafe {
            if zeroed {
                self.inner.alloc_zeroed(inner)
            } else {
                self.inner.alloc(inner)
            }
        };
        if block.is_null() {
            credit(owner.0, owner.1, layout.size());
            return block;
        }
        // SAFETY: the block is `inner.size()` bytes, larger than the offset.
        unsafe {
            let payload = block.add(header_offset(&layout));
            write_owner(payload, owner);
            payload
        }
    }
}

// SAFETY: every method forwards to the inner allocator with a layout grown by the
// header (same alignment or more), returns the pointer `header_offset` bytes into
// the block, which keeps the requested alignment because the offset is a multiple
// of it, and undoes exactly that offset before handing a block back.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAllocator<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { self.alloc_with(layout, false) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { self.alloc_with(layout, true) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` with this `layout` (GlobalAlloc contract).
        unsafe {
            let (slot, generation) = read_owner(ptr);
            credit(slot, generation, layout.size());
            let inner = inner_layout(&layout).unwrap_or(layout);
            self.inner.dealloc(ptr.sub(header_offset(&layout)), inner);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout`.
        let old_owner = unsafe { read_owner(ptr) };
        // The block changes size: credit the old size to its owner and charge the
        // new one to this thread (which checks the budget, and freezes on an
        // impossible request before the layout is even validated).
        credit(old_owner.0, old_owner.1, layout.size());
        let owner = charge(new_size);
        let inner = Layout::from_size_align(new_size, layout.align())
            .ok()
            .and_then(|new_layout| Some((inner_layout(&layout)?, inner_layout(&new_layout)?)));
        let Some((inner_old, inner_new)) = inner else {
            credit(owner.0, owner.1, new_size);
            recharge(old_owner, layout.size());
            return std::ptr::null_mut();
        };
        let offset = header_offset(&layout);
        // SAFETY: the block was allocated with `inner_old`; the new size keeps the
        // header, and the alignment is unchanged.
        let block = unsafe {
            self.inner
                .realloc(ptr.sub(offset), inner_old, inner_new.size())
        };
        if block.is_null() {
            credit(owner.0, owner.1, new_size);
            recharge(old_owner, layout.size());
            return block;
        }
        // SAFETY: as in `alloc`.
        unsafe {
            let payload = block.add(offset);
            write_owner(payload, owner);
            payload
        }
    }
}
