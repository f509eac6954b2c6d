//! Lowering the document's own status: which parts of it bind.

use super::*;

impl Lowerer {
    /// `binding: none`, `binding: all`, or a list of the parts that bind. `none` and `all`
    /// stand alone: in a list with other parts they contradict it.
    pub(super) fn binding(&mut self, f: &mut Fields<'_>) -> Option<Binding> {
        let (Typed::Words(words), span) = f.take("binding")? else {
            return None;
        };
        let alone = words.iter().find(|w| w.value == "none" || w.value == "all");
        match (alone, words.len()) {
            (Some(w), 1) if w.value == "none" => Some(Binding::Nothing(w.span)),
            (Some(w), 1) => Some(Binding::All(w.span)),
            (Some(w), _) => {
                self.push(
                    Diagnostic::error(
                        TYPE_MISMATCH,
                        w.span,
                        format!(
                            "`{}` cannot be listed with other parts: the list says which parts are binding",
                            w.value
                        ),
                    )
                    .with_help(format!(
                        "write `binding: {}` alone, or list only the parts that bind, such as `[confidentiality, exclusivity]`",
                        w.value
                    )),
                );
                self.unreadable.push(("binding", span));
                None
            }
            (None, 0) => None,
            (None, _) => Some(Binding::Parts(words)),
        }
    }
}
