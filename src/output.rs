//! Writing outputs without ever leaving a partial file: a temporary file in the target's
//! directory, renamed over the target only once it is complete. `-` means standard output.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `path` atomically with `fill`, or standard output when `path` is `-`.
///
/// The temporary file lives in the target's directory (so the rename cannot cross file
/// systems) and is removed if `fill` fails or the process dies before the rename.
///
/// # Errors
/// [`Error::Write`] when the directory does not exist or is not writable, or writing fails;
/// whatever `fill` returns. The target is then untouched.
pub fn write_atomic<F>(path: &Path, fill: F) -> Result<()>
where
    F: FnOnce(&mut dyn Write) -> Result<()>,
{
    let shown = path.display().to_string();
    let werr = |source: io::Error| Error::Write {
        path: shown.clone(),
        source,
    };
    if shown == "-" {
        let stdout = io::stdout();
        let mut w = BufWriter::new(stdout.lock());
        fill(&mut w)?;
        return w.flush().map_err(werr);
    }
    if path.is_dir() {
        return Err(werr(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        )));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(werr(io::Error::new(
            io::ErrorKind::NotFound,
            format!("directory `{}` does not exist", dir.display()),
        )));
    }
    let tmp = tempfile::Builder::new()
        .prefix(".itinera-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(werr)?;
    let mut w = BufWriter::new(tmp);
    fill(&mut w)?;
    let tmp = w.into_inner().map_err(|e| werr(e.into_error()))?;
    // A temporary file is private (0600); the output gets the target's permissions, or the
    // usual 0644 for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(werr)?;
    }
    tmp.as_file().sync_all().map_err(werr)?;
    tmp.persist(path).map_err(|e| werr(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, |w| {
            w.write_all(b"hello").map_err(|e| Error::Write {
                path: "a".into(),
                source: e,
            })
        })
        .unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "hello");
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "old").unwrap();
        let r = write_atomic(&p, |w| {
            w.write_all(b"partial").unwrap();
            Err(Error::invalid("boom", None))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_world_readable_and_old_ones_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        write_atomic(&p, |_| Ok(())).unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o644
        );
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, |_| Ok(())).unwrap();
        assert_eq!(
            std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn a_missing_directory_is_bad_input() {
        let dir = tempfile::tempdir().unwrap();
        let e = write_atomic(&dir.path().join("nope/a.txt"), |_| Ok(())).unwrap_err();
        assert!(e.is_bad_input(), "{e}");
    }
}
