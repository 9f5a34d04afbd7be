//! The `itinera` command: parses flags, calls the library, reports errors, picks the exit code.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
