//! Keeping one file's bug from stopping a run: a panic while checking, formatting, building
//! or rendering one file becomes a one-line internal error for that file, and the run goes
//! on with the others.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while a guarded closure runs on this thread: the panic hook then stays quiet
    /// (the panic is reported as a one-line internal error instead) and records where the
    /// panic happened.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `f`; if it panics, return the panic's message (and where it happened) instead.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default_hook = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                PANIC_LOCATION.with(|p| *p.borrow_mut() = location);
            } else {
                default_hook(info);
            }
        }));
    });
    // Restored rather than cleared: rayon may run another file's check on this thread
    // while this one waits.
    let was_catching = CATCHING.with(|c| c.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(was_catching));
    result.map_err(|payload| {
        let message = panic_message(payload.as_ref());
        match PANIC_LOCATION.with(|p| p.borrow_mut().take()) {
            Some(at) => format!("{message} (at {at})"),
            None => message,
        }
    })
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "Charter stopped unexpectedly".to_string()
    }
}

/// The one-line message for a panic `why` while `doing` (`checking`, `showing the findings
/// of`, …) the file shown as `shown`.
pub fn internal_error(doing: &str, shown: &str, why: &str) -> String {
    format!(
        "internal error while {doing} `{shown}`: {why}. This is a bug in Charter, not in \
         your file; please report it (with the file, if you can share it)"
    )
}

/// Render one file's findings with `render`; a panic in it becomes that file's internal
/// error line (the `Err`), so that the other files are still shown.
pub fn render_safely(shown: &str, render: impl FnOnce() -> String) -> Result<String, String> {
    catch_panic(render).map_err(|why| internal_error("showing the findings of", shown, &why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_message() {
        let caught = catch_panic(|| -> u32 { panic!("something broke") });
        let message = caught.err().unwrap_or_default();
        assert!(message.starts_with("something broke (at "), "{message}");
        assert_eq!(catch_panic(|| 7), Ok(7));
    }

    #[test]
    fn a_renderer_that_panics_gives_the_files_internal_error() {
        let rendered = render_safely("deals/a.charter", || panic!("column out of range"));
        let message = rendered.err().unwrap_or_default();
        assert!(
            message.starts_with(
                "internal error while showing the findings of `deals/a.charter`: column out of range (at "
            ),
            "{message}"
        );
        assert!(message.ends_with("if you can share it)"), "{message}");
        assert_eq!(
            render_safely("a", || "report".to_string()),
            Ok("report".to_string())
        );
    }
}
