//! The files door (SPEC §4.8): mounted directories, what they allow and every
//! refusal: paths out of the mount, symbolic links, devices, read-only
//! writes, the quota, revocation, the memory budget and fuel.

use crate::util::*;
use pyocap::{ConfigError, GuestError, Mount, MountMode, Policy, Value};
use std::path::PathBuf;

/// A fresh host directory with a few files (removed when dropped).
struct HostDir(PathBuf);

impl HostDir {
    fn new(name: &str) -> HostDir {
        let dir = std::env::temp_dir().join(format!("pyocap-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data/sub")).unwrap();
        std::fs::write(dir.join("data/notes.txt"), "first\r\nsecond\nthird\rlast").unwrap();
        std::fs::write(dir.join("data/sub/config.ini"), "x = 1\n").unwrap();
        std::fs::write(dir.join("secret.txt"), "host secret").unwrap();
        HostDir(dir)
    }

    fn data(&self) -> PathBuf {
        self.0.join("data")
    }
}

impl Drop for HostDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn policy_with(mount: Mount) -> Policy {
    let mut p = Policy::new();
    p.mount(mount).unwrap();
    p
}

/// What `src` raises, as `Type: message`, or `ok`.
fn outcome(sb: &pyocap::Sandbox, src: &str) -> String {
    let body: String = src.lines().map(|l| format!("    {l}\n")).collect();
    sb.exec(&format!(
        "try:\n{body}    r = 'ok'\nexcept BaseException as e:\n    r = type(e).__name__ + ': ' + str(e)"
    ))
    .unwrap_or_else(|e| panic!("{src}: {e:?}"));
    match sb.eval("r").unwrap() {
        Value::Str(s) => s,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_mounted_directory_reads_as_files_do_in_python() {
    let host = HostDir::new("read");
    let sb = sandbox_with(&policy_with(Mount::new(host.data(), "/data", MountMode::ReadOnly).unwrap()));
    sb.exec(
        "import os\n\
         with open('notes.txt') as f:\n    whole = f.read()\n\
         with open('/data/notes.txt', 'rb') as f:\n    raw = (f.read(3), f.readline(), f.tell(), list(f))\n\
         lines = [l for l in open('notes.txt')]\n\
         f = open('notes.txt')\nparts = (f.read(2), f.readline(), f.tell())\nf.seek(0)\nagain = f.readline()\nf.close()\n\
         listing = (os.getcwd(), os.listdir('/data'), os.listdir('sub'), sorted(os.walk('/data')))\n\
         kinds = (os.path.exists('notes.txt'), os.path.isdir('sub'), os.path.isfile('sub'),\n\
                  os.path.getsize('notes.txt'), os.path.exists('missing'), os.path.join('sub', 'config.ini'))\n\
         closed = f.closed",
    )
    .unwrap();
    assert_eq!(sb.eval("whole").unwrap(), Value::from("first\nsecond\nthird\nlast"));
    assert_eq!(
        sb.eval("raw == (b'fir', b'st\\r\\n', 7, [b'second\\n', b'third\\rlast'])").unwrap(),
        Value::Bool(true)
    );
    assert_eq!(
        sb.eval("lines").unwrap(),
        Value::List(vec!["first\n".into(), "second\n".into(), "third\n".into(), "last".into()])
    );
    assert_eq!(sb.eval("parts == ('fi', 'rst\\n', 7) and again == 'first\\n'").unwrap(), Value::Bool(true));
    assert_eq!(
        sb.eval("listing == ('/data', ['notes.txt', 'sub'], ['config.ini'], [('/data', ['sub'], ['notes.txt']), ('/data/sub', [], ['config.ini'])])")
            .unwrap(),
        Value::Bool(true)
    );
    assert_eq!(
        sb.eval("kinds == (True, True, False, 24, False, 'sub/config.ini')").unwrap(),
        Value::Bool(true)
    );
    assert_eq!(sb.eval("closed").unwrap(), Value::Bool(true));
    assert_eq!(outcome(&sb, "f.read()"), "ValueError: I/O operation on closed file.");
    assert_eq!(
        outcome(&sb, "open('notes.txt', encoding='latin-1')"),
        "LookupError: unknown encoding: latin-1 (files in this sandbox are UTF-8)"
    );
    assert_eq!(outcome(&sb, "open('notes.txt', 'rw')"), "ValueError: invalid mode: 'rw'");
}

#[test]
fn paths_out_of_the_mount_are_refused_whatever_the_route() {
    let host = HostDir::new("escape");
    let data = host.data();
    std::os::unix::fs::symlink(host.0.join("secret.txt"), data.join("abs-link")).unwrap();
    std::os::unix::fs::symlink("../secret.txt", data.join("rel-link")).unwrap();
    std::os::unix::fs::symlink("..", data.join("up")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", data.join("device")).unwrap();
    std::os::unix::fs::symlink("notes.txt", data.join("inner-link")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(data.join("fifo")).status();
    let sb = sandbox_with(&policy_with(Mount::new(&data, "/data", MountMode::ReadWrite).unwrap()));
    for path in [
        "../secret.txt",
        "/data/../secret.txt",
        "sub/../../secret.txt",
        "abs-link",
        "rel-link",
        "up/secret.txt",
        "device",
        "/dev/zero",
        "/etc/passwd",
        "/",
        "/datax/notes.txt",
    ] {
        let r = outcome(&sb, &format!("open({path:?}).read()"));
        assert!(
            r.starts_with("PermissionError") || r.starts_with("FileNotFoundError") || r.starts_with("IsADirectoryError"),
            "{path}: {r}"
        );
        assert!(!r.contains(host.0.to_str().unwrap()), "{path}: a host path leaked: {r}");
        let w = outcome(&sb, &format!("open({path:?}, 'w').write('x')"));
        assert!(!w.starts_with("ok"), "{path} was written: {w}");
        let listed = outcome(&sb, &format!("import os\nos.listdir({path:?})"));
        assert!(!listed.starts_with("ok"), "{path}: {listed}");
    }
    if fifo.is_ok_and(|s| s.success()) {
        // Opening a FIFO would wait for a writer: it is refused at once.
        assert!(outcome(&sb, "open('fifo').read()").starts_with("PermissionError"));
    }
    assert_eq!(outcome(&sb, "open('a\\0b')"), "ValueError: embedded null byte");
    assert_eq!(outcome(&sb, "open(3)"), "TypeError: open: path should be string, not int");
    // A link that stays inside is followed; the host file is unchanged.
    assert_eq!(sb.eval("open('inner-link').read(5)").unwrap(), Value::from("first"));
    assert_eq!(std::fs::read_to_string(host.0.join("secret.txt")).unwrap(), "host secret");
}

#[test]
fn a_read_only_mount_refuses_every_write_and_no_mount_means_no_open() {
    let host = HostDir::new("ro");
    let sb = sandbox_with(&policy_with(Mount::new(host.data(), "/data", MountMode::ReadOnly).unwrap()));
    for src in [
        "open('new.txt', 'w')",
        "open('notes.txt', 'a')",
        "open('notes.txt', 'r+')",
        "open('new.txt', 'x')",
        "import os\nos.remove('notes.txt')",
        "import os\nos.mkdir('d')",
        "import os\nos.rename('notes.txt', 'n.txt')",
        "import os\nos.rmdir('sub')",
    ] {
        let r = outcome(&sb, src);
        assert!(r.starts_with("PermissionError: [Errno 13] Read-only file system"), "{src}: {r}");
    }
    assert!(host.data().join("notes.txt").exists() && !host.data().join("new.txt").exists());
    // Without a mount: no `open`, no `os` (it cannot be allowed alone).
    let bare = sandbox_with(&Policy::new());
    assert_eq!(outcome(&bare, "open('x')"), "NameError: name 'open' is not defined");
    assert!(outcome(&bare, "import os").starts_with("ModuleNotFoundError"));
    assert!(Policy::new().allow_import("os").is_err());
    // Overlapping mount points and bad ones are configuration errors.
    let mut p = Policy::new();
    p.mount(Mount::new(host.data(), "/data", MountMode::ReadOnly).unwrap()).unwrap();
    assert!(matches!(
        p.mount(Mount::new(host.data(), "/data/sub", MountMode::ReadOnly).unwrap()),
        Err(ConfigError::InvalidDoor(_))
    ));
    assert!(Mount::new(host.data(), "relative", MountMode::ReadOnly).is_err());
    assert!(Mount::new(host.0.join("missing"), "/m", MountMode::ReadOnly).is_err());
}

#[test]
fn a_read_write_mount_writes_within_its_quota() {
    let host = HostDir::new("rw");
    let mount = Mount::new(host.data(), "/data", MountMode::ReadWrite).unwrap().with_quota(100).unwrap();
    let sb = sandbox_with(&policy_with(mount.clone()));
    sb.exec(
        "import os\n\
         with open('out.txt', 'w') as f:\n    n = f.write('h\u{e9}llo\\n')\n\
         with open('out.txt', 'a') as f:\n    f.write('more\\n')\n\
         with open('out.bin', 'wb') as f:\n    f.write(b'\\x00\\x01')\n\
         os.mkdir('made')\nos.rename('out.bin', 'made/moved.bin')\n\
         with open('out.txt', 'r+') as f:\n    first = f.readline()\n    f.write('X')\n\
         try:\n    open('out.txt', 'x')\nexcept FileExistsError as e:\n    exists = str(e)\n\
         os.remove('made/moved.bin')\nos.rmdir('made')\n\
         after = sorted(os.listdir('.'))",
    )
    .unwrap();
    assert_eq!(sb.eval("n").unwrap(), Value::from(6));
    assert_eq!(std::fs::read_to_string(host.data().join("out.txt")).unwrap(), "h\u{e9}llo\nXore\n");
    assert_eq!(sb.eval("first").unwrap(), Value::from("h\u{e9}llo\n"));
    assert_eq!(sb.eval("exists").unwrap(), Value::from("[Errno 17] File exists: '/data/out.txt'"));
    assert_eq!(
        sb.eval("after").unwrap(),
        Value::List(vec!["notes.txt".into(), "out.txt".into(), "sub".into()])
    );
    assert_eq!(mount.bytes_written(), 7 + 5 + 2 + 1);
    // The quota counts every byte written; past it the write is refused and
    // nothing of it lands.
    let r = outcome(&sb, "with open('big.txt', 'w') as f:\n    f.write('y' * 90)");
    assert!(r.starts_with("OSError: [Errno 28]"), "{r}");
    assert_eq!(std::fs::read(host.data().join("big.txt")).unwrap().len(), 0);
    assert_eq!(mount.bytes_written(), 15);
    // A write far past the end counts the gap it leaves (a sparse file of
    // that size for one byte of quota otherwise).
    let r = outcome(&sb, "f = open('far.bin', 'wb')\nf.seek(10**12)\nf.write(b'z')");
    assert!(r.starts_with("OSError: [Errno 28]"), "{r}");
    assert!(std::fs::metadata(host.data().join("far.bin")).unwrap().len() < 100);
    // Offsets beyond i64 are an OverflowError, not an interpreter failure.
    let r = outcome(&sb, "f = open('notes.txt', 'rb')\nf.read(1)\nf.seek(-2**63, 1)");
    assert!(r.starts_with("OverflowError"), "{r}");
    // `os.walk` lists a link to a directory and does not enter it.
    std::os::unix::fs::symlink(".", host.data().join("self")).unwrap();
    assert_eq!(sb.eval("[d for d, _, _ in os.walk('/data')]").unwrap(),
        Value::List(vec!["/data".into(), "/data/sub".into()]));
    assert_eq!(sb.eval("os.path.exists('../x')").unwrap(), Value::Bool(false));
    assert!(outcome(&sb, "open('notes.txt/')").starts_with("NotADirectoryError"));
}

#[test]
fn revoking_a_mount_closes_its_files_in_every_sandbox() {
    let host = HostDir::new("revoke");
    let mount = Mount::new(host.data(), "/data", MountMode::ReadWrite).unwrap();
    let policy = policy_with(mount.clone());
    let a = sandbox_with(&policy);
    let b = sandbox_with(&policy);
    a.exec("f = open('notes.txt')\nfirst = f.readline()").unwrap();
    b.exec("g = open('log.txt', 'w')\ng.write('one')").unwrap();
    assert_eq!(mount.open_files(), 2);
    mount.revoke();
    assert!(mount.is_revoked());
    assert_eq!(mount.open_files(), 0);
    for (sb, src) in [(&a, "f.read()"), (&b, "g.write('two')"), (&a, "open('notes.txt')"), (&b, "import os\nos.listdir('.')")] {
        let r = outcome(sb, src);
        assert!(r.starts_with("PermissionError") && r.contains("revoked"), "{src}: {r}");
    }
    assert_eq!(a.eval("f.closed").unwrap(), Value::Bool(true));
    // The file was closed by the host: what was written stays, nothing more.
    assert_eq!(std::fs::read_to_string(host.data().join("log.txt")).unwrap(), "one");
}

#[test]
fn a_sandbox_that_ends_closes_the_files_it_opened() {
    let host = HostDir::new("teardown");
    let mount = Mount::new(host.data(), "/data", MountMode::ReadOnly).unwrap();
    let policy = policy_with(mount.clone());
    {
        let sb = sandbox_with(&policy);
        sb.exec("files = [open('notes.txt') for _ in range(20)]").unwrap();
        assert_eq!(mount.open_files(), 20);
        sb.exec("del files[:10]").unwrap();
        assert_eq!(mount.open_files(), 10);
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while mount.open_files() > 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(mount.open_files(), 0);
}

#[test]
fn reads_are_bounded_by_the_memory_budget_and_cost_fuel() {
    let host = HostDir::new("bounds");
    std::fs::write(host.data().join("big.bin"), vec![b'a'; 24 << 20]).unwrap();
    let mut policy = policy_with(Mount::new(host.data(), "/data", MountMode::ReadOnly).unwrap());
    policy.max_memory(Some(16 << 20)).unwrap();
    let sb = sandbox_with(&policy);
    let r = outcome(&sb, "open('big.bin', 'rb').read()");
    assert!(r.starts_with("MemoryError"), "{r}");
    let r = outcome(&sb, "open('big.bin').read()");
    assert!(r.starts_with("MemoryError"), "{r}");
    // A part of it reads, and the sandbox goes on.
    assert_eq!(sb.eval("len(open('big.bin', 'rb').read(1000))").unwrap(), Value::from(1000));
    // Fuel: reading 24 MiB in blocks costs about 100 000 units; a budget far
    // below that stops the guest, deterministically.
    let mut policy = policy_with(Mount::new(host.data(), "/data", MountMode::ReadOnly).unwrap());
    policy.fuel(Some(5_000));
    let sb = sandbox_with(&policy);
    let err = sb.exec("f = open('big.bin', 'rb')\nwhile f.read(1 << 16):\n    pass").unwrap_err();
    assert!(matches!(err, GuestError::FuelExhausted { .. }), "{err:?}");
}

#[test]
fn mounts_round_trip_through_policy_files_and_the_cli_form() {
    let host = HostDir::new("toml");
    let spec = format!("{}:/data:rw:2k", host.data().display());
    let mount = Mount::parse(&spec).unwrap();
    assert_eq!((mount.guest_path(), mount.mode(), mount.quota()), ("/data", MountMode::ReadWrite, Some(2048)));
    assert_eq!(mount.to_text(), format!("{}:/data:rw:2048", host.data().display()));
    let mut p = Policy::new();
    p.mount(mount).unwrap();
    let text = p.to_toml();
    assert_eq!(Policy::from_toml(&text).unwrap(), p);
    for bad in ["nodir", "x:/a:zz", "x:/a:rw:5q", "x::rw"] {
        assert!(Mount::parse(bad).is_err(), "{bad}");
    }
}
