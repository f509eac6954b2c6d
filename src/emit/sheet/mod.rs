//! The term sheet, built once as a [`Document`] from the agreement and its findings: what a
//! legal team circulates, whatever the format it is laid out in.
//!
//! Layout: the title; the legend in capitals; a status line (the stage the document is at —
//! DRAFT with what is open, For signature, or Signed — with its version and date); what binds;
//! then numbered sections (1, 2, …) with numbered clauses (1.1, 1.2): parties, key terms,
//! purpose and scope, the equity stakes or the joint venture, for those models, Governance,
//! Contributions, Economics, Metrics and milestones, Risk, IP and compliance, Covenants,
//! Dispute resolution, Exit, the free clauses, and a signature block for each party; then,
//! unnumbered, the terms not stated and, for a draft, the open issues, each pointing to the
//! section or clause it concerns. Every block's `note` follows what it belongs to.
//!
//! The sentences are written as inline Markdown (every piece of user text through
//! [`escape`], Charter's lead-ins in bold, hard breaks before sub-clauses) and read into the
//! document's runs as each block is added: the escaping guarantees that user text stays
//! text, so that no writer ever sees markup it did not come from Charter. Prose
//! (`runs::prose`), table cells that are user text as written (`Cell::User`) and the
//! signature blocks (`runs::Sentence`) go into runs straight from the text, as plain text
//! from the start; property tests hold each to the Markdown reading.
//!
//! This file holds the sheet itself (its tables and sentences), the title, parties and
//! key terms, the free clauses and the open issues; each area of the agreement is written
//! by a file of its own (`parties.rs` for equity and the joint venture, `governance.rs`,
//! `contributions.rs`, `economics.rs` for economics and risk, `metrics.rs`, `ip.rs`,
//! `covenants.rs`, `disputes.rs`, `exit.rs`; `frame.rs` for the title block, signatures and
//! open issues; `terms.rs` for the key terms and purpose).

use crate::emit::analysis::Analysis;
use crate::emit::document::{Block, Document, Inline, Level};
use crate::emit::escape;
use crate::emit::format::{self, and_list, capitalize, Names};
use crate::emit::Status;
use crate::model::*;
use crate::span::Spanned;
use rust_decimal::Decimal;

/// The term sheet of an agreement, as a document for the writers to lay out.
pub fn document<'a>(agreement: &'a Agreement, status: &Status) -> Document<'a> {
    let names = Names::new(agreement);
    let party_names = (0..agreement.parties.len())
        .map(|i| e(&names.party(i)))
        .collect();
    let mut sheet = Sheet {
        a: agreement,
        names,
        party_names,
        facts: Analysis::of(agreement),
        blocks: Vec::new(),
        sections: Vec::new(),
        numbered: (0, 0),
    };
    sheet.title(status);
    sheet.parties();
    sheet.related_documents();
    sheet.key_terms();
    sheet.purpose();
    sheet.equity();
    sheet.entity();
    sheet.governance();
    sheet.contributions();
    sheet.economics();
    sheet.metrics();
    sheet.risk();
    sheet.ip_and_compliance();
    sheet.covenants();
    sheet.disputes();
    sheet.exit();
    sheet.clauses();
    sheet.signatures();
    sheet.withheld_terms();
    sheet.open_issues(status);
    let title = agreement.title.value.trim();
    Document {
        title: if title.is_empty() {
            "Untitled agreement".to_string()
        } else {
            escape::plain(title)
        },
        legend: agreement
            .legend
            .iter()
            .map(|l| escape::plain(&l.value.trim().to_uppercase()))
            .filter(|l| !l.is_empty())
            .collect(),
        version: agreement
            .version
            .as_ref()
            .map(|v| escape::plain(v.value.trim()))
            .filter(|v| !v.is_empty()),
        dated: agreement.dated.as_ref().map(|d| d.value.to_string()),
        draft: status.stage() == DocumentStatus::Draft,
        blocks: sheet.blocks,
    }
}

/// What a table cell shows for an item the source does not state.
const NONE: &str = "—";

/// A line to write on, in a signature block.
const LINE: &str = "……………………………………";

mod contributions;
mod covenants;
mod disputes;
mod documents;
mod economics;
mod exit;
mod frame;
mod governance;
mod ip;
mod metrics;
mod parties;
mod risk;
mod runs;
mod terms;

use runs::{cell_inline, inline, inline_owned, Sentence};

use exit::termination_ground;

struct Sheet<'a> {
    a: &'a Agreement,
    names: Names<'a>,
    /// Each party's name as the sheet calls it, escaped: named once, used in every list.
    party_names: Vec<String>,
    facts: Analysis,
    /// The blocks so far.
    blocks: Vec<Block<'a>>,
    /// The numbered sections and clauses so far, with the parts of the source each renders:
    /// the open issues point to them.
    sections: Vec<Numbered>,
    /// How many sections there are so far, and how many clauses in the last one.
    numbered: (usize, usize),
}

/// A numbered section ("4") or clause ("4.1") of the term sheet.
struct Numbered {
    number: String,
    /// Its heading, as Markdown.
    title: String,
    /// The spans of the source it renders.
    covers: Vec<crate::span::Span>,
}

/// A table: the header's cells and the rows.
struct Table<'a> {
    header: Vec<&'static str>,
    rows: Vec<Vec<Cell<'a>>>,
}

/// A table cell: Markdown of the sheet's own (user text in it escaped), or user text that
/// is the whole cell, which goes into runs straight from the text ([`runs::text_cell`]).
enum Cell<'a> {
    Markdown(String),
    User(&'a str),
}

impl std::convert::From<String> for Cell<'_> {
    fn from(markdown: String) -> Self {
        Cell::Markdown(markdown)
    }
}

/// A table row: each cell [`Cell::User`] or Markdown (a `String`).
macro_rules! cells {
    ($($cell:expr),* $(,)?) => {
        vec![$(<Cell as std::convert::From<_>>::from($cell)),*]
    };
}
use cells;

impl<'a> Table<'a> {
    fn new(header: &[&'static str]) -> Table<'a> {
        Table {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<Cell<'a>>) {
        self.rows.push(cells);
    }

    fn into_block(self) -> Block<'a> {
        let width = self.header.len();
        let rows = self
            .rows
            .into_iter()
            .map(|row| {
                // Every row has exactly the header's cells; an empty one shows a dash.
                row.into_iter()
                    .chain(std::iter::repeat_with(|| Cell::Markdown(String::new())))
                    .take(width)
                    .map(|cell| match cell {
                        Cell::Markdown(c) if c.is_empty() => Inline::text(NONE),
                        Cell::Markdown(c) => cell_inline(c),
                        Cell::User(text) => {
                            runs::text_cell(text).unwrap_or_else(|| Inline::text(NONE))
                        }
                    })
                    .collect()
            })
            .collect();
        Block::Table {
            header: self.header.iter().map(|h| (*h).to_string()).collect(),
            rows,
        }
    }
}

/// Escaped user text on one line.
fn e(text: &str) -> String {
    escape::inline(text)
}

/// Escaped user text for a table cell.
fn c(text: &str) -> String {
    escape::cell(text)
}

/// A cell of user text, or none (a dash).
fn opt_cell(text: &Option<Text>) -> Cell<'_> {
    text.as_ref()
        .map_or_else(|| Cell::Markdown(String::new()), |t| Cell::User(&t.value))
}

fn yes_no(b: &Option<Spanned<bool>>) -> String {
    match b.as_ref().map(|b| b.value) {
        Some(true) => "Yes".into(),
        Some(false) => "No".into(),
        None => String::new(),
    }
}

/// `one` … `ten`, then digits.
fn count(n: Decimal) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    n.to_string()
        .parse::<usize>()
        .ok()
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| format::number(n), |w| (*w).to_string())
}

fn plural(n: Decimal, one: &str, many: &str) -> String {
    if n == Decimal::ONE {
        format!("{} {one}", format::number(n))
    } else {
        format!("{} {many}", format::number(n))
    }
}

fn cadence_cell(c: Cadence) -> String {
    capitalize(format::cadence(c))
}

/// Ends a sentence with a full stop unless it already ends with punctuation.
fn sentence(text: String) -> String {
    if text.ends_with(['.', '!', '?', ':']) || text.ends_with("\\.") {
        text
    } else {
        format!("{text}.")
    }
}

impl<'a> Sheet<'a> {
    /// A paragraph, written as the sheet's own inline Markdown (user text escaped).
    fn push(&mut self, paragraph: impl Into<String>) {
        let paragraph = paragraph.into();
        if !paragraph.trim().is_empty() {
            self.blocks.push(Block::Paragraph {
                text: inline_owned(paragraph),
            });
        }
    }

    /// A numbered heading: a section ("## 4. Governance") at level 2, a clause of it ("### 4.1
    /// Alliance Steering Committee") at level 3; the title at level 1 has no number.
    fn heading(&mut self, level: usize, text: &str) {
        let (sections, clauses) = &mut self.numbered;
        let number = match level {
            2 => {
                *sections += 1;
                *clauses = 0;
                Some(sections.to_string())
            }
            3 => {
                *clauses += 1;
                Some(format!("{}.{clauses}", (*sections).max(1)))
            }
            _ => None,
        };
        match number {
            Some(number) => {
                self.blocks.push(Block::Heading {
                    level: if level == 2 {
                        Level::Section
                    } else {
                        Level::Clause
                    },
                    number: Some(number.clone()),
                    text: inline(text),
                });
                self.sections.push(Numbered {
                    number,
                    title: text.to_string(),
                    covers: Vec::new(),
                });
            }
            None => self.blocks.push(Block::Title { text: inline(text) }),
        }
    }

    /// An appendix after the numbered sections: "Open issues", "Terms not stated".
    fn appendix(&mut self, text: &str) {
        self.blocks.push(Block::Heading {
            level: Level::Section,
            number: None,
            text: inline(text),
        });
    }

    /// The source the current section or clause renders, for the open issues to point to.
    fn covers(&mut self, span: crate::span::Span) {
        if let Some(s) = self.sections.last_mut() {
            s.covers.push(span);
        }
    }

    /// For each span, the numbered section or clause that renders it (the narrowest), as
    /// "4.1 Alliance Steering Committee".
    ///
    /// The spans a section covers come from the syntax tree, so any two are nested or apart.
    /// Going through them by start, a stack holds those around the current place, the
    /// narrowest on top: each lookup costs the depth of the tree, not the number of sections.
    fn sections_of(&self, spans: &[crate::span::Span]) -> Vec<Option<&Numbered>> {
        let mut covers: Vec<(u32, std::cmp::Reverse<u32>, usize)> = self
            .sections
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                s.covers
                    .iter()
                    .map(move |c| (c.start, std::cmp::Reverse(c.end), i))
            })
            .collect();
        covers.sort_unstable();
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| spans.get(i).map(|s| s.start));
        let mut out = vec![None; spans.len()];
        let mut stack: Vec<(u32, u32, usize)> = Vec::new();
        let mut next = covers.iter().peekable();
        for i in order {
            let Some(span) = spans.get(i) else { continue };
            while let Some(&&(start, std::cmp::Reverse(end), s)) = next.peek() {
                if start > span.start {
                    break;
                }
                while stack.last().is_some_and(|top| top.1 < start) {
                    stack.pop();
                }
                stack.push((start, end, s));
                next.next();
            }
            while stack.last().is_some_and(|top| top.1 < span.start) {
                stack.pop();
            }
            // The narrowest around the whole span; at one size, the first section.
            if let Some(slot) = out.get_mut(i) {
                *slot = stack
                    .iter()
                    .filter(|c| span.end <= c.1)
                    .min_by_key(|c| (c.1 - c.0, c.2))
                    .and_then(|c| self.sections.get(c.2));
            }
        }
        out
    }

    fn prose(&mut self, text: &'a str) {
        for text in runs::prose(text) {
            self.blocks.push(Block::Paragraph { text });
        }
    }

    /// User prose after a bold lead-in of our own, such as "Shared assets.", ending with a
    /// full stop.
    fn labelled(&mut self, label: &str, text: &'a Option<Text>) {
        if let Some(t) = text {
            for text in runs::labelled(label, &t.value) {
                self.blocks.push(Block::Paragraph { text });
            }
        }
    }

    fn note(&mut self, note: &'a Option<Text>) {
        if let Some(n) = note {
            self.prose(&n.value);
        }
    }

    /// Reserved matters with a majority of their own, after the others.
    fn special_majorities(&mut self, all: &'a [SpecialMajority]) {
        if all.is_empty() {
            return;
        }
        self.push("These reserved matters need a majority of their own:".to_string());
        let items: Vec<String> = all
            .iter()
            .map(|s| {
                let how = s.decides.as_ref().map_or_else(
                    || "majority not stated".to_string(),
                    |d| format!("decided {}", format::decision(&d.value)),
                );
                format!("{}, {how}", e(s.matter.value.trim().trim_end_matches('.')))
            })
            .collect();
        self.list(&items);
        for s in all {
            self.note(&s.note);
        }
    }

    fn list(&mut self, items: &[String]) {
        self.items(items, false);
    }

    fn numbered(&mut self, items: &[String]) {
        self.items(items, true);
    }

    fn items(&mut self, items: &[String], numbered: bool) {
        if !items.is_empty() {
            self.blocks.push(Block::List {
                numbered,
                items: items.iter().map(|i| inline(i)).collect(),
            });
        }
    }

    /// Notes of items shown in a table, as a list under it: `Title: note`.
    fn item_notes(&mut self, notes: Vec<(String, &Option<Text>)>) {
        let items: Vec<String> = notes
            .into_iter()
            .filter_map(|(title, note)| note.as_ref().map(|n| format!("{title}: {}", e(&n.value))))
            .collect();
        if !items.is_empty() {
            self.push("Notes:");
            self.list(&items);
        }
    }

    fn table(&mut self, table: Table<'a>) {
        if !table.rows.is_empty() {
            self.blocks.push(table.into_block());
        }
    }

    fn name(&self, r: &Ref) -> String {
        self.name_ref(r).into_owned()
    }

    /// [`Sheet::name`], borrowed when it is a party's.
    fn name_ref(&self, r: &Ref) -> std::borrow::Cow<'_, str> {
        match r.target {
            Target::Party(i) => self.party_ref(i),
            _ => e(&self.names.reference(r)).into(),
        }
    }

    /// `Northwind Traders Ltd. 55%`: what is named, then its value.
    fn name_and(&self, r: &Ref, value: &str) -> String {
        let name = self.name_ref(r);
        let mut out = String::with_capacity(name.len() + 1 + value.len());
        out.push_str(&name);
        out.push(' ');
        out.push_str(value);
        out
    }

    /// A committee's name after "the": `the Alliance Steering Committee`.
    fn the_name(&self, r: &Ref) -> String {
        the(&self.names.reference(r))
    }

    fn party_name(&self, index: usize) -> String {
        self.party_ref(index).into_owned()
    }

    /// The party's name as the sheet calls it, escaped, from [`Sheet::party_names`].
    fn party_ref(&self, index: usize) -> std::borrow::Cow<'_, str> {
        match self.party_names.get(index) {
            Some(name) => std::borrow::Cow::Borrowed(name),
            None => e(&self.names.party(index)).into(),
        }
    }

    /// The party's legal name with the short name it is called by afterwards, as a contract
    /// defines it: Helix Therapeutics plc (“Helix”).
    fn party_defined(&self, index: usize) -> String {
        let (legal, called) = (self.names.legal(index), self.names.party(index));
        if legal == called {
            e(&legal)
        } else {
            format!("{} (“{}”)", e(&legal), e(&called))
        }
    }

    fn opt_name(&self, r: &Option<Ref>) -> String {
        r.as_ref().map_or_else(String::new, |r| self.name(r))
    }

    fn names(&self, refs: &[Ref]) -> String {
        let names: Vec<String> = refs.iter().map(|r| self.name(r)).collect();
        and_list(&names)
    }

    fn parties_subject(&self, parties: &Option<Parties>) -> String {
        match parties {
            Some(Parties::All(_)) | None => "Each party".into(),
            Some(Parties::List(refs)) => self.names(refs),
        }
    }

    /// A prohibition: `No party may compete`, `A and B may not compete`.
    fn prohibition(&self, parties: &Option<Parties>, what: &str) -> String {
        match parties {
            Some(Parties::List(refs)) => format!("{} may not {what}", self.names(refs)),
            Some(Parties::All(_)) | None => format!("No party may {what}"),
        }
    }

    /// `Northwind Traders Ltd. 55% and Contoso Retail GmbH 45%`.
    fn shares(&self, map: &PartyMap<Decimal>) -> String {
        let held = map.held();
        let mut out = String::with_capacity(map.entries.len() * 40);
        format::and_list_into(&mut out, map.entries.len() + held.len(), |out, i| {
            match (
                map.entries.get(i),
                held.get(i.saturating_sub(map.entries.len())),
            ) {
                (Some(en), _) => {
                    out.push_str(&self.name_ref(&en.party));
                    out.push(' ');
                    format::percent_into(out, en.value);
                }
                (None, Some(r)) => {
                    out.push_str(&self.name_ref(r));
                    out.push(' ');
                    out.push_str(&self.held_entry(map.span, r));
                }
                (None, None) => {}
            }
        });
        out
    }

    /// `4 seats: A 2 and B 2` (with independent members). Written straight into one string:
    /// a committee's seats can list every party.
    fn seats(
        &self,
        seats: &Option<PartyMap<Decimal>>,
        independent: &Option<Spanned<Decimal>>,
        who: &str,
    ) -> Option<String> {
        let entries = seats.as_ref().map_or(&[][..], |m| &m.entries[..]);
        let mut total = Some(Decimal::ZERO);
        for en in entries {
            total = total.and_then(|t| t.checked_add(en.value));
        }
        let mut independents = None;
        if let Some(i) = independent {
            if !i.value.is_zero() {
                independents = Some(i.value);
            }
            total = total.and_then(|t| t.checked_add(i.value));
        }
        let n = entries.len() + usize::from(independents.is_some());
        if n == 0 {
            return None;
        }
        let mut out = String::with_capacity(n * 40);
        match total {
            Some(t) => {
                out.push_str(&plural(t, "seat", "seats"));
                out.push_str(": ");
            }
            None => out.push_str("seats for "),
        }
        format::and_list_into(&mut out, n, |out, i| match (entries.get(i), independents) {
            (Some(en), _) => {
                out.push_str(&self.name_ref(&en.party));
                out.push(' ');
                format::number_into(out, en.value);
            }
            (None, Some(count)) => {
                format::number_into(out, count);
                out.push(' ');
                out.push_str(who);
            }
            (None, None) => {}
        });
        Some(out)
    }

    // -----------------------------------------------------------------------------------

    fn parties(&mut self) {
        self.heading(2, "Parties");
        let spans: Vec<crate::span::Span> = self
            .a
            .parties
            .iter()
            .map(|p| p.span)
            .chain(self.a.sides.iter().map(|s| s.span))
            .collect();
        for span in spans {
            self.covers(span);
        }
        let mut table = Table::new(&[
            "Party",
            "Role",
            "Jurisdiction",
            "Signatory",
            "Alliance manager",
        ]);
        for (i, p) in self.a.parties.iter().enumerate() {
            table.row(cells![
                self.party_defined(i),
                party_role(p),
                opt_cell(&p.jurisdiction),
                opt_cell(&p.signatory),
                opt_cell(&p.alliance_manager),
            ]);
        }
        if table.rows.is_empty() {
            self.push("No parties are named yet.");
        }
        self.table(table);
        let contacts: Vec<String> = self
            .a
            .parties
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                p.contact
                    .as_ref()
                    .map(|ct| format!("{}: {}", self.party_name(i), e(&ct.value)))
            })
            .collect();
        if !contacts.is_empty() {
            self.push("Contacts:");
            self.list(&contacts);
        }
        if !self.a.sides.is_empty() {
            self.push("Sides (parties that act together as one side of the deal):");
            let sides: Vec<String> = self
                .a
                .sides
                .iter()
                .map(|s| {
                    let mut line = format!("{}: {}", c(&s.name.value), self.names(&s.parties));
                    match s.liability.as_ref().map(|l| l.value) {
                        Some(SideLiability::JointAndSeveral) => {
                            line.push_str(", liable jointly and severally (each for the whole)")
                        }
                        Some(SideLiability::Several) => {
                            line.push_str(", each liable only for its own part")
                        }
                        None => {}
                    }
                    if let Some(n) = &s.note {
                        line.push_str(&format!(". {}", sentence(e(&n.value))));
                    }
                    line
                })
                .collect();
            self.list(&sides);
        }
        let notes: Vec<(String, &Option<Text>)> = self
            .a
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (self.party_name(i), &p.note))
            .collect();
        self.item_notes(notes);
    }

    fn clauses(&mut self) {
        if self.a.clauses.is_empty() {
            return;
        }
        self.heading(2, "Other clauses");
        for cl in &self.a.clauses {
            let title = cl.title.value.trim();
            let title = if title.is_empty() {
                cl.id.value.to_string()
            } else {
                title.to_string()
            };
            self.heading(3, &e(&title));
            self.covers(cl.span);
            match &cl.text {
                Some(t) if !t.value.trim().is_empty() => self.prose(&t.value),
                _ => self.push("No text yet."),
            }
            self.note(&cl.note);
        }
    }
}

/// `under the ICC Rules`: adds "the" unless the text starts with it.
fn the(text: &str) -> String {
    let t = text.trim();
    if t.to_lowercase().starts_with("the ") {
        e(t)
    } else {
        format!("the {}", e(t))
    }
}

fn verb(parties: &Option<Parties>, one: &'static str, many: &'static str) -> &'static str {
    match parties {
        Some(Parties::List(refs)) if refs.len() > 1 => many,
        _ => one,
    }
}

/// "An independent bank" → "an independent bank", "Eight times" → "eight times", keeping
/// names and acronyms ("PwC", "ICC").
pub(super) fn lower_first(text: &str) -> String {
    for article in ["A ", "An ", "The "] {
        if let Some(rest) = text.strip_prefix(article) {
            return format!("{}{rest}", article.to_lowercase());
        }
    }
    // A possessive ("Tata's shares") or a capitalised phrase ("Tata Sons", "Government of
    // India") starts with a name, which keeps its capital.
    let mut words = text.split_whitespace();
    let first_word = words.next().unwrap_or_default();
    let possessive = ["'s", "\u{2019}s", "s'", "s\u{2019}"]
        .iter()
        .any(|end| first_word.ends_with(end));
    let name_follows = words
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    if possessive || name_follows {
        return text.to_string();
    }
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            let mut s: String = first.to_lowercase().collect();
            s.push(second);
            s.push_str(chars.as_str());
            s
        }
        _ => text.to_string(),
    }
}

/// The role column of the parties table: the role, and what kind of body the party is
/// when that is not a company ("Member; university").
fn party_role(p: &Party) -> String {
    let role = p.role.as_ref().map(|r| match r.value {
        Role::Convener => "Convener",
        Role::Lead => "Lead",
        Role::Member => "Member",
        Role::PrimeContractor => "Prime contractor",
        Role::Subcontractor => "Subcontractor",
    });
    let kind = p.kind.as_ref().and_then(|k| match k.value {
        PartyKind::Company => None,
        PartyKind::University => Some("university"),
        PartyKind::ResearchInstitute => Some("research institute"),
        PartyKind::PublicBody => Some("public body"),
        PartyKind::Individual => Some("individual"),
    });
    match (role, kind) {
        (Some(r), Some(k)) => format!("{r}; {k}"),
        (Some(r), None) => r.to_string(),
        (None, Some(k)) => capitalize(k),
        (None, None) => String::new(),
    }
}
