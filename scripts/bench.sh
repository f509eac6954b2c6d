#!/usr/bin/env bash
# Benchmark Charter against jq on inputs of the same content.
#
#   scripts/bench.sh [--quick] [--no-build] [--regen]
#
#   --quick     3 alternating runs of each command instead of 11
#   --no-build  do not run `cargo build --release` (use the binary that is there)
#   --regen     regenerate the benchmark data even if it exists
#
# Environment: CHARTER (default target/release/charter), JQ (default /usr/bin/jq),
# PYTHON (default python3), BENCH_DATA (default bench-data, git-ignored),
# BENCH_SIZE_MB (size of big.charter when generating, default 10),
# BENCH_FILES (number of typical agreements in BENCH_DATA/many/, default 2000),
# BENCH_NO_GNU_TIME=1 (measure memory with os.wait4 even if /usr/bin/time exists).
#
# After the table, `bench_threads` times `charter check` on the folder of BENCH_FILES typical
# agreements with RAYON_NUM_THREADS=1 and =2, and prints files per second and the speed-up.
#
# Each row of the table is one call of
#   bench_pair NAME CMD_A CMD_B [INPUT]
# CMD_A is the charter command, CMD_B its baseline (jq here); both are shell-quoted strings,
# run without a shell, output discarded. INPUT (for MB and MB/s) defaults to the last word
# of CMD_A. Add rows for other commands (build, fmt, diff, ...) in the "Rows" section.
# Timing: runs alternate A, B, A, B, ... after one warm-up each; the table shows medians.
set -euo pipefail

die() { printf 'bench.sh: error: %s\n' "$*" >&2; exit 1; }
note() { printf '==> %s\n' "$*" >&2; }

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=11
TYPICAL_RUNS=21
BUILD=1
REGEN=0
while (($#)); do
  case $1 in
    --quick) RUNS=3 ;;
    --no-build) BUILD=0 ;;
    --regen) REGEN=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done

CHARTER=${CHARTER:-target/release/charter}
JQ=${JQ:-/usr/bin/jq}
PYTHON=${PYTHON:-python3}
DATA=${BENCH_DATA:-bench-data}
SIZE_MB=${BENCH_SIZE_MB:-10}
FILES=${BENCH_FILES:-2000}
HELPER=(scripts/benchtime.py)

# --- Tools ---------------------------------------------------------------------------------

command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON is needed for the timing helper and the data generator"
[[ -x $JQ ]] || die "jq not found at $JQ (set JQ=/path/to/jq)"

if ((BUILD)); then
  command -v cargo >/dev/null 2>&1 || die "cargo not found; install Rust or pass --no-build with an existing $CHARTER"
  note "cargo build --release"
  cargo build --release || die "cargo build --release failed"
fi
[[ -x $CHARTER ]] || die "no charter binary at $CHARTER (build it with cargo build --release, or set CHARTER=...)"

# --- Data ----------------------------------------------------------------------------------

count_many() { # number of .charter files in $DATA/many (0 when it does not exist)
  if [[ -d $DATA/many ]]; then
    find "$DATA/many" -name '*.charter' -type f | wc -l | tr -d ' '
  else
    echo 0
  fi
}

if ((REGEN)) || [[ ! -f $DATA/big.charter || ! -f $DATA/big.json || ! -f $DATA/typical.charter ]] \
  || [[ $(count_many) != "$FILES" ]]; then
  note "generating benchmark data in $DATA/ (about $SIZE_MB MB, and $FILES typical agreements)"
  rm -rf "$DATA/many"
  "$PYTHON" scripts/gen_bench.py "$DATA" --size-mb "$SIZE_MB" --files "$FILES" >&2 \
    || die "scripts/gen_bench.py failed"
fi

# The second side of `charter diff`: big.charter with real changes in terms (the term, every
# 50th due date, every 100th line's signatory), made again whenever big.charter is newer.
if [[ ! -f $DATA/big-modified.charter || $DATA/big.charter -nt $DATA/big-modified.charter ]]; then
  note "writing $DATA/big-modified.charter"
  "$PYTHON" - "$DATA/big.charter" "$DATA/big-modified.charter" <<'PY' || die "cannot write the modified copy"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
due = 0
for i, line in enumerate(lines):
    if "due: 20" in line:
        due += 1
        if due % 50 == 0:
            lines[i] = re.sub(r"due: (\d{4})-(\d\d)-\d\d", r"due: \1-\2-15", line, count=1)
    if "signatory: \"" in line and i % 100 == 0:
        lines[i] = line.replace('signatory: "', 'signatory: "Acting ', 1)
    if line == "  term: 3 years":
        lines[i] = "  term: 4 years"
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
fi

# --- Measuring -----------------------------------------------------------------------------

ROWS=()
WARNINGS=()
ERRFILE=$(mktemp "${TMPDIR:-/tmp}/charter-bench.XXXXXX")
trap 'rm -f "$ERRFILE" "$ERRFILE.out"' EXIT

# helper ARGS...: run the timing helper; its warnings are shown now and again under the table.
helper() {
  local status=0 line
  "$PYTHON" "${HELPER[@]}" "$@" 2>"$ERRFILE" || status=$?
  cat "$ERRFILE" >&2
  while IFS= read -r line; do
    [[ $line == warning:* ]] && WARNINGS+=("$line")
  done <"$ERRFILE"
  return "$status"
}

q() { printf '%q' "$1"; }   # quote one word for a command string

mb_of() { # size of a file in MB (10^6 bytes), two decimals
  local bytes
  bytes=$(wc -c <"$1") || return 1
  awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1000000 }'
}

# bench_pair NAME CMD_A CMD_B [INPUT]: time CMD_A (charter) against CMD_B (baseline) and add
# a row to the table.
bench_pair() {
  (($# >= 3 && $# <= 4)) || die "usage: bench_pair NAME CMD_A CMD_B [INPUT]"
  local name=$1 cmd_a=$2 cmd_b=$3 input=${4:-}
  if [[ -z $input ]]; then
    input=$("$PYTHON" -c 'import shlex, sys; print(shlex.split(sys.argv[1])[-1])' "$cmd_a")
  fi
  [[ -f $input ]] || die "bench_pair $name: input file not found: $input"
  note "$name: $RUNS alternating runs of \`$cmd_a\` and \`$cmd_b\`"
  local row
  # not in $(...): helper must record warnings in this shell
  helper pair --runs "$RUNS" --input "$input" -- "$cmd_a" "$cmd_b" >"$ERRFILE.out" \
    || die "timing helper failed for $name"
  row=$(<"$ERRFILE.out")
  ROWS+=("$name"$'\t'"$(mb_of "$input")"$'\t'"$row")
}

# bench_single NAME CMD RUNS: print the median wall time of CMD in milliseconds.
bench_single() {
  local name=$1 cmd=$2 runs=$3 out median min
  note "$name: $runs runs of \`$cmd\`"
  helper single --runs "$runs" -- "$cmd" >"$ERRFILE.out" || die "timing helper failed for $name"
  out=$(<"$ERRFILE.out")
  IFS=$'\t' read -r median min <<<"$out"
  SINGLES+=("$(printf '%s: median %s ms over %s runs (fastest %s ms)' "$name" "$median" "$runs" "$min")")
}
SINGLES=()

# bench_threads NAME DIR FILE_COUNT: time `charter check DIR` with 1 and with 2 threads
# (RAYON_NUM_THREADS); print the medians, files per second and the speed-up.
bench_threads() {
  local name=$1 dir=$2 count=$3 threads out median min one=""
  for threads in 1 2; do
    local cmd
    cmd="env RAYON_NUM_THREADS=$threads $(q "$CHARTER") check $(q "$dir")"
    note "$name, $threads thread(s): $RUNS runs of \`$cmd\`"
    helper single --runs "$RUNS" -- "$cmd" >"$ERRFILE.out" || die "timing helper failed for $name"
    out=$(<"$ERRFILE.out")
    IFS=$'\t' read -r median min <<<"$out"
    local line
    line=$(awk -v n="$count" -v m="$median" -v f="$min" -v t="$threads" -v one="$one" -v name="$name" 'BEGIN {
      printf "%s, %d thread%s: median %.0f ms (fastest %.0f ms), %.0f files/s", name, t, (t == 1 ? "" : "s"), m, f, n / (m / 1000)
      if (one != "") printf "; speed-up over 1 thread %.2fx", one / m
    }')
    THREADS+=("$line")
    if [[ $threads == 1 ]]; then one=$median; fi
  done
}
THREADS=()

print_table() {
  local header=("input" "MB" "charter ms" "jq ms" "time ratio" "charter peak MB" "jq peak MB" "mem ratio" "charter MB/s")
  local -a widths=()
  local row i f
  local -a fields
  for i in "${!header[@]}"; do widths[i]=${#header[i]}; done
  for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r -a fields <<<"$row"
    for i in "${!fields[@]}"; do ((${#fields[i]} > widths[i])) && widths[i]=${#fields[i]}; done
  done
  print_row() {
    local -a cells=("$@")
    local line="|" j
    for j in "${!cells[@]}"; do
      if ((j == 0)); then line+=$(printf ' %-*s |' "${widths[j]}" "${cells[j]}")
      else line+=$(printf ' %*s |' "${widths[j]}" "${cells[j]}"); fi
    done
    printf '%s\n' "$line"
  }
  print_row "${header[@]}"
  local sep="|"
  for i in "${!header[@]}"; do
    f=$(printf '%*s' "${widths[i]}" '' | tr ' ' '-')
    if ((i == 0)); then sep+=" $f |"; else sep+=" ${f%?}: |"; fi
  done
  printf '%s\n' "$sep"
  for row in "${ROWS[@]}"; do
    IFS=$'\t' read -r -a fields <<<"$row"
    print_row "${fields[@]}"
  done
}

# --- Rows ----------------------------------------------------------------------------------
# Add more rows here, for example:
#   bench_pair "build --json big" "$(q "$CHARTER") build $(q "$DATA/big.charter") --json /dev/null" \
#     "$(q "$JQ") -c . $(q "$DATA/big.json")" "$DATA/big.charter"

bench_pair "check big" "$(q "$CHARTER") check $(q "$DATA/big.charter")" "$(q "$JQ") empty $(q "$DATA/big.json")"
# Target (issue 4): build --json --markdown takes at most 2x check; compare both to jq here.
bench_pair "build --json --markdown big" \
  "$(q "$CHARTER") build $(q "$DATA/big.charter") --json /dev/null --markdown /dev/null" \
  "$(q "$JQ") empty $(q "$DATA/big.json")"

# charter fmt against charter check on the same agreement (the baseline of these rows is
# `charter check`, not jq; the goal is at most 1.5 x). "first format": the generated file, far
# from the standard layout, formatted to stdout (every changed item is parsed again to prove
# the result means the same). "formatted": a copy that the warm-up run formats in place, so
# the timed runs are `charter fmt` on a file already in the standard layout, as in CI.
bench_pair "fmt big, first format (B = check)" \
  "sh -c $(q 'exec "$0" fmt - <"$1"') $(q "$CHARTER") $(q "$DATA/big.charter")" \
  "$(q "$CHARTER") check $(q "$DATA/big.charter")"
cp "$DATA/big.charter" "$DATA/big-formatted.charter"
bench_pair "fmt big, formatted (B = check)" "$(q "$CHARTER") fmt $(q "$DATA/big-formatted.charter")" \
  "$(q "$CHARTER") check $(q "$DATA/big.charter")" "$DATA/big.charter"

# `charter diff` of two benchmark-size versions; the baseline is jq loading two documents of
# the same content and comparing them. Its target: at most 2.5 times one `charter check`.
bench_pair "diff big" \
  "$(q "$CHARTER") diff $(q "$DATA/big.charter") $(q "$DATA/big-modified.charter")" \
  "$(q "$JQ") -n --slurpfile a $(q "$DATA/big.json") --slurpfile b $(q "$DATA/big.json") $(q '$a == $b')" \
  "$DATA/big-modified.charter"

bench_single "check typical.charter ($(wc -c <"$DATA/typical.charter" | tr -d ' ') bytes)" \
  "$(q "$CHARTER") check $(q "$DATA/typical.charter")" "$TYPICAL_RUNS"

MANY_MB=$(find "$DATA/many" -name '*.charter' -type f -exec cat {} + | wc -c | awk '{ printf "%.2f", $1 / 1000000 }')
bench_threads "check many/ ($FILES files, $MANY_MB MB)" "$DATA/many" "$FILES"

# The split of check's time between its stages (parse, lower, rules), and the slowest rules.
STAGES=$(cargo bench --quiet --bench stages -- "$DATA/big.charter" "$RUNS" 2>/dev/null || true)

# --- Report --------------------------------------------------------------------------------

echo
print_table
echo
# charter ms of two rows, as a ratio (diff against check: the target is at most 2.50).
row_ms() { local row; for row in "${ROWS[@]}"; do [[ ${row%%$'\t'*} == "$1" ]] && { cut -f3 <<<"$row"; return; }; done; }
diff_ms=$(row_ms "diff big") check_ms=$(row_ms "check big")
if [[ -n $diff_ms && -n $check_ms ]]; then
  awk -v d="$diff_ms" -v c="$check_ms" 'BEGIN { if (c > 0) printf "diff big / check big: %.2f (target: at most 2.50)\n", d / c }'
fi
for line in "${SINGLES[@]}"; do echo "$line"; done
for line in "${THREADS[@]}"; do echo "$line"; done
if [[ -n $STAGES ]]; then
  echo
  echo "Stages of check (cargo bench --bench stages):"
  echo "$STAGES" | grep -v '^$'
fi
if ((${#WARNINGS[@]})); then
  echo
  for line in "${WARNINGS[@]}"; do echo "$line"; done
  echo "(exit status 1 means charter found errors in the file, or for diff that terms changed,"
  echo " as they do on purpose in the diff row; a signal means it crashed."
  echo " Run the command by hand to see its messages.)"
fi
echo
printf 'Medians of %s alternating runs after one warm-up each; ratios are charter/jq (fmt rows: fmt/check); MB = 10^6 bytes.\n' "$RUNS"
printf 'Inputs: %s (%s MB) and %s (%s MB), the same content.\n' \
  "$DATA/big.charter" "$(mb_of "$DATA/big.charter")" "$DATA/big.json" "$(mb_of "$DATA/big.json")"
printf 'Peak memory: max RSS via %s. %s on %s CPUs.\n' \
  "$("$PYTHON" "${HELPER[@]}" memory-method)" "$("$JQ" --version 2>/dev/null || echo jq)" "$(nproc 2>/dev/null || echo '?')"
