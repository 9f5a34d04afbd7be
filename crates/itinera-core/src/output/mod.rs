//! Writing outputs without ever losing data: every destination of a command is checked before
//! any work (it must not be an input, nor another destination, nor a directory), regular files
//! are written to temporary files in their directory and renamed over their targets only when
//! all of them are complete, and character devices and FIFOs (`/dev/null`, a named pipe) are
//! written through, never replaced. A symbolic link is followed: its target file is replaced,
//! the link stays. `-` means standard output.
//!
//! Temporary files are named `.itinera-<pid>-<random>.tmp`. [`abandon`] deletes the
//! process's own (the binary calls it on SIGINT, SIGTERM and SIGHUP); a later run removes those
//! of processes that no longer exist (after a SIGKILL).

use std::fs::{self, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use crate::InvalidKind;
use crate::error::{Error, Result};

mod plan;
pub use plan::{OutputPlan, Planned};

/// Temporary files of this process not yet renamed or removed. The lock is also the one that
/// creating a temporary file, renaming a set of them into place and [`abandon`] hold, so that a
/// signal never falls between two renames or between creating a file and listing it.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// The number of the signal that asked this process to stop, 0 while none has.
static STOP: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

fn temporaries() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The flag a signal handler sets to the signal's number (with `signal_hook::flag::register_usize`,
/// which stores it inside the handler itself): once it is set, [`Outputs::commit`] renames
/// nothing and returns [`Error::Interrupted`].
pub fn stop_flag() -> Arc<AtomicUsize> {
    Arc::clone(STOP.get_or_init(Arc::default))
}

/// The signal that asked this process to stop, if one has.
pub fn stopped() -> Option<i32> {
    let n = STOP.get()?.load(Ordering::SeqCst);
    (n != 0).then(|| i32::try_from(n).unwrap_or(i32::MAX))
}

/// Removes the temporary files this process has not yet renamed into place, then runs `exit`
/// without letting go of the lock: no rename starts and no temporary file is created after it
/// (a set being renamed is finished first, so the targets are all old or all new).
pub fn abandon(exit: impl FnOnce() -> std::convert::Infallible) -> ! {
    let mut list = temporaries();
    for p in list.drain(..) {
        let _ = fs::remove_file(p);
    }
    match exit() {}
}

/// Writes `path` atomically with `fill`, or standard output when `path` is `-`: a plan of one
/// destination (see [`Outputs`]).
///
/// # Errors
/// [`Error::Write`] when the directory does not exist or is not writable, or writing fails;
/// whatever `fill` returns. The target is then untouched.
pub fn write_atomic<F>(path: &Path, fill: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let mut outputs = Outputs::new();
    let at = outputs.add(path)?;
    outputs.write(at, fill)?;
    outputs.commit()
}

/// Identity of an existing file: device and inode where the platform has them.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

fn identity(path: &Path) -> Option<Identity> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(Identity::Inode(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        path.canonicalize().ok().map(Identity::Path)
    }
}

/// Where one destination's bytes go.
#[derive(Debug)]
enum Sink {
    /// Standard output.
    Stdout,
    /// A character device or a FIFO, written through.
    Stream(PathBuf),
    /// A regular file (or a new one): a temporary file, renamed over `real` on commit.
    File {
        real: PathBuf,
        temp: Option<tempfile::NamedTempFile>,
    },
}

#[derive(Debug)]
struct Destination {
    /// As the user wrote it, for messages.
    shown: String,
    /// The file it resolves to (links followed), for clash checks.
    real: Option<PathBuf>,
    identity: Option<Identity>,
    sink: Sink,
}

/// The destinations of one command, written all-or-nothing.
///
/// ```no_run
/// use itinera::output::Outputs;
/// use std::path::Path;
///
/// let put = |w: &mut dyn std::io::Write, bytes: &[u8]| {
///     w.write_all(bytes)
///         .map_err(|source| itinera::Error::Write { path: "map".into(), source })
/// };
/// let mut out = Outputs::new();
/// out.input(Path::new("trip.toml"));
/// let png = out.add(Path::new("map.png"))?; // checked now: not an input, directory exists
/// let svg = out.add(Path::new("map.svg"))?;
/// out.write(png, |w| put(w, b"..."))?;
/// out.write(svg, |w| put(w, b"..."))?;
/// out.commit()?; // both renamed into place; neither if anything failed before
/// # Ok::<(), itinera::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Outputs {
    inputs: Vec<(String, Identity)>,
    destinations: Vec<Destination>,
}

/// A destination added to [`Outputs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Destined(usize);

fn bad(shown: &str, kind: io::ErrorKind, what: String) -> Error {
    Error::Write {
        path: shown.to_string(),
        source: io::Error::new(kind, what),
    }
}

/// Follows symbolic links at `path` to the file they name (which may not exist yet).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = fs::read_link(&p)?;
                p = if target.is_absolute() {
                    target
                } else {
                    p.parent().unwrap_or(Path::new(".")).join(target)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

impl Outputs {
    /// No destinations yet.
    pub fn new() -> Self {
        Outputs::default()
    }

    /// Records an input of the command: no destination may be this file. `-` and paths that
    /// do not exist are ignored.
    pub fn input(&mut self, path: &Path) {
        if path.as_os_str() == "-" {
            return;
        }
        if let Some(id) = identity(path) {
            self.inputs.push((path.display().to_string(), id));
        }
    }

    /// Adds a destination and checks it at once: its directory exists and is writable (the
    /// temporary file is created now), it is not a directory, not an input, not another
    /// destination, and, if it exists, a regular file, a character device or a FIFO.
    ///
    /// # Errors
    /// [`Error::Invalid`] for a clash with an input or another destination; [`Error::Write`]
    /// for a destination that cannot be written.
    pub fn add(&mut self, path: &Path) -> Result<Destined> {
        let shown = path.display().to_string();
        if shown == "-" {
            if self
                .destinations
                .iter()
                .any(|d| matches!(d.sink, Sink::Stdout))
            {
                return Err(Error::invalid(
                    InvalidKind::Output,
                    "standard output (`-`) is named as two outputs".to_string(),
                    Some("write at most one output to `-`".into()),
                ));
            }
            return Ok(self.push(shown, None, None, Sink::Stdout));
        }
        let werr = |source: io::Error| Error::Write {
            path: shown.clone(),
            source,
        };
        // A device or a FIFO, however reached (`/dev/stdout` is a link into /proc).
        if fs::metadata(path).is_ok_and(|m| is_stream(&m)) {
            if let Some(other) = self.destinations.iter().find(|d| d.shown == shown) {
                return Err(Error::invalid(
                    InvalidKind::Output,
                    format!("`{shown}` is named as two outputs (also `{}`)", other.shown),
                    Some("give each output its own name".into()),
                ));
            }
            return Ok(self.push(shown, None, None, Sink::Stream(path.to_path_buf())));
        }
        // `out/` names a folder even where none exists yet: never a file called `out`.
        if shown.ends_with(std::path::is_separator) {
            return Err(bad(
                &shown,
                io::ErrorKind::InvalidInput,
                "names a folder, not a file".to_string(),
            ));
        }
        let linked = follow_links(path).map_err(werr)?;
        let file_name = linked.file_name().map(ToOwned::to_owned).ok_or_else(|| {
            bad(
                &shown,
                io::ErrorKind::InvalidInput,
                "names no file".to_string(),
            )
        })?;
        let dir = match linked.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            let (kind, what) = if dir.exists() {
                (io::ErrorKind::NotADirectory, "is not a directory")
            } else {
                (io::ErrorKind::NotFound, "does not exist")
            };
            return Err(bad(
                &shown,
                kind,
                format!("directory `{}` {what}", dir.display()),
            ));
        }
        let real = dir.canonicalize().map_err(werr)?.join(&file_name);
        let id = identity(&real);
        if let Some((input, _)) = self.inputs.iter().find(|(_, i)| Some(i) == id.as_ref()) {
            return Err(Error::invalid(
                InvalidKind::Output,
                format!("output `{shown}` is the input file `{input}`"),
                Some("choose another output name; inputs are never overwritten".into()),
            ));
        }
        if let Some(other) = self
            .destinations
            .iter()
            .find(|d| d.real.as_ref() == Some(&real) || (id.is_some() && d.identity == id))
        {
            return Err(Error::invalid(
                InvalidKind::Output,
                format!("`{shown}` and `{}` are the same output file", other.shown),
                Some("give each output its own name".into()),
            ));
        }
        let sink = match fs::metadata(&real) {
            Ok(m) if m.is_dir() => {
                return Err(bad(
                    &shown,
                    io::ErrorKind::IsADirectory,
                    "is a directory".to_string(),
                ));
            }
            Ok(m) if m.is_file() => self.temporary(&shown, &dir, real.clone())?,
            Ok(_) => {
                return Err(bad(
                    &shown,
                    io::ErrorKind::InvalidInput,
                    "is neither a regular file, a character device nor a FIFO".to_string(),
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.temporary(&shown, &dir, real.clone())?
            }
            Err(e) => return Err(werr(e)),
        };
        Ok(self.push(shown, Some(real), id, sink))
    }

    fn push(
        &mut self,
        shown: String,
        real: Option<PathBuf>,
        identity: Option<Identity>,
        sink: Sink,
    ) -> Destined {
        self.destinations.push(Destination {
            shown,
            real,
            identity,
            sink,
        });
        Destined(self.destinations.len() - 1)
    }

    fn temporary(&self, shown: &str, dir: &Path, real: PathBuf) -> Result<Sink> {
        remove_orphans(dir);
        // Created and listed under the lock: a signal sees it listed or not yet created.
        let mut list = temporaries();
        let temp = tempfile::Builder::new()
            .prefix(&format!(".itinera-{}-", std::process::id()))
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|source| Error::Write {
                path: shown.to_string(),
                source,
            })?;
        list.push(temp.path().to_path_buf());
        drop(list);
        Ok(Sink::File {
            real,
            temp: Some(temp),
        })
    }

    /// Writes `bytes` as one destination's content (see [`Outputs::write`]).
    ///
    /// # Errors
    /// [`Error::Write`] when writing fails.
    pub fn write_bytes(&mut self, at: Destined, bytes: &[u8]) -> Result<()> {
        // The path is the destination's: `write` names a failure by it.
        self.write(at, |w| {
            w.write_all(bytes).map_err(|source| Error::Write {
                path: String::new(),
                source,
            })
        })
    }

    /// Writes one destination's content with `fill`: into its temporary file, or through to
    /// standard output, the device or the FIFO.
    ///
    /// # Errors
    /// Whatever `fill` returns; [`Error::Write`] when writing fails.
    pub fn write<F>(&mut self, at: Destined, fill: F) -> Result<()>
    where
        F: FnOnce(&mut dyn Write) -> Result<()>,
    {
        let d = self.destinations.get_mut(at.0).ok_or_else(|| {
            Error::invalid(InvalidKind::Output, "no such output".to_string(), None)
        })?;
        let shown = d.shown.clone();
        let werr = |source: io::Error| Error::Write {
            path: shown.clone(),
            source,
        };
        // A writer knows its format, not the file ("cannot write `CSV`"): a failure to write is
        // this destination's, named by its path.
        let named = |e: Error| match e {
            Error::Write { source, .. } => werr(source),
            e => e,
        };
        match &mut d.sink {
            Sink::Stdout => {
                let stdout = io::stdout();
                let mut w = BufWriter::new(stdout.lock());
                fill(&mut w).map_err(named)?;
                w.flush().map_err(werr)
            }
            Sink::Stream(p) => {
                let f = OpenOptions::new().write(true).open(&*p).map_err(werr)?;
                let mut w = BufWriter::new(f);
                fill(&mut w).map_err(named)?;
                w.flush().map_err(werr)
            }
            Sink::File { temp, .. } => {
                let t = temp.as_mut().ok_or_else(|| {
                    bad(
                        &shown,
                        io::ErrorKind::InvalidInput,
                        "written twice".to_string(),
                    )
                })?;
                let mut w = BufWriter::new(t.as_file_mut());
                fill(&mut w).map_err(named)?;
                w.flush().map_err(werr)
            }
        }
    }

    /// Renames every temporary file over its target. Dropping `Outputs` without committing
    /// removes them and leaves every target as it was.
    ///
    /// # Errors
    /// [`Error::Write`] when a file cannot be synced or renamed.
    pub fn commit(mut self) -> Result<()> {
        // Synced first, outside the lock: the renames that follow are quick.
        for d in &mut self.destinations {
            let Sink::File {
                real,
                temp: Some(t),
            } = &mut d.sink
            else {
                continue;
            };
            let werr = |source: io::Error| Error::Write {
                path: d.shown.clone(),
                source,
            };
            // A temporary file is private (0600); the output gets the target's permissions,
            // or the usual 0644 for a new file.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = fs::metadata(&*real).map_or(0o644, |m| m.permissions().mode() & 0o7777);
                t.as_file()
                    .set_permissions(fs::Permissions::from_mode(mode))
                    .map_err(werr)?;
            }
            t.as_file().sync_all().map_err(werr)?;
        }
        // All renamed or none: a signal handled now waits for the lock, and one handled before
        // has set the stop flag.
        let mut list = temporaries();
        if let Some(signal) = stopped() {
            return Err(Error::Interrupted { signal });
        }
        for d in &mut self.destinations {
            let Sink::File { real, temp } = &mut d.sink else {
                continue;
            };
            let Some(t) = temp.take() else { continue };
            let temp_path = t.path().to_path_buf();
            t.persist(&*real).map_err(|e| Error::Write {
                path: d.shown.clone(),
                source: e.error,
            })?;
            list.retain(|p| *p != temp_path);
        }
        Ok(())
    }
}

impl Drop for Outputs {
    /// Removes the temporary files not renamed, under the lock: a signal handled meanwhile
    /// finds each one either listed or gone.
    fn drop(&mut self) {
        let mut list = temporaries();
        for d in &mut self.destinations {
            if let Sink::File { temp, .. } = &mut d.sink
                && let Some(t) = temp.take()
            {
                let path = t.path().to_path_buf();
                let _ = t.close();
                list.retain(|p| *p != path);
            }
        }
    }
}

#[cfg(unix)]
fn is_stream(m: &fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    m.file_type().is_char_device() || m.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_stream(_: &fs::Metadata) -> bool {
    false
}

/// Removes `.itinera-<pid>-*.tmp` files in `dir` left by processes that no longer exist (killed
/// before they could clean up) and owned by this user. Only where `/proc` tells which
/// processes exist.
fn remove_orphans(dir: &Path) {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        if !Path::new("/proc/self").exists() {
            return;
        }
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        let me = fs::metadata("/proc/self").map(|m| m.uid()).ok();
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(pid) = orphan_pid(&name.to_string_lossy()) else {
                continue;
            };
            let owned = e.metadata().ok().map(|m| m.uid()) == me;
            if owned && pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
                let _ = fs::remove_file(e.path());
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = dir;
}

/// The process id in a temporary file's name `.itinera-<pid>-<random>.tmp`.
fn orphan_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(".itinera-")?.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('-')?;
    (!random.is_empty() && !random.contains('-'))
        .then(|| pid.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(w: &mut dyn Write, s: &str) -> Result<()> {
        w.write_all(s.as_bytes()).map_err(|e| Error::Write {
            path: "t".into(),
            source: e,
        })
    }

    #[test]
    fn writes_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, |w| put(w, "hello")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "hello");
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "old").unwrap();
        let r = write_atomic(&p, |w| {
            put(w, "partial")?;
            Err(Error::invalid(InvalidKind::Output, "boom", None))
        });
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_world_readable_and_old_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, |_| Ok(())).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o644
        );
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, |_| Ok(())).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_missing_directory_is_bad_input() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_atomic(&dir.path().join("nope/a.txt"), |_| Ok(())).unwrap_err();
        assert!(e.is_bad_input(), "{e}");
    }

    #[test]
    fn nothing_is_replaced_until_every_output_is_complete() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        fs::write(&a, "old a").unwrap();
        let mut out = Outputs::new();
        let da = out.add(&a).unwrap();
        let db = out.add(&b).unwrap();
        out.write(da, |w| put(w, "new a")).unwrap();
        assert!(
            out.write(db, |_| Err(Error::invalid(
                InvalidKind::Output,
                "boom",
                None
            )))
            .is_err()
        );
        drop(out);
        assert_eq!(fs::read_to_string(&a).unwrap(), "old a");
        assert!(!b.exists());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporaries left"
        );
    }

    #[test]
    fn an_output_may_be_neither_an_input_nor_another_output() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in.txt");
        fs::write(&input, "keep").unwrap();
        let mut out = Outputs::new();
        out.input(&input);
        // The same file by another spelling is still the input.
        let other_spelling = dir.path().join(".").join("in.txt");
        let e = out.add(&other_spelling).unwrap_err();
        assert!(e.is_bad_input() && e.to_string().contains("input"), "{e}");
        let s = dir.path().join("s");
        out.add(&s).unwrap();
        let e = out.add(&dir.path().join("./s")).unwrap_err();
        assert!(
            e.is_bad_input() && e.to_string().contains("same output"),
            "{e}"
        );
        let e = {
            let mut o = Outputs::new();
            o.add(Path::new("-")).unwrap();
            o.add(Path::new("-")).unwrap_err()
        };
        assert!(e.is_bad_input(), "{e}");
        assert_eq!(fs::read_to_string(&input).unwrap(), "keep");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_atomic(&link, |w| put(w, "new")).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // A link to an input is the input.
        let mut out = Outputs::new();
        out.input(&real);
        assert!(out.add(&link).unwrap_err().is_bad_input());
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_through_not_replaced() {
        write_atomic(Path::new("/dev/null"), |w| put(w, "gone")).unwrap();
        let m = fs::metadata("/dev/null").unwrap();
        assert!(is_stream(&m));
        #[cfg(target_os = "linux")]
        if Path::new("/dev/full").exists() {
            let e =
                write_atomic(Path::new("/dev/full"), |w| put(w, &"x".repeat(100_000))).unwrap_err();
            assert!(!e.is_bad_input(), "a full device is a runtime failure: {e}");
        }
    }

    #[test]
    fn temporaries_of_dead_processes_are_recognised() {
        assert_eq!(orphan_pid(".itinera-4242-AbC123.tmp"), Some(4242));
        assert_eq!(orphan_pid(".itinera-AbC123.tmp"), None);
        assert_eq!(orphan_pid("itinera-4242-AbC123.tmp"), None);
        assert_eq!(orphan_pid(".itinera-4242-AbC123.txt"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_later_run_removes_a_killed_runs_temporary() {
        let dir = tempfile::tempdir().unwrap();
        // Process ids stop below 2^22 on Linux: this one cannot be alive.
        let stale = dir.path().join(".itinera-4999999-zzzzzz.tmp");
        let mine = dir
            .path()
            .join(format!(".itinera-{}-keep.tmp", std::process::id()));
        fs::write(&stale, "").unwrap();
        fs::write(&mine, "").unwrap();
        write_atomic(&dir.path().join("a.txt"), |w| put(w, "a")).unwrap();
        assert!(!stale.exists());
        assert!(mine.exists(), "a live process's temporary stays");
    }
}
