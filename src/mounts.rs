//! Directories a host mounts into a sandbox (SPEC §4.8): the files door. A
//! [`Mount`] is a host directory opened with `cap-std`, seen by the guest at a
//! virtual path (`/data`), read-only or read-write, with an optional quota on
//! the bytes written. Every path a guest names is resolved only inside the
//! directory: `..`, NUL bytes, symbolic links that lead out and anything but
//! regular files and directories are refused, and no error or name the guest
//! sees holds a host path. Revoking a mount closes every file opened through
//! it, in every sandbox that holds it, and refuses every later use.

use crate::error::ConfigError;
use cap_std::fs::{Dir, File, OpenOptions, OpenOptionsExt};
use parking_lot::Mutex;
use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

/// What a guest may do in a mounted directory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MountMode {
    /// Read files and list directories.
    ReadOnly,
    /// Also create, write, remove and rename files and make directories.
    ReadWrite,
}

/// A host directory a sandbox sees at a virtual path; grant it with
/// [`Policy::mount`](crate::Policy::mount). A clone is the same mount: its
/// quota, open files and revocation are shared.
///
/// ```no_run
/// use pyocap::{Mount, MountMode, Policy};
/// let data = Mount::new("plugin-data", "/data", MountMode::ReadOnly)?;
/// let mut policy = Policy::new();
/// policy.mount(data.clone())?;
/// // ... run the plugin; then, whatever it still holds:
/// data.revoke();
/// # Ok::<(), pyocap::ConfigError>(())
/// ```
#[derive(Clone)]
pub struct Mount {
    inner: Arc<MountInner>,
}

struct MountInner {
    dir: Dir,
    host_path: PathBuf,
    guest_path: String,
    mode: MountMode,
    /// The most bytes writes may add up to; `u64::MAX` for no quota.
    quota: u64,
    written: AtomicU64,
    revoked: AtomicBool,
    files: Mutex<HashMap<u64, File>>,
    next_file: AtomicU64,
}

/// Why a file operation in a mount failed. The message names guest paths only.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum FsError {
    #[error("No such file or directory: '{0}'")]
    NotFound(String),
    #[error("Permission denied: '{0}'")]
    Denied(String),
    #[error("Read-only file system: '{0}'")]
    ReadOnly(String),
    #[error("the mount's quota of {0} written bytes is used up")]
    Quota(u64),
    #[error("the mount was revoked: '{0}'")]
    Revoked(String),
    #[error("Is a directory: '{0}'")]
    IsADirectory(String),
    #[error("Not a directory: '{0}'")]
    NotADirectory(String),
    #[error("File exists: '{0}'")]
    Exists(String),
    #[error("Directory not empty: '{0}'")]
    NotEmpty(String),
    #[error("I/O operation on closed file.")]
    Closed,
    #[error("embedded null byte")]
    Nul,
    #[error("Invalid argument: '{0}'")]
    Invalid(String),
    #[error("{0}")]
    Other(String),
}

/// What a file's size and kind are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Stat {
    pub(crate) is_dir: bool,
    pub(crate) size: u64,
    /// The path is a symbolic link (to something inside the mount).
    pub(crate) is_link: bool,
}

/// How to open a file, from a Python mode string.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct OpenRequest {
    pub(crate) read: bool,
    pub(crate) write: bool,
    pub(crate) append: bool,
    pub(crate) create: bool,
    pub(crate) truncate: bool,
    pub(crate) create_new: bool,
}

/// `O_NONBLOCK`: opening a FIFO a guest swapped in must not wait for a writer
/// (the file is then refused as not regular). Harmless on regular files.
#[cfg(target_os = "linux")]
const NONBLOCK: i32 = 0o4000;
#[cfg(all(unix, not(target_os = "linux")))]
const NONBLOCK: i32 = 0x0004;

impl Mount {
    /// Opens `host_dir` (which must exist and be a directory) to be seen at
    /// `guest_path`, an absolute path such as `/data` with no `.` or `..`
    /// parts and not `/` itself.
    pub fn new(host_dir: impl AsRef<Path>, guest_path: &str, mode: MountMode) -> Result<Mount, ConfigError> {
        let host_path = host_dir.as_ref().to_path_buf();
        let guest_path = check_guest_path(guest_path)?;
        let dir = Dir::open_ambient_dir(&host_path, cap_std::ambient_authority()).map_err(|e| {
            ConfigError::InvalidDoor(format!("cannot open {} to mount: {e}", host_path.display()))
        })?;
        Ok(Mount {
            inner: Arc::new(MountInner {
                dir,
                host_path,
                guest_path,
                mode,
                quota: u64::MAX,
                written: AtomicU64::new(0),
                revoked: AtomicBool::new(false),
                files: Mutex::new(HashMap::new()),
                next_file: AtomicU64::new(1),
            }),
        })
    }

    /// The same directory with a quota: writes through the mount may add up
    /// to at most `bytes` bytes (every byte written counts, overwrites too).
    /// Fails once the mount is shared (a clone exists).
    pub fn with_quota(mut self, bytes: u64) -> Result<Mount, ConfigError> {
        let inner = Arc::get_mut(&mut self.inner)
            .ok_or_else(|| ConfigError::InvalidDoor("a quota is set before the mount is shared".into()))?;
        inner.quota = bytes;
        Ok(self)
    }

    /// Reads the CLI form `HOST_DIR:GUEST_PATH[:ro|rw][:QUOTA]`: read-only by
    /// default; a quota in bytes, with an optional `k`, `m` or `g` suffix
    /// (powers of 1024).
    pub fn parse(spec: &str) -> Result<Mount, ConfigError> {
        let bad = |why: &str| ConfigError::InvalidDoor(format!("mount '{spec}': {why}"));
        let parts: Vec<&str> = spec.split(':').collect();
        if parts.len() < 2 || parts.len() > 4 || parts[0].is_empty() {
            return Err(bad("expected HOST_DIR:GUEST_PATH[:ro|rw][:QUOTA]"));
        }
        let mut mode = MountMode::ReadOnly;
        let mut quota = None;
        for part in &parts[2..] {
            match *part {
                "ro" => mode = MountMode::ReadOnly,
                "rw" => mode = MountMode::ReadWrite,
                q => quota = Some(parse_bytes(q).ok_or_else(|| bad("the quota is not a size"))?),
            }
        }
        let mount = Mount::new(parts[0], parts[1], mode)?;
        match quota {
            Some(q) => mount.with_quota(q),
            None => Ok(mount),
        }
    }

    /// The CLI form of this mount (what [`Mount::parse`] reads).
    pub fn to_text(&self) -> String {
        let mode = match self.inner.mode {
            MountMode::ReadOnly => "ro",
            MountMode::ReadWrite => "rw",
        };
        match self.quota() {
            Some(q) => format!("{}:{}:{mode}:{q}", self.inner.host_path.display(), self.inner.guest_path),
            None => format!("{}:{}:{mode}", self.inner.host_path.display(), self.inner.guest_path),
        }
    }

    /// Where the guest sees the directory.
    pub fn guest_path(&self) -> &str {
        &self.inner.guest_path
    }

    /// The host directory, as the host named it.
    pub fn host_path(&self) -> &Path {
        &self.inner.host_path
    }

    /// Read-only or read-write.
    pub fn mode(&self) -> MountMode {
        self.inner.mode
    }

    /// The quota on written bytes, if any.
    pub fn quota(&self) -> Option<u64> {
        (self.inner.quota != u64::MAX).then_some(self.inner.quota)
    }

    /// How many bytes guests have written through the mount.
    pub fn bytes_written(&self) -> u64 {
        self.inner.written.load(Ordering::Relaxed)
    }

    /// How many files opened through the mount are open now.
    pub fn open_files(&self) -> usize {
        self.inner.files.lock().len()
    }

    /// Closes every file opened through the mount and refuses every later
    /// use, in every sandbox that holds it. Idempotent.
    pub fn revoke(&self) {
        self.inner.revoked.store(true, Ordering::SeqCst);
        let files = std::mem::take(&mut *self.inner.files.lock());
        drop(files);
    }

    /// Whether [`Mount::revoke`] was called.
    pub fn is_revoked(&self) -> bool {
        self.inner.revoked.load(Ordering::SeqCst)
    }

    /// Tells mounts apart (the same for every clone).
    pub(crate) fn key(&self) -> usize {
        Arc::as_ptr(&self.inner) as usize
    }

    fn live(&self, guest: &str) -> Result<(), FsError> {
        if self.is_revoked() {
            return Err(FsError::Revoked(guest.to_owned()));
        }
        Ok(())
    }

    fn writable(&self, guest: &str) -> Result<(), FsError> {
        self.live(guest)?;
        if self.inner.mode == MountMode::ReadOnly {
            return Err(FsError::ReadOnly(guest.to_owned()));
        }
        Ok(())
    }

    /// Opens the file at `rel` (inside the mount; `guest` names it in errors)
    /// and returns its number. Only a regular file opens.
    pub(crate) fn open(&self, rel: &str, guest: &str, how: OpenRequest) -> Result<u64, FsError> {
        self.live(guest)?;
        let writes = how.write || how.append || how.create || how.truncate || how.create_new;
        if writes {
            self.writable(guest)?;
        }
        if rel.is_empty() {
            return Err(FsError::IsADirectory(guest.to_owned()));
        }
        let mut options = OpenOptions::new();
        options
            .read(how.read)
            .write(how.write && !how.append)
            .append(how.append)
            .create(how.create)
            .truncate(how.truncate)
            .create_new(how.create_new);
        #[cfg(unix)]
        options.custom_flags(NONBLOCK);
        let file = self.inner.dir.open_with(rel, &options).map_err(|e| io_error(e, guest))?;
        let meta = file.metadata().map_err(|e| io_error(e, guest))?;
        if meta.is_dir() {
            return Err(FsError::IsADirectory(guest.to_owned()));
        }
        if !meta.is_file() {
            return Err(FsError::Denied(guest.to_owned()));
        }
        let id = self.inner.next_file.fetch_add(1, Ordering::Relaxed);
        let mut files = self.inner.files.lock();
        // Revoked while it opened: the file is closed at once.
        self.live(guest)?;
        files.insert(id, file);
        Ok(id)
    }

    fn with_file<R>(&self, id: u64, f: impl FnOnce(&mut File) -> Result<R, FsError>) -> Result<R, FsError> {
        let mut files = self.inner.files.lock();
        match files.get_mut(&id) {
            Some(file) => f(file),
            None if self.is_revoked() => Err(FsError::Revoked(self.inner.guest_path.clone())),
            None => Err(FsError::Closed),
        }
    }

    /// Reads at most `max` bytes of file `id` at its position.
    pub(crate) fn read(&self, id: u64, max: usize) -> Result<Vec<u8>, FsError> {
        self.with_file(id, |file| {
            let mut out = Vec::with_capacity(max.min(1 << 16));
            Read::by_ref(file)
                .take(max as u64)
                .read_to_end(&mut out)
                .map_err(|e| io_error(e, ""))?;
            Ok(out)
        })
    }

    /// Writes all of `data` to file `id`, within the quota: the bytes
    /// written count, and so does the gap a write past the end of the file
    /// leaves (a seek far out then one byte would make a file of that size).
    pub(crate) fn write(&self, id: u64, data: &[u8]) -> Result<(), FsError> {
        self.writable(&self.inner.guest_path)?;
        let quota = self.inner.quota;
        self.with_file(id, |file| {
            let end = file.metadata().map_err(|e| io_error(e, ""))?.len();
            let at = file.stream_position().map_err(|e| io_error(e, ""))?;
            let n = (data.len() as u64).saturating_add(at.saturating_sub(end));
            self.inner
                .written
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |w| {
                    w.checked_add(n).filter(|t| *t <= quota)
                })
                .map_err(|_| FsError::Quota(quota))?;
            file.write_all(data).map_err(|e| io_error(e, ""))
        })
    }

    /// Moves file `id`'s position; returns the new one.
    pub(crate) fn seek(&self, id: u64, to: SeekFrom) -> Result<u64, FsError> {
        self.with_file(id, |file| file.seek(to).map_err(|e| io_error(e, "")))
    }

    /// Closes file `id` (nothing if it is closed already).
    pub(crate) fn close(&self, id: u64) {
        let file = self.inner.files.lock().remove(&id);
        drop(file);
    }

    /// The names in directory `rel`, sorted.
    pub(crate) fn list(&self, rel: &str, guest: &str) -> Result<Vec<String>, FsError> {
        self.live(guest)?;
        let entries = if rel.is_empty() {
            self.inner.dir.entries()
        } else {
            self.inner.dir.read_dir(rel)
        }
        .map_err(|e| io_error(e, guest))?;
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| io_error(e, guest))?;
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        Ok(names)
    }

    /// The kind and size of `rel`, or `None` if nothing (reachable) is there.
    pub(crate) fn stat(&self, rel: &str, guest: &str) -> Result<Option<Stat>, FsError> {
        self.live(guest)?;
        if rel.is_empty() {
            return Ok(Some(Stat { is_dir: true, size: 0, is_link: false }));
        }
        let is_link = self
            .inner
            .dir
            .symlink_metadata(rel.trim_end_matches('/'))
            .is_ok_and(|m| m.file_type().is_symlink());
        match self.inner.dir.metadata(rel) {
            Ok(meta) if meta.is_dir() => Ok(Some(Stat { is_dir: true, size: 0, is_link })),
            Ok(meta) if meta.is_file() => Ok(Some(Stat { is_dir: false, size: meta.len(), is_link })),
            // A device, FIFO or socket is not there for the guest.
            Ok(_) => Ok(None),
            Err(e) => match io_error(e, guest) {
                FsError::NotFound(_) | FsError::NotADirectory(_) | FsError::Denied(_) => Ok(None),
                other => Err(other),
            },
        }
    }

    /// Removes the file `rel`.
    pub(crate) fn remove(&self, rel: &str, guest: &str) -> Result<(), FsError> {
        self.writable(guest)?;
        if rel.is_empty() {
            return Err(FsError::Denied(guest.to_owned()));
        }
        self.inner.dir.remove_file(rel).map_err(|e| io_error(e, guest))
    }

    /// Removes the empty directory `rel`.
    pub(crate) fn rmdir(&self, rel: &str, guest: &str) -> Result<(), FsError> {
        self.writable(guest)?;
        if rel.is_empty() {
            return Err(FsError::Denied(guest.to_owned()));
        }
        self.inner.dir.remove_dir(rel).map_err(|e| io_error(e, guest))
    }

    /// Makes the directory `rel`.
    pub(crate) fn mkdir(&self, rel: &str, guest: &str) -> Result<(), FsError> {
        self.writable(guest)?;
        if rel.is_empty() {
            return Err(FsError::Exists(guest.to_owned()));
        }
        self.inner.dir.create_dir(rel).map_err(|e| io_error(e, guest))
    }

    /// Renames `from` to `to`, both inside this mount.
    pub(crate) fn rename(&self, from: &str, to: &str, guest: &str) -> Result<(), FsError> {
        self.writable(guest)?;
        if from.is_empty() || to.is_empty() {
            return Err(FsError::Denied(guest.to_owned()));
        }
        self.inner.dir.rename(from, &self.inner.dir, to).map_err(|e| io_error(e, guest))
    }
}

impl PartialEq for Mount {
    fn eq(&self, other: &Mount) -> bool {
        self.inner.host_path == other.inner.host_path
            && self.inner.guest_path == other.inner.guest_path
            && self.inner.mode == other.inner.mode
            && self.inner.quota == other.inner.quota
    }
}

impl Eq for Mount {}

impl std::fmt::Debug for Mount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mount")
            .field("host_path", &self.inner.host_path)
            .field("guest_path", &self.inner.guest_path)
            .field("mode", &self.inner.mode)
            .field("quota", &self.quota())
            .field("revoked", &self.is_revoked())
            .finish()
    }
}

/// An I/O error as the guest may see it: its kind and the guest's path, never
/// the host's words (which could name host paths).
fn io_error(e: std::io::Error, guest: &str) -> FsError {
    use std::io::ErrorKind as K;
    let g = guest.to_owned();
    match e.kind() {
        K::NotFound => FsError::NotFound(g),
        K::PermissionDenied => FsError::Denied(g),
        K::AlreadyExists => FsError::Exists(g),
        K::IsADirectory => FsError::IsADirectory(g),
        K::NotADirectory => FsError::NotADirectory(g),
        K::DirectoryNotEmpty => FsError::NotEmpty(g),
        K::ReadOnlyFilesystem => FsError::ReadOnly(g),
        K::InvalidInput => FsError::Invalid(g),
        K::InvalidFilename => FsError::Denied(g),
        _ => match e.raw_os_error() {
            // ELOOP (too many links), EXDEV and cap-std's escapes: refused.
            Some(40) | Some(18) => FsError::Denied(g),
            _ => FsError::Other(format!("{:?}: '{g}'", e.kind())),
        },
    }
}

/// A guest path a mount may sit at: absolute, plain parts, not `/`.
fn check_guest_path(path: &str) -> Result<String, ConfigError> {
    let bad = |why: &str| ConfigError::InvalidDoor(format!("mount point '{path}': {why}"));
    if !path.starts_with('/') {
        return Err(bad("must be an absolute path such as /data"));
    }
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err(bad("cannot be / itself"));
    }
    for part in &parts {
        if *part == "." || *part == ".." || part.contains('\0') {
            return Err(bad("has a '.', '..' or NUL part"));
        }
    }
    Ok(format!("/{}", parts.join("/")))
}

fn parse_bytes(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let (digits, scale) = match lower.chars().last()? {
        'k' => (&lower[..lower.len() - 1], 1u64 << 10),
        'm' => (&lower[..lower.len() - 1], 1 << 20),
        'g' => (&lower[..lower.len() - 1], 1 << 30),
        _ => (&lower[..], 1),
    };
    digits.parse::<u64>().ok()?.checked_mul(scale)
}

/// The mounts of one policy, and how guest paths resolve in them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Mounts {
    pub(crate) list: Vec<Mount>,
}

impl Mounts {
    /// Adds `mount`, refusing a mount point that is taken or nests with
    /// another.
    pub(crate) fn add(&mut self, mount: Mount) -> Result<(), ConfigError> {
        let new = mount.guest_path();
        for m in &self.list {
            let old = m.guest_path();
            let nests = |a: &str, b: &str| a == b || a.starts_with(&format!("{b}/"));
            if nests(new, old) || nests(old, new) {
                return Err(ConfigError::InvalidDoor(format!(
                    "mount point '{new}' overlaps the mount at '{old}'"
                )));
            }
        }
        self.list.push(mount);
        Ok(())
    }

    /// The working directory relative paths start from: the first mount.
    pub(crate) fn cwd(&self) -> Option<&str> {
        self.list.first().map(Mount::guest_path)
    }

    /// The mount `path` is in and the path inside it (`""` for the mount
    /// itself), with the normalised guest path. A path with a NUL or a `..`
    /// part, or outside every mount, is refused.
    pub(crate) fn resolve(&self, path: &str) -> Result<(&Mount, String, String), FsError> {
        if path.contains('\0') {
            return Err(FsError::Nul);
        }
        let cwd = self.cwd().ok_or_else(|| FsError::Denied(path.to_owned()))?;
        let full = if path.starts_with('/') {
            path.to_owned()
        } else {
            format!("{cwd}/{path}")
        };
        let mut parts = Vec::new();
        for part in full.split('/') {
            match part {
                "" | "." => {}
                ".." => return Err(FsError::Denied(path.to_owned())),
                p => parts.push(p),
            }
        }
        let normal = format!("/{}", parts.join("/"));
        // A trailing `/` or `/.` names a directory: kept, so that the host
        // resolves it as one (`file/` is then `NotADirectoryError`).
        let dir_suffix = if full.ends_with('/') || full.ends_with("/.") { "/" } else { "" };
        for m in &self.list {
            let root = m.guest_path();
            if normal == root {
                return Ok((m, String::new(), normal));
            }
            if let Some(rest) = normal.strip_prefix(root).and_then(|r| r.strip_prefix('/')) {
                return Ok((m, format!("{rest}{dir_suffix}"), normal));
            }
        }
        Err(FsError::NotFound(path.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guest_paths_resolve_only_inside_a_mount() {
        let dir = std::env::temp_dir().join(format!("pyocap-mounts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut mounts = Mounts::default();
        mounts.add(Mount::new(&dir, "/data/", MountMode::ReadOnly).unwrap()).unwrap();
        assert!(mounts.add(Mount::new(&dir, "/data/sub", MountMode::ReadOnly).unwrap()).is_err());
        assert!(Mount::new(&dir, "/", MountMode::ReadOnly).is_err());
        assert!(Mount::new(&dir, "data", MountMode::ReadOnly).is_err());
        assert!(Mount::new(&dir, "/a/../b", MountMode::ReadOnly).is_err());
        mounts.add(Mount::new(&dir, "/x", MountMode::ReadOnly).unwrap()).unwrap();
        let (_, rel, normal) = mounts.resolve("a//./b.txt").unwrap();
        assert_eq!((rel.as_str(), normal.as_str()), ("a/b.txt", "/data/a/b.txt"));
        assert_eq!(mounts.resolve("/data").unwrap().1, "");
        assert!(matches!(mounts.resolve("../etc/passwd"), Err(FsError::Denied(_))));
        assert!(matches!(mounts.resolve("/data/a/../../etc"), Err(FsError::Denied(_))));
        assert!(matches!(mounts.resolve("/etc/passwd"), Err(FsError::NotFound(_))));
        assert!(matches!(mounts.resolve("/datax/f"), Err(FsError::NotFound(_))));
        assert!(matches!(mounts.resolve("a\0b"), Err(FsError::Nul)));
        assert_eq!(parse_bytes("2k"), Some(2048));
        assert_eq!(parse_bytes("x"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
