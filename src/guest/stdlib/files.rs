//! The files door inside the interpreter (SPEC §4.8): the guest's builtin
//! `open`, its file objects and the natives behind `os.listdir`,
//! `os.path.exists` and the like, all resolved in the policy's mounts
//! ([`crate::mounts`]) and nowhere else. Reads are bounded by the memory
//! budget before they allocate and cost fuel per block; writes by the mount's
//! quota. Without a mount there is no `open`, and the `os` natives raise
//! `PermissionError`.

use crate::mounts::{FsError, Mount, Mounts, OpenRequest};
use parking_lot::Mutex;
use rustpython_vm::builtins::{PyBytes, PyByteArray, PyStr};
use rustpython_vm::class::PyClassImpl;
use rustpython_vm::function::{FuncArgs, OptionalArg};
use rustpython_vm::protocol::PyIterReturn;
use rustpython_vm::types::{Constructor, IterNext, Iterable, Representable, SelfIter};
use rustpython_vm::{pyclass, AsObject, Py, PyObjectRef, PyPayload, PyRef, PyResult, VirtualMachine};
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::SeekFrom;

/// How much one read from the host asks for.
const CHUNK: usize = 1 << 16;
/// Bytes per unit of fuel a read or write costs.
const BYTES_PER_FUEL: usize = 256;

thread_local! {
    /// This sandbox's mounts.
    static MOUNTS: RefCell<Mounts> = RefCell::new(Mounts::default());
    /// The files this sandbox has open, closed at its teardown.
    static OPENED: RefCell<HashMap<(usize, u64), Mount>> = RefCell::new(HashMap::new());
}

/// Gives this sandbox thread the policy's mounts.
pub(crate) fn install(mounts: &Mounts) {
    MOUNTS.with(|m| *m.borrow_mut() = mounts.clone());
}

/// Whether the policy mounted anything (and so the guest has `open`).
pub(crate) fn granted() -> bool {
    MOUNTS.with(|m| !m.borrow().list.is_empty())
}

/// Closes every file this sandbox opened and forgets the mounts (teardown).
pub(crate) fn release() {
    let opened = OPENED.with(|o| std::mem::take(&mut *o.borrow_mut()));
    for ((_, id), mount) in opened {
        mount.close(id);
    }
    MOUNTS.with(|m| *m.borrow_mut() = Mounts::default());
}

/// Makes the file type (once per sandbox thread).
pub(crate) fn init_types() {
    GuestFile::make_static_type();
}

/// The guest's exception for a failed file operation (CPython's types and
/// `[Errno N]` words; guest paths only).
fn error(e: FsError, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    let x = &vm.ctx.exceptions;
    let (ty, errno): (&'static Py<rustpython_vm::builtins::PyType>, i32) = match &e {
        FsError::NotFound(_) => (x.file_not_found_error, 2),
        FsError::Denied(_) | FsError::ReadOnly(_) | FsError::Revoked(_) => (x.permission_error, 13),
        FsError::IsADirectory(_) => (x.is_a_directory_error, 21),
        FsError::NotADirectory(_) => (x.not_a_directory_error, 20),
        FsError::Exists(_) => (x.file_exists_error, 17),
        FsError::NotEmpty(_) => (x.os_error, 39),
        FsError::Quota(_) => (x.os_error, 28),
        FsError::Invalid(_) => (x.os_error, 22),
        FsError::Closed | FsError::Nul => return vm.new_value_error(e.to_string()),
        FsError::Other(_) => (x.os_error, 5),
    };
    vm.new_os_subtype_error(ty.to_owned(), Some(errno), e.to_string()).upcast()
}

fn path_arg(value: &PyObjectRef, what: &str, vm: &VirtualMachine) -> PyResult<String> {
    match value.downcast_ref::<PyStr>() {
        Some(s) => Ok(s.as_wtf8().to_string()),
        None => Err(vm.new_type_error(format!(
            "{what}: path should be string, not {}",
            value.class().name()
        ))),
    }
}

/// Runs `f` on the mount `path` resolves to, with the path inside it and the
/// normalised guest path.
fn in_mount<R>(
    path: &str,
    vm: &VirtualMachine,
    f: impl FnOnce(&Mount, &str, &str) -> Result<R, FsError>,
) -> PyResult<R> {
    MOUNTS.with(|m| {
        let mounts = m.borrow();
        if mounts.list.is_empty() {
            return Err(super::doors::refused("no directory is mounted in this sandbox", vm));
        }
        let (mount, rel, normal) = mounts.resolve(path).map_err(|e| error(e, vm))?;
        f(mount, &rel, &normal).map_err(|e| error(e, vm))
    })
}

/// Charges the fuel of `bytes` bytes read or written.
fn charge(bytes: usize, vm: &VirtualMachine) -> PyResult<()> {
    crate::guest::meter::charge((bytes / BYTES_PER_FUEL) as u64 + 1, vm)
}

/// How a file was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Modes {
    request: OpenRequest,
    text: bool,
    /// Universal newlines on read (`newline=None`).
    translate: bool,
}

/// Reads a Python mode string (`'r'`, `'wb'`, `'a+'`, ...).
fn parse_mode(mode: &str, vm: &VirtualMachine) -> PyResult<Modes> {
    let invalid = || vm.new_value_error(format!("invalid mode: '{mode}'"));
    let mut request = OpenRequest::default();
    let (mut main, mut plus, mut binary, mut text) = (None, false, false, false);
    for c in mode.chars() {
        let seen = match c {
            'r' | 'w' | 'x' | 'a' => main.replace(c).is_some(),
            '+' => std::mem::replace(&mut plus, true),
            'b' => std::mem::replace(&mut binary, true),
            't' => std::mem::replace(&mut text, true),
            _ => true,
        };
        if seen {
            return Err(invalid());
        }
    }
    if binary && text {
        return Err(vm.new_value_error("can't have text and binary mode at once"));
    }
    match main {
        Some('r') => request.read = true,
        Some('w') => {
            request.write = true;
            request.create = true;
            request.truncate = true;
        }
        Some('x') => {
            request.write = true;
            request.create_new = true;
        }
        Some('a') => {
            request.append = true;
            request.create = true;
        }
        _ => {
            return Err(vm.new_value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            ))
        }
    }
    if plus {
        request.read = true;
        if !request.append {
            request.write = true;
        }
    }
    Ok(Modes {
        request,
        text: !binary,
        translate: true,
    })
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None,
/// newline=None, closefd=True)`, in the mounts only; text is UTF-8.
pub(crate) fn open(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    const NAMES: [&str; 7] = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd"];
    let mut values: [Option<PyObjectRef>; 7] = Default::default();
    if args.args.len() > NAMES.len() {
        return Err(vm.new_type_error(format!(
            "open() takes at most 7 arguments ({} given)",
            args.args.len()
        )));
    }
    for (i, v) in args.args.into_iter().enumerate() {
        values[i] = Some(v);
    }
    for (key, v) in args.kwargs {
        let Some(i) = NAMES.iter().position(|n| *n == key) else {
            return Err(vm.new_type_error(format!("open() got an unexpected keyword argument '{key}'")));
        };
        if values[i].replace(v).is_some() {
            return Err(vm.new_type_error(format!(
                "argument for open() given by name ('{key}') and position ({})",
                i + 1
            )));
        }
    }
    let text_arg = |i: usize| -> PyResult<Option<String>> {
        match &values[i] {
            None => Ok(None),
            Some(v) if vm.is_none(v) => Ok(None),
            Some(v) => match v.downcast_ref::<PyStr>() {
                Some(s) => Ok(Some(s.as_wtf8().to_string())),
                None => Err(vm.new_type_error(format!(
                    "open() argument '{}' must be str or None, not {}",
                    NAMES[i],
                    v.class().name()
                ))),
            },
        }
    };
    let file = values[0]
        .clone()
        .ok_or_else(|| vm.new_type_error("open() missing required argument 'file' (pos 1)"))?;
    let path = path_arg(&file, "open", vm)?;
    let mode_text = text_arg(1)?.unwrap_or_else(|| "r".to_owned());
    let mut modes = parse_mode(&mode_text, vm)?;
    let encoding = text_arg(3)?;
    let errors = text_arg(4)?;
    let newline = text_arg(5)?;
    if !modes.text && (encoding.is_some() || errors.is_some() || newline.is_some()) {
        return Err(vm.new_value_error("binary mode doesn't take an encoding, errors or newline argument"));
    }
    if let Some(enc) = &encoding {
        let e = enc.to_ascii_lowercase().replace('_', "-");
        if e != "utf-8" && e != "utf8" {
            return Err(vm.new_lookup_error(format!(
                "unknown encoding: {enc} (files in this sandbox are UTF-8)"
            )));
        }
    }
    if errors.as_deref().is_some_and(|e| e != "strict") {
        return Err(vm.new_value_error("only errors='strict' is supported in this sandbox"));
    }
    match newline.as_deref() {
        None => {}
        Some("") | Some("\n") => modes.translate = false,
        Some(other) => return Err(vm.new_value_error(format!("illegal newline value: {other:?}"))),
    }
    let (mount, id, name) = in_mount(&path, vm, |mount, rel, normal| {
        let id = mount.open(rel, normal, modes.request)?;
        Ok((mount.clone(), id, normal.to_owned()))
    })?;
    OPENED.with(|o| o.borrow_mut().insert((mount.key(), id), mount.clone()));
    let file = GuestFile {
        mount,
        id,
        name,
        mode: mode_text,
        modes,
        state: Mutex::new(FileState::default()),
    };
    Ok(file.into_ref(&vm.ctx).into())
}

#[derive(Debug, Default)]
struct FileState {
    closed: bool,
    /// Bytes read from the host and not yet given to the guest.
    buffer: Vec<u8>,
    at_eof: bool,
}

/// A file opened through a mount.
#[pyclass(module = false, name = "file")]
#[derive(PyPayload)]
pub(crate) struct GuestFile {
    mount: Mount,
    id: u64,
    name: String,
    mode: String,
    modes: Modes,
    state: Mutex<FileState>,
}

impl std::fmt::Debug for GuestFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "file({})", self.name)
    }
}

impl Drop for GuestFile {
    fn drop(&mut self) {
        forget(&self.mount, self.id);
    }
}

/// Closes file `id` and forgets it.
fn forget(mount: &Mount, id: u64) {
    mount.close(id);
    let _ = OPENED.try_with(|o| o.try_borrow_mut().map(|mut o| o.remove(&(mount.key(), id))));
}

crate::guest::patch::refuse_construction!(GuestFile);

/// Text decoded from the front of a buffer.
struct Decoded {
    text: String,
    /// Bytes of the buffer it used.
    used: usize,
}

/// Decodes UTF-8 from the front of `buf`: at most `max` characters (after
/// newline translation), stopping before an incomplete character or a final
/// `\r` unless at the end of the file. `Err(at)`: invalid UTF-8 at byte `at`.
fn decode_front(buf: &[u8], max: Option<usize>, eof: bool, translate: bool) -> Result<Decoded, usize> {
    let valid = match std::str::from_utf8(buf) {
        Ok(s) => s,
        Err(e) if e.error_len().is_none() && !eof => {
            std::str::from_utf8(&buf[..e.valid_up_to()]).map_err(|_| e.valid_up_to())?
        }
        Err(e) => return Err(e.valid_up_to()),
    };
    let mut text = String::new();
    let mut chars = 0;
    let bytes = valid.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if max.is_some_and(|m| chars >= m) {
            break;
        }
        if translate && bytes[i] == b'\r' {
            if i + 1 < bytes.len() {
                text.push('\n');
                i += if bytes[i + 1] == b'\n' { 2 } else { 1 };
            } else if eof || valid.len() < buf.len() {
                text.push('\n');
                i += 1;
            } else {
                // A final `\r`: the next block says whether `\n` follows.
                break;
            }
            chars += 1;
            continue;
        }
        let c = valid[i..].chars().next().unwrap_or('\u{fffd}');
        text.push(c);
        i += c.len_utf8();
        chars += 1;
    }
    Ok(Decoded { text, used: i })
}

#[pyclass(flags(IMMUTABLETYPE), with(Constructor, Representable, Iterable, IterNext))]
impl GuestFile {
    #[pygetset]
    fn name(&self) -> String {
        self.name.clone()
    }

    #[pygetset]
    fn mode(&self) -> String {
        self.mode.clone()
    }

    #[pygetset]
    fn closed(&self) -> bool {
        self.state.lock().closed || self.mount.is_revoked()
    }

    #[pygetset]
    fn encoding(&self, vm: &VirtualMachine) -> PyResult<String> {
        if self.modes.text {
            Ok("utf-8".to_owned())
        } else {
            Err(vm.new_attribute_error("'file' object in binary mode has no attribute 'encoding'"))
        }
    }

    #[pymethod]
    fn readable(&self, vm: &VirtualMachine) -> PyResult<bool> {
        drop(self.open_state(vm)?);
        Ok(self.modes.request.read)
    }

    #[pymethod]
    fn writable(&self, vm: &VirtualMachine) -> PyResult<bool> {
        drop(self.open_state(vm)?);
        Ok(self.writes())
    }

    #[pymethod]
    fn seekable(&self, vm: &VirtualMachine) -> PyResult<bool> {
        drop(self.open_state(vm)?);
        Ok(true)
    }

    #[pymethod]
    fn flush(&self, vm: &VirtualMachine) -> PyResult<()> {
        drop(self.open_state(vm)?);
        Ok(())
    }

    #[pymethod]
    fn close(&self) {
        let mut st = self.state.lock();
        st.closed = true;
        st.buffer = Vec::new();
        drop(st);
        forget(&self.mount, self.id);
    }

    #[pymethod]
    fn __enter__(zelf: PyRef<Self>, vm: &VirtualMachine) -> PyResult<PyRef<Self>> {
        drop(zelf.open_state(vm)?);
        Ok(zelf)
    }

    #[pymethod]
    fn __exit__(&self, _args: FuncArgs) {
        self.close();
    }

    #[pymethod]
    fn read(&self, size: OptionalArg<Option<isize>>, vm: &VirtualMachine) -> PyResult {
        let size = size.flatten().filter(|s| *s >= 0).map(|s| s as usize);
        self.check_readable(vm)?;
        let mut st = self.state.lock();
        if self.modes.text {
            if size.is_none() {
                while !st.at_eof {
                    self.fill(&mut st, vm)?;
                }
            }
            // `n` characters take at most 4n bytes (and one more for a
            // `\r` that may pair with a `\n`): filled to that, decoded once.
            if let Some(n) = size {
                let need = n.saturating_mul(4).saturating_add(1);
                while st.buffer.len() < need && !st.at_eof {
                    self.fill(&mut st, vm)?;
                }
            }
            let d = self.decode(&st, size, vm)?;
            st.buffer.drain(..d.used);
            return Ok(vm.ctx.new_str(d.text).into());
        }
        loop {
            if size.is_some_and(|s| st.buffer.len() >= s) || st.at_eof {
                let n = size.unwrap_or(usize::MAX).min(st.buffer.len());
                let out: Vec<u8> = st.buffer.drain(..n).collect();
                return Ok(vm.ctx.new_bytes(out).into());
            }
            self.fill(&mut st, vm)?;
        }
    }

    #[pymethod]
    fn readline(&self, size: OptionalArg<Option<isize>>, vm: &VirtualMachine) -> PyResult {
        let size = size.flatten().filter(|s| *s >= 0).map(|s| s as usize);
        self.check_readable(vm)?;
        let mut st = self.state.lock();
        self.line(&mut st, size, vm)
    }

    #[pymethod]
    fn readlines(&self, hint: OptionalArg<Option<isize>>, vm: &VirtualMachine) -> PyResult<Vec<PyObjectRef>> {
        let hint = hint.flatten().filter(|h| *h > 0).map(|h| h as usize);
        self.check_readable(vm)?;
        let mut st = self.state.lock();
        let mut lines = Vec::new();
        let mut total = 0;
        loop {
            let line = self.line(&mut st, None, vm)?;
            let len = line.length(vm)?;
            if len == 0 {
                return Ok(lines);
            }
            crate::guest::meter::reserve(crate::guest::meter::PIECE as f64, "readlines()", vm)?;
            lines.push(line);
            total += len;
            if hint.is_some_and(|h| total >= h) {
                return Ok(lines);
            }
        }
    }

    #[pymethod]
    fn write(&self, data: PyObjectRef, vm: &VirtualMachine) -> PyResult<usize> {
        let st = self.open_state(vm)?;
        drop(st);
        if !self.writes() {
            return Err(vm.new_os_error("not writable"));
        }
        let (bytes, count): (Vec<u8>, usize) = if self.modes.text {
            let s = data.downcast_ref::<PyStr>().ok_or_else(|| {
                vm.new_type_error(format!("write() argument must be str, not {}", data.class().name()))
            })?;
            let text = s.to_str().ok_or_else(|| {
                vm.new_unicode_encode_error_real(
                    vm.ctx.new_str("utf-8"),
                    s.to_owned(),
                    0,
                    s.char_len(),
                    vm.ctx.new_str("surrogates not allowed"),
                )
            })?;
            (text.as_bytes().to_vec(), s.char_len())
        } else if let Some(b) = data.downcast_ref::<PyBytes>() {
            (b.as_bytes().to_vec(), b.as_bytes().len())
        } else if let Some(b) = data.downcast_ref::<PyByteArray>() {
            let v = b.borrow_buf().to_vec();
            let n = v.len();
            (v, n)
        } else {
            return Err(vm.new_type_error(format!(
                "a bytes-like object is required, not '{}'",
                data.class().name()
            )));
        };
        charge(bytes.len(), vm)?;
        let mut st = self.state.lock();
        self.drop_buffer(&mut st, vm)?;
        self.mount.write(self.id, &bytes).map_err(|e| error(e, vm))?;
        Ok(count)
    }

    #[pymethod]
    fn writelines(&self, lines: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
        let iter = lines.get_iter(vm)?;
        while let PyIterReturn::Return(line) = iter.next(vm)? {
            self.write(line, vm)?;
        }
        Ok(())
    }

    #[pymethod]
    fn seek(&self, offset: i64, whence: OptionalArg<i32>, vm: &VirtualMachine) -> PyResult<u64> {
        let mut st = self.open_state(vm)?;
        let to = match whence.unwrap_or(0) {
            0 if offset < 0 => return Err(vm.new_value_error(format!("negative seek position {offset}"))),
            0 => SeekFrom::Start(offset as u64),
            1 => SeekFrom::Current(
                offset
                    .checked_sub(st.buffer.len() as i64)
                    .ok_or_else(|| vm.new_overflow_error("seek offset out of range"))?,
            ),
            2 => SeekFrom::End(offset),
            w => return Err(vm.new_value_error(format!("invalid whence ({w}, should be 0, 1 or 2)"))),
        };
        st.buffer.clear();
        st.at_eof = false;
        self.mount.seek(self.id, to).map_err(|e| error(e, vm))
    }

    #[pymethod]
    fn tell(&self, vm: &VirtualMachine) -> PyResult<u64> {
        let st = self.open_state(vm)?;
        let raw = self.mount.seek(self.id, SeekFrom::Current(0)).map_err(|e| error(e, vm))?;
        Ok(raw.saturating_sub(st.buffer.len() as u64))
    }
}

impl GuestFile {
    fn writes(&self) -> bool {
        let r = &self.modes.request;
        r.write || r.append
    }

    fn open_state(&self, vm: &VirtualMachine) -> PyResult<parking_lot::MutexGuard<'_, FileState>> {
        let st = self.state.lock();
        if st.closed {
            return Err(error(FsError::Closed, vm));
        }
        if self.mount.is_revoked() {
            return Err(error(FsError::Revoked(self.name.clone()), vm));
        }
        Ok(st)
    }

    fn check_readable(&self, vm: &VirtualMachine) -> PyResult<()> {
        drop(self.open_state(vm)?);
        if !self.modes.request.read {
            return Err(vm.new_os_error("not readable"));
        }
        Ok(())
    }

    /// Reads one more block from the host into the buffer: checked against
    /// the memory budget first, charged in fuel, after a stop check.
    fn fill(&self, st: &mut FileState, vm: &VirtualMachine) -> PyResult<()> {
        crate::guest::meter::check_stopped(vm)?;
        crate::guest::meter::reserve((st.buffer.len() + CHUNK) as f64 * 2.0, "reading the file", vm)?;
        charge(CHUNK, vm)?;
        let data = self.mount.read(self.id, CHUNK).map_err(|e| error(e, vm))?;
        if data.is_empty() {
            st.at_eof = true;
        }
        st.buffer.extend_from_slice(&data);
        Ok(())
    }

    /// Before a write: the host file's position goes back to where the guest
    /// is (the buffer read ahead is dropped).
    fn drop_buffer(&self, st: &mut FileState, vm: &VirtualMachine) -> PyResult<()> {
        if !st.buffer.is_empty() {
            let back = -(st.buffer.len() as i64);
            self.mount.seek(self.id, SeekFrom::Current(back)).map_err(|e| error(e, vm))?;
            st.buffer.clear();
        }
        st.at_eof = false;
        Ok(())
    }

    fn decode(&self, st: &FileState, max: Option<usize>, vm: &VirtualMachine) -> PyResult<Decoded> {
        decode_front(&st.buffer, max, st.at_eof, self.modes.translate)
            .map_err(|at| decode_error(&st.buffer, at, vm))
    }

    /// One line (through its newline, or to the end of the file), at most
    /// `size` characters or bytes.
    fn line(&self, st: &mut FileState, size: Option<usize>, vm: &VirtualMachine) -> PyResult {
        // Each block is scanned once: the search goes on from where it
        // stopped (less one byte, for a `\r` that ended the last block).
        let mut scanned: usize = 0;
        loop {
            let from = scanned.saturating_sub(1).min(st.buffer.len());
            let newline = if self.modes.text {
                memchr::memchr2(b'\n', b'\r', &st.buffer[from..])
            } else {
                memchr::memchr(b'\n', &st.buffer[from..])
            }
            .map(|p| p + from);
            scanned = st.buffer.len();
            let end = match newline {
                Some(p) if st.buffer[p] == b'\r' && p + 1 == st.buffer.len() && !st.at_eof => None,
                Some(p) if st.buffer[p] == b'\r' && st.buffer.get(p + 1) == Some(&b'\n') => Some(p + 2),
                Some(p) => Some(p + 1),
                None if st.at_eof => Some(st.buffer.len()),
                None => None,
            };
            let long_enough = size.is_some_and(|s| st.buffer.len() >= s.saturating_mul(4).max(s));
            if let Some(end) = end.or(long_enough.then_some(st.buffer.len())) {
                if self.modes.text {
                    let line = st.buffer[..end].to_vec();
                    let d = decode_front(&line, size, st.at_eof || end < st.buffer.len(), self.modes.translate)
                        .map_err(|at| decode_error(&line, at, vm))?;
                    st.buffer.drain(..d.used);
                    return Ok(vm.ctx.new_str(d.text).into());
                }
                let n = size.map_or(end, |s| s.min(end));
                let out: Vec<u8> = st.buffer.drain(..n).collect();
                return Ok(vm.ctx.new_bytes(out).into());
            }
            self.fill(st, vm)?;
        }
    }
}

impl SelfIter for GuestFile {}

impl IterNext for GuestFile {
    fn next(zelf: &Py<Self>, vm: &VirtualMachine) -> PyResult<PyIterReturn> {
        zelf.check_readable(vm)?;
        let mut st = zelf.state.lock();
        let line = zelf.line(&mut st, None, vm)?;
        drop(st);
        if line.length(vm)? == 0 {
            return Ok(PyIterReturn::StopIteration(None));
        }
        Ok(PyIterReturn::Return(line))
    }
}

impl Representable for GuestFile {
    fn repr_str(zelf: &Py<Self>, _vm: &VirtualMachine) -> PyResult<String> {
        let name = zelf.name.replace('\'', "\\'");
        if zelf.modes.text {
            Ok(format!("<file name='{name}' mode='{}' encoding='utf-8'>", zelf.mode))
        } else {
            Ok(format!("<file name='{name}' mode='{}'>", zelf.mode))
        }
    }
}

fn one_path(args: &FuncArgs, what: &str, vm: &VirtualMachine) -> PyResult<String> {
    match args.args.first() {
        Some(p) if args.args.len() == 1 && args.kwargs.is_empty() => path_arg(p, what, vm),
        _ => Err(vm.new_type_error(format!("{what}() takes exactly one argument"))),
    }
}

fn listdir(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let path = one_path(&args, "listdir", vm)?;
    let names = in_mount(&path, vm, |m, rel, normal| m.list(rel, normal))?;
    crate::guest::meter::reserve((names.len() * crate::guest::meter::PIECE) as f64, "listdir()", vm)?;
    charge(names.len() * 16, vm)?;
    let names = names.into_iter().map(|n| vm.ctx.new_str(n).into()).collect();
    Ok(vm.ctx.new_list(names).into())
}

/// `None`, or `(is_dir, size, is_link)`.
fn stat(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let path = one_path(&args, "stat", vm)?;
    let found = MOUNTS.with(|m| -> PyResult<_> {
        let mounts = m.borrow();
        if mounts.list.is_empty() {
            return Err(super::doors::refused("no directory is mounted in this sandbox", vm));
        }
        match mounts.resolve(&path) {
            Ok((mount, rel, normal)) => mount.stat(&rel, &normal).map_err(|e| error(e, vm)),
            Err(FsError::NotFound(_)) => Ok(None),
            Err(e) => Err(error(e, vm)),
        }
    })?;
    Ok(match found {
        None => vm.ctx.none(),
        Some(s) => vm
            .ctx
            .new_tuple(vec![
                vm.ctx.new_bool(s.is_dir).into(),
                vm.ctx.new_int(s.size).into(),
                vm.ctx.new_bool(s.is_link).into(),
            ])
            .into(),
    })
}

fn remove(args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let path = one_path(&args, "remove", vm)?;
    in_mount(&path, vm, |m, rel, normal| m.remove(rel, normal))
}

fn rmdir(args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let path = one_path(&args, "rmdir", vm)?;
    in_mount(&path, vm, |m, rel, normal| m.rmdir(rel, normal))
}

fn mkdir(args: FuncArgs, vm: &VirtualMachine) -> PyResult<()> {
    let path = one_path(&args, "mkdir", vm)?;
    in_mount(&path, vm, |m, rel, normal| m.mkdir(rel, normal))
}

fn rename(src: PyObjectRef, dst: PyObjectRef, vm: &VirtualMachine) -> PyResult<()> {
    let src = path_arg(&src, "rename", vm)?;
    let dst = path_arg(&dst, "rename", vm)?;
    let to = MOUNTS.with(|m| {
        m.borrow()
            .resolve(&dst)
            .map(|(mount, rel, _)| (mount.guest_path().to_owned(), rel))
            .map_err(|e| error(e, vm))
    })?;
    in_mount(&src, vm, |m, rel, normal| {
        if m.guest_path() != to.0 {
            return Err(FsError::Denied(normal.to_owned()));
        }
        m.rename(rel, &to.1, normal)
    })
}

fn getcwd(vm: &VirtualMachine) -> PyResult<String> {
    MOUNTS.with(|m| m.borrow().cwd().map(str::to_owned))
        .ok_or_else(|| super::doors::refused("no directory is mounted in this sandbox", vm))
}

/// The natives `os` is written with (`_fs_listdir`, ...).
pub(super) fn provide_os(dict: &rustpython_vm::builtins::PyDictRef, vm: &VirtualMachine) -> PyResult<()> {
    dict.set_item("_fs_listdir", vm.new_function("_fs_listdir", listdir).into(), vm)?;
    dict.set_item("_fs_stat", vm.new_function("_fs_stat", stat).into(), vm)?;
    dict.set_item("_fs_remove", vm.new_function("_fs_remove", remove).into(), vm)?;
    dict.set_item("_fs_rmdir", vm.new_function("_fs_rmdir", rmdir).into(), vm)?;
    dict.set_item("_fs_mkdir", vm.new_function("_fs_mkdir", mkdir).into(), vm)?;
    dict.set_item("_fs_rename", vm.new_function("_fs_rename", rename).into(), vm)?;
    dict.set_item("_fs_getcwd", vm.new_function("_fs_getcwd", getcwd).into(), vm)?;
    Ok(())
}

/// `UnicodeDecodeError` for invalid UTF-8 at byte `at` of `data`.
fn decode_error(data: &[u8], at: usize, vm: &VirtualMachine) -> rustpython_vm::builtins::PyBaseExceptionRef {
    let reason = if at < data.len() { "invalid start byte" } else { "unexpected end of data" };
    vm.new_unicode_decode_error_real(
        vm.ctx.new_str("utf-8"),
        vm.ctx.new_bytes(data.to_vec()),
        at,
        (at + 1).min(data.len().max(at + 1)),
        vm.ctx.new_str(reason),
    )
}

#[cfg(test)]
mod tests {
    use super::decode_front;

    #[test]
    fn text_is_decoded_at_character_and_newline_boundaries() {
        let d = decode_front("a\r\nb\rc".as_bytes(), None, true, true).unwrap();
        assert_eq!((d.text.as_str(), d.used), ("a\nb\nc", 6));
        // A final `\r` waits for the next block; an incomplete character too.
        let d = decode_front(b"ab\r", None, false, true).unwrap();
        assert_eq!((d.text.as_str(), d.used), ("ab", 2));
        let d = decode_front("x\u{e9}".as_bytes().split_at(2).0, None, false, true).unwrap();
        assert_eq!((d.text.as_str(), d.used), ("x", 1));
        assert_eq!(decode_front(b"x\xff", None, false, true).err(), Some(1));
        let d = decode_front("\u{e9}\u{e9}\u{e9}".as_bytes(), Some(2), false, true).unwrap();
        assert_eq!((d.text.as_str(), d.used), ("\u{e9}\u{e9}", 4));
        let d = decode_front(b"a\r\n", None, true, false).unwrap();
        assert_eq!(d.text, "a\r\n");
    }
}
