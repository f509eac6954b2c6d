#!/usr/bin/env python3
"""Generate benchmark inputs for Charter (standard library only, deterministic).

    scripts/gen_bench.py OUTDIR [--size-mb N] [--files N] [--json]
    scripts/gen_bench.py OUTDIR --shapes [NAME,...] [--size-mb N]

Writes, under OUTDIR:

  big.charter            one valid agreement of about N MB (default 10; 1 MB = 1,000,000 bytes):
                         thousands of parties, committees, contributions, metrics, milestones and
                         free clauses, using every value kind of SPEC §1
  big.json               the same items as a natural JSON document (objects for blocks, arrays for
                         repeated blocks, strings for values), to compare against `jq empty`
  typical.charter        one typical agreement of about 5 KB (like the SPEC §6 example)
  many/agreement-NNNN.charter
                         with --files N: N distinct typical agreements (contractual, equity and
                         joint-venture models, two to four parties, every section present)
  typical.json, many-json/agreement-NNNN.json
                         with --json: the typical agreements as JSON too (like big.json), for the
                         jq and JSON-Schema baselines of scripts/bench.sh

The big agreement is meant to check clean: it switches off, with `allow`, the two practice
rules that a benchmark of this shape necessarily trips (`too-many-parties`,
`board-too-large`). Share maps add up to exactly 100% as decimals; ids are unique.
The same arguments always produce byte-identical files.

With --shapes (all, or the ones named), it writes instead, for each benchmark shape NAME,
OUTDIR/NAME.charter of about --size-mb MB and OUTDIR/NAME.json, the same items as minified
JSON (no whitespace between tokens). Each is a complete agreement (head, parties, governance,
contributions, sharing, liability, IP, compliance, covenants, metrics, disputes, exit) whose
only findings are the planted ones:

  wide      one block with tens of thousands of children: `from p1 { ... }` holds 2/3 of the
            bytes as `resource` and `deliverable` blocks (47,349 at 6 MB), `metrics` 1/3 as
            `metric` blocks (22,423 at 6 MB); 2 findings in the last metrics: a misspelt
            optional key `sorce` (unknown-key) and a `by` date after the term
            (date-outside-term)
  flat      tens of thousands of one-line-of-text `clause` blocks at the top level (67,308 at
            6 MB); no findings
  prose     a few dozen clauses (15 at 0.6 MB, 49 at 6 MB), each a text block of hundreds of
            lines (about 480 at 0.6 MB, 1,480 at 6 MB) and a `note` string of several KB (5 KB
            at 0.6 MB, 15 KB at 6 MB); a purpose, scope and note of 3 to 6 KB; no findings
  parties   thousands of parties (995 at 0.6 MB, 9,924 at 6 MB), each with a seat on ten of the
            committees of 40 seats (251, 2,491), revenue, cost and pool shares over all of them;
            `allow: [too-many-parties, board-too-large]`; no findings
  spread    the big agreement with a finding every 20 KB: 30 at 0.6 MB (unknown-key 16,
            date-outside-term 6, todo-left 8), 300 at 6 MB (unknown-key 167,
            date-outside-term 58, todo-left 75)
  end       the big agreement, clean, with 2 findings in its last 1% (unknown-key 1,
            todo-left 1)
  findings  the big agreement with a finding every 600 bytes: 1,000 at 0.6 MB (unknown-key 582,
            date-outside-term 181, todo-left 237), 10,000 at 6 MB (unknown-key 5,749,
            date-outside-term 1,851, todo-left 2,400); charter lists 500 per file and counts
            the rest in its summary

The planted findings are independent: a misspelt optional key, a date after the term or a
`TODO` draws no other finding (see `Planter`). The shapes without a big agreement (wide, flat,
prose, parties) are written in the layout of `charter fmt`, so that the formatted copy is the
same file. The counts above are what the script prints ("N findings planted") and what
`charter check --format json` reports in its summary.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import sys
from datetime import date, timedelta
from decimal import Decimal

MB = 1_000_000
IND = "  "

# ---------------------------------------------------------------------------------------------
# A tiny document model, rendered both as Charter source and as JSON.


class Raw:
    """A value written as-is: number, percent, money, duration, date, ratio, bound, yes/no, word."""

    __slots__ = ("src",)

    def __init__(self, src: str):
        self.src = src


class Str:
    """A one-line string; `value` is the decoded text. With `uescape`, non-ASCII is written \\u{..}."""

    __slots__ = ("value", "uescape")

    def __init__(self, value: str, uescape: bool = False):
        self.value = value
        self.uescape = uescape


class Text:
    """A text block; `lines` are the lines after the common indentation is removed."""

    __slots__ = ("lines",)

    def __init__(self, lines: list[str]):
        self.lines = lines


class List:
    __slots__ = ("items", "multiline")

    def __init__(self, items: list, multiline: bool = False):
        self.items = items
        self.multiline = multiline


class Map:
    __slots__ = ("entries", "multiline", "commas")

    def __init__(self, entries: list, multiline: bool = False, commas: bool = False):
        self.entries = entries  # [(key, value)]
        self.multiline = multiline
        self.commas = commas  # in a multi-line map, end entries with a comma too


class Attr:
    __slots__ = ("key", "value")

    def __init__(self, key: str, value):
        self.key = key
        self.value = value


class Comment:
    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


class Block:
    __slots__ = ("keyword", "name", "title", "items", "inline")

    def __init__(self, keyword, name=None, title=None, items=None, inline=False):
        self.keyword = keyword
        self.name = name  # id, `from PARTY`, `termination KIND`
        self.title = title  # Str or None
        self.items = items if items is not None else []
        self.inline = inline


def W(word: str) -> Raw:
    return Raw(word)


def S(text: str, uescape: bool = False) -> Str:
    return Str(text, uescape)


# --- Charter rendering ------------------------------------------------------------------------


def escape(s: str, uescape: bool) -> str:
    out = []
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 32 or (o > 126 and uescape):
            out.append("\\u{%x}" % o)
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render_value(v, depth: int) -> str:
    if isinstance(v, Raw):
        return v.src
    if isinstance(v, Str):
        return escape(v.value, v.uescape)
    if isinstance(v, Text):
        pad = IND * (depth + 1)
        body = "".join((pad + line if line else "") + "\n" for line in v.lines)
        return '"""\n' + body + pad + '"""'
    if isinstance(v, List):
        if v.multiline:
            pad = IND * (depth + 1)
            body = "".join(pad + render_value(x, depth + 1) + ",\n" for x in v.items)
            return "[\n" + body + IND * depth + "]"
        return "[" + ", ".join(render_value(x, depth) for x in v.items) + "]"
    if isinstance(v, Map):
        if v.multiline:
            pad = IND * (depth + 1)
            end = ",\n" if v.commas else "\n"
            body = "".join(
                pad + k + ": " + render_value(x, depth + 1) + end for k, x in v.entries
            )
            return "{\n" + body + IND * depth + "}"
        if not v.entries:
            return "{ }"
        return "{ " + ", ".join(k + ": " + render_value(x, depth) for k, x in v.entries) + " }"
    raise TypeError(f"not a value: {v!r}")


def render_item(item, depth: int, out: list[str]) -> None:
    pad = IND * depth
    if isinstance(item, Comment):
        out.append(pad + "// " + item.text + "\n")
    elif isinstance(item, Attr):
        out.append(pad + item.key + ": " + render_value(item.value, depth) + "\n")
    elif isinstance(item, Block):
        head = item.keyword
        if item.name is not None:
            head += " " + item.name
        if item.title is not None:
            head += " " + render_value(item.title, depth)
        if item.inline:
            inner = "  ".join(
                a.key + ": " + render_value(a.value, depth) for a in item.items
            )
            out.append(pad + head + (" { " + inner + " }\n" if inner else " { }\n"))
        else:
            out.append(pad + head + " {\n")
            for child in item.items:
                render_item(child, depth + 1, out)
            out.append(pad + "}\n")
    else:
        raise TypeError(f"not an item: {item!r}")


# --- JSON encoding ----------------------------------------------------------------------------

REPEATED = {
    "party": "parties",
    "committee": "committees",
    "from": "from",
    "resource": "resources",
    "deliverable": "deliverables",
    "metric": "metrics",
    "milestone": "milestones",
    "clause": "clauses",
    "termination": "terminations",
    "license": "licenses",
    "stake": "stakes",
    "first_refusal": "first_refusals",
    "minimum_commitment": "minimum_commitments",
}
NAME_KEY = {"from": "party", "termination": "kind"}
TITLE_KEY = {"party": "name", "entity": "name", "committee": "name"}


def json_value(v):
    if isinstance(v, Raw):
        return v.src
    if isinstance(v, Str):
        return v.value
    if isinstance(v, Text):
        return "\n".join(v.lines)
    if isinstance(v, List):
        return [json_value(x) for x in v.items]
    if isinstance(v, Map):
        return {k: json_value(x) for k, x in v.entries}
    raise TypeError(f"not a value: {v!r}")


def json_block(b: Block) -> dict:
    obj: dict = {}
    if b.name is not None:
        obj[NAME_KEY.get(b.keyword, "id")] = b.name
    if b.title is not None:
        obj[TITLE_KEY.get(b.keyword, "title")] = b.title.value
    for child in b.items:
        if isinstance(child, Attr):
            obj[child.key] = json_value(child.value)
        elif isinstance(child, Block):
            if child.keyword in REPEATED:
                obj.setdefault(REPEATED[child.keyword], []).append(json_block(child))
            else:
                obj[child.keyword] = json_block(child)
    return obj


def json_dump(obj, indent: int) -> str:
    # json.dumps escapes newlines inside strings, so every "\n" here is a layout line break.
    return json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * indent)


# --- Writers ----------------------------------------------------------------------------------


def needs_blank_line(prev, item) -> bool:
    """Top-level layout: a blank line around blocks; a comment sticks to what follows it."""
    if prev is None or isinstance(prev, Comment):
        return False
    return isinstance(item, (Block, Comment)) or isinstance(prev, Block)


class CharterWriter:
    """Streams an agreement's top-level items to a file, counting the bytes written."""

    def __init__(self, f, title: Str, head_comments: list[str]):
        self.f = f
        self.bytes = 0
        self.prev = None
        self._write("".join("// " + c + "\n" for c in head_comments))
        self._write("agreement " + render_value(title, 0) + " {\n")

    def _write(self, s: str) -> None:
        data = s.encode("utf-8")
        self.bytes += len(data)
        self.f.write(data)

    def item(self, item) -> None:
        out: list[str] = []
        if needs_blank_line(self.prev, item):
            out.append("\n")
        render_item(item, 1, out)
        self.prev = item
        self._write("".join(out))

    def finish(self) -> None:
        self._write("}\n")


class JsonWriter:
    """Streams the same items as `{"agreement": {...}}`; consecutive repeated blocks form an array.

    With `compact`, the document is minified: no whitespace between tokens (as `jq -c .` writes
    it), and one line break at the end."""

    def __init__(self, f, title: Str, compact: bool = False):
        self.f = f
        self.compact = compact
        self.open_array: str | None = None
        self.used = {"title"}
        if compact:
            self.f.write('{"agreement":{"title":' + json.dumps(title.value, ensure_ascii=False))
        else:
            self.f.write('{\n  "agreement": {\n    "title": '
                         + json.dumps(title.value, ensure_ascii=False))

    def _key(self, key: str) -> None:
        if key in self.used:
            raise RuntimeError(f"JSON key {key!r} would repeat; keep repeated blocks together")
        self.used.add(key)

    def _dump(self, obj, indent: int) -> str:
        if self.compact:
            return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        return json_dump(obj, indent)

    def _close_array(self) -> None:
        if self.open_array is not None:
            self.f.write("]" if self.compact else "\n    ]")
            self.open_array = None

    def item(self, item) -> None:
        if isinstance(item, Comment):
            return
        c = self.compact
        top, colon = ("," if c else ",\n    "), (":" if c else ": ")
        if isinstance(item, Attr):
            self._close_array()
            self._key(item.key)
            self.f.write(top + json.dumps(item.key) + colon
                         + self._dump(json_value(item.value), 4))
            return
        obj = json_block(item)
        key = REPEATED.get(item.keyword)
        if key is None:
            self._close_array()
            self._key(item.keyword)
            self.f.write(top + json.dumps(item.keyword) + colon + self._dump(obj, 4))
        elif self.open_array == key:
            self.f.write(("," if c else ",\n      ") + self._dump(obj, 6))
        else:
            self._close_array()
            self._key(key)
            self.f.write(top + json.dumps(key) + (":[" if c else ": [\n      ")
                         + self._dump(obj, 6))
            self.open_array = key

    def finish(self) -> None:
        self._close_array()
        self.f.write("}}\n" if self.compact else "\n  }\n}\n")


def render_agreement(title: Str, items: list, head_comments: list[str]) -> str:
    out = ["// " + c + "\n" for c in head_comments]
    out.append("agreement " + render_value(title, 0) + " {\n")
    prev = None
    for item in items:
        if needs_blank_line(prev, item):
            out.append("\n")
        render_item(item, 1, out)
        prev = item
    out.append("}\n")
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# Vocabulary. Nothing here contains the letters T-O-D-O in a row (the `todo-left` rule).

STEMS = [
    "Northwind", "Contoso", "Fabrikam", "Tailspin", "Woodgrove", "Litware", "Adatum",
    "Proseware", "Lucerne", "Wingtip", "Alpine", "Coho", "Blue Yonder", "Southridge",
    "Aurora", "Brightwater", "Cedarline", "Danube", "Everpeak", "Fjordhavn", "Granite",
    "Helios", "Ironbridge", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid",
    "Pioneer", "Quarry", "Riverbend", "Saffron", "Tidewater", "Vantage", "Willow", "Yarrow",
    "Zephyr", "\u00c9lan", "M\u00fcller", "S\u00f8ndergaard", "Ib\u00e9rica", "Nordlicht",
    "Caf\u00e9 Lum\u00e8re", "Bj\u00f6rkvik", "Sakura", "Harbourline", "Oakmont",
]
INDUSTRIES = [
    "Traders", "Retail", "Logistics", "Analytics", "Energy", "Biosciences", "Mobility",
    "Payments", "Foods", "Systems", "Health", "Media", "Robotics", "Materials", "Telecom",
]
JURISDICTIONS = [
    ("England and Wales", "Ltd."), ("Germany", "GmbH"), ("France", "SAS"),
    ("Netherlands", "B.V."), ("Spain", "S.L."), ("Delaware, USA", "Inc."),
    ("Ireland", "Limited"), ("Sweden", "AB"), ("Japan", "K.K."), ("Singapore", "Pte. Ltd."),
    ("Denmark", "A/S"), ("Italy", "S.p.A."), ("Switzerland", "AG"), ("Belgium", "SRL"),
    ("C\u00f4te d'Ivoire", "SA"), ("Qu\u00e9bec, Canada", "Inc."),
]
FIRST = [
    "Jane", "Max", "Priya", "Lena", "Ren\u00e9", "Zo\u00eb", "Jos\u00e9", "Bj\u00f6rn",
    "Aiko", "Fatima", "Liam", "Chen", "Olu", "Sofia", "Mateo", "Ingrid", "Kwame", "Noor",
    "Hannah", "Tom\u00e1s", "Ana", "Yusuf", "Mei", "Pierre", "Siobh\u00e1n",
]
LAST = [
    "Doe", "Mustermann", "Patel", "Vogel", "Dupont", "O'Neill", "Garc\u00eda", "Lindqvist",
    "Tanaka", "Haddad", "Murphy", "Wang", "Adeyemi", "Rossi", "Fern\u00e1ndez", "Berg",
    "Mensah", "Khan", "Schmidt", "Novak", "Silva", "Demir", "Liu", "Lef\u00e8vre", "Kelly",
]
TITLES = [
    "Chief Strategy Officer", "Managing Director", "Chief Executive Officer",
    "General Counsel", "VP Partnerships", "Head of Alliances", "Chief Operating Officer",
    "Directeur G\u00e9n\u00e9ral", "Gesch\u00e4ftsf\u00fchrer", "Chief Financial Officer",
]
PRODUCTS = [
    "loyalty-analytics service", "last-mile delivery network", "battery recycling line",
    "clinical data platform", "payments gateway", "shared cold-chain warehouse",
    "fleet telematics product", "carbon accounting tool", "regional streaming bundle",
    "open-banking marketplace", "predictive maintenance suite", "digital pharmacy service",
]
MARKETS = [
    "mid-size retailers", "municipal fleets", "regional hospitals", "independent grocers",
    "small manufacturers", "credit unions", "logistics operators", "university campuses",
]
REGIONS = ["the EU", "the Nordics", "Iberia", "the UK and Ireland", "North America",
           "South-East Asia", "West Africa", "the DACH region"]
ASCII = str.maketrans({"\u00c9": "E", "\u00e9": "e", "\u00e8": "e", "\u00fc": "u", "\u00f8": "o",
                       "\u00f6": "o", "\u00e4": "a", "\u00e1": "a", "\u00ed": "i", "\u00eb": "e",
                       "\u00f4": "o", "'": "", " ": ""})

SUBJECTS = [
    "Each party", "The Steering Committee", "The alliance managers", "The parties",
    "A party that receives Confidential Information", "The convener", "Every member",
    "The defaulting party", "The disclosing party", "Each committee", "The lead party",
    "Any party proposing a change", "The finance working group",
]
VERBS = [
    "shall use reasonable endeavours to", "shall promptly", "may, on written notice,",
    "must at its own cost", "shall in good faith", "undertakes to", "is entitled to",
    "shall, within 30 days,", "agrees to", "shall not unreasonably refuse to",
]
OBJECTS = [
    "share the quarterly pipeline report", "notify the other parties of any material change",
    "keep complete and accurate records of the joint offering",
    "maintain insurance with a reputable insurer", "protect the \"Confidential Information\"",
    "refer the matter to the Steering Committee", "allocate the agreed staff to the programme",
    "comply with applicable export-control law", "cure the breach described in the notice",
    "return or destroy the data received", "publish the agreed press release",
    "pay the invoiced amount in full", "co-operate with the independent auditor",
    "review the service levels against the targets", "escalate the dispute to the executives",
    "provide transition support to the caf\u00e9 network", "update the risk register",
]
TAILS = [
    "", "", "", " without undue delay", " as set out in Schedule 4",
    " unless the Steering Committee decides otherwise", " in accordance with clause 12.3",
    " at the next quarterly review", " subject to applicable law", " for the whole term",
    " within 15 business days", " save as expressly agreed in writing",
]
CLAUSE_TITLES = [
    "Publicity", "Notices", "Counterparts", "Entire agreement", "Non-exclusivity",
    "Force majeure", "Anti-bribery", "Data protection", "Audit rights", "Set-off",
    "Severability", "Variation", "Waiver", "Further assurance", "Costs",
    "No partnership", "Third-party rights", "Language", "Sub-contracting",
    "Insurance", "Records", "Change control", "Brand guidelines", "Step-in rights",
    "Business continuity", "Sanctions", "Conflicts of interest", "Press \"quiet period\"",
    "Droit applicable \u2014 d\u00e9finitions", "Costs and expenses \\ allocation",
]


def company(rng: random.Random, n: int | None = None) -> tuple[str, str, str]:
    """(legal name, jurisdiction, email domain stem)"""
    stem = rng.choice(STEMS)
    ind = rng.choice(INDUSTRIES)
    jur, suffix = rng.choice(JURISDICTIONS)
    name = f"{stem} {ind} {n} {suffix}" if n is not None else f"{stem} {ind} {suffix}"
    return name, jur, stem.translate(ASCII).lower()


def person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return first, last


def sentence(rng: random.Random, party_ids=None) -> str:
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."
    if party_ids and rng.random() < 0.15:
        s += f" This applies to {rng.choice(party_ids)} in particular."
    return s


def wrap(words: list[str], width: int) -> list[str]:
    lines, cur, n = [], [], 0
    for w in words:
        if cur and n + 1 + len(w) > width:
            lines.append(" ".join(cur))
            cur, n = [w], len(w)
        else:
            cur.append(w)
            n += len(w) + (1 if len(cur) > 1 else 0)
    if cur:
        lines.append(" ".join(cur))
    return lines


def prose(rng: random.Random, sentences: int, party_ids=None, width: int = 84,
          bullets: bool = False) -> list[str]:
    words = " ".join(sentence(rng, party_ids) for _ in range(sentences)).split()
    lines = wrap(words, width)
    if bullets:
        lines.append("The parties shall in particular:")
        for letter in "abc"[: rng.randint(2, 3)]:
            # relative indentation inside the text block is kept
            sub = wrap(f"({letter}) {rng.choice(OBJECTS)}{rng.choice(TAILS)};".split(), width - 4)
            lines.append("  " + sub[0])
            lines.extend("      " + s for s in sub[1:])
    return lines


# --- Values -----------------------------------------------------------------------------------


def group3(n: int) -> str:
    return f"{n:,}"


def money(cur: str, amount: int, rng: random.Random | None = None, cents: int = 0) -> Raw:
    """Money with comma groups most of the time, plain digits sometimes, cents sometimes."""
    plain = rng is not None and rng.random() < 0.2
    s = str(amount) if plain else group3(amount)
    if cents:
        s += f".{cents:02d}"
    return Raw(f"{cur} {s}")


def pct(units: int, scale: int) -> str:
    d = (Decimal(units).scaleb(-scale)).normalize()
    return format(d, "f") + "%"


def split_units(rng: random.Random, n: int, total: int, weights=None) -> list[int]:
    """n positive integers adding up to exactly `total`, roughly proportional to weights."""
    if weights is None:
        weights = [rng.randint(1, 40) for _ in range(n)]
    assert total >= n
    rest = total - n
    wsum = sum(weights)
    parts = [1 + (rest * w) // wsum for w in weights]
    left = total - sum(parts)
    order = sorted(range(n), key=lambda i: -weights[i])
    for i in range(left):
        parts[order[i % n]] += 1
    assert sum(parts) == total and min(parts) >= 1
    return parts


def share_map(rng: random.Random, ids: list[str], weights=None, multiline=True,
              min_scale: int = 0) -> Map:
    """A map party -> percent adding up to exactly 100 as decimals."""
    n = len(ids)
    scale = min_scale
    while 100 * 10**scale < 20 * n:
        scale += 1
    parts = split_units(rng, n, 100 * 10**scale, weights)
    return Map([(i, Raw(pct(u, scale))) for i, u in zip(ids, parts)], multiline=multiline)


def add_days(d: date, days: int) -> date:
    return d + timedelta(days=days)


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


# ---------------------------------------------------------------------------------------------
# The big agreement.

CADENCES_FREQ = ["weekly", "biweekly", "monthly", "quarterly"]
DECISIONS = ["majority", "consensus", "unanimous", "2/3", "3/4", "75%", "60%"]
KINDS = ["cash", "ip", "data", "staff", "facilities", "technology", "market_access", "brand",
         "other"]


def big_items(rng: random.Random, target: int, counter: CharterWriter):
    """Yield the top-level items of the big agreement; clauses fill up to `target` bytes."""
    effective = date(2027, 1, 1)
    end = add_years(effective, 3)  # 2030-01-01, inside the term
    span = (end - effective).days

    def in_term() -> str:
        return add_days(effective, rng.randint(1, span - 1)).isoformat()

    # Per-item sizes measured on the output (a party with its seat, contributions and shares
    # takes about 620 bytes, a metric 210, a milestone 100): about 40% of the file goes to
    # parties and contributions, 12% to metrics and milestones, the rest to clauses.
    n_parties = max(2, int(target * 0.40 / 620))
    n_metrics = max(2, int(target * 0.08 / 210))
    n_milestones = max(1, int(target * 0.04 / 100))
    width = max(5, len(str(n_parties)))
    pids = [f"p{i:0{width}d}" for i in range(1, n_parties + 1)]

    # Head -----------------------------------------------------------------------------------
    yield Attr("model", W("contractual"))
    yield Attr("purpose", S("Build and run the \"Open Retail Data\" exchange for "
                            f"{n_parties} members in the EU, the UK and Qu\u00e9bec.", True))
    yield Attr("scope", Text([
        "In scope: the shared data exchange, the joint analytics service and the",
        "reference implementation published under the alliance brand.",
        "Out of scope:",
        "  - each member's own retail operations;",
        "  - pricing decisions, which every member takes alone.",
    ]))
    yield Attr("effective", Raw(effective.isoformat()))
    yield Attr("signed", Raw("2026-12-15"))
    yield Attr("term", Raw("3 years"))
    yield Attr("renewal", W("automatic"))
    yield Attr("renewal_term", Raw("1 year"))
    yield Attr("renewal_notice", Raw("6 months"))
    yield Attr("governing_law", S("England and Wales"))
    yield Attr("allow", List([W("too-many-parties"), W("board-too-large")]))
    yield Attr("note", S("Benchmark agreement: large on purpose.\tNot a real contract.\n"
                         "Generated by scripts/gen_bench.py \\ Charter."))

    # Parties --------------------------------------------------------------------------------
    yield Comment(f"{n_parties} parties; p{1:0{width}d} convenes the alliance")
    roles = {}
    for i, pid in enumerate(pids, 1):
        name, jur, dom = company(rng, i)
        first, last = person(rng)
        mfirst, mlast = person(rng)
        role = "convener" if i == 1 else ("lead" if i % 97 == 0 else "member")
        roles[pid] = role
        items = []
        if role != "member" or rng.random() < 0.7:
            items.append(Attr("role", W(role)))
        ues = rng.random() < 0.3
        items += [
            Attr("jurisdiction", S(jur, ues)),
            Attr("signatory", S(f"{first} {last}, {rng.choice(TITLES)}", ues)),
            Attr("alliance_manager", S(
                f"{mfirst} {mlast} <{mfirst.translate(ASCII).lower()}."
                f"{mlast.translate(ASCII).lower()}@{dom}.example>", ues)),
        ]
        if rng.random() < 0.25:
            items.append(Attr("contact", S(f"+44 20 7946 {rng.randint(0, 9999):04d}")))
        if rng.random() < 0.05:
            items.append(Attr("note", S(f"Joined under the accession deed of "
                                        f"{add_days(effective, -rng.randint(1, 300)).isoformat()}.")))
        if i % 3 == 0:
            yield Block("party", pid, S(name, ues), items, inline=True)
        else:
            yield Block("party", pid, S(name, ues), items)

    # Governance -----------------------------------------------------------------------------
    per_committee = 40  # keep each seats map well under 50 entries
    chunks = [pids[i:i + per_committee] for i in range(0, n_parties, per_committee)]
    gov: list = [Comment(f"{len(chunks)} committees; every party holds a seat on one of them")]
    cids = []
    for k, chunk in enumerate(chunks, 1):
        cid = f"cm{k:04d}"
        cids.append(cid)
        seats = [(p, Raw(str(2 if rng.random() < 0.2 else 1))) for p in chunk]
        total = sum(int(v.src) for _, v in seats)
        items = [Attr("seats", Map(seats, multiline=len(seats) > 4, commas=k % 2 == 0))]
        if rng.random() < 0.5:
            items += [Attr("chair", W("rotating")), Attr("rotation", W("annually"))]
        else:
            items.append(Attr("chair", W(rng.choice(chunk))))
        items += [
            Attr("meets", W(rng.choice(CADENCES_FREQ))),
            Attr("quorum", Raw(str(total // 2 + 1))),
            Attr("decides", Raw(rng.choice(DECISIONS))),
        ]
        if rng.random() < 0.3:
            items.append(Attr("independent", Raw(str(rng.randint(1, 3)))))
        title = "Alliance Steering Committee" if k == 1 else f"Regional Committee {k}"
        gov.append(Block("committee", cid, S(title), items))
    gov += [
        Block("reporting", None, None, [Attr("operations", W("weekly")),
                                        Attr("progress", W("monthly")),
                                        Attr("strategy", W("quarterly"))], inline=True),
        Attr("health_check", W("quarterly")),
        Block("reserved_matters", None, None, [
            Attr("matters", List([S("Admitting a new party"), S("Expanding the scope"),
                                  S("Budget increases above USD 250,000"),
                                  S("Changing the \"Open Retail Data\" licence"),
                                  S("Appointing the alliance\u2019s auditor", True)],
                                 multiline=True)),
            Attr("decides", Raw("2/3")),
        ]),
        Block("scope_change", None, None, [Attr("approved_by", W(cids[0])),
                                           Attr("amendment_required", W("yes"))], inline=True),
    ]
    yield Block("governance", None, None, gov)

    # Contributions --------------------------------------------------------------------------
    contrib: list = [Attr("review", W("quarterly"))]
    weights = []
    for pid in pids:
        items = []
        valued = 0
        for _ in range(rng.randint(2, 5)):
            if rng.random() < 0.22:
                title = rng.choice(["Pilot in 50 stores", "Data feed, version 1",
                                    "Integration with the \"hub\"", "Caf\u00e9 network rollout",
                                    "Quarterly report", "Security audit"])
                d_items = [Attr("due", Raw(in_term()))]
                if rng.random() < 0.3:
                    d_items.append(Attr("acceptance", S(
                        "Runs 60 days without a severity-1 incident")))
                items.append(Block("deliverable", None, S(title, rng.random() < 0.5), d_items,
                                   inline=True))
                continue
            kind = rng.choice(KINDS)
            r_items = [Attr("kind", W(kind))]
            title = {
                "cash": "Funding", "ip": "Loyalty analytics engine",
                "data": "Anonymised transaction data from 1,200 stores",
                "staff": "Data engineering team", "facilities": "Test lab in Rotterdam",
                "technology": "Cloud platform credits", "market_access": "Access to the \"Gold\" channel",
                "brand": "Co-branding rights", "other": "Regulatory liaison",
            }[kind]
            if kind == "cash" or rng.random() < 0.5:
                amount = rng.randint(5, 2500) * 1000
                valued += amount
                r_items.append(Attr("value", money("USD", amount, rng,
                                                   cents=50 if rng.random() < 0.05 else 0)))
            if kind == "staff":
                r_items.append(Attr("fte", Raw(rng.choice(["1", "2", "4", "0.5", "2.5"]))))
            if kind == "ip" or rng.random() < 0.05:
                r_items.append(Attr("license", W(rng.choice(["non_exclusive", "exclusive",
                                                              "assignment"]))))
            if rng.random() < 0.35:
                r_items.append(Attr("schedule", S(rng.choice([
                    "four equal quarterly instalments",
                    "50% on signing;\n50% on pilot acceptance",
                    "monthly, in arrears", "on the first business day of each quarter",
                ]))))
            items.append(Block("resource", None, S(title), r_items, inline=True))
        if not items:
            items.append(Block("resource", None, S("Funding"), [
                Attr("kind", W("cash")), Attr("value", money("USD", 100_000))], inline=True))
            valued += 100_000
        weights.append(max(1, valued // 10_000))
        contrib.append(Block("from", pid, None, items))
    yield Block("contributions", None, None, contrib)

    # Sharing --------------------------------------------------------------------------------
    yield Block("sharing", None, None, [
        Attr("revenue", share_map(rng, pids, weights)),
        Attr("costs", share_map(rng, pids, [max(1, w + rng.randint(-5, 5)) for w in weights],
                                min_scale=1)),
        Attr("method", S("Net revenue after direct costs, settled quarterly")),
    ])

    # Risk, IP, compliance, confidentiality, covenants ---------------------------------------
    yield Block("liability", None, None, [
        Attr("own_people_and_assets", W("each_party")),
        Attr("cap", money("USD", 25_000_000)),
        Attr("insurance", S("Public liability cover of at least USD 10,000,000 per claim")),
        Attr("uncapped", List([S("breach of confidentiality"), S("fraud"),
                               S("death or personal injury caused by negligence")])),
        Attr("termination_fee", money("USD", 150_000)),
        Attr("warranty", Raw("12 months")),
    ])
    licenses = []
    for j in range(1, 6):
        grantor = pids[(j * 7) % n_parties]
        grantee = "all" if j % 2 else pids[(j * 7 + 1) % n_parties]
        l_items = [Attr("grantor", W(grantor)), Attr("grantee", W(grantee)),
                   Attr("scope", S("Use within the joint offering only")),
                   Attr("exclusive", W("no")), Attr("transferable", W("no")),
                   Attr("sublicensable", W("yes" if j == 3 else "no"))]
        if j == 2:
            l_items.append(Attr("royalty", Raw("2.5%")))
        if j == 4:
            l_items.append(Attr("royalty", money("EUR", 250000, cents=50)))
        licenses.append(Block("license", None, S(f"Licence {j}: analytics engine"), l_items))
    yield Block("ip", None, None, [
        Attr("background", W("retained")),
        Attr("joint", W("jointly_owned")),
        Attr("after_exit", Text([
            "Each party keeps a perpetual, royalty-free, non-exclusive licence to jointly",
            "developed IP. Background IP stays with its owner.",
        ])),
        *licenses,
        Attr("escrow", S("Source code of the exchange with NCC Group; released on insolvency")),
    ])
    yield Block("compliance", None, None, [
        Attr("jurisdictions", List([S(j, rng.random() < 0.5) for j, _ in JURISDICTIONS],
                                   multiline=True)),
        Attr("regimes", List([W("antitrust"), W("data_privacy"), W("export_control"),
                              W("anti_bribery"), W("sanctions")])),
        Attr("change_in_law", S("The parties renegotiate in good faith within 60 days.")),
    ])
    yield Block("confidentiality", None, None, [Attr("term", Raw("5 years")),
                                                Attr("note", S("Survives termination."))],
                inline=True)
    yield Block("covenants", None, None, [
        Block("exclusivity", None, None, [
            Attr("binds", List([W(p) for p in pids[:3]])),
            Attr("scope", S("Retail data exchanges in the EU")),
            Attr("after_exit", Raw("6 months")),
            Attr("carve_outs", S("Existing contracts listed in Schedule 7")),
        ]),
        Block("non_compete", None, None, [
            Attr("binds", W("all")), Attr("scope", S("Loyalty analytics for grocers")),
            Attr("territory", S("European Economic Area")), Attr("after_exit", Raw("1 year")),
        ]),
        Block("non_solicit", None, None, [Attr("of", List([W("customers"), W("employees")])),
                                          Attr("binds", W("all")),
                                          Attr("after_exit", Raw("12 months"))], inline=True),
        Block("non_disparagement", None, None, [Attr("binds", W("all"))], inline=True),
        Block("first_refusal", None, S("Data centre capacity"), [
            Attr("holder", W(pids[0])), Attr("kind", W("refusal")),
            Attr("over", S("Sale of the Rotterdam test lab")), Attr("window", Raw("30 days"))]),
        Block("first_refusal", None, S("New markets"), [
            Attr("holder", W(pids[1])), Attr("kind", W("negotiation")),
            Attr("over", S("Expansion to Latin America")), Attr("window", Raw("2 weeks"))]),
        Block("most_favoured", None, None, [Attr("beneficiary", W(pids[0])),
                                            Attr("scope", S("API pricing"))], inline=True),
        Block("minimum_commitment", None, S("Annual spend"), [
            Attr("party", W(pids[-1])), Attr("amount", money("EUR", 250000, cents=50)),
            Attr("per", W("annually"))], inline=True),
        Block("minimum_commitment", None, S("Data volume fee"), [
            Attr("party", W(pids[0])), Attr("amount", money("GBP", 40_000)),
            Attr("per", W("quarterly"))], inline=True),
        Block("assignment", None, None, [Attr("consent_required", W("yes")),
                                         Attr("exceptions", S("Intra-group transfers"))]),
        Block("audit", None, None, [Attr("by", W("all")), Attr("every", W("annually")),
                                    Attr("notice", Raw("15 business days"))], inline=True),
        Attr("third_party_beneficiaries", W("no")),
    ])

    # Metrics and milestones -----------------------------------------------------------------
    targets_q = [">= USD 5,000,000", ">= EUR 250000.50", ">= 4", "<= 10%", "> 12", "= 100%",
                 "<= 30 days", "<= 15 business days", ">= 2 weeks", "< 3", ">= 99.5%",
                 ">= GBP 1,000,000"]
    titles_q = ["Revenue from the joint offering", "Cost savings", "Stores live",
                "Churn", "Integrations shipped", "Audit completion", "Time to onboard",
                "Incident resolution", "Sprint cadence", "Open severity-1 incidents",
                "Uptime", "UK revenue"]
    yield Block("metrics", None, None, list(_metrics(rng, pids, n_metrics, n_milestones,
                                                     in_term, targets_q, titles_q)))

    # Disputes and exit ----------------------------------------------------------------------
    yield Block("disputes", None, None, [
        Block("negotiation", None, None, [Attr("between", W("alliance_managers")),
                                          Attr("within", Raw("15 business days"))], inline=True),
        Block("escalation", None, None, [Attr("to", W(cids[0])),
                                         Attr("within", Raw("30 days"))], inline=True),
        Block("mediation", None, None, [Attr("provider", S("CEDR")),
                                        Attr("within", Raw("45 days"))], inline=True),
        Block("arbitration", None, None, [Attr("rules", S("ICC Rules of Arbitration")),
                                          Attr("seat", S("London")),
                                          Attr("arbitrators", Raw("3"))], inline=True),
    ])
    yield Block("exit", None, None, [
        Block("termination", "convenience", None, [Attr("notice", Raw("90 days")),
                                                   Attr("earliest", Raw("2028-01-01"))],
              inline=True),
        Block("termination", "cause", None, [Attr("notice", Raw("30 days")),
                                             Attr("cure", Raw("30 days"))], inline=True),
        Block("termination", "change_of_control", None, [Attr("notice", Raw("60 days"))],
              inline=True),
        Block("termination", "insolvency", None, [Attr("notice", Raw("10 business days"))],
              inline=True),
        Block("termination", "underperformance", None, [
            Attr("notice", Raw("3 months")),
            Attr("trigger", S("Two consecutive quarters below 50% of the revenue target"))]),
        Attr("wind_down", Raw("6 months")),
        Attr("assets", Text([
            "Shared assets are sold at fair market value; proceeds follow the revenue",
            "shares in force on the date of the termination notice.",
        ])),
        Block("review", None, None, [Attr("every", W("annually")), Attr("decides", W(cids[0])),
                                     Attr("options", List([W("continue"), W("restructure"),
                                                           W("exit")]))]),
        Block("evolve", None, None, [Attr("by", Raw("2029-06-30")),
                                     Attr("into", W("joint_venture")),
                                     Attr("otherwise", W("continue"))], inline=True),
        Attr("transition", Text([
            "For six months after exit the departing party provides transition support",
            "and honours last-time buys placed before the exit date.",
        ])),
    ])

    # Clauses fill the rest ------------------------------------------------------------------
    k = 0
    while k < 1 or counter.bytes < target - 2:
        k += 1
        title = rng.choice(CLAUSE_TITLES)
        lines = prose(rng, rng.randint(3, 8), pids[:50], bullets=rng.random() < 0.25)
        items = [Attr("text", Text(lines))]
        if rng.random() < 0.1:
            items.append(Attr("note", S(f"Drafting note {k}: agreed in round {rng.randint(1, 9)}.")))
        if k % 500 == 1:
            yield Comment(f"Clauses {k} and following")
        yield Block("clause", f"c{k:06d}", S(title, rng.random() < 0.5), items)


def _metrics(rng, pids, n_metrics, n_milestones, in_term, targets_q, titles_q):
    yield Attr("review", W("quarterly"))
    yield Attr("data_access", W("shared"))
    for i in range(1, n_metrics + 1):
        if i % 5 == 0:
            kind, target, title = "qualitative", rng.choice([">= 4", ">= 3.5", ">= 8"]), \
                "Partner trust survey"
        else:
            j = rng.randrange(len(targets_q))
            kind, target, title = "quantitative", targets_q[j], titles_q[j]
        items = [Attr("kind", W(kind)), Attr("target", Raw(target))]
        if rng.random() < 0.7:
            items.append(Attr("by", Raw(in_term())))
        if rng.random() < 0.6:
            items.append(Attr("owner", W("joint")))
        else:
            a = rng.randrange(len(pids) - 1)
            items.append(Attr("owner", List([W(pids[a]), W(pids[a + 1])])))
        if rng.random() < 0.2:
            items.append(Attr("review", W("monthly")))
        if rng.random() < 0.4:
            items.append(Attr("source", S("Twice-yearly survey of both teams, scored 1 to 5"
                                          if kind == "qualitative" else
                                          "Finance dashboard, reconciled by the auditor")))
        yield Block("metric", f"m{i:06d}", S(f"{title} ({i})"), items, inline=i % 4 == 0)
    for i in range(1, n_milestones + 1):
        items = [Attr("due", Raw(in_term()))]
        if rng.random() < 0.8:
            items.append(Attr("horizon", W(rng.choice(["quick_win", "medium_term", "ultimate"]))))
        yield Block("milestone", f"ms{i:06d}", S(f"Milestone {i}: {rng.choice(PRODUCTS)} live"),
                    items, inline=True)


def write_big(outdir: str, size_mb: float) -> tuple[str, str]:
    target = int(size_mb * MB)
    rng = random.Random(20270101)
    cpath = os.path.join(outdir, "big.charter")
    jpath = os.path.join(outdir, "big.json")
    title = S("Open Retail Data Alliance \u2014 benchmark edition")
    with open(cpath, "wb") as cf, open(jpath, "w", encoding="utf-8", newline="\n") as jf:
        cw = CharterWriter(cf, title, [
            "Open Retail Data Alliance: a large agreement for benchmarking Charter.",
            "Generated by scripts/gen_bench.py; deterministic.",
        ])
        jw = JsonWriter(jf, title)
        for item in big_items(rng, target, cw):
            cw.item(item)
            jw.item(item)
        cw.finish()
        jw.finish()
    return cpath, jpath


# ---------------------------------------------------------------------------------------------
# Typical agreements (about 5 KB).

COMMITTEE_NAMES = [("steering", "Alliance Steering Committee"), ("alliance_board", "Joint Alliance Board"),
                   ("council", "Partnership Council"), ("jsc", "Joint Steering Committee")]
OPS_NAMES = [("operations", "Operations Committee"), ("tech", "Technical Working Group"),
             ("commercial", "Commercial Committee")]


def typical_agreement(rng: random.Random, seq: int) -> str:
    title, items, comments = typical_parts(rng, seq)
    return render_agreement(title, items, comments)


def typical_json(rng: random.Random, seq: int) -> str:
    """The same agreement as `typical_agreement` with the same seed, as JSON (like big.json)."""
    title, items, _ = typical_parts(rng, seq)
    out = io.StringIO()
    jw = JsonWriter(out, title)
    for item in items:
        jw.item(item)
    jw.finish()
    return out.getvalue()


def typical_parts(rng: random.Random, seq: int):
    """Title, top-level items and head comments of a typical agreement."""
    model = rng.choices(["contractual", "equity", "joint_venture"], [6, 2, 2])[0]
    n = rng.randint(2, 3) if model == "joint_venture" else rng.randint(2, 4)
    cur = rng.choice(["USD", "EUR", "GBP"])
    eff = date(rng.randint(2026, 2028), rng.randint(1, 12), 1)
    if model == "joint_venture" and rng.random() < 0.5:
        term_src, term_years = "indefinite", None
    else:
        term_years = rng.randint(2, 5)
        term_src = rng.choice([f"{term_years} years", f"{term_years * 12} months"])
    horizon_days = (term_years or 5) * 365 - 31

    def in_term(lo: int = 30, hi: int | None = None) -> str:
        return add_days(eff, rng.randint(lo, hi or horizon_days)).isoformat()

    # Parties
    used_ids: set[str] = set()
    parties, pids = [], []
    for i in range(n):
        while True:
            name, jur, dom = company(rng)
            pid = dom.replace("-", "_")
            if pid not in used_ids and pid[0].isalpha():
                break
        used_ids.add(pid)
        pids.append(pid)
        sf, sl = person(rng)
        mf, ml = person(rng)
        ues = rng.random() < 0.3
        items = []
        if i == 0:
            items.append(Attr("role", W("convener" if model == "contractual" else "lead")))
        items += [
            Attr("jurisdiction", S(jur, ues)),
            Attr("signatory", S(f"{sf} {sl}, {rng.choice(TITLES)}", ues)),
            Attr("alliance_manager", S(f"{mf} {ml} <{mf.translate(ASCII).lower()}."
                                       f"{ml.translate(ASCII).lower()}@{dom}.example>", ues)),
        ]
        parties.append(Block("party", pid, S(name, ues), items))
    product, market, region = rng.choice(PRODUCTS), rng.choice(MARKETS), rng.choice(REGIONS)

    # Contributions, valued in one currency; revenue shares follow the valued contributions.
    contrib = [Attr("review", W(rng.choice(["monthly", "quarterly"])))]
    values = []
    for pid in pids:
        items, valued = [], 0
        amount = rng.randint(2, 30) * 50_000
        valued += amount
        items.append(Block("resource", None, S("Funding"), [
            Attr("kind", W("cash")), Attr("value", money(cur, amount, rng)),
            *([Attr("schedule", S("four equal quarterly instalments"))] if rng.random() < 0.5 else []),
        ], inline=True))
        kind = rng.choice(["ip", "data", "staff", "technology", "market_access", "facilities"])
        r = [Attr("kind", W(kind))]
        if kind == "staff":
            r.append(Attr("fte", Raw(str(rng.randint(1, 8)))))
        else:
            amount = rng.randint(2, 40) * 50_000
            valued += amount
            r.append(Attr("value", money(cur, amount, rng)))
        if kind == "ip":
            r.append(Attr("license", W("non_exclusive")))
        rtitle = {"ip": f"{product.capitalize()} core IP", "data": "Anonymised customer data",
                  "staff": "Engineering team", "technology": "Platform licences",
                  "market_access": f"Access to {market}", "facilities": "Pilot site"}[kind]
        items.append(Block("resource", None, S(rtitle), r, inline=True))
        d = [Attr("due", Raw(in_term(60, min(horizon_days, 720))))]
        if rng.random() < 0.5:
            d.append(Attr("acceptance", S("Runs 60 days without a severity-1 incident")))
        items.append(Block("deliverable", None, S(rng.choice([
            "Pilot in 50 stores", "API, version 1", "Integration tests passed", "Launch plan"])),
            d, inline=True))
        values.append(valued)
        contrib.append(Block("from", pid, None, items))
    rev = share_map(rng, pids, [v // 10_000 for v in values], multiline=False)
    costs = share_map(rng, pids, [max(1, v // 10_000 + rng.randint(-10, 10)) for v in values],
                      multiline=False)

    # Governance
    cid, cname = rng.choice(COMMITTEE_NAMES)
    seats = [(p, Raw("2")) for p in pids]
    committees = [Block("committee", cid, S(cname), [
        Attr("seats", Map(seats)),
        *([Attr("chair", W("rotating")), Attr("rotation", W("annually"))] if rng.random() < 0.5
          else [Attr("chair", W(pids[0]))]),
        Attr("meets", W(rng.choice(["monthly", "quarterly"]))),
        Attr("quorum", Raw(str(n + 1))),
        Attr("decides", Raw(rng.choice(["majority", "unanimous", "2/3", "75%", "consensus"]))),
    ])]
    if rng.random() < 0.5:
        oid, oname = rng.choice(OPS_NAMES)
        committees.append(Block("committee", oid, S(oname), [
            Attr("seats", Map([(p, Raw("1")) for p in pids])), Attr("meets", W("monthly")),
            Attr("decides", W("majority"))]))
    governance = Block("governance", None, None, [
        *committees,
        Block("reporting", None, None, [Attr("operations", W("weekly")),
                                        Attr("progress", W("monthly")),
                                        Attr("strategy", W("quarterly"))], inline=True),
        Attr("health_check", W("quarterly")),
        Block("reserved_matters", None, None, [
            Attr("matters", List([S("Admitting a new party"), S("Expanding the scope"),
                                  S(f"Budget increases above {cur} {group3(rng.randint(1, 9) * 50_000)}")])),
            Attr("decides", W("unanimous"))]),
        Block("scope_change", None, None, [Attr("approved_by", W(cid)),
                                           Attr("amendment_required", W("yes"))], inline=True),
    ])

    entity_id = None
    model_blocks = []
    if model == "equity":
        holder, issuer = pids[1], pids[0]
        model_blocks.append(Block("equity", None, None, [
            Block("stake", None, None, [
                Attr("holder", W(holder)), Attr("issuer", W(issuer)),
                Attr("percent", Raw(rng.choice(["10%", "15%", "19.9%", "25%", "30%"]))),
                Attr("amount", money(cur, rng.randint(5, 80) * 1_000_000)),
                Attr("closing", Raw(in_term(10, 90)))]),
            Attr("board_seats", Map([(holder, Raw("1"))])),
            Attr("information_rights", W("yes")),
            Attr("unwind", S("The issuer may buy back the stake at fair market value on exit.")),
        ]))
    elif model == "joint_venture":
        entity_id = "newco"
        own = share_map(rng, pids, multiline=False)
        model_blocks.append(Block("entity", entity_id, S(f"{product.title()} JV B.V."), [
            Attr("jurisdiction", S("Netherlands")),
            Attr("ownership", own),
            Attr("capital", Map([(p, money(cur, rng.randint(1, 20) * 500_000)) for p in pids])),
            Attr("management", S("A chief executive appointed by the board")),
            Block("board", None, None, [
                Attr("seats", Map([(p, Raw("2")) for p in pids])),
                Attr("independent", Raw("1")),
                Attr("decides", W("majority")),
                Attr("reserved", List([S("Approving the annual budget and capital allocation"),
                                       S("Appointing the chief executive")])),
            ]),
        ]))

    renewal = rng.choice(["none", "automatic", "by_agreement"]) if term_years else None
    head = [
        Attr("model", W(model)),
        Attr("purpose", S(f"Build and sell a shared {product} to {market} in {region}.")),
        Attr("effective", Raw(eff.isoformat())),
        Attr("term", Raw(term_src)),
    ]
    if renewal:
        head.append(Attr("renewal", W(renewal)))
        if renewal == "automatic":
            head += [Attr("renewal_term", Raw("1 year")), Attr("renewal_notice", Raw("90 days"))]
    if rng.random() < 0.4:
        head.append(Attr("scope", Text(wrap(
            f"In scope: the {product} for {market} in {region}. Out of scope: each party's "
            "existing products and customers, which stay with that party.".split(), 80))))
    if rng.random() < 0.3:
        head.append(Attr("signed", Raw(add_days(eff, -rng.randint(5, 60)).isoformat())))
    head.append(Attr("governing_law", S(rng.choice(["England and Wales", "Germany",
                                                    "the Netherlands", "New York", "Singapore"]))))

    pool = rng.random() < 0.5
    liability = [Attr("own_people_and_assets", W("each_party"))]
    if pool:
        liability += [Attr("joint_pool", money(cur, rng.randint(1, 10) * 100_000)),
                      Attr("pool_shares", share_map(rng, pids, multiline=False))]
    liability.append(Attr("cap", money(cur, rng.randint(1, 20) * 1_000_000)))
    if rng.random() < 0.6:
        liability.append(Attr("insurance", S(
            f"Professional indemnity cover of at least {cur} {group3(rng.randint(1, 10) * 1_000_000)}")))

    metrics = Block("metrics", None, None, [
        Attr("review", W("quarterly")), Attr("data_access", W("shared")),
        Block("metric", "joint_revenue", S("Revenue from the joint offering"), [
            Attr("kind", W("quantitative")),
            Attr("target", Raw(f">= {cur} {group3(rng.randint(1, 20) * 1_000_000)}")),
            Attr("by", Raw(in_term(365))), Attr("owner", W("joint"))]),
        Block("metric", "trust", S("Partner trust survey"), [
            Attr("kind", W("qualitative")), Attr("target", Raw(">= 4")),
            Attr("owner", W("joint")),
            Attr("source", S("Twice-yearly survey of both teams, scored 1 to 5"))]),
        Block("milestone", "pilot", S(f"Pilot with {rng.randint(5, 60)} {market}"), [
            Attr("due", Raw(in_term(90, 360))), Attr("horizon", W("quick_win"))], inline=True),
    ])
    disputes = Block("disputes", None, None, [
        Block("negotiation", None, None, [Attr("between", W("alliance_managers")),
                                          Attr("within", Raw("15 business days"))], inline=True),
        Block("escalation", None, None, [Attr("to", W(cid)), Attr("within", Raw("30 days"))],
              inline=True),
        Block("mediation", None, None, [Attr("provider", S(rng.choice(["CEDR", "WIPO", "JAMS"]))),
                                        Attr("within", Raw("45 days"))], inline=True),
        rng.choice([
            Block("arbitration", None, None, [Attr("rules", S("ICC Rules of Arbitration")),
                                              Attr("seat", S(rng.choice(["London", "Paris",
                                                                         "Geneva", "Singapore"]))),
                                              Attr("arbitrators", Raw("3"))], inline=True),
            Block("litigation", None, None, [Attr("courts", S("the courts of England"))],
                  inline=True),
        ]),
    ])
    exit_items = [
        Block("termination", "convenience", None, [
            Attr("notice", Raw(rng.choice(["90 days", "6 months", "3 months"]))),
            Attr("earliest", Raw(add_years(eff, 1).isoformat()))], inline=True),
        Block("termination", "cause", None, [Attr("notice", Raw("30 days")),
                                             Attr("cure", Raw("30 days"))], inline=True),
        Block("termination", "change_of_control", None, [Attr("notice", Raw("60 days"))],
              inline=True),
        Block("termination", "insolvency", None, [Attr("notice", Raw("10 business days"))],
              inline=True),
        Attr("wind_down", Raw(rng.choice(["6 months", "3 months", "90 days"]))),
        Attr("assets", S("Shared assets are sold at fair market value; proceeds follow the "
                         "revenue shares.")),
        Block("review", None, None, [Attr("every", W("annually")), Attr("decides", W(cid)),
                                     Attr("options", List([W("continue"), W("restructure"),
                                                           W("exit")]))], inline=True),
    ]
    if model == "contractual" and term_years and rng.random() < 0.4:
        exit_items.append(Block("evolve", None, None, [
            Attr("by", Raw(in_term(365))), Attr("into", W("equity")),
            Attr("otherwise", W("dissolve"))], inline=True))

    clause_ids = ["publicity", "notices", "counterparts", "entire_agreement"]
    clauses = []
    for c in rng.sample(clause_ids, rng.randint(1, 3)):
        clauses.append(Block("clause", c, S(c.replace("_", " ").capitalize()), [
            Attr("text", Text(prose(rng, rng.randint(2, 3), width=80)))]))

    items = [
        *head,
        *parties,
        *model_blocks,
        governance,
        Block("contributions", None, None, contrib),
        Block("sharing", None, None, [Attr("revenue", rev), Attr("costs", costs),
                                      Attr("method", S("Net revenue after direct costs"))]),
        Block("liability", None, None, liability),
        Block("ip", None, None, [
            Attr("background", W("retained")),
            Attr("joint", W(entity_id or "jointly_owned")),
            Attr("after_exit", S("Each party keeps a perpetual, royalty-free, non-exclusive "
                                 "licence to jointly developed IP."))]),
        compliance_block(),
        Block("confidentiality", None, None, [Attr("term", Raw(f"{rng.randint(2, 5)} years"))],
              inline=True),
        Block("covenants", None, None, [
            Block("non_solicit", None, None, [Attr("of", List([W("employees")])),
                                              Attr("binds", W("all")),
                                              Attr("after_exit", Raw("12 months"))], inline=True),
            Block("assignment", None, None, [Attr("consent_required", W("yes"))], inline=True),
        ]),
        metrics,
        disputes,
        Block("exit", None, None, exit_items),
        *clauses,
    ]
    title = S(" \u2013 ".join(p.title.value.split(" ")[0] for p in parties)
              + f" {product.split()[0].capitalize()} Alliance", rng.random() < 0.3)
    return title, items, [f"{title.value}, draft {rng.randint(1, 9)} (generated #{seq})"]


# ---------------------------------------------------------------------------------------------
# Benchmark shapes (--shapes): agreements that put their bytes, or their findings, in one place.

SHAPES = ("wide", "flat", "prose", "parties", "spread", "end", "findings")
SHAPE_SEEDS = {"wide": 1801, "flat": 1802, "prose": 1803, "parties": 1804, "spread": 1805,
               "end": 1806, "findings": 1807}
EFFECTIVE = date(2027, 1, 1)
TERM_END = add_years(EFFECTIVE, 3)  # 2030-01-01: the last day inside the term
OUTSIDE = "2030-03-31"  # a date after the term: `date-outside-term`
LINE = 100  # the line width `charter fmt` keeps to


def compliance_block() -> Block:
    """The compliance block of the typical agreement and of every shape."""
    return Block("compliance", None, None, [
        Attr("jurisdictions", List([S("EU"), S("UK")])),
        Attr("regimes", List([W("antitrust"), W("data_privacy")])),
        Attr("change_in_law", S("The parties renegotiate in good faith within 60 days."))])


def in_term_of(rng: random.Random) -> str:
    return add_days(EFFECTIVE, rng.randint(1, (TERM_END - EFFECTIVE).days - 1)).isoformat()


def item_len(item, depth: int) -> int:
    """Bytes of one item as CharterWriter writes it at `depth` (no blank line)."""
    out: list[str] = []
    render_item(item, depth, out)
    return len("".join(out).encode("utf-8"))


def agreement_len(title: Str, items: list, head_comments: list[str]) -> int:
    return len(render_agreement(title, items, head_comments).encode("utf-8"))


# --- The standard layout ----------------------------------------------------------------------


def _one_line(v) -> None:
    if isinstance(v, (List, Map)):
        v.multiline = False
        for x in (v.items if isinstance(v, List) else [x for _, x in v.entries]):
            _one_line(x)


def _has_text(v) -> bool:
    if isinstance(v, Text):
        return True
    if isinstance(v, List):
        return any(_has_text(x) for x in v.items)
    if isinstance(v, Map):
        return any(_has_text(x) for _, x in v.entries)
    return False


def _line_fits(item, depth: int) -> bool:
    out: list[str] = []
    render_item(item, depth, out)
    text = "".join(out)
    return text.count("\n") == 1 and len(text) - 1 <= LINE


def canonical(item, depth: int = 1) -> None:
    """Lay `item` out as `charter fmt` would (docs/language.md, "The layout"), so that the
    formatted copy the benchmark checks with `fmt --check` is the same file: sections over
    several lines; a block of at most three attributes, with no text block, on one line when
    it fits in 100 characters; a list or map on its key's line when that fits, else one entry
    per line, each followed by a comma."""
    if isinstance(item, Attr):
        v = item.value
        if isinstance(v, (List, Map)):
            _one_line(v)
            if _has_text(v) or not _line_fits(item, depth):
                v.multiline = True
                if isinstance(v, Map):
                    v.commas = True
        return
    if not isinstance(item, Block):
        return
    if (depth > 1 and 0 < len(item.items) <= 3 and all(isinstance(c, Attr) for c in item.items)
            and not any(_has_text(c.value) for c in item.items)):
        for c in item.items:
            _one_line(c.value)
        item.inline = True
        if _line_fits(item, depth):
            return
    item.inline = False
    for c in item.items:
        canonical(c, depth + 1)


# --- One agreement around the shape -----------------------------------------------------------


def shape_party(rng: random.Random, i: int, pid: str, role: str | None) -> Block:
    name, jur, dom = company(rng, i)
    first, last = person(rng)
    mfirst, mlast = person(rng)
    items = [Attr("role", W(role))] if role else []
    items += [
        Attr("jurisdiction", S(jur)),
        Attr("signatory", S(f"{first} {last}, {rng.choice(TITLES)}")),
        Attr("alliance_manager", S(f"{mfirst} {mlast} <{mfirst.translate(ASCII).lower()}."
                                   f"{mlast.translate(ASCII).lower()}@{dom}.example>")),
    ]
    if rng.random() < 0.25:
        items.append(Attr("contact", S(f"+44 20 7946 {rng.randint(0, 9999):04d}")))
    return Block("party", pid, S(name), items)


def steering(pids: list[str], cid: str = "steering") -> Block:
    seats = [(p, Raw("2")) for p in pids]
    return Block("committee", cid, S("Alliance Steering Committee"), [
        Attr("seats", Map(seats)), Attr("chair", W("rotating")), Attr("rotation", W("annually")),
        Attr("meets", W("quarterly")), Attr("quorum", Raw(str(len(pids) + 1))),
        Attr("decides", W("majority"))])


def shape_frame(rng: random.Random, pids: list[str], parties: list[Block], *, purpose: Str,
                contributions: list, weights: list[int] | None, metric_items: list,
                committees: list[Block] | None = None, scope=None, allow=(), note=None,
                clauses=(), pool: bool = False) -> list:
    """The top-level items of a complete, clean agreement around the parts a shape makes big:
    the head, `parties`, governance (`committees`, by default one steering committee), the
    `contributions` (the `from` blocks), sharing (revenue and costs follow `weights`, the
    valued contributions), liability, IP, compliance, confidentiality, covenants, the metrics
    (`metric_items` after `review` and `data_access`), disputes, exit and `clauses`."""
    committees = committees or [steering(pids)]
    cid = committees[0].name
    head = [
        Attr("model", W("contractual")),
        Attr("purpose", purpose),
        *([Attr("scope", scope)] if scope is not None else []),
        Attr("effective", Raw(EFFECTIVE.isoformat())),
        Attr("signed", Raw("2026-12-15")),
        Attr("term", Raw("3 years")),
        Attr("renewal", W("automatic")),
        Attr("renewal_term", Raw("1 year")),
        Attr("renewal_notice", Raw("6 months")),
        Attr("governing_law", S("England and Wales")),
        *([Attr("allow", List([W(r) for r in allow]))] if allow else []),
        *([Attr("note", note)] if note is not None else []),
    ]
    governance = Block("governance", None, None, [
        *committees,
        Block("reporting", None, None, [Attr("operations", W("weekly")),
                                        Attr("progress", W("monthly")),
                                        Attr("strategy", W("quarterly"))]),
        Attr("health_check", W("quarterly")),
        Block("reserved_matters", None, None, [
            Attr("matters", List([S("Admitting a new party"), S("Expanding the scope"),
                                  S("Budget increases above USD 250,000")])),
            Attr("decides", W("unanimous"))]),
        Block("scope_change", None, None, [Attr("approved_by", W(cid)),
                                           Attr("amendment_required", W("yes"))]),
    ])
    liability = [Attr("own_people_and_assets", W("each_party")),
                 Attr("cap", money("USD", 25_000_000))]
    if pool:
        liability += [Attr("joint_pool", money("USD", 500_000)),
                      Attr("pool_shares", share_map(rng, pids, min_scale=1))]
    liability += [
        Attr("insurance", S("Public liability cover of at least USD 10,000,000 per claim")),
        Attr("uncapped", List([S("breach of confidentiality"), S("fraud")])),
    ]
    return [
        *head,
        *parties,
        governance,
        Block("contributions", None, None, [Attr("review", W("quarterly")), *contributions]),
        Block("sharing", None, None, [
            Attr("revenue", share_map(rng, pids, weights)),
            Attr("costs", share_map(rng, pids, weights, min_scale=1)),
            Attr("method", S("Net revenue after direct costs, settled quarterly"))]),
        Block("liability", None, None, liability),
        Block("ip", None, None, [
            Attr("background", W("retained")),
            Attr("joint", W("jointly_owned")),
            Attr("joint_exploitation", W("each_freely")),
            Attr("after_exit", S("Each party keeps a perpetual, royalty-free, non-exclusive "
                                 "licence to jointly developed IP."))]),
        compliance_block(),
        Block("confidentiality", None, None, [Attr("term", Raw("5 years"))]),
        Block("covenants", None, None, [
            Block("non_solicit", None, None, [Attr("of", List([W("employees")])),
                                              Attr("binds", W("all")),
                                              Attr("after_exit", Raw("12 months"))]),
            Block("assignment", None, None, [Attr("consent_required", W("yes"))]),
        ]),
        Block("metrics", None, None, [Attr("review", W("quarterly")),
                                      Attr("data_access", W("shared")), *metric_items]),
        Block("disputes", None, None, [
            Block("negotiation", None, None, [Attr("between", W("alliance_managers")),
                                              Attr("within", Raw("15 business days"))]),
            Block("escalation", None, None, [Attr("to", W(cid)), Attr("within", Raw("30 days"))]),
            Block("mediation", None, None, [Attr("provider", S("CEDR")),
                                            Attr("within", Raw("45 days"))]),
            Block("arbitration", None, None, [Attr("rules", S("ICC Rules of Arbitration")),
                                              Attr("seat", S("London")),
                                              Attr("arbitrators", Raw("3"))]),
        ]),
        Block("exit", None, None, [
            Block("termination", "convenience", None, [Attr("notice", Raw("90 days")),
                                                       Attr("earliest", Raw("2028-01-01"))]),
            Block("termination", "cause", None, [Attr("notice", Raw("30 days")),
                                                 Attr("cure", Raw("30 days"))]),
            Block("termination", "change_of_control", None, [Attr("notice", Raw("60 days"))]),
            Block("termination", "insolvency", None, [Attr("notice", Raw("10 business days"))]),
            Attr("wind_down", Raw("6 months")),
            Attr("assets", S("Shared assets are sold at fair market value; proceeds follow the "
                             "revenue shares.")),
            Block("review", None, None, [Attr("every", W("annually")), Attr("decides", W(cid)),
                                         Attr("options", List([W("continue"), W("restructure"),
                                                               W("exit")]))]),
        ]),
        *clauses,
    ]


def small_parties(rng: random.Random, n: int = 3) -> tuple[list[str], list[Block]]:
    pids = [f"p{i}" for i in range(1, n + 1)]
    return pids, [shape_party(rng, i, p, "convener" if i == 1 else None)
                  for i, p in enumerate(pids, 1)]


def two_metrics() -> list[Block]:
    return [
        Block("metric", "joint_revenue", S("Revenue from the joint offering"), [
            Attr("kind", W("quantitative")), Attr("target", Raw(">= USD 5,000,000")),
            Attr("by", Raw("2028-12-31")), Attr("owner", W("joint"))]),
        Block("metric", "trust", S("Partner trust survey"), [
            Attr("kind", W("qualitative")), Attr("target", Raw(">= 4")), Attr("owner", W("joint")),
            Attr("source", S("Twice-yearly survey of both teams, scored 1 to 5"))]),
        Block("milestone", "pilot", S("Pilot live in 50 stores"), [
            Attr("due", Raw("2027-09-30")), Attr("horizon", W("quick_win"))]),
    ]


def funding(rng: random.Random, pid_value: int) -> list[Block]:
    return [
        Block("resource", None, S("Funding"), [Attr("kind", W("cash")),
                                               Attr("value", money("USD", pid_value))]),
        Block("deliverable", None, S("Quarterly report"), [Attr("due", Raw(in_term_of(rng)))]),
    ]


def finish_shape(title: Str, items: list, comments: list[str]) -> tuple:
    for item in items:
        canonical(item)
    return title, items, comments, {}


# --- wide: one block with tens of thousands of children ---------------------------------------

WIDE_RESOURCES = [
    ("cash", "Funding tranche"), ("data", "Anonymised transaction data, store"),
    ("staff", "Data engineering team"), ("technology", "Cloud platform credits, region"),
    ("facilities", "Test lab bay"), ("market_access", "Access to the \"Gold\" channel, market"),
    ("ip", "Loyalty analytics module"), ("brand", "Co-branding rights, campaign"),
]
WIDE_METRICS = [(t, q) for q, t in zip(
    [">= USD 5,000,000", ">= 4", "<= 10%", "> 12", "= 100%", "<= 30 days", ">= 99.5%", "< 3"],
    ["Revenue", "Trust", "Churn", "Integrations", "Audits", "Onboarding", "Uptime",
     "Incidents"])]


def shape_wide(rng: random.Random, target: int):
    """2/3 of the bytes in `from p1 { … }`, 1/3 in `metrics`; two findings in the last metrics."""
    pids, parties = small_parties(rng)
    title = S("Wide Alliance \u2014 benchmark shape")
    comments = ["Benchmark shape `wide`: one block with tens of thousands of children.",
                "Generated by scripts/gen_bench.py --shapes; deterministic."]
    p1: list = []
    metric_items = two_metrics()
    values = {"p1": 0, "p2": 0, "p3": 0}
    seed = rng.random()

    def build():
        contrib = [Block("from", "p1", None, p1)]
        for k, p in ((2, "p2"), (3, "p3")):
            contrib.append(Block("from", p, None, funding(random.Random(k), max(1, values[p]))))
        weights = [max(1, values[p] // 1000) for p in pids]
        return shape_frame(random.Random(seed), pids, parties,
                           purpose=S("Run a shared loyalty-analytics service for the members."),
                           contributions=contrib, weights=weights, metric_items=metric_items)

    budget_p1 = target * 2 // 3
    used, i = 0, 0
    while used < budget_p1:
        i += 1
        if i % 5 == 0:
            b = Block("deliverable", None, S(f"Integration milestone {i}"),
                      [Attr("due", Raw(in_term_of(rng)))])
            if i % 10 == 0:
                b.items.append(Attr("acceptance", S("Runs 60 days without incident")))
        else:
            kind, t = WIDE_RESOURCES[rng.randrange(len(WIDE_RESOURCES))]
            r = [Attr("kind", W(kind))]
            if kind == "cash" or rng.random() < 0.3:
                amount = rng.randint(5, 500) * 1000
                values["p1"] += amount
                r.append(Attr("value", money("USD", amount)))
            if kind == "staff":
                r.append(Attr("fte", Raw(rng.choice(["1", "2", "0.5"]))))
            if kind == "ip":
                r.append(Attr("license", W("non_exclusive")))
            b = Block("resource", None, S(f"{t} {i}"), r)
        canonical(b, 3)
        p1.append(b)
        used += item_len(b, 3)
    # p2 and p3 bring half and a quarter of p1's value, so that the shares stay apart from 0.
    values["p2"], values["p3"] = values["p1"] // 2, values["p1"] // 4
    used = agreement_len(title, build(), comments)
    n = 0
    while used < target:
        n += 1
        t, q = WIDE_METRICS[n % len(WIDE_METRICS)]
        kind = "qualitative" if t == "Trust" else "quantitative"
        m = Block("metric", f"m{n:06d}", S(f"{t} {n}"), [
            Attr("kind", W(kind)), Attr("target", Raw(q)), Attr("owner", W("joint"))])
        canonical(m, 2)
        metric_items.append(m)
        used += item_len(m, 2)
    # The two findings: a misspelt optional key (`sorce` for `source`: unknown-key, and
    # nothing else, since `source` is optional) and a date after the term (date-outside-term).
    metric_items[-3].items.append(Attr("sorce", S("Finance dashboard")))
    metric_items[-1].items.append(Attr("by", Raw(OUTSIDE)))
    title, items, comments, _ = finish_shape(title, build(), comments)
    return title, items, comments, {"unknown-key": 1, "date-outside-term": 1}


# --- flat: many small top-level blocks --------------------------------------------------------

FLAT_TEXTS = [
    "Each party bears its own costs.", "Notices are given in writing.",
    "This agreement may be signed in counterparts.", "No partnership is created.",
    "English is the language of this agreement.", "A waiver must be in writing.",
    "Each party keeps complete records.", "The parties meet once a quarter.",
    "Press releases need the other party's consent.", "Clause headings do not affect meaning.",
]


def shape_flat(rng: random.Random, target: int):
    """Tens of thousands of one-sentence `clause` blocks at the top level; no findings."""
    pids, parties = small_parties(rng)
    title = S("Flat Alliance \u2014 benchmark shape")
    comments = ["Benchmark shape `flat`: many small top-level blocks.",
                "Generated by scripts/gen_bench.py --shapes; deterministic."]
    contrib = [Block("from", p, None, funding(rng, 1_000_000 * (i + 1)))
               for i, p in enumerate(pids)]
    weights = [1000 * (i + 1) for i in range(len(pids))]
    items = shape_frame(rng, pids, parties, purpose=S("Keep the members' shared terms."),
                        contributions=contrib, weights=weights, metric_items=two_metrics())
    used = agreement_len(title, items, comments)
    k = 0
    while used < target:
        k += 1
        c = Block("clause", f"c{k:06d}", S(rng.choice(CLAUSE_TITLES)),
                  [Attr("text", S(rng.choice(FLAT_TEXTS)))])
        items.append(c)
        used += item_len(c, 1) + 1  # and the blank line before it
    return finish_shape(title, items, comments)


# --- prose: long text blocks and long strings -------------------------------------------------


def long_string(rng: random.Random, size: int) -> Str:
    """A one-line string of about `size` bytes of sentences."""
    parts, n = [], 0
    while n < size:
        s = sentence(rng)
        parts.append(s)
        n += len(s) + 1
    return S(" ".join(parts))


def shape_prose(rng: random.Random, target: int):
    """A few dozen clauses, each a text block of hundreds of lines and a note of several KB."""
    pids, parties = small_parties(rng)
    title = S("Prose Alliance \u2014 benchmark shape")
    comments = ["Benchmark shape `prose`: long text blocks and long strings.",
                "Generated by scripts/gen_bench.py --shapes; deterministic."]
    size_mb = target / MB
    n_clauses = max(12, round(20 * math.sqrt(size_mb)))
    contrib = [Block("from", p, None, funding(rng, 1_000_000 * (i + 1)))
               for i, p in enumerate(pids)]
    weights = [1000 * (i + 1) for i in range(len(pids))]
    purpose = long_string(rng, 4000)
    scope = long_string(rng, 6000)
    note = long_string(rng, 3000)
    items = shape_frame(rng, pids, parties, purpose=purpose, scope=scope, note=note,
                        contributions=contrib, weights=weights, metric_items=two_metrics())
    rest = target - agreement_len(title, items, comments)
    per_clause = rest // n_clauses
    note_size = max(2000, per_clause // 8)
    clauses = []
    for k in range(1, n_clauses + 1):
        note_s = long_string(rng, note_size)
        budget = per_clause - len(note_s.value.encode("utf-8")) - 120
        lines: list[str] = []
        n = 0
        while n < budget:
            para = prose(rng, rng.randint(3, 8), pids, bullets=rng.random() < 0.25)
            if lines:
                para = [""] + para  # a blank line between paragraphs
            lines += para
            n += sum(len(l.encode("utf-8")) + 7 if l else 1 for l in para)
        clauses.append(Block("clause", f"c{k:03d}", S(rng.choice(CLAUSE_TITLES)), [
            Attr("text", Text(lines)), Attr("note", note_s)]))
    return finish_shape(title, items + clauses, comments)


# --- parties: many parties and committees -----------------------------------------------------


def shape_parties(rng: random.Random, target: int):
    """Thousands of parties, each with a seat on ten committees of 40 seats, and share maps
    over all of them."""
    title = S("Many Parties Alliance \u2014 benchmark shape")
    comments = ["Benchmark shape `parties`: many parties and committees.",
                "Generated by scripts/gen_bench.py --shapes; deterministic."]
    seed = rng.random()
    layers, per_committee = 10, 40

    def make(n: int):
        r = random.Random(seed)
        width = max(5, len(str(n)))
        pids = [f"p{i:0{width}d}" for i in range(1, n + 1)]
        parties = [shape_party(r, i, p, "convener" if i == 1 else ("lead" if i % 97 == 0
                                                                   else "member"))
                   for i, p in enumerate(pids, 1)]
        committees = [steering(pids[:5])]  # the steering committee: the first five parties
        for layer in range(layers):
            shift = layer * per_committee // layers  # each layer seats other neighbours together
            order = pids[shift:] + pids[:shift]
            for k in range(0, n, per_committee):
                chunk = order[k:k + per_committee]
                seats = [(p, Raw("2" if r.random() < 0.2 else "1")) for p in chunk]
                total = sum(int(v.src) for _, v in seats)
                committees.append(Block(
                    "committee", f"cm{layer + 1:02d}_{k // per_committee + 1:05d}",
                    S(f"Regional Committee {layer + 1}.{k // per_committee + 1}"), [
                        Attr("seats", Map(seats)),
                        Attr("chair", W(r.choice(chunk))),
                        Attr("meets", W(r.choice(["monthly", "quarterly"]))),
                        Attr("quorum", Raw(str(total // 2 + 1))),
                        Attr("decides", Raw(r.choice(["majority", "2/3", "75%"]))),
                    ]))
        contrib = [Block("from", p, None, [
            Block("deliverable", None, S(r.choice(["Member data feed", "Store pilot",
                                                   "Regional launch plan"])),
                  [Attr("due", Raw(in_term_of(r)))])]) for p in pids]
        items = shape_frame(r, pids, parties,
                            purpose=S(f"Run the member exchange for {n} members."),
                            allow=["too-many-parties", "board-too-large"],
                            committees=committees, contributions=contrib, weights=None,
                            metric_items=two_metrics(), pool=True)
        return finish_shape(title, items, comments)

    n = max(6, target // 560)
    shape = make(n)
    size = agreement_len(title, shape[1], comments)
    n = max(6, round(n * target / size))
    return make(n)


# --- spread, end, findings: the big agreement with findings planted in it ---------------------


class Planter:
    """Plants one finding for each mark (a byte offset of the Charter file) into the first
    suitable block at or after it, as the big agreement is written: a party or a resource gets a
    misspelt optional key (`contcat`, `shedule`: `unknown-key`); a deliverable, milestone or
    metric a date after the term (`date-outside-term`); a clause, in turns, a `TODO` in its
    text (`todo-left`) or a misspelt `noet` (`unknown-key`), and up to both when marks are
    close. Each finding stands alone: no other rule reacts to it."""

    def __init__(self, marks: list[int]):
        self.marks = sorted(marks)
        self.next = 0
        self.counts: dict[str, int] = {}
        self.clauses = 0

    @property
    def pending(self) -> int:
        return len(self.marks) - self.next

    def _plant(self, b: Block, n: int) -> bool:
        """Plant a finding in `b`, which has `n` already; False when `b` takes no (more)."""
        kw = b.keyword
        if n and kw != "clause" or n > 1:
            return False
        if kw == "party":
            b.items.append(Attr("contcat", S("+44 20 7946 0101")))
            rule = "unknown-key"
        elif kw == "resource":
            b.items.append(Attr("shedule", S("monthly, in arrears")))
            rule = "unknown-key"
        elif kw in ("deliverable", "milestone"):
            b.items = [Attr("due", Raw(OUTSIDE)) if isinstance(a, Attr) and a.key == "due" else a
                       for a in b.items]
            rule = "date-outside-term"
        elif kw == "metric":
            b.items = [a for a in b.items if not (isinstance(a, Attr) and a.key == "by")]
            b.items.insert(2, Attr("by", Raw(OUTSIDE)))
            rule = "date-outside-term"
        elif kw == "clause":
            # A clause takes up to two: a TODO in its text and a misspelt `note`, in turns.
            self.clauses += 1
            if self.clauses % 2:
                text = next(a for a in b.items if a.key == "text")
                text.value = Text(text.value.lines + ["TODO: confirm this clause with counsel."])
                rule = "todo-left"
            else:
                b.items.append(Attr("noet", S("Agreed in the last round.")))
                rule = "unknown-key"
        else:
            return False
        self.counts[rule] = self.counts.get(rule, 0) + 1
        self.next += 1
        return True

    def walk(self, item, depth: int, offset: int) -> None:
        """`item` starts at byte `offset`; plant where a mark has been passed."""
        if not isinstance(item, Block) or not self.pending:
            return
        n = 0
        while self.pending and offset >= self.marks[self.next] and self._plant(item, n):
            n += 1
        if n:
            return
        if item.inline:
            return
        head: list[str] = []
        render_item(Block(item.keyword, item.name, item.title, []), depth, head)
        offset += len(head[0].encode("utf-8"))
        for child in item.items:
            self.walk(child, depth + 1, offset)
            offset += item_len(child, depth + 1)


class _Counting:
    """What big_items reads as the bytes written: held below the target while findings are
    still to be planted, so that the clauses go on until every mark has its finding."""

    def __init__(self, cw: CharterWriter, planter: Planter, target: int):
        self.cw, self.planter, self.target = cw, planter, target

    @property
    def bytes(self) -> int:
        if self.planter.pending:
            return min(self.cw.bytes, self.target - 3)
        return self.cw.bytes


def write_planted(cpath: str, jpath: str, seed: int, target: int, marks: list[int],
                  title: Str, comments: list[str]) -> dict[str, int]:
    rng = random.Random(seed)
    planter = Planter(marks)
    with open(cpath, "wb") as cf, open(jpath, "w", encoding="utf-8", newline="\n") as jf:
        cw = CharterWriter(cf, title, comments)
        jw = JsonWriter(jf, title, compact=True)
        for item in big_items(rng, target, _Counting(cw, planter, target)):
            if isinstance(item, Block) and item.keyword == "ip":
                # The big agreement leaves this open (`joint-ip-without-exploitation`).
                item.items.insert(2, Attr("joint_exploitation", W("each_freely")))
            planter.walk(item, 1, cw.bytes + (1 if needs_blank_line(cw.prev, item) else 0))
            cw.item(item)
            jw.item(item)
        cw.finish()
        jw.finish()
    assert not planter.pending
    return planter.counts


def spaced_marks(target: int, n: int) -> list[int]:
    return [int((k + 0.5) * target / n) for k in range(n)]


# ---------------------------------------------------------------------------------------------


def write_shape(outdir: str, name: str, size_mb: float) -> tuple[str, str, dict[str, int]]:
    """Write OUTDIR/NAME.charter and the same items as minified JSON, OUTDIR/NAME.json; return
    the paths and the findings planted, by rule."""
    target = int(size_mb * MB)
    cpath = os.path.join(outdir, f"{name}.charter")
    jpath = os.path.join(outdir, f"{name}.json")
    seed = SHAPE_SEEDS[name]
    if name in ("spread", "end", "findings"):
        if name == "spread":
            marks = spaced_marks(target, max(1, round(target / 20_000)))
        elif name == "end":
            marks = [int(target * 0.994), int(target * 0.997)]
        else:
            marks = spaced_marks(target, max(1, round(target / 600)))
        title = S(f"Open Retail Data Alliance \u2014 benchmark shape `{name}`")
        comments = [f"Benchmark shape `{name}`: the big agreement with {len(marks)} findings.",
                    "Generated by scripts/gen_bench.py --shapes; deterministic."]
        return cpath, jpath, write_planted(cpath, jpath, seed, target, marks, title, comments)
    make = {"wide": shape_wide, "flat": shape_flat, "prose": shape_prose,
            "parties": shape_parties}[name]
    title, items, comments, expected = make(random.Random(seed), target)
    with open(cpath, "wb") as cf, open(jpath, "w", encoding="utf-8", newline="\n") as jf:
        cw = CharterWriter(cf, title, comments)
        jw = JsonWriter(jf, title, compact=True)
        for item in items:
            cw.item(item)
            jw.item(item)
        cw.finish()
        jw.finish()
    return cpath, jpath, expected


# ---------------------------------------------------------------------------------------------


def human(n: int) -> str:
    if n >= MB:
        return f"{n / MB:.2f} MB"
    return f"{n / 1000:.1f} KB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate Charter benchmark inputs.")
    ap.add_argument("outdir")
    ap.add_argument("--size-mb", type=float, default=10.0,
                    help="approximate size of big.charter in MB (10^6 bytes; default 10)")
    ap.add_argument("--files", type=int, default=0,
                    help="also write N typical agreements to OUTDIR/many/ (default 0)")
    ap.add_argument("--json", action="store_true",
                    help="also write typical.json and, with --files, OUTDIR/many-json/: the same "
                         "agreements as JSON, for the baselines of scripts/bench.sh")
    ap.add_argument("--shapes", nargs="?", const="all", metavar="NAME,...",
                    help="write the benchmark shapes instead (all, or the ones named: "
                         + ", ".join(SHAPES) + "): OUTDIR/NAME.charter of about --size-mb MB "
                         "and OUTDIR/NAME.json, the same items as minified JSON")
    args = ap.parse_args(argv)
    if args.size_mb <= 0:
        ap.error("--size-mb must be positive")
    if args.files < 0:
        ap.error("--files must be 0 or more")

    os.makedirs(args.outdir, exist_ok=True)
    if args.shapes is not None:
        names = list(SHAPES) if args.shapes == "all" else args.shapes.split(",")
        for name in names:
            if name not in SHAPES:
                ap.error(f"unknown shape {name!r}; the shapes are " + ", ".join(SHAPES))
        for name in names:
            cpath, jpath, found = write_shape(args.outdir, name, args.size_mb)
            planted = (", ".join(f"{r} {n:,}" for r, n in sorted(found.items()))
                       if found else "none")
            print(f"{cpath}: {human(os.path.getsize(cpath))}, "
                  f"{sum(found.values()):,} findings planted ({planted})")
            print(f"{jpath}: {human(os.path.getsize(jpath))}")
        return 0
    cpath, jpath = write_big(args.outdir, args.size_mb)
    print(f"{cpath}: {human(os.path.getsize(cpath))}")
    print(f"{jpath}: {human(os.path.getsize(jpath))}")

    tpath = os.path.join(args.outdir, "typical.charter")
    with open(tpath, "w", encoding="utf-8", newline="\n") as f:
        f.write(typical_agreement(random.Random(6), 0))
    print(f"{tpath}: {human(os.path.getsize(tpath))}")
    if args.json:
        tjson = os.path.join(args.outdir, "typical.json")
        with open(tjson, "w", encoding="utf-8", newline="\n") as f:
            f.write(typical_json(random.Random(6), 0))
        print(f"{tjson}: {human(os.path.getsize(tjson))}")

    if args.files:
        mdir = os.path.join(args.outdir, "many")
        os.makedirs(mdir, exist_ok=True)
        width = max(4, len(str(args.files)))
        total = 0
        for i in range(1, args.files + 1):
            text = typical_agreement(random.Random(100_000 + i), i)
            p = os.path.join(mdir, f"agreement-{i:0{width}d}.charter")
            with open(p, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            total += len(text.encode("utf-8"))
            if args.json:
                jdir = os.path.join(args.outdir, "many-json")
                os.makedirs(jdir, exist_ok=True)
                jp = os.path.join(jdir, f"agreement-{i:0{width}d}.json")
                with open(jp, "w", encoding="utf-8", newline="\n") as f:
                    f.write(typical_json(random.Random(100_000 + i), i))
        print(f"{mdir}/: {args.files} files, {human(total)} in all, "
              f"{human(total // args.files)} on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
