//! The exit status of a run, as Ruff, ESLint and ShellCheck use it (SPEC §4).

use std::process::ExitCode;

/// How a run ended. The worst outcome wins: a failed run is a failure even when other
/// files had findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitStatus {
    /// 0: nothing to fix (warnings and infos alone do not fail a run).
    Success,
    /// 1: at least one error was found.
    Findings,
    /// 2: the run itself failed: bad arguments, a path that cannot be read, an internal
    /// error.
    Failure,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Failure => 2,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(status.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_order() {
        assert_eq!(ExitStatus::Success.code(), 0);
        assert_eq!(ExitStatus::Findings.code(), 1);
        assert_eq!(ExitStatus::Failure.code(), 2);
        assert_eq!(
            ExitStatus::Findings.max(ExitStatus::Failure),
            ExitStatus::Failure
        );
        assert_eq!(
            ExitStatus::Success.max(ExitStatus::Findings),
            ExitStatus::Findings
        );
    }
}
