//! The Python package, from `cargo test`: builds the wheel of `crates/itinera-py` with maturin
//! (dev profile, in this workspace's target folder, so it reuses what `cargo test` compiled),
//! installs it into the Python environment `target/pyenv` (made by `.ci/run`, or by hand as
//! the README says), and runs its pytest suite (`crates/itinera-py/tests`), Spark test
//! included, against this build's `itinera` binary. Without that environment the test says
//! how to make it and passes, but under CI (`CI` set) it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

fn python() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = std::env::var_os("ITINERA_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/pyenv/bin/python"));
    let ready = Command::new(&python)
        .args(["-c", "import maturin, pytest"])
        .status()
        .is_ok_and(|s| s.success());
    if ready {
        return Some(python);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "no Python environment with maturin and pytest at {}: .ci/run must make it",
        python.display()
    );
    eprintln!(
        "skipped: make the environment with `python3 -m venv target/pyenv && \
         target/pyenv/bin/pip install maturin pytest pyarrow pandas pyspark polars duckdb`"
    );
    None
}

#[test]
#[allow(clippy::expect_used)]
fn python_package() {
    let Some(python) = python() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let wheels = tempfile::tempdir().expect("a temporary folder");
    let built = Command::new(&python)
        .args([
            "-m",
            "maturin",
            "build",
            "--profile",
            "dev",
            "--quiet",
            "-m",
        ])
        .arg(root.join("crates/itinera-py/Cargo.toml"))
        .arg("--out")
        .arg(wheels.path())
        .current_dir(root)
        .status()
        .expect("run maturin");
    assert!(built.success(), "maturin build failed");
    let wheel = std::fs::read_dir(wheels.path())
        .expect("the wheel folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .expect("a wheel");
    let installed = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--force-reinstall",
            "--no-deps",
            "--no-index",
        ])
        .arg(&wheel)
        .status()
        .expect("run pip");
    assert!(
        installed.success(),
        "pip install of {} failed",
        wheel.display()
    );
    let tested = Command::new(&python)
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(root.join("crates/itinera-py/tests"))
        .env("ITINERA_BIN", env!("CARGO_BIN_EXE_itinera"))
        .env("ITINERA_WHEEL", &wheel)
        .current_dir(root)
        .status()
        .expect("run pytest");
    assert!(tested.success(), "pytest failed (its report is above)");
}
