//! The Markdown term sheet (`charter build --markdown`): what a legal team circulates.
//!
//! Layout: the title; a status line (Final, or DRAFT with the open errors and warnings); a
//! parties table; a key-terms table; purpose and scope; the equity stakes or the joint
//! venture, for those models; then Governance, Contributions, Economics, Metrics and
//! milestones, Risk, IP and compliance, Covenants, Dispute resolution and Exit, in plain
//! sentences and tables; then the free clauses; and for a draft, the open issues with their
//! lines. Every block's `note` follows what it belongs to.
//!
//! Every piece of user text goes through [`escape`], so that it can never break a table
//! or become markup; the only HTML the sheet holds is `<br>` between lines in a table cell.
//! It renders on GitHub and converts with pandoc.

use crate::diagnostic::Severity;
use crate::emit::analysis::Analysis;
use crate::emit::escape;
use crate::emit::format::{self, and_list, capitalize, Names};
use crate::emit::Status;
use crate::model::*;
use crate::span::Spanned;
use rust_decimal::Decimal;

/// The term sheet of an agreement, with a final newline.
pub fn term_sheet(agreement: &Agreement, status: &Status) -> String {
    let mut sheet = Sheet {
        a: agreement,
        names: Names::new(agreement),
        facts: Analysis::of(agreement),
        blocks: Vec::new(),
    };
    sheet.title(status);
    sheet.parties();
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
    sheet.open_issues(status);
    let mut out = sheet.blocks.join("\n\n");
    out.push('\n');
    out
}

/// What a table cell shows for an item the source does not state.
const NONE: &str = "—";

struct Sheet<'a> {
    a: &'a Agreement,
    names: Names<'a>,
    facts: Analysis,
    /// Markdown blocks (headings, paragraphs, tables, lists), separated by blank lines.
    blocks: Vec<String>,
}

/// A table: the header's cells and the rows, all already Markdown (escaped).
struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&'static str]) -> Table {
        Table {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self) -> String {
        let width = self.header.len();
        let line = |cells: &mut dyn Iterator<Item = &str>| {
            let mut s = String::from("|");
            for c in cells {
                s.push(' ');
                s.push_str(if c.is_empty() { NONE } else { c });
                s.push_str(" |");
            }
            s
        };
        let mut out = vec![
            line(&mut self.header.iter().copied()),
            format!("|{}", "---|".repeat(width)),
        ];
        for row in &self.rows {
            // Every row has exactly the header's cells.
            let mut cells = row
                .iter()
                .map(String::as_str)
                .chain(std::iter::repeat(""))
                .take(width);
            out.push(line(&mut cells));
        }
        out.join("\n")
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

fn opt_cell(text: &Option<Text>) -> String {
    text.as_ref().map_or_else(String::new, |t| c(&t.value))
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
    fn push(&mut self, block: impl Into<String>) {
        let block = block.into();
        if !block.trim().is_empty() {
            self.blocks.push(block);
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.push(format!("{} {text}", "#".repeat(level)));
    }

    /// User prose: one paragraph per paragraph of the text.
    fn prose(&mut self, text: &str) {
        for p in escape::paragraphs(text) {
            self.push(p);
        }
    }

    /// User prose after a bold lead-in of our own, such as "Shared assets.", ending with a
    /// full stop.
    fn labelled(&mut self, label: &str, text: &Option<Text>) {
        if let Some(t) = text {
            let mut paragraphs = escape::paragraphs(&t.value);
            if let Some(first) = paragraphs.first_mut() {
                *first = format!("**{label}** {first}");
            }
            if let Some(last) = paragraphs.last_mut() {
                *last = sentence(std::mem::take(last));
            }
            for p in paragraphs {
                self.push(p);
            }
        }
    }

    fn note(&mut self, note: &Option<Text>) {
        if let Some(n) = note {
            self.prose(&n.value);
        }
    }

    fn list(&mut self, items: &[String]) {
        if !items.is_empty() {
            let lines: Vec<String> = items.iter().map(|i| format!("- {i}")).collect();
            self.push(lines.join("\n"));
        }
    }

    fn numbered(&mut self, items: &[String]) {
        if !items.is_empty() {
            let lines: Vec<String> = items
                .iter()
                .enumerate()
                .map(|(n, i)| format!("{}. {i}", n + 1))
                .collect();
            self.push(lines.join("\n"));
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

    fn table(&mut self, table: Table) {
        if !table.rows.is_empty() {
            self.push(table.render());
        }
    }

    fn name(&self, r: &Ref) -> String {
        e(&self.names.reference(r))
    }

    /// A committee's name after "the": `the Alliance Steering Committee`.
    fn the_name(&self, r: &Ref) -> String {
        the(&self.names.reference(r))
    }

    fn party_name(&self, index: usize) -> String {
        e(&self.names.party(index))
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
        let items: Vec<String> = map
            .entries
            .iter()
            .map(|en| format!("{} {}", self.name(&en.party), format::percent(en.value)))
            .collect();
        and_list(&items)
    }

    /// `4 seats: A 2 and B 2` (with independent members).
    fn seats(
        &self,
        seats: &Option<PartyMap<Decimal>>,
        independent: &Option<Spanned<Decimal>>,
        who: &str,
    ) -> Option<String> {
        let mut items: Vec<String> = seats
            .iter()
            .flat_map(|m| &m.entries)
            .map(|en| format!("{} {}", self.name(&en.party), format::number(en.value)))
            .collect();
        let mut total = Some(Decimal::ZERO);
        for en in seats.iter().flat_map(|m| &m.entries) {
            total = total.and_then(|t| t.checked_add(en.value));
        }
        if let Some(i) = independent {
            if !i.value.is_zero() {
                items.push(format!("{} {who}", format::number(i.value)));
            }
            total = total.and_then(|t| t.checked_add(i.value));
        }
        if items.is_empty() {
            return None;
        }
        Some(match total {
            Some(t) => format!("{}: {}", plural(t, "seat", "seats"), and_list(&items)),
            None => format!("seats for {}", and_list(&items)),
        })
    }

    // -----------------------------------------------------------------------------------

    fn title(&mut self, status: &Status) {
        let title = self.a.title.value.trim();
        let title = if title.is_empty() {
            "Untitled agreement".to_string()
        } else {
            e(title)
        };
        self.heading(1, &title);
        if status.is_final() {
            self.push("**Status:** Final");
        } else {
            let mut open = Vec::new();
            if status.errors > 0 {
                open.push(plural(
                    Decimal::from(status.errors),
                    "open error",
                    "open errors",
                ));
            }
            if status.warnings > 0 {
                open.push(plural(
                    Decimal::from(status.warnings),
                    "warning",
                    "warnings",
                ));
            }
            self.push(format!(
                "**Status:** DRAFT — {}; see Open issues at the end.",
                and_list(&open)
            ));
        }

        let model = match self.a.model.as_ref().map(|m| m.value) {
            Some(Model::Contractual) => "A contractual alliance",
            Some(Model::Equity) => "An equity alliance",
            Some(Model::JointVenture) => "A joint venture",
            None => "An alliance",
        };
        let parties: Vec<String> = (0..self.a.parties.len())
            .map(|i| self.party_name(i))
            .collect();
        let mut intro = model.to_string();
        if !parties.is_empty() {
            intro.push_str(&format!(" between {}", and_list(&parties)));
        }
        if let Some(d) = &self.a.effective {
            intro.push_str(&format!(", effective {}", format::date(d.value)));
        }
        self.push(sentence(intro));
    }

    fn parties(&mut self) {
        self.heading(2, "Parties");
        let mut table = Table::new(&[
            "Party",
            "Role",
            "Jurisdiction",
            "Signatory",
            "Alliance manager",
        ]);
        for (i, p) in self.a.parties.iter().enumerate() {
            table.row(vec![
                self.party_name(i),
                p.role
                    .as_ref()
                    .map(|r| match r.value {
                        Role::Convener => "Convener",
                        Role::Lead => "Lead",
                        Role::Member => "Member",
                    })
                    .unwrap_or_default()
                    .to_string(),
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
        let notes: Vec<(String, &Option<Text>)> = self
            .a
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (self.party_name(i), &p.note))
            .collect();
        self.item_notes(notes);
    }

    fn key_terms(&mut self) {
        self.heading(2, "Key terms");
        let a = self.a;
        let mut table = Table::new(&["Item", "Agreed terms"]);
        if let Some(m) = &a.model {
            table.row(vec!["Model".into(), format::model(m.value).into()]);
        }
        if let Some(d) = &a.effective {
            table.row(vec!["Effective date".into(), format::date(d.value)]);
        }
        if let Some(d) = &a.signed {
            table.row(vec!["Agreement date".into(), format::date(d.value)]);
        }
        if let Some(t) = &a.term {
            let text = match (t.value, self.facts.term_end) {
                (Term::Fixed(d), Some(end)) => {
                    format!("{}, ending on {}", format::duration(d), format::date(end))
                }
                (Term::Fixed(d), None) => format::duration(d),
                (Term::Indefinite, _) => "Indefinite (no fixed end date)".into(),
            };
            table.row(vec!["Term".into(), text]);
        }
        if let Some(r) = &a.renewal {
            table.row(vec!["Renewal".into(), self.renewal(r.value)]);
        }
        table.row(vec![
            "Governing law".into(),
            a.governing_law
                .as_ref()
                .map_or_else(|| "Not stated".into(), |g| c(&g.value)),
        ]);
        if let Some(s) = &a.sharing {
            if let Some(r) = &s.revenue {
                table.row(vec!["Revenue split".into(), self.shares(r)]);
            }
            if let Some(costs) = &s.costs {
                table.row(vec!["Cost split".into(), self.shares(costs)]);
            }
        }
        if let Some(exit) = &a.exit {
            let notices: Vec<String> = exit
                .terminations
                .iter()
                .map(|t| {
                    let mut s = capitalize(termination_ground(t.kind.value));
                    s.push_str(": ");
                    s.push_str(&match &t.notice {
                        Some(n) => format::notice(n.value),
                        None => "no notice period stated".into(),
                    });
                    if let Some(cure) = &t.cure {
                        s.push_str(&format!(" ({} to cure)", format::duration(cure.value)));
                    }
                    if let Some(d) = &t.earliest {
                        s.push_str(&format!(", not before {}", format::date(d.value)));
                    }
                    s
                })
                .collect();
            if !notices.is_empty() {
                table.row(vec!["Notice periods".into(), notices.join("<br>")]);
            }
            if let Some(w) = &exit.wind_down {
                table.row(vec!["Wind-down".into(), format::duration(w.value)]);
            }
        }
        let shortest = match &self.facts.earliest_exit {
            Some(x) => {
                let mut s = String::from("For convenience");
                if let Some(d) = x.date {
                    s.push_str(&format!(", from {}", format::date(d)));
                }
                if let Some(n) = x.notice {
                    s.push_str(&format!(", on {}", format::notice(n)));
                }
                s
            }
            None => "No termination for convenience".into(),
        };
        if a.exit.is_some() {
            table.row(vec!["Earliest exit".into(), shortest]);
        }
        self.table(table);
    }

    fn renewal(&self, renewal: Renewal) -> String {
        match renewal {
            Renewal::None => "Does not renew".into(),
            Renewal::ByAgreement => "Only by agreement of the parties".into(),
            Renewal::Automatic => {
                let mut s = String::from("Renews automatically");
                if let Some(t) = &self.a.renewal_term {
                    s.push_str(&format!(" for {}", format::duration(t.value)));
                }
                match &self.a.renewal_notice {
                    Some(n) => {
                        s.push_str(&format!(
                            " unless {} gives {}",
                            self.names.any_party().to_lowercase(),
                            format::notice(n.value)
                        ));
                        if let Some(by) = self.facts.renewal_notice_by {
                            s.push_str(&format!(
                                " (to stop the first renewal, by {})",
                                format::date(by)
                            ));
                        }
                    }
                    None => s.push_str(" (no notice period to stop it is stated)"),
                }
                s
            }
        }
    }

    fn purpose(&mut self) {
        let a = self.a;
        if a.purpose.is_none() && a.scope.is_none() && a.note.is_none() {
            return;
        }
        self.heading(2, "Purpose and scope");
        if let Some(p) = &a.purpose {
            self.prose(&p.value);
        }
        self.labelled("Scope.", &a.scope);
        self.note(&a.note);
    }

    fn equity(&mut self) {
        let Some(eq) = &self.a.equity else { return };
        self.heading(2, "Equity stakes");
        let mut table = Table::new(&["Holder", "Issuer", "Stake", "Amount", "Closing"]);
        for s in &eq.stakes {
            table.row(vec![
                self.opt_name(&s.holder),
                self.opt_name(&s.issuer),
                s.percent
                    .as_ref()
                    .map_or_else(String::new, |p| format::percent(p.value)),
                s.amount
                    .as_ref()
                    .map_or_else(String::new, |m| format::money(&m.value)),
                s.closing
                    .as_ref()
                    .map_or_else(String::new, |d| format::date(d.value)),
            ]);
        }
        self.table(table);
        let notes: Vec<(String, &Option<Text>)> = eq
            .stakes
            .iter()
            .map(|s| {
                (
                    format!(
                        "Stake of {} in {}",
                        self.opt_name(&s.holder),
                        self.opt_name(&s.issuer)
                    ),
                    &s.note,
                )
            })
            .collect();
        self.item_notes(notes);
        if let Some(seats) = &eq.board_seats {
            let items: Vec<String> = seats
                .entries
                .iter()
                .map(|en| format!("{} {}", self.name(&en.party), format::number(en.value)))
                .collect();
            self.push(sentence(format!("Board seats: {}", and_list(&items))));
        }
        match eq.information_rights.as_ref().map(|b| b.value) {
            Some(true) => self
                .push("Each holder has information rights in the company whose shares it holds."),
            Some(false) => self.push("The holders have no information rights."),
            None => {}
        }
        self.labelled("Unwinding on exit.", &eq.unwind);
        self.note(&eq.note);
    }

    fn entity(&mut self) {
        let Some(en) = &self.a.entity else { return };
        self.heading(2, "The joint venture company");
        let name = e(&self.names.reference(&Ref {
            id: en.id.value.clone(),
            span: en.id.span,
            target: Target::Entity,
        }));
        match &en.jurisdiction {
            Some(j) => self.push(sentence(format!(
                "The parties form {name}, a company incorporated in {}",
                e(&j.value)
            ))),
            None => self.push(sentence(format!("The parties form {name}"))),
        }
        let mut table = Table::new(&["Parent", "Ownership", "Capital"]);
        let mut parents: Vec<&Ref> = Vec::new();
        for map_ref in en
            .ownership
            .iter()
            .flat_map(|m| &m.entries)
            .map(|x| &x.party)
            .chain(en.capital.iter().flat_map(|m| &m.entries).map(|x| &x.party))
        {
            if !parents.iter().any(|p| p.id == map_ref.id) {
                parents.push(map_ref);
            }
        }
        for p in parents {
            let own = en
                .ownership
                .iter()
                .flat_map(|m| &m.entries)
                .find(|x| x.party.id == p.id)
                .map_or_else(String::new, |x| format::percent(x.value));
            let capital = en
                .capital
                .iter()
                .flat_map(|m| &m.entries)
                .find(|x| x.party.id == p.id)
                .map_or_else(String::new, |x| format::money(&x.value));
            table.row(vec![self.name(p), own, capital]);
        }
        self.table(table);
        self.labelled("Management.", &en.management);
        self.note(&en.note);
        if let Some(b) = &en.board {
            self.heading(3, "Board");
            let mut s = match self.seats(&b.seats, &b.independent, "independent directors") {
                Some(seats) => format!("The board has {seats}."),
                None => "The board's seats are not stated.".into(),
            };
            if let Some(d) = &b.decides {
                s.push_str(&format!(" It decides {}.", format::decision(&d.value)));
            }
            self.push(s);
            if !b.reserved.is_empty() {
                self.push("Each parent has a veto over:");
                let items: Vec<String> = b.reserved.iter().map(|r| e(&r.value)).collect();
                self.list(&items);
            }
            self.note(&b.note);
        }
    }

    fn governance(&mut self) {
        let Some(g) = &self.a.governance else { return };
        self.heading(2, "Governance");
        for cm in &g.committees {
            let title = cm.name.value.trim();
            let title = if title.is_empty() {
                cm.id.value.to_string()
            } else {
                title.to_string()
            };
            self.heading(3, &e(&title));
            let mut s = Vec::new();
            if let Some(seats) = self.seats(&cm.seats, &cm.independent, "independent members") {
                s.push(format!("The committee has {seats}."));
            }
            let mut how = Vec::new();
            if let Some(m) = &cm.meets {
                how.push(format!("meets {}", format::cadence(m.value)));
            }
            if let Some(d) = &cm.decides {
                how.push(format!("decides {}", format::decision(&d.value)));
            }
            let mut second = if how.is_empty() {
                String::new()
            } else {
                format!("It {}", and_list(&how))
            };
            if let Some(q) = &cm.quorum {
                if second.is_empty() {
                    second = format!("Its quorum is {}", format::number(q.value));
                } else {
                    second.push_str(&format!(", with a quorum of {}", format::number(q.value)));
                }
            }
            if !second.is_empty() {
                s.push(sentence(second));
            }
            match &cm.chair {
                Some(Chair::Rotating(_)) => match &cm.rotation {
                    Some(r) => s.push(format!(
                        "The chair rotates among the parties {}.",
                        format::cadence(r.value)
                    )),
                    None => s.push("The chair rotates among the parties.".into()),
                },
                Some(Chair::Party(r)) => s.push(format!("{} chairs it.", self.name(r))),
                None => {}
            }
            self.push(s.join(" "));
            self.note(&cm.note);
        }
        let general = g.reporting.is_some()
            || g.health_check.is_some()
            || g.reserved_matters.is_some()
            || g.scope_change.is_some()
            || g.note.is_some();
        if general && !g.committees.is_empty() {
            self.heading(3, "Reporting and oversight");
        }
        if let Some(r) = &g.reporting {
            let mut items = Vec::new();
            for (what, cadence) in [
                ("operations", &r.operations),
                ("progress", &r.progress),
                ("strategy", &r.strategy),
            ] {
                if let Some(c) = cadence {
                    items.push(format!("on {what} {}", format::cadence(c.value)));
                }
            }
            if !items.is_empty() {
                self.push(format!("The parties report {}.", and_list(&items)));
            }
            self.note(&r.note);
        }
        if let Some(h) = &g.health_check {
            self.push(format!(
                "The parties hold a health check of the alliance {}.",
                format::cadence(h.value)
            ));
        }
        if let Some(rm) = &g.reserved_matters {
            let lead = match &rm.decides {
                Some(d) => format!(
                    "These reserved matters are decided {}:",
                    format::decision(&d.value)
                ),
                None => "Reserved matters:".into(),
            };
            self.push(lead);
            let items: Vec<String> = rm.matters.iter().map(|m| e(&m.value)).collect();
            self.list(&items);
            self.note(&rm.note);
        }
        if let Some(sc) = &g.scope_change {
            let mut s = String::from("A change of scope");
            if let Some(by) = &sc.approved_by {
                s.push_str(&format!(" must be approved by {}", self.the_name(by)));
                if let Some(a) = &sc.amendment_required {
                    s.push_str(if a.value {
                        " and recorded in a written amendment to the agreement"
                    } else {
                        "; no amendment to the agreement is needed"
                    });
                }
            } else if let Some(a) = &sc.amendment_required {
                s.push_str(if a.value {
                    " must be recorded in a written amendment to the agreement"
                } else {
                    " needs no amendment to the agreement"
                });
            } else {
                s.clear();
            }
            if !s.is_empty() {
                self.push(sentence(s));
            }
            self.note(&sc.note);
        }
        self.note(&g.note);
    }

    fn contributions(&mut self) {
        let Some(cn) = &self.a.contributions else {
            return;
        };
        self.heading(2, "Contributions");
        if let Some(r) = &cn.review {
            self.push(format!(
                "The parties review contributions {}.",
                format::cadence(r.value)
            ));
        }
        self.note(&cn.note);
        for from in &cn.from {
            self.heading(3, &self.name(&from.party));
            let mut resources = Table::new(&["Resource", "Kind", "Value", "Terms"]);
            for r in &from.resources {
                let mut terms = Vec::new();
                if let Some(f) = &r.fte {
                    terms.push(format!("{} FTE", format::number(f.value)));
                }
                if let Some(l) = &r.license {
                    terms.push(
                        match l.value {
                            LicenseTerms::Exclusive => "exclusive licence",
                            LicenseTerms::NonExclusive => "non-exclusive licence",
                            LicenseTerms::Assignment => "assigned outright",
                        }
                        .to_string(),
                    );
                }
                if let Some(s) = &r.schedule {
                    terms.push(format!("schedule: {}", c(&s.value)));
                }
                resources.row(vec![
                    c(&r.title.value),
                    r.kind
                        .as_ref()
                        .map_or_else(String::new, |k| resource_kind(k.value).into()),
                    r.value
                        .as_ref()
                        .map_or_else(String::new, |v| format::money(&v.value)),
                    capitalize(&terms.join("; ")),
                ]);
            }
            let mut deliverables = Table::new(&["Deliverable", "Due", "Acceptance"]);
            for d in &from.deliverables {
                deliverables.row(vec![
                    c(&d.title.value),
                    d.due
                        .as_ref()
                        .map_or_else(String::new, |d| format::date(d.value)),
                    opt_cell(&d.acceptance),
                ]);
            }
            if resources.rows.is_empty() && deliverables.rows.is_empty() {
                self.push("No contributions are listed.");
            }
            self.table(resources);
            self.table(deliverables);
            let notes: Vec<(String, &Option<Text>)> = from
                .resources
                .iter()
                .map(|r| (e(&r.title.value), &r.note))
                .chain(
                    from.deliverables
                        .iter()
                        .map(|d| (e(&d.title.value), &d.note)),
                )
                .collect();
            self.item_notes(notes);
            self.note(&from.note);
        }
    }

    fn economics(&mut self) {
        let a = self.a;
        let valued = !self.facts.total_contributions.is_empty();
        if a.sharing.is_none() && !valued {
            return;
        }
        self.heading(2, "Economics");
        let mut table = Table::new(&[
            "Party",
            "Valued contributions",
            "Share of contributions",
            "Revenue share",
            "Cost share",
        ]);
        let money_list = |sums: &[Money]| {
            let items: Vec<String> = sums.iter().map(format::money).collect();
            and_list(&items)
        };
        let pct = |p: Option<Decimal>| p.map_or_else(String::new, format::percent);
        let mut revenue_total = Some(Decimal::ZERO);
        let mut cost_total = Some(Decimal::ZERO);
        let mut shares_total = Some(Decimal::ZERO);
        for p in &self.facts.parties {
            revenue_total =
                revenue_total.and_then(|t| t.checked_add(p.revenue_share.unwrap_or_default()));
            cost_total = cost_total.and_then(|t| t.checked_add(p.cost_share.unwrap_or_default()));
            shares_total =
                shares_total.and_then(|t| t.checked_add(p.contribution_share.unwrap_or_default()));
            table.row(vec![
                self.party_name(p.party),
                money_list(&p.valued_contributions),
                pct(p.contribution_share),
                pct(p.revenue_share),
                pct(p.cost_share),
            ]);
        }
        let has = |f: fn(&crate::emit::analysis::PartyFacts) -> Option<Decimal>| {
            self.facts.parties.iter().any(|p| f(p).is_some())
        };
        table.row(vec![
            "Total".into(),
            money_list(&self.facts.total_contributions),
            if has(|p| p.contribution_share) {
                pct(Some(Decimal::ONE_HUNDRED))
            } else {
                String::new()
            },
            if has(|p| p.revenue_share) {
                pct(revenue_total)
            } else {
                String::new()
            },
            if has(|p| p.cost_share) {
                pct(cost_total)
            } else {
                String::new()
            },
        ]);
        let _ = shares_total;
        self.table(table);
        if self.facts.total_contributions.len() > 1 {
            self.push("The valued contributions use several currencies, so their shares are not compared.");
        } else if valued {
            self.push("Valued contributions are the stated values of each party's resources; resources without a value, deliverables, equity stakes and capital do not count.");
        }
        if let Some(s) = &a.sharing {
            self.labelled("Method.", &s.method);
            self.note(&s.note);
        }
    }

    fn metrics(&mut self) {
        let Some(mt) = &self.a.metrics else { return };
        self.heading(2, "Metrics and milestones");
        let mut intro = Vec::new();
        if let Some(r) = &mt.review {
            intro.push(format!(
                "The parties review performance {}.",
                format::cadence(r.value)
            ));
        }
        match &mt.data_access {
            Some(DataAccess::Shared(_)) => {
                intro.push("Performance data is shared between the parties.".into())
            }
            Some(DataAccess::Party(r)) => intro.push(sentence(format!(
                "Performance data is held by {}",
                self.name(r)
            ))),
            None => {}
        }
        if !intro.is_empty() {
            self.push(intro.join(" "));
        }
        let mut table = Table::new(&["Metric", "Target", "By", "Owner", "Review", "Source"]);
        for m in &mt.metrics {
            let mut title = c(&m.title.value);
            if let Some(k) = &m.kind {
                title.push_str(match k.value {
                    MetricKind::Quantitative => "",
                    MetricKind::Qualitative => " (qualitative)",
                });
            }
            let owner = match &m.owner {
                Some(Owner::Joint(_)) => "Joint".to_string(),
                Some(Owner::Parties(refs, _)) => self.names(refs),
                None => String::new(),
            };
            let review = m.review.as_ref().or(mt.review.as_ref());
            table.row(vec![
                title,
                m.target
                    .as_ref()
                    .map_or_else(String::new, |t| capitalize(&format::bound(&t.value))),
                m.by.as_ref()
                    .map_or_else(String::new, |d| format::date(d.value)),
                owner,
                review.map_or_else(String::new, |r| cadence_cell(r.value)),
                opt_cell(&m.source),
            ]);
        }
        self.table(table);
        let mut table = Table::new(&["Milestone", "Due", "Horizon"]);
        for m in &mt.milestones {
            table.row(vec![
                c(&m.title.value),
                m.due
                    .as_ref()
                    .map_or_else(String::new, |d| format::date(d.value)),
                m.horizon.as_ref().map_or_else(String::new, |h| {
                    match h.value {
                        Horizon::QuickWin => "Quick win",
                        Horizon::MediumTerm => "Medium term",
                        Horizon::Ultimate => "Ultimate goal",
                    }
                    .into()
                }),
            ]);
        }
        self.table(table);
        let notes: Vec<(String, &Option<Text>)> = mt
            .metrics
            .iter()
            .map(|m| (e(&m.title.value), &m.note))
            .chain(mt.milestones.iter().map(|m| (e(&m.title.value), &m.note)))
            .collect();
        self.item_notes(notes);
        self.note(&mt.note);
    }

    fn risk(&mut self) {
        let Some(l) = &self.a.liability else { return };
        self.heading(2, "Risk");
        let mut s = Vec::new();
        match l.own_people_and_assets.as_ref().map(|o| o.value) {
            Some(OwnPeople::EachParty) => {
                s.push("Each party is responsible for its own people and assets.".to_string())
            }
            Some(OwnPeople::Shared) => {
                s.push("The parties share responsibility for their people and assets.".to_string())
            }
            None => {}
        }
        if let Some(cap) = &l.cap {
            s.push(format!(
                "Liability under the agreement is capped at {}.",
                format::money(&cap.value)
            ));
        }
        if let Some(pool) = &l.joint_pool {
            let mut p = format!(
                "The parties keep a joint liability pool of {}",
                format::money(&pool.value)
            );
            if let Some(shares) = &l.pool_shares {
                p.push_str(&format!(", funded {}", self.shares(shares)));
            }
            s.push(sentence(p));
        }
        if !s.is_empty() {
            self.push(s.join(" "));
        }
        if !l.uncapped.is_empty() {
            self.push(if l.cap.is_some() {
                "The cap does not apply to:"
            } else {
                "These claims are not capped:"
            });
            let items: Vec<String> = l.uncapped.iter().map(|u| e(&u.value)).collect();
            self.list(&items);
        }
        self.labelled("Insurance.", &l.insurance);
        self.labelled("Liquidated damages.", &l.liquidated_damages);
        if let Some(fee) = &l.termination_fee {
            self.push(format!(
                "**Termination fee.** {}.",
                format::money(&fee.value)
            ));
        }
        if let Some(w) = &l.warranty {
            self.push(format!(
                "**Warranty.** The warranty period is {}.",
                format::duration(w.value)
            ));
        }
        self.note(&l.note);
    }

    fn ip_and_compliance(&mut self) {
        let a = self.a;
        if a.ip.is_none() && a.compliance.is_none() && a.confidentiality.is_none() {
            return;
        }
        self.heading(2, "IP and compliance");
        if let Some(ip) = &a.ip {
            let mut s = Vec::new();
            match ip.background.as_ref().map(|b| b.value) {
                Some(BackgroundIp::Retained) => {
                    s.push("Each party keeps its background IP.".to_string())
                }
                Some(BackgroundIp::Licensed) => s.push(
                    "Each party keeps its background IP and licenses it to the alliance."
                        .to_string(),
                ),
                None => {}
            }
            match &ip.joint {
                Some(JointIp::JointlyOwned(_)) => {
                    s.push("IP the parties develop together is owned jointly.".into())
                }
                Some(JointIp::Owner(r)) => s.push(sentence(format!(
                    "IP the parties develop together is owned by {}",
                    self.name(r)
                ))),
                None => {}
            }
            if let Some(r) = &ip.assigned_to {
                s.push(sentence(format!(
                    "IP a party creates under the alliance is assigned to {}",
                    self.name(r)
                )));
            }
            if !s.is_empty() {
                self.push(s.join(" "));
            }
            self.labelled("After exit.", &ip.after_exit);
            self.labelled("Escrow.", &ip.escrow);
            self.note(&ip.note);
            if !ip.licenses.is_empty() {
                self.heading(3, "Licences");
                let mut table = Table::new(&[
                    "Licence",
                    "Grantor → grantee",
                    "Scope",
                    "Exclusive",
                    "Transferable",
                    "Perpetual",
                    "Royalty",
                    "Other terms",
                ]);
                for l in &ip.licenses {
                    let grantee = l
                        .grantee
                        .as_ref()
                        .map_or_else(|| NONE.to_string(), |g| e(&self.names.grantee(g)));
                    let grantor = l
                        .grantor
                        .as_ref()
                        .map_or_else(|| NONE.to_string(), |r| self.name(r));
                    let mut other = Vec::new();
                    for (flag, yes, no) in [
                        (&l.sublicensable, "sublicensable", "not sublicensable"),
                        (&l.affiliates, "extends to affiliates", "not to affiliates"),
                        (&l.irrevocable, "irrevocable", "revocable"),
                    ] {
                        if let Some(f) = flag {
                            other.push(if f.value { yes } else { no });
                        }
                    }
                    table.row(vec![
                        c(&l.title.value),
                        format!("{grantor} → {grantee}"),
                        opt_cell(&l.scope),
                        yes_no(&l.exclusive),
                        yes_no(&l.transferable),
                        yes_no(&l.perpetual),
                        l.royalty
                            .as_ref()
                            .map_or_else(String::new, |r| match &r.value {
                                Royalty::Percent(p) => format::percent(*p),
                                Royalty::Money(m) => format::money(m),
                            }),
                        capitalize(&other.join("; ")),
                    ]);
                }
                self.table(table);
                let notes: Vec<(String, &Option<Text>)> = ip
                    .licenses
                    .iter()
                    .map(|l| (e(&l.title.value), &l.note))
                    .collect();
                self.item_notes(notes);
            }
        }
        if let Some(cp) = &a.compliance {
            self.heading(3, "Compliance");
            let mut s = Vec::new();
            if !cp.jurisdictions.is_empty() {
                let items: Vec<String> = cp.jurisdictions.iter().map(|j| e(&j.value)).collect();
                s.push(sentence(format!(
                    "Jurisdictions covered: {}",
                    and_list(&items)
                )));
            }
            if !cp.regimes.is_empty() {
                let items: Vec<&str> = cp.regimes.iter().map(|r| regime(r.value)).collect();
                s.push(format!("The parties comply with {}.", and_list(&items)));
            }
            if !s.is_empty() {
                self.push(s.join(" "));
            }
            self.labelled("Change in law.", &cp.change_in_law);
            self.note(&cp.note);
        }
        if let Some(cf) = &a.confidentiality {
            self.heading(3, "Confidentiality");
            if let Some(t) = &cf.term {
                self.push(format!(
                    "Confidentiality obligations last {}.",
                    format::duration(t.value)
                ));
            }
            self.note(&cf.note);
        }
    }

    fn covenants(&mut self) {
        let Some(cv) = &self.a.covenants else { return };
        self.heading(2, "Covenants");
        let after = |d: &Option<Spanned<Duration>>| match d {
            Some(d) => format!(
                "during the term and for {} after it ends",
                format::duration(d.value)
            ),
            None => "during the term".into(),
        };
        if let Some(x) = &cv.exclusivity {
            let mut s = format!(
                "**Exclusivity.** {} {} bound by exclusivity {}.",
                self.parties_subject(&x.binds),
                verb(&x.binds, "is", "are"),
                after(&x.after_exit)
            );
            if let Some(scope) = &x.scope {
                s.push_str(&format!(" Scope: {}", sentence(e(&scope.value))));
            }
            self.push(s);
            self.labelled("Carve-outs.", &x.carve_outs);
            self.note(&x.note);
        }
        if let Some(x) = &cv.non_compete {
            let mut s = format!(
                "**Non-compete.** {} {}.",
                self.prohibition(&x.binds, "compete with the alliance"),
                after(&x.after_exit)
            );
            if let Some(scope) = &x.scope {
                s.push_str(&format!(" Scope: {}", sentence(e(&scope.value))));
            }
            if let Some(t) = &x.territory {
                s.push_str(&format!(" Territory: {}", sentence(e(&t.value))));
            }
            self.push(s);
            self.labelled("Carve-outs.", &x.carve_outs);
            self.note(&x.note);
        }
        if let Some(x) = &cv.non_solicit {
            let of: Vec<&str> = x.of.iter().map(|o| o.value).collect();
            let of = if of.is_empty() {
                "customers or employees".to_string()
            } else {
                format::or_list(&of)
            };
            self.push(format!(
                "**Non-solicitation.** {} {}.",
                self.prohibition(&x.binds, &format!("solicit the other parties' {of}")),
                after(&x.after_exit)
            ));
            self.note(&x.note);
        }
        if let Some(x) = &cv.non_disparagement {
            self.push(format!(
                "**Non-disparagement.** {}.",
                self.prohibition(&x.binds, "disparage the other parties")
            ));
            self.note(&x.note);
        }
        for x in &cv.first_refusals {
            let (label, right) = match x.kind.as_ref().map(|k| k.value) {
                Some(RefusalKind::Refusal) => {
                    ("Right of first refusal", "a right of first refusal")
                }
                Some(RefusalKind::Offer) => ("Right of first offer", "a right of first offer"),
                Some(RefusalKind::Negotiation) => {
                    ("Right of first negotiation", "a right of first negotiation")
                }
                None => ("Right of first refusal", "a priority right"),
            };
            let mut s = sentence(format!("**{label}:** {}", e(&x.title.value)));
            let holder = x
                .holder
                .as_ref()
                .map_or_else(|| "A party".to_string(), |h| self.name(h));
            s.push_str(&format!(" {holder} has {right}"));
            if let Some(over) = &x.over {
                s.push_str(&format!(" over: {}", sentence(e(&over.value))));
            } else {
                s.push('.');
            }
            if let Some(w) = &x.window {
                s.push_str(&format!(
                    " It must exercise the right within {}.",
                    format::duration(w.value)
                ));
            }
            self.push(s);
            self.note(&x.note);
        }
        if let Some(x) = &cv.most_favoured {
            let who = x
                .beneficiary
                .as_ref()
                .map_or_else(|| "A party".to_string(), |b| self.name(b));
            let mut s = format!("**Most-favoured terms.** {who} is entitled to terms at least as favourable as any other customer's");
            if let Some(scope) = &x.scope {
                s.push_str(&format!(", for: {}", e(&scope.value)));
            }
            self.push(sentence(s));
            self.note(&x.note);
        }
        for x in &cv.minimum_commitments {
            let who = x
                .party
                .as_ref()
                .map_or_else(|| "A party".to_string(), |p| self.name(p));
            let mut s = format!(
                "{} {who} commits to at least ",
                sentence(format!("**Minimum commitment:** {}", e(&x.title.value)))
            );
            match &x.amount {
                Some(m) => s.push_str(&format::money(&m.value)),
                None => s.push_str("an amount not yet stated"),
            }
            if let Some(p) = &x.per {
                s.push_str(&format!(" {}", format::per_period(p.value)));
            }
            s.push('.');
            self.push(s);
            self.note(&x.note);
        }
        if let Some(x) = &cv.assignment {
            let mut s = String::from("**Assignment.** ");
            match x.consent_required.as_ref().map(|b| b.value) {
                Some(true) | None => s.push_str("No party may assign the agreement without the other parties' prior written consent."),
                Some(false) => s.push_str("A party may assign the agreement without the other parties' consent."),
            }
            if let Some(ex) = &x.exceptions {
                s.push_str(&format!(" Exceptions: {}", sentence(e(&ex.value))));
            }
            self.push(s);
            self.note(&x.note);
        }
        if let Some(x) = &cv.audit {
            let who = match &x.by {
                Some(Parties::List(refs)) => self.names(refs),
                _ => "Each party".into(),
            };
            let mut s = format!(
                "**Audit.** {who} may audit the other parties' performance of the agreement"
            );
            if let Some(ev) = &x.every {
                s.push_str(&format!(" {}", format::cadence(ev.value)));
            }
            if let Some(n) = &x.notice {
                s.push_str(&format!(", on {}", format::notice(n.value)));
            }
            s.push('.');
            self.push(s);
            self.note(&x.note);
        }
        if let Some(t) = &cv.third_party_beneficiaries {
            match &t.value {
                ThirdParties::Allowed(true) => self.push("**Third parties.** Third parties may enforce the terms of the agreement that benefit them."),
                ThirdParties::Allowed(false) => self.push("**Third parties.** No third party may enforce any term of the agreement."),
                ThirdParties::Named(names) => {
                    self.push("**Third parties.** These third parties may enforce the terms that benefit them:");
                    let items: Vec<String> = names.iter().map(|n| e(&n.value)).collect();
                    self.list(&items);
                }
            }
        }
        self.note(&cv.note);
    }

    fn disputes(&mut self) {
        let Some(d) = &self.a.disputes else { return };
        self.heading(2, "Dispute resolution");
        if d.steps.is_empty() {
            self.push("No dispute resolution steps are stated.");
        } else {
            self.push("Disputes go through these steps, in order:");
            let items: Vec<String> = d.steps.iter().map(|s| self.step(s)).collect();
            self.numbered(&items);
        }
        self.note(&d.note);
    }

    fn step(&self, step: &DisputeStep) -> String {
        let mut s = match &step.kind {
            StepKind::Negotiation { between } => match between.as_ref().map(|b| b.value) {
                Some(Negotiators::AllianceManagers) => {
                    "Negotiation between the alliance managers".to_string()
                }
                Some(Negotiators::Executives) => {
                    "Negotiation between senior executives".to_string()
                }
                None => "Negotiation between the parties".to_string(),
            },
            StepKind::Escalation { to } => match to {
                Some(r) => format!("Escalation to {}", self.the_name(r)),
                None => "Escalation".to_string(),
            },
            StepKind::Mediation { provider } => match provider {
                Some(p) => format!("Mediation through {}", e(&p.value)),
                None => "Mediation".to_string(),
            },
            StepKind::Expert { provider, binding } => {
                let mut s = match provider {
                    Some(p) => format!("Expert determination (expert: {})", e(&p.value)),
                    None => "Expert determination".to_string(),
                };
                match binding.as_ref().map(|b| b.value) {
                    Some(true) => s.push_str(". The expert's decision is final and binding"),
                    Some(false) => s.push_str(". The expert's decision is not binding"),
                    None => {}
                }
                s
            }
            StepKind::Arbitration {
                rules,
                seat,
                arbitrators,
            } => {
                let mut s = String::from("Arbitration");
                if let Some(r) = rules {
                    s.push_str(&format!(" under {}", the(&r.value)));
                }
                if let Some(seat) = seat {
                    s.push_str(&format!(", seated in {}", e(&seat.value)));
                }
                if let Some(n) = arbitrators {
                    if n.value == Decimal::ONE {
                        s.push_str(", before a sole arbitrator");
                    } else {
                        s.push_str(&format!(", before {} arbitrators", count(n.value)));
                    }
                }
                s.push_str(". The award is final and binding");
                s
            }
            StepKind::Litigation { courts } => match courts {
                Some(ct) => {
                    let lower = ct.value.to_lowercase();
                    if lower.contains("court") {
                        format!("Litigation before {}", the(&ct.value))
                    } else {
                        format!("Litigation before the courts of {}", e(&ct.value))
                    }
                }
                None => "Litigation".to_string(),
            },
        };
        if let Some(w) = &step.within {
            s.push_str(&format!(", for up to {}", format::duration(w.value)));
        }
        let mut s = sentence(s);
        if let Some(n) = &step.note {
            s.push(' ');
            s.push_str(&sentence(e(&n.value)));
        }
        s
    }

    fn exit(&mut self) {
        let Some(x) = &self.a.exit else { return };
        self.heading(2, "Exit");
        let who = self.names.any_party();
        let rights: Vec<String> = x
            .terminations
            .iter()
            .map(|t| {
                let notice = t.notice.as_ref().map(|n| format::notice(n.value));
                let on = notice.as_ref().map_or_else(String::new, |n| format!(" on {n}"));
                let mut s = match t.kind.value {
                    TerminationKind::Convenience => format!("{who} may terminate for convenience{on}"),
                    TerminationKind::Cause => {
                        let mut s = format!("{who} may terminate for cause{on}");
                        if let Some(cure) = &t.cure {
                            s.push_str(&format!(
                                " if the breach is not cured within {}",
                                format::duration(cure.value)
                            ));
                        }
                        s
                    }
                    TerminationKind::ChangeOfControl => {
                        format!("{who} may terminate{on} if another party undergoes a change of control")
                    }
                    TerminationKind::Insolvency => {
                        format!("{who} may terminate{on} if another party becomes insolvent")
                    }
                    TerminationKind::Underperformance => {
                        format!("{who} may terminate for underperformance{on}")
                    }
                };
                if t.kind.value != TerminationKind::Cause {
                    if let Some(cure) = &t.cure {
                        s.push_str(&format!(
                            ", after a cure period of {}",
                            format::duration(cure.value)
                        ));
                    }
                }
                if let Some(d) = &t.earliest {
                    s.push_str(&format!(", but not before {}", format::date(d.value)));
                }
                let mut s = sentence(s);
                if notice.is_none() && !(t.kind.value == TerminationKind::Cause && t.cure.is_some()) {
                    s.push_str(" No notice period is stated.");
                }
                if let Some(tr) = &t.trigger {
                    s.push_str(&format!(" Trigger: {}", sentence(e(&tr.value))));
                }
                if let Some(n) = &t.note {
                    s.push(' ');
                    s.push_str(&sentence(e(&n.value)));
                }
                s
            })
            .collect();
        if rights.is_empty() {
            self.push("No termination rights are stated.");
        } else {
            self.push("Termination rights:");
            self.list(&rights);
        }
        if let Some(w) = &x.wind_down {
            self.push(format!(
                "After termination, the alliance winds down over {}.",
                format::duration(w.value)
            ));
        }
        self.labelled("Shared assets.", &x.assets);
        if let Some(r) = &x.review {
            let options: Vec<&str> = r
                .options
                .iter()
                .map(|o| match o.value {
                    ReviewOption::Continue => "continue",
                    ReviewOption::Restructure => "restructure",
                    ReviewOption::Exit => "exit",
                })
                .collect();
            let mut s = match &r.decides {
                Some(by) => capitalize(&format!("{} reviews the alliance", self.the_name(by))),
                None => "The parties review the alliance".to_string(),
            };
            if let Some(ev) = &r.every {
                s.push_str(&format!(" {}", format::cadence(ev.value)));
            }
            if !options.is_empty() {
                s.push_str(&format!(
                    " and decides whether to {}",
                    format::or_list(&options)
                ));
            }
            self.push(sentence(s));
            self.note(&r.note);
        }
        if let Some(v) = &x.evolve {
            let into = match v.into.as_ref().map(|i| i.value) {
                Some(Model::JointVenture) => "a joint venture",
                Some(Model::Equity) => "an equity alliance",
                Some(Model::Contractual) => "a contractual alliance",
                None => "a new form",
            };
            let mut s = match &v.by {
                Some(d) => format!(
                    "By {} the parties decide whether the alliance becomes {into}",
                    format::date(d.value)
                ),
                None => format!("The parties decide whether the alliance becomes {into}"),
            };
            match v.dissolve.as_ref().map(|d| d.value) {
                Some(true) => s.push_str("; if it does not, the alliance dissolves"),
                Some(false) => s.push_str("; if it does not, the alliance continues as it is"),
                None => {}
            }
            self.push(sentence(s));
            self.note(&v.note);
        }
        self.labelled("Transition and surviving obligations.", &x.transition);
        self.note(&x.note);
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
            match &cl.text {
                Some(t) if !t.value.trim().is_empty() => self.prose(&t.value),
                _ => self.push("No text yet."),
            }
            self.note(&cl.note);
        }
    }

    fn open_issues(&mut self, status: &Status) {
        if status.is_final() || status.issues.is_empty() {
            return;
        }
        self.heading(2, "Open issues");
        let items: Vec<String> = status
            .issues
            .iter()
            .map(|i| {
                let severity = match i.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "note",
                };
                let mut s = format!(
                    "Line {} — {severity} ({}): {}",
                    i.line,
                    i.rule,
                    sentence(e(&capitalize(&quote(&i.message))))
                );
                if let Some(h) = &i.help {
                    s.push_str(&format!(" Suggestion: {}", sentence(e(&quote(h)))));
                }
                s
            })
            .collect();
        self.list(&items);
    }
}

/// A checker message for a reader: `quorm` in backticks becomes ‘quorm’.
fn quote(message: &str) -> String {
    let mut open = false;
    message
        .chars()
        .map(|ch| {
            if ch == '`' {
                open = !open;
                if open {
                    '‘'
                } else {
                    '’'
                }
            } else {
                ch
            }
        })
        .collect()
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

fn termination_ground(kind: TerminationKind) -> &'static str {
    match kind {
        TerminationKind::Convenience => "for convenience",
        TerminationKind::Cause => "for cause",
        TerminationKind::ChangeOfControl => "on change of control",
        TerminationKind::Insolvency => "on insolvency",
        TerminationKind::Underperformance => "for underperformance",
    }
}

fn resource_kind(kind: ResourceKind) -> &'static str {
    match kind {
        ResourceKind::Cash => "Cash",
        ResourceKind::Ip => "Intellectual property",
        ResourceKind::Data => "Data",
        ResourceKind::Staff => "Staff",
        ResourceKind::Facilities => "Facilities",
        ResourceKind::Technology => "Technology",
        ResourceKind::MarketAccess => "Market access",
        ResourceKind::Brand => "Brand",
        ResourceKind::Other => "Other",
    }
}

fn regime(word: &str) -> &'static str {
    match word {
        "antitrust" => "competition (antitrust) law",
        "data_privacy" => "data-protection law",
        "export_control" => "export controls",
        "anti_bribery" => "anti-bribery law",
        "sanctions" => "sanctions regimes",
        _ => "other regulation",
    }
}
