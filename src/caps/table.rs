//! The capability table: one per runtime, a generational `slotmap` behind a lock.

use super::graph::{CapabilityGraph, CapabilityNode, Party};
use super::host::Member;
use super::{Arg, CapError, Dispatch, Filter, Kwargs};
use slotmap::Key;
use std::collections::VecDeque;
use parking_lot::RwLock;
use slotmap::{new_key_type, SlotMap};
use std::any::Any;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

new_key_type! {
    /// A capability's key. Never shown to guests.
    pub(crate) struct CapKey;
}

struct Entry {
    target: Arc<dyn Dispatch>,
    filter: Arc<Filter>,
    /// The capability this one was derived from (attenuation or a grant).
    parent: Option<CapKey>,
    children: Vec<CapKey>,
    /// The sandbox membrane this entry was granted through, if any.
    membrane: Option<u64>,
    /// The sandbox the designated object lives in (`None` for a host object).
    owner: Option<u64>,
    /// Made by [`CapTable::narrowed`]: shared by every result narrowed the same way.
    narrowing: bool,
    /// Made by [`CapTable::inbound_narrowed`].
    inbound: Option<InboundTag>,
}

/// How an entry made by [`CapTable::inbound_narrowed`] was made.
struct InboundTag {
    /// What its target is given is narrowed by this filter.
    via: Arc<Filter>,
    /// The party that handed it in (a sandbox, or `None` for the host): it
    /// gets back what it handed in ([`CapTable::peel`]). The entry is sealed
    /// ([`Inbound::sealed`]) when this is not the object's owner.
    from: Option<u64>,
}

/// The target of a capability made by [`CapTable::inbound_narrowed`]: the
/// object itself, given every argument narrowed by `via`; and every
/// capability in what the object gives back (results, attribute values, an
/// iterator and its items) is inbound the same way, whoever owns it, so
/// nothing the callee reaches through it can be handed more than `via`
/// passes. It holds the table weakly (the table holds it).
struct Inbound {
    table: std::sync::Weak<CapTable>,
    inner: Arc<dyn Dispatch>,
    via: Arc<Filter>,
    /// The sandbox the object lives in (`None`: the host).
    holder: Option<u64>,
    /// Handed in by a party that does not own the object: it never unwraps
    /// to the object, even at its owner, whose own uses of it would
    /// otherwise skip `via` (SPEC §3.7).
    sealed: bool,
}

impl Inbound {
    fn narrowed(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<(Vec<Arg>, Kwargs), CapError> {
        let table = self.table.upgrade().ok_or(CapError::Revoked)?;
        let args = args
            .into_iter()
            .map(|a| table.narrow_arg(a, &self.via))
            .collect::<Result<_, _>>()?;
        let mut keywords = Kwargs::new();
        for (name, value) in kwargs {
            keywords.push_unique(name, table.narrow_arg(value, &self.via)?);
        }
        Ok((args, keywords))
    }

    /// What the object gave back, as its callee may use it: every capability
    /// in it is inbound through `via` too, handed in by the object's owner.
    fn outbound(&self, result: Arg) -> Result<Arg, CapError> {
        let table = self.table.upgrade().ok_or(CapError::Revoked)?;
        Ok(Arg::from_value(table.inbound_value(result.into_value(), &self.via, self.holder)?))
    }
}

impl Dispatch for Inbound {
    fn label(&self) -> &str {
        self.inner.label()
    }
    fn names(&self) -> Vec<String> {
        self.inner.names()
    }
    fn get(&self, name: &str) -> Result<Member, CapError> {
        match self.inner.get(name)? {
            Member::Value(v) => Ok(Member::Value(self.outbound(v)?)),
            Member::Method => Ok(Member::Method),
        }
    }
    fn call_method(&self, name: &str, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        let (args, kwargs) = self.narrowed(args, kwargs)?;
        self.outbound(self.inner.call_method(name, args, kwargs)?)
    }
    fn call(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        let (args, kwargs) = self.narrowed(args, kwargs)?;
        self.outbound(self.inner.call(args, kwargs)?)
    }
    fn object(&self) -> Arc<dyn Any + Send + Sync> {
        self.inner.object()
    }
    fn export(&self) -> Option<(u64, u64)> {
        self.inner.export()
    }
    fn sealed(&self) -> bool {
        self.sealed || self.inner.sealed()
    }
}

/// The table. Entries are removed on revocation, so a revoked key, whose slot
/// may later hold another capability, never resolves again (the slot's version
/// has moved on).
pub(crate) struct CapTable {
    id: u64,
    entries: RwLock<SlotMap<CapKey, Entry>>,
    /// The most recently revoked capabilities, for the graph.
    revoked: parking_lot::Mutex<VecDeque<CapabilityNode>>,
}

static NEXT_TABLE: AtomicU64 = AtomicU64::new(1);

impl CapTable {
    pub(crate) fn new() -> Arc<CapTable> {
        Arc::new(CapTable {
            id: NEXT_TABLE.fetch_add(1, Ordering::Relaxed),
            entries: RwLock::new(SlotMap::with_key()),
            revoked: parking_lot::Mutex::new(VecDeque::new()),
        })
    }

    pub(crate) fn id(&self) -> u64 {
        self.id
    }

    /// Adds a root capability to a host object.
    pub(crate) fn insert(self: &Arc<Self>, target: Arc<dyn Dispatch>, filter: Filter) -> CapHandle {
        self.insert_owned(target, filter, None)
    }

    /// Adds a root capability to an object living in sandbox `owner`.
    pub(crate) fn insert_owned(
        self: &Arc<Self>,
        target: Arc<dyn Dispatch>,
        filter: Filter,
        owner: Option<u64>,
    ) -> CapHandle {
        let key = self.entries.write().insert(Entry {
            target,
            filter: Arc::new(filter),
            parent: None,
            children: Vec::new(),
            membrane: None,
            owner,
            narrowing: false,
            inbound: None,
        });
        CapHandle {
            key,
            table: self.clone(),
        }
    }

    /// Derives a child of `key`: same target, filter narrowed by `filter`, tagged
    /// with `membrane`. Revoking the parent revokes the child.
    pub(crate) fn derive(
        &self,
        key: CapKey,
        filter: Option<&Filter>,
        membrane: Option<u64>,
    ) -> Result<CapKey, CapError> {
        let mut entries = self.entries.write();
        let parent = entries.get(key).ok_or(CapError::Revoked)?;
        let filter = match filter {
            Some(f) => Arc::new(parent.filter.narrow(f)),
            None => parent.filter.clone(),
        };
        let target = parent.target.clone();
        let owner = parent.owner;
        let child = entries.insert(Entry {
            target,
            filter,
            parent: Some(key),
            children: Vec::new(),
            membrane,
            owner,
            narrowing: false,
            inbound: None,
        });
        if let Some(p) = entries.get_mut(key) {
            p.children.push(child);
        }
        Ok(child)
    }

    /// `key` as reached through a capability whose filter is `via` (transitive
    /// attenuation, SPEC §3.7): a capability to the same target that passes what
    /// both pass. `key` itself when `via` takes nothing away; otherwise a child
    /// of `key`, the same one for every result narrowed the same way (so a
    /// method that returns `self` a million times adds one entry). Revoking
    /// `key` revokes it.
    pub(crate) fn narrowed(&self, key: CapKey, via: &Filter) -> Result<CapKey, CapError> {
        let mut entries = self.entries.write();
        let parent = entries.get(key).ok_or(CapError::Revoked)?;
        let filter = parent.filter.narrow(via);
        if filter == *parent.filter {
            return Ok(key);
        }
        Ok(Self::shared_child(
            &mut entries,
            key,
            |e| e.narrowing && *e.filter == filter,
            |parent| Entry {
                target: parent.target.clone(),
                filter: Arc::new(filter.clone()),
                parent: Some(key),
                children: Vec::new(),
                membrane: None,
                owner: parent.owner,
                narrowing: true,
                inbound: None,
            },
        ))
    }

    /// The child of live `key` that `matches`, or a new one `make` builds from
    /// its parent's entry.
    fn shared_child(
        entries: &mut SlotMap<CapKey, Entry>,
        key: CapKey,
        matches: impl Fn(&Entry) -> bool,
        make: impl FnOnce(&Entry) -> Entry,
    ) -> CapKey {
        let parent = &entries[key];
        let existing = parent
            .children
            .iter()
            .copied()
            .find(|c| entries.get(*c).is_some_and(&matches));
        if let Some(child) = existing {
            return child;
        }
        let entry = make(parent);
        let child = entries.insert(entry);
        entries[key].children.push(child);
        child
    }

    /// `key`, handed out through a capability whose filter is `via` (an
    /// argument of a call through it, or what such an argument gave back): a
    /// capability to the same object whose target is given, by whoever calls
    /// it, only what `via` passes (transitive attenuation of what comes back
    /// in, SPEC §3.7). `sealed` (the party handing it in does not own the
    /// object): it never unwraps, so the object's owner reaches it through
    /// `via` too. The same one for every hand-off of `key` through the same
    /// filter (so the receiver sees one proxy); revoking `key` revokes it.
    pub(crate) fn inbound_narrowed(
        self: &Arc<Self>,
        key: CapKey,
        via: &Filter,
        from: Option<u64>,
    ) -> Result<CapKey, CapError> {
        let mut entries = self.entries.write();
        let entry = entries.get(key).ok_or(CapError::Revoked)?;
        let sealed = entry.owner != from;
        // Already inbound through `via` (and at least as sealed): nothing to add.
        if let Some(tag) = &entry.inbound {
            if *tag.via == *via && (tag.from != entry.owner || !sealed) {
                return Ok(key);
            }
        }
        // Children share the object's owner, so `from` decides sealing too.
        Ok(Self::shared_child(
            &mut entries,
            key,
            |e| e.inbound.as_ref().is_some_and(|t| *t.via == *via && t.from == from),
            |parent| {
                let via = Arc::new(via.clone());
                Entry {
                    target: Arc::new(Inbound {
                        table: Arc::downgrade(self),
                        inner: parent.target.clone(),
                        via: via.clone(),
                        holder: parent.owner,
                        sealed,
                    }),
                    filter: parent.filter.clone(),
                    parent: Some(key),
                    children: Vec::new(),
                    membrane: None,
                    owner: parent.owner,
                    narrowing: false,
                    inbound: Some(InboundTag { via, from }),
                }
            },
        ))
    }

    /// Every capability inside `value`, whoever owns its object, as handed out
    /// through `via` by party `from` (a sandbox, or `None` for the host)
    /// ([`CapTable::inbound_narrowed`]); sealed unless `from` owns the object.
    pub(crate) fn inbound_value(
        self: &Arc<Self>,
        value: crate::value::Value,
        via: &Filter,
        from: Option<u64>,
    ) -> Result<crate::value::Value, CapError> {
        self.map_caps(value, &mut |c| {
            Ok(CapHandle {
                key: self.inbound_narrowed(c.key, via, from)?,
                table: c.table,
            })
        })
    }

    /// `key` as it arrives at party `here`: an inbound capability that `here`
    /// itself handed in ([`CapTable::inbound_narrowed`]) becomes again the
    /// capability it was made from, narrowed to `key`'s filter, so a guest
    /// that hands `n` in through a narrowed capability and gets it back holds
    /// `n` (the same proxy), never more than it gave.
    pub(crate) fn peel(&self, mut key: CapKey, here: Option<u64>) -> Result<CapKey, CapError> {
        loop {
            let (made_from, filter) = {
                let entries = self.entries.read();
                let e = entries.get(key).ok_or(CapError::Revoked)?;
                // The entry that made this target, up the ancestors that share
                // it (narrowed children of an inbound entry do).
                let mut at = e;
                let tag = loop {
                    if let Some(tag) = &at.inbound {
                        break tag;
                    }
                    match at.parent.and_then(|p| entries.get(p)) {
                        Some(p) if Arc::ptr_eq(&p.target, &e.target) => at = p,
                        _ => return Ok(key),
                    }
                };
                if tag.from != here {
                    return Ok(key);
                }
                (at.parent, e.filter.clone())
            };
            let Some(parent) = made_from else {
                return Ok(key);
            };
            key = self.narrowed(parent, &filter)?;
        }
    }

    /// `value` with every capability of this table inside it replaced by
    /// what `f` makes of it. Data is left as it is. The depth of a value that
    /// crossed is bounded by its `DataLimits`.
    fn map_caps(
        &self,
        value: crate::value::Value,
        f: &mut dyn FnMut(CapHandle) -> Result<CapHandle, CapError>,
    ) -> Result<crate::value::Value, CapError> {
        use crate::value::Value;
        let all = |items: Vec<Value>, f: &mut dyn FnMut(CapHandle) -> Result<CapHandle, CapError>| {
            items
                .into_iter()
                .map(|v| self.map_caps(v, f))
                .collect::<Result<Vec<Value>, CapError>>()
        };
        Ok(match value {
            Value::Cap(c) if c.table.id() == self.id => Value::Cap(f(c)?),
            Value::Tuple(v) => Value::Tuple(all(v, f)?),
            Value::List(v) => Value::List(all(v, f)?),
            Value::Set(v) => Value::Set(all(v, f)?),
            Value::FrozenSet(v) => Value::FrozenSet(all(v, f)?),
            Value::Dict(pairs) => Value::Dict(
                pairs
                    .into_iter()
                    .map(|(k, v)| Ok((self.map_caps(k, f)?, self.map_caps(v, f)?)))
                    .collect::<Result<_, CapError>>()?,
            ),
            other => other,
        })
    }

    /// Narrows every capability inside `value` as reached through `via`
    /// (see [`CapTable::narrowed`]).
    pub(crate) fn narrow_value(
        &self,
        value: crate::value::Value,
        via: &Filter,
    ) -> Result<crate::value::Value, CapError> {
        self.map_caps(value, &mut |c| {
            Ok(CapHandle {
                key: self.narrowed(c.key, via)?,
                table: c.table,
            })
        })
    }

    /// [`CapTable::narrow_value`] of an argument or result.
    pub(crate) fn narrow_arg(&self, arg: Arg, via: &Filter) -> Result<Arg, CapError> {
        Ok(Arg::from_value(self.narrow_value(arg.into_value(), via)?))
    }

    /// The target and filter of a live capability.
    pub(crate) fn resolve(
        &self,
        key: CapKey,
    ) -> Result<(Arc<dyn Dispatch>, Arc<Filter>), CapError> {
        let entries = self.entries.read();
        let e = entries.get(key).ok_or(CapError::Revoked)?;
        Ok((e.target.clone(), e.filter.clone()))
    }

    pub(crate) fn is_live(&self, key: CapKey) -> bool {
        self.entries.read().contains_key(key)
    }

    /// The capability a membrane entry stands for on the host's side: its parent
    /// (what was granted), or itself for a root.
    pub(crate) fn origin(&self, key: CapKey) -> Result<CapKey, CapError> {
        let entries = self.entries.read();
        let e = entries.get(key).ok_or(CapError::Revoked)?;
        Ok(match (e.membrane, e.parent) {
            (Some(_), Some(parent)) if entries.contains_key(parent) => parent,
            _ => key,
        })
    }

    /// A new root capability to the target of `key`, with exactly `filter`. For
    /// the owner of an object only (a master granting its own object).
    pub(crate) fn reroot(
        self: &Arc<Self>,
        key: CapKey,
        filter: Filter,
    ) -> Result<CapHandle, CapError> {
        let (target, owner) = {
            let entries = self.entries.read();
            let e = entries.get(key).ok_or(CapError::Revoked)?;
            (e.target.clone(), e.owner)
        };
        Ok(self.insert_owned(target, filter, owner))
    }

    /// [`CapHandle::rewrap`]: a new root to the target of root `key`, a host
    /// object's.
    fn rewrap(self: &Arc<Self>, key: CapKey, filter: Filter) -> Result<CapHandle, CapError> {
        let target = {
            let entries = self.entries.read();
            let e = entries.get(key).ok_or(CapError::Revoked)?;
            if e.parent.is_some() || e.owner.is_some() || e.target.export().is_some() {
                return Err(CapError::NotPermitted {
                    name: "rewrap (only a root capability of a host object)".to_owned(),
                });
            }
            e.target.clone()
        };
        Ok(self.insert_owned(target, filter, None))
    }

    /// Revokes `key` and everything derived from it.
    pub(crate) fn revoke(&self, key: CapKey) {
        let mut entries = self.entries.write();
        self.remove_tree(&mut entries, key);
    }

    /// Revokes every capability granted through `membrane` (and their descendants).
    pub(crate) fn revoke_membrane(&self, membrane: u64) {
        let mut entries = self.entries.write();
        let keys: Vec<CapKey> = entries
            .iter()
            .filter(|(_, e)| e.membrane == Some(membrane))
            .map(|(k, _)| k)
            .collect();
        for k in keys {
            self.remove_tree(&mut entries, k);
        }
    }

    /// Revokes every capability to an object living in sandbox `owner` (when that
    /// sandbox goes away), with their descendants.
    pub(crate) fn revoke_owner(&self, owner: u64) {
        let mut entries = self.entries.write();
        let keys: Vec<CapKey> = entries
            .iter()
            .filter(|(_, e)| e.owner == Some(owner) && e.parent.is_none())
            .map(|(k, _)| k)
            .collect();
        for k in keys {
            self.remove_tree(&mut entries, k);
        }
    }

    fn remove_tree(&self, entries: &mut SlotMap<CapKey, Entry>, key: CapKey) {
        let mut stack = vec![key];
        let mut gone = Vec::new();
        while let Some(k) = stack.pop() {
            if let Some(e) = entries.remove(k) {
                if let Some(p) = e.parent.and_then(|p| entries.get_mut(p)) {
                    p.children.retain(|c| *c != k);
                }
                let mut node = Self::node(k, &e);
                node.revoked = true;
                gone.push(node);
                stack.extend(e.children);
            }
        }
        if !gone.is_empty() {
            let mut revoked = self.revoked.lock();
            for node in gone {
                if revoked.len() == CapabilityGraph::REVOKED_KEPT {
                    revoked.pop_front();
                }
                revoked.push_back(node);
            }
        }
    }

    fn node_id(key: CapKey) -> String {
        // A slot and its version (a revoked slot's next capability differs).
        let ffi = key.data().as_ffi();
        format!("cap {}.{}", ffi & 0xffff_ffff, ffi >> 32)
    }

    fn node(key: CapKey, e: &Entry) -> CapabilityNode {
        let party = |id: Option<u64>| id.map_or(Party::Host, Party::Sandbox);
        CapabilityNode {
            id: Self::node_id(key),
            label: e.target.label().to_owned(),
            filter: (*e.filter).clone(),
            parent: e.parent.map(Self::node_id),
            holder: party(e.membrane),
            owner: party(e.owner),
            revoked: false,
        }
    }

    /// Every live capability, then the most recently revoked ones.
    pub(crate) fn graph(&self) -> CapabilityGraph {
        let mut capabilities: Vec<CapabilityNode> = self
            .entries
            .read()
            .iter()
            .map(|(k, e)| Self::node(k, e))
            .collect();
        capabilities.extend(self.revoked.lock().iter().cloned());
        CapabilityGraph { capabilities }
    }

    /// Number of live capabilities (for tests and diagnostics).
    pub(crate) fn len(&self) -> usize {
        self.entries.read().len()
    }
}

/// The host's handle on a capability. Cheap to clone, `Send + Sync`. It records
/// its runtime: using it with a sandbox of another runtime is
/// [`CapError::WrongRuntime`]. Its `Debug` shows only the label.
#[derive(Clone)]
pub struct CapHandle {
    pub(crate) key: CapKey,
    pub(crate) table: Arc<CapTable>,
}

impl CapHandle {
    /// Revokes this capability and every capability derived from it (attenuated
    /// copies, and what was granted to sandboxes from it). Any later use, by the
    /// host or a guest, fails with [`CapError::Revoked`] (`RevokedError` in a guest).
    pub fn revoke(&self) {
        super::audit::change("revoke", Party::Host, || self.label(), "");
        self.table.revoke(self.key);
    }

    /// Another root capability to the same host object, with `filter` chosen
    /// anew: what [`Runtime::wrap_with`](crate::Runtime::wrap_with) of the
    /// object again would give, but designating the *same* object, so a guest
    /// sees one proxy per (object, filter) and a method returning `self`
    /// through the new capability gives that proxy back (SPEC §3.7). The new
    /// root is independent: revoking one leaves the other.
    ///
    /// Only a root capability of a host object (made by `wrap`, `wrap_with`,
    /// `wrap_dynamic` or `host_fn`, or by this) can be re-wrapped. For any
    /// capability derived from one (an attenuation, a grant, what a guest
    /// handed back) and for a guest object it is [`CapError::NotPermitted`]:
    /// a holder of a capability never widens it this way.
    pub fn rewrap(&self, filter: Filter) -> Result<CapHandle, CapError> {
        self.table.rewrap(self.key, filter)
    }

    /// Whether it has been revoked.
    pub fn is_revoked(&self) -> bool {
        !self.table.is_live(self.key)
    }

    /// A new capability to the same object that passes only what both this one's
    /// filter and `filter` pass. Revoking this one revokes the new one too.
    pub fn attenuate(&self, filter: &Filter) -> Result<CapHandle, CapError> {
        let key = self.table.derive(self.key, Some(filter), None)?;
        Ok(CapHandle {
            key,
            table: self.table.clone(),
        })
    }

    /// The object's label (its type name, or the host function's name).
    pub fn label(&self) -> String {
        self.table
            .resolve(self.key)
            .map(|(t, _)| t.label().to_owned())
            .unwrap_or_else(|_| "revoked".into())
    }

    /// The filter in force.
    pub fn filter(&self) -> Result<Filter, CapError> {
        self.table.resolve(self.key).map(|(_, f)| (*f).clone())
    }

    /// The host object this capability designates, if it is a `T`.
    pub fn downcast<T: Any + Send + Sync>(&self) -> Result<Arc<T>, CapError> {
        let (target, _) = self.table.resolve(self.key)?;
        target
            .object()
            .downcast::<T>()
            .map_err(|_| CapError::WrongType {
                expected: std::any::type_name::<T>()
                    .rsplit("::")
                    .next()
                    .unwrap_or("object")
                    .to_owned(),
            })
    }

    /// Whether both designate the same host object (whatever their filters).
    pub fn same_target(&self, other: &CapHandle) -> bool {
        match (self.table.resolve(self.key), other.table.resolve(other.key)) {
            (Ok((a, _)), Ok((b, _))) => {
                std::ptr::eq(Arc::as_ptr(&a) as *const (), Arc::as_ptr(&b) as *const ())
            }
            _ => false,
        }
    }

    /// Calls method `name` from the host (subject to this capability's filter).
    /// For an object living in a sandbox, the call runs on that sandbox's thread,
    /// under its limits, and this thread waits for it. Attenuation is
    /// transitive: every capability in the result passes at most what this
    /// one passes (a method returning `self` gives back no more than this).
    pub fn call_method(&self, name: &str, args: Vec<Arg>) -> Result<Arg, CapError> {
        self.call_method_with_kwargs(name, args, Kwargs::new())
    }

    /// [`CapHandle::call_method`] with keyword arguments.
    pub fn call_method_with_kwargs(
        &self,
        name: &str,
        args: Vec<Arg>,
        kwargs: Kwargs,
    ) -> Result<Arg, CapError> {
        super::audit::invoke("call", || Party::Host, || self.label(), name, || {
            let (target, filter) = self.table.resolve(self.key)?;
            if !filter.permits(name) {
                return Err(CapError::NotPermitted {
                    name: name.to_owned(),
                });
            }
            let result = target.call_method(name, args, kwargs)?;
            self.table.narrow_arg(result, &filter)
        })
    }

    /// Calls the object itself (a host function, or a guest's function or other
    /// callable object). Capabilities in the result pass at most what this one
    /// passes (as for [`CapHandle::call_method`] and [`CapHandle::get`]).
    pub fn call(&self, args: Vec<Arg>) -> Result<Arg, CapError> {
        self.call_with_kwargs(args, Kwargs::new())
    }

    /// [`CapHandle::call`] with keyword arguments (`f(1, sep="-")`).
    pub fn call_with_kwargs(&self, args: Vec<Arg>, kwargs: Kwargs) -> Result<Arg, CapError> {
        super::audit::invoke("call", || Party::Host, || self.label(), "__call__", || {
            let (target, filter) = self.table.resolve(self.key)?;
            let result = target.call(args, kwargs)?;
            self.table.narrow_arg(result, &filter)
        })
    }

    /// Reads field or attribute `name` (subject to this capability's filter). A
    /// method is not a value: call it with [`CapHandle::call_method`].
    pub fn get(&self, name: &str) -> Result<Arg, CapError> {
        match self.member(name)? {
            Member::Value(v) => Ok(v),
            Member::Method => Err(CapError::NotPermitted {
                name: format!("{name} (a method; use call_method)"),
            }),
        }
    }

    /// Reads member `name` (subject to this capability's filter): a method
    /// (call it with [`CapHandle::call_method`]) or a value, narrowed as
    /// [`CapHandle::get`]'s is. What a host binding needs to make
    /// `cap.name` a bound method or a value, as a guest's proxy does.
    pub fn member(&self, name: &str) -> Result<Member, CapError> {
        super::audit::invoke("get", || Party::Host, || self.label(), name, || {
            let (target, filter) = self.table.resolve(self.key)?;
            if !filter.permits(name) {
                return Err(CapError::NotPermitted {
                    name: name.to_owned(),
                });
            }
            match target.get(name)? {
                Member::Value(v) => Ok(Member::Value(self.table.narrow_arg(v, &filter)?)),
                Member::Method => Ok(Member::Method),
            }
        })
    }

    /// The names this capability passes of those its object offers (what
    /// `dir()` of a guest's proxy to it shows), sorted.
    pub fn names(&self) -> Result<Vec<String>, CapError> {
        let (target, filter) = self.table.resolve(self.key)?;
        let mut names: Vec<String> =
            target.names().into_iter().filter(|n| filter.permits(n)).collect();
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// The sandbox the designated object lives in, if it is a guest object.
    pub(crate) fn owner_sandbox(&self) -> Option<u64> {
        self.table
            .resolve(self.key)
            .ok()
            .and_then(|(t, _)| t.export())
            .map(|(owner, _)| owner)
    }

    /// Whether it designates an object living in a sandbox (a guest's function or
    /// instance) rather than a host object.
    pub fn is_guest_object(&self) -> bool {
        self.table
            .resolve(self.key)
            .is_ok_and(|(t, _)| t.export().is_some())
    }
}

/// Two handles are equal when they are the same capability (same table, same
/// key); see [`CapHandle::same_target`] for "designate the same object".
impl PartialEq for CapHandle {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key && self.table.id() == other.table.id()
    }
}

impl Eq for CapHandle {}

/// Consistent with `PartialEq`: the same capability hashes the same (a host
/// binding keeps one proxy object per capability this way).
impl std::hash::Hash for CapHandle {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key.hash(state);
        self.table.id().hash(state);
    }
}

impl fmt::Debug for CapHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CapHandle(<{}>)", self.label())
    }
}
