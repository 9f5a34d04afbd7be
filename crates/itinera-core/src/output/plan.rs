//! Planning a command's outputs: which files, from which inputs, in which formats.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Destined, Outputs};
use crate::InvalidKind;
use crate::error::{Error, Result};

/// One file of an [`OutputPlan`]: which input it is made from, in which format, where.
#[derive(Debug, Clone)]
pub struct Planned<F> {
    /// Index of the input (trip file) it is made from.
    pub input: usize,
    /// Its destination in the plan's [`Outputs`].
    pub at: Destined,
    /// What to write.
    pub format: F,
    /// The path as given or made (`output/<stem>.<ext>`).
    pub path: PathBuf,
}

/// Which files a command writes, from which inputs, in which formats: every destination
/// checked (against the inputs and each other) before any work, written through [`Outputs`]
/// and committed together. `F` is the command's format type (map formats, export formats).
///
/// ```no_run
/// use std::path::{Path, PathBuf};
/// use itinera::output::{OutputPlan, Outputs};
///
/// # fn main() -> itinera::Result<()> {
/// let mut plan = OutputPlan::new(Outputs::new());
/// // Two trip files, no -o: output/<stem>.png and .svg for each.
/// let stems = ["kji-2001".to_string(), "kji-2011".to_string()];
/// plan.plan(&stems, &[], &[("png", 0), ("svg", 1)], Path::new("output"))?;
/// assert_eq!(plan.items().len(), 4);
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct OutputPlan<F> {
    outputs: Outputs,
    items: Vec<Planned<F>>,
}

impl<F: Copy> OutputPlan<F> {
    /// A plan writing through `outputs` (with the inputs already registered).
    pub fn new(outputs: Outputs) -> Self {
        OutputPlan {
            outputs,
            items: Vec::new(),
        }
    }

    /// Plans the outputs of inputs named `stems`: the `explicit` ones (`-o`, one input only), or
    /// else `dir/<stem>.<extension>` for each of `defaults`, creating `dir`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for explicit outputs with several inputs; a destination's error from
    /// [`Outputs::add`]; [`Error::Write`] when `dir` cannot be created.
    pub fn plan(
        &mut self,
        stems: &[String],
        explicit: &[(PathBuf, F)],
        defaults: &[(&str, F)],
        dir: &Path,
    ) -> Result<()> {
        if !explicit.is_empty() && stems.len() > 1 {
            let exts: Vec<&str> = defaults.iter().map(|d| d.0).collect();
            return Err(Error::invalid(
                InvalidKind::Output,
                "`--output` takes one input file, not several".to_string(),
                Some(format!(
                    "leave out -o to write {}/<name>.{} for each file",
                    dir.display(),
                    exts.join(" and .")
                )),
            ));
        }
        for (i, stem) in stems.iter().enumerate() {
            if explicit.is_empty() {
                for (ext, format) in defaults {
                    self.add_in(i, dir, &format!("{stem}.{ext}"), *format)?;
                }
            } else {
                for (path, format) in explicit {
                    self.add(i, path.clone(), *format)?;
                }
            }
        }
        Ok(())
    }

    /// Plans `dir/<name>` for input `input`, creating `dir`.
    ///
    /// # Errors
    /// As [`OutputPlan::plan`].
    pub fn add_in(&mut self, input: usize, dir: &Path, name: &str, format: F) -> Result<()> {
        fs::create_dir_all(dir).map_err(|e| Error::Write {
            path: dir.display().to_string(),
            source: e,
        })?;
        self.add(input, dir.join(name), format)
    }

    /// Plans one file.
    ///
    /// # Errors
    /// A destination's error from [`Outputs::add`].
    pub fn add(&mut self, input: usize, path: PathBuf, format: F) -> Result<()> {
        let at = self.outputs.add(&path)?;
        self.items.push(Planned {
            input,
            at,
            format,
            path,
        });
        Ok(())
    }

    /// The planned files, in order.
    pub fn items(&self) -> &[Planned<F>] {
        &self.items
    }

    /// The files planned for input `input`.
    pub fn of(&self, input: usize) -> Vec<Planned<F>> {
        self.items
            .iter()
            .filter(|p| p.input == input)
            .cloned()
            .collect()
    }

    /// Writes one planned file (see [`Outputs::write`]).
    ///
    /// # Errors
    /// As [`Outputs::write`].
    pub fn write<W>(&mut self, at: Destined, fill: W) -> Result<()>
    where
        W: FnOnce(&mut dyn Write) -> Result<()>,
    {
        self.outputs.write(at, fill)
    }

    /// Writes `bytes` as one planned file (see [`Outputs::write_bytes`]).
    ///
    /// # Errors
    /// As [`Outputs::write_bytes`].
    pub fn write_bytes(&mut self, at: Destined, bytes: &[u8]) -> Result<()> {
        self.outputs.write_bytes(at, bytes)
    }

    /// Renames every file into place (see [`Outputs::commit`]); returns the paths written.
    ///
    /// # Errors
    /// As [`Outputs::commit`].
    pub fn commit(self) -> Result<Vec<PathBuf>> {
        self.outputs.commit()?;
        Ok(self.items.into_iter().map(|p| p.path).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_per_input_explicit_for_one_input_only() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("maps");
        let stems = ["a".to_string(), "b".to_string()];
        let mut plan = OutputPlan::new(Outputs::new());
        plan.plan(&stems, &[], &[("png", 1), ("svg", 2)], &out)
            .unwrap();
        let names: Vec<(usize, String, i32)> = plan
            .items()
            .iter()
            .map(|p| {
                let name = p.path.file_name().unwrap().to_string_lossy().into_owned();
                (p.input, name, p.format)
            })
            .collect();
        assert_eq!(
            names,
            [
                (0, "a.png".to_string(), 1),
                (0, "a.svg".to_string(), 2),
                (1, "b.png".to_string(), 1),
                (1, "b.svg".to_string(), 2)
            ]
        );
        assert!(out.is_dir(), "the folder is made");
        assert_eq!(plan.of(1).len(), 2);
        // One -o for two inputs is refused; a file named twice too.
        let mut plan = OutputPlan::new(Outputs::new());
        let e = plan
            .plan(
                &stems,
                &[(dir.path().join("x.png"), 1)],
                &[("png", 1)],
                &out,
            )
            .unwrap_err();
        assert!(e.to_string().contains("one input file"), "{e}");
        let mut plan = OutputPlan::new(Outputs::new());
        let twice = [(dir.path().join("x.png"), 1), (dir.path().join("x.png"), 2)];
        assert!(plan.plan(&stems[..1], &twice, &[], &out).is_err());
    }
}
