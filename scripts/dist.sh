#!/usr/bin/env bash
# Build the release binary: the `dist` profile (whole-program optimisation), then linked a
# second time with the functions that the everyday commands run laid out together at the
# start of the code.
#
# Why: the kernel maps a program's code into memory 64 KB at a time around each first use
# (fault-around), and counts every page it maps in the process's memory. Linked in the
# order the compiler emits them, the ~650 functions that `charter check` runs on a small
# agreement (about 1 MB of code) are spread over 3.7 MB of the 8.9 MB of code, and that is
# most of what a small check holds in memory: 7.7 MB in all, of which 0.06 MB is heap.
# Laid out together they take about 1.1 MB, and `check` of a typical 5 KB agreement is
# resident in about 4.5 MB. Nothing else changes: the same code, the same optimisation.
# Where glibc is 2.36 or later, the relocations are also packed (`-z pack-relative-relocs`):
# 400 KB that the loader reads at every start become 7 KB.
#
# How: the first binary is run under Valgrind's callgrind on the bundled examples and on
# generated agreements of 0.2 MB and 1 MB (`check` in each output format, a folder,
# `fmt --check`, `fmt`, `build`, `diff`), which lists every function that ran. Those
# functions go to the linker (LLD's `--symbol-ordering-file`) group by group, `check` of
# one file first, and the binary is linked again. A function the list does not
# name keeps the linker's own order, so a stale or partial list costs memory, never
# correctness. The script then checks that the listed functions did come out together.
#
# Usage: scripts/dist.sh [--install]
#   --install   copy the binary to Cargo's bin folder (${CARGO_HOME:-~/.cargo}/bin), as
#               `cargo install --locked --profile dist --path .` would
# Environment: CARGO_TARGET_DIR (default target). Needs LLD (Rust's default linker on
# x86_64 Linux since 1.90) and Valgrind (installed with apt-get where it is missing):
# without either, the first binary is left as it is, with a warning (an error with
# CHARTER_REQUIRE_ORDER=1, as in CI). Python 3 generates the larger agreements; without it
# only the examples are traced.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

INSTALL=0
for arg in "$@"; do
  case $arg in
    --install) INSTALL=1 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "dist.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

note() { printf 'dist.sh: %s\n' "$*" >&2; }
TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/dist/charter

note "cargo build --profile dist"
cargo build --locked --profile dist --bin charter

# The binary cannot be laid out here: say why, and leave it in the linker's order.
unordered() {
  note "$1: $BIN is left in the linker's order"
  if [[ ${CHARTER_REQUIRE_ORDER:-} == 1 ]]; then exit 1; fi
  install_bin
  exit 0
}

install_bin() {
  if ((INSTALL)); then
    local dest=${CARGO_HOME:-$HOME/.cargo}/bin
    mkdir -p "$dest"
    install -m 755 "$BIN" "$dest/charter"
    note "installed $dest/charter"
  fi
}

if ! readelf -p .comment "$BIN" 2>/dev/null | grep -q 'Linker: LLD'; then
  unordered "the linker is not LLD, whose --symbol-ordering-file this script passes"
fi
if ! command -v valgrind >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  note "installing Valgrind (apt-get)"
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    --no-install-recommends valgrind >/dev/null; } || true
fi
if ! command -v valgrind >/dev/null 2>&1; then
  unordered "Valgrind is not installed"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
EXAMPLES=$(cd examples && pwd)
ABS_BIN=$(cd "$(dirname "$BIN")" && pwd)/charter
runs=0
# One traced run of the group named first (the groups are laid out in the order of their
# names): `check` of one file first, which is what most runs are.
trace() {
  local group=$1
  shift
  runs=$((runs + 1))
  mkdir -p "$WORK/$group"
  local status=0
  (cd "$WORK" && valgrind --tool=callgrind --demangle=no --dump-instr=no \
    --callgrind-out-file="$WORK/$group/$runs.out" "$ABS_BIN" "$@" >/dev/null 2>"$WORK/stderr") \
    || status=$?
  # 1 is findings, which some runs have on purpose; 2 or more, that the run itself failed.
  if ((status > 1)); then
    cat "$WORK/stderr" >&2
    note "charter $* failed (exit status $status) under callgrind"
    exit 1
  fi
}

note "tracing the examples and generated agreements under callgrind"
# Agreements larger than the examples, of the benchmark's shapes (one block of many
# children, many small blocks, long prose, many parties, findings throughout): a large file
# runs code a small one does not (a vector growing past its first allocation, for one).
shopt -s nullglob
if command -v python3 >/dev/null 2>&1; then
  python3 scripts/gen_bench.py "$WORK/shapes" --shapes --size-mb 0.2 >/dev/null
  # More findings than a report lists (the cap, and the line that says how many are left).
  python3 scripts/gen_bench.py "$WORK/many" --shapes findings --size-mb 1 >/dev/null
else
  note "Python 3 is not installed: only the examples are traced"
fi
for f in "$EXAMPLES"/*.charter "$WORK"/shapes/*.charter; do trace 1-check check "$f"; done
findings=$WORK/many/findings.charter
if [[ -f $findings ]]; then trace 1-check check "$findings"; else findings=$EXAMPLES/first-draft.charter; fi
for format in concise json sarif github gitlab; do trace 2-formats check --format "$format" "$findings"; done
trace 3-folder check "$EXAMPLES"
trace 4-fmt fmt --check "$EXAMPLES"
# A file to lay out again: the first indented line of an example, indented once more.
sed '0,/^  \([a-z]\)/s//    \1/' "$EXAMPLES"/northwind-contoso.charter >"$WORK/draft.charter"
trace 4-fmt fmt "$WORK/draft.charter"
for f in "$EXAMPLES"/northwind-contoso.charter "$EXAMPLES"/joint-venture.charter; do
  trace 5-build build "$f" --json "$WORK/a.json" --markdown "$WORK/a.md" --html "$WORK/a.html" \
    --docx "$WORK/a.docx"
done
trace 6-diff diff "$EXAMPLES"/contractual-coalition.charter "$EXAMPLES"/retail-coalition.charter
trace 6-diff diff --format json "$EXAMPLES"/northwind-contoso.charter "$EXAMPLES"/joint-venture.charter

# Every function that ran, group by group, each where it first ran; within a group in the
# order of their names, which keeps a module's functions together (a run that needs one of
# them often needs the next). Only those the binary defines (the runs also name the C
# library's). Callgrind marks a function that runs inside a cycle of calls with `'N` after
# its name; that is not part of the name.
nm --defined-only "$BIN" | awk '$2 ~ /^[tTwW]$/ { print $3 }' | sort -u >"$WORK/defined"
for group in "$WORK"/[0-9]-*/; do
  cat "$group"*.out | sed -n 's/^c\{0,1\}fn=([0-9]*) //p' | sed "s/'[0-9]*\$//" | sort -u
done | awk '!seen[$0]++' >"$WORK/ran"
awk 'NR == FNR { defined[$0] = 1; next } $0 in defined' "$WORK/defined" "$WORK/ran" \
  >"$WORK/order"
count=$(wc -l <"$WORK/order")
if ((count < 100)); then
  unordered "callgrind listed only $count of the binary's functions"
fi

# Named by its content, so that Cargo links again exactly when the order changes.
mkdir -p "$TARGET/dist/order"
ORDER=$TARGET/dist/order/$(sha256sum "$WORK/order" | cut -c1-16).txt
cp "$WORK/order" "$ORDER"
ORDER=$(cd "$(dirname "$ORDER")" && pwd)/$(basename "$ORDER")
LINK_ARGS=(-C link-arg=-Wl,--symbol-ordering-file="$ORDER" -C link-arg=-Wl,--no-warn-symbol-ordering)
# The relocations of the program's tables of pointers (about 400 KB, which the loader reads
# whole at every start) packed into a few KB, where the C library reads them packed (glibc
# 2.36 and later; the binary then runs only there, as it already runs only on the glibc it
# was linked against or a later one).
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null || true)
if [[ $glibc =~ ^glibc\ 2\.([0-9]+) ]] && ((BASH_REMATCH[1] >= 36)); then
  LINK_ARGS+=(-C link-arg=-Wl,-z,pack-relative-relocs)
fi
note "linking again with $count functions first ($ORDER)"
cargo rustc --locked --profile dist --bin charter -- "${LINK_ARGS[@]}"

# The listed functions must now lie together: their span of the code at most a quarter
# more than their own size (alignment between them).
declare -A listed=()
while IFS= read -r name; do listed[$name]=1; done <"$ORDER"
found=0 total=0 low=0 high=0
while read -r address size kind name; do
  [[ -n ${listed[$name]:-} ]] || continue
  start=$((16#$address)) end=$((16#$address + 16#$size))
  if ((found == 0 || start < low)); then low=$start; fi
  if ((found == 0 || end > high)); then high=$end; fi
  total=$((total + 16#$size)) found=$((found + 1))
done < <(nm --defined-only -S "$BIN" | awk 'NF == 4')
if ((found == 0)); then
  note "none of the listed functions is in the relinked binary"
  exit 1
fi
note "$found functions, $((total / 1024)) KB of code, laid out in $(((high - low) / 1024)) KB"
if ((4 * (high - low) > 5 * total)); then
  note "the listed functions did not come out together"
  exit 1
fi
"$BIN" check "$EXAMPLES"/northwind-contoso.charter 2>/dev/null \
  || { note "the relinked binary does not check an example cleanly"; exit 1; }
install_bin
note "built $BIN"
