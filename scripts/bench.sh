#!/usr/bin/env bash
# Benchmark Charter against the tools a team would use instead, on inputs of the same content.
#
#   scripts/bench.sh [--quick] [--no-build] [--regen] [--no-schema] [--no-stages]
#                    [--no-shapes | --shapes-only]
#
#   --quick      3 alternating runs of each command instead of 11 (1 of the slow ones)
#   --no-build   do not run `scripts/dist.sh` (use the binary that is there)
#   --regen      regenerate the benchmark data even if it exists
#   --no-schema  leave out the JSON-Schema route (no Python venv, no download)
#   --no-stages  leave out the split of check's time by stage (`cargo bench --bench stages`)
#   --no-shapes  leave out the rows of the benchmark shapes (below)
#   --shapes-only  only the rows of the benchmark shapes (no big, typical or 2,000-file rows,
#                no JSON-Schema route, thread rows, stage split or language server)
#
# Prints one table: `charter check`, `build`, `fmt` and `diff` (the last two when the binary
# has them) on agreements of 5 KB, 1 MB and 10 MB and on a folder of 2,000 typical ones, with
# MB/s and peak memory, each beside a baseline on the same content as JSON: `jq empty` for
# check, and the JSON-Schema route (`check-jsonschema` from PyPI, in a venv under
# bench-data/, with scripts/bench-agreement.schema.json); `jq -c .` for build; `jq .` for
# fmt; jq comparing two documents for diff. Then the scaling line (1 MB → 10 MB), the
# ratios between commands, check on the folder with 1 and 2 threads, and the stage split.
#
# The shapes (issue 18; `scripts/gen_bench.py --shapes`, in BENCH_DATA/shapes/0.6mb/ and
# 6mb/): `wide` (one block with tens of thousands of children), `flat` (tens of thousands of
# small top-level blocks), `prose` (long text blocks and strings), `parties` (thousands of
# parties and committees), `spread` (a finding every 20 KB), `end` (two findings in the last
# 1%), `findings` (10,000 findings at 6 MB). Each at 0.6 MB and 6 MB: check ~ `jq empty`, build
# ~ `jq -c .`, fmt --check ~ `jq .`, diff ~ jq comparing two documents, on the same content as
# minified JSON; and for spread, end and findings at 6 MB, check in each report format. Then
# the growth 0.6 MB → 6 MB of every command on every shape, the ratios between commands, and
# the time to report 10,000 findings in each format.
#
# Environment: CHARTER (default target/dist/charter, as `scripts/dist.sh` builds releases:
# the `dist` profile, whole-program optimisation, its most-run functions laid out
# together), JQ (default /usr/bin/jq),
# PYTHON (default python3), BENCH_DATA (default bench-data, git-ignored),
# BENCH_FILES (typical agreements in BENCH_DATA/many/, default 2000),
# BENCH_NO_GNU_TIME=1 (measure memory with os.wait4 even if /usr/bin/time exists).
#
# Timing: charter and its baseline run alternately (A, B, A, B, ...) after one warm-up each;
# the table shows medians. The JSON-Schema route and the per-file loops ("2,000 files" for
# build and diff, which take one file each) are slow and run fewer times.
set -euo pipefail

die() { printf 'bench.sh: error: %s\n' "$*" >&2; exit 1; }
note() { printf '==> %s\n' "$*" >&2; }

usage() { sed -n '2,41p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

RUNS=11
SLOW_RUNS=3
BUILD=1
REGEN=0
SCHEMA=1
STAGE_SPLIT=1
SHAPES=1
SHAPES_ONLY=0
while (($#)); do
  case $1 in
    --quick) RUNS=3; SLOW_RUNS=1 ;;
    --no-build) BUILD=0 ;;
    --regen) REGEN=1 ;;
    --no-schema) SCHEMA=0 ;;
    --no-stages) STAGE_SPLIT=0 ;;
    --no-shapes) SHAPES=0 ;;
    --shapes-only) SHAPES_ONLY=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done
((SHAPES || !SHAPES_ONLY)) || die "--no-shapes and --shapes-only leave nothing to measure"
if ((SHAPES_ONLY)); then SCHEMA=0 STAGE_SPLIT=0; fi

CHARTER=${CHARTER:-target/dist/charter}
JQ=${JQ:-/usr/bin/jq}
PYTHON=${PYTHON:-python3}
DATA=${BENCH_DATA:-bench-data}
FILES=${BENCH_FILES:-2000}
HELPER=(scripts/benchtime.py)
SCHEMA_FILE=scripts/bench-agreement.schema.json
VENV=$DATA/venv

# --- Tools ---------------------------------------------------------------------------------

command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON is needed for the timing helper and the data generator"
[[ -x $JQ ]] || die "jq not found at $JQ (set JQ=/path/to/jq)"

if ((BUILD)); then
  command -v cargo >/dev/null 2>&1 || die "cargo not found; install Rust or pass --no-build with an existing $CHARTER"
  note "scripts/dist.sh"
  bash scripts/dist.sh || die "scripts/dist.sh failed"
fi
[[ -x $CHARTER ]] || die "no charter binary at $CHARTER (build it with scripts/dist.sh, or set CHARTER=...)"

has_command() { "$CHARTER" "$1" --help >/dev/null 2>&1; }
HAS_FMT=0 HAS_DIFF=0
has_command fmt && HAS_FMT=1
has_command diff && HAS_DIFF=1

# --- Data ----------------------------------------------------------------------------------

count_many() { # number of .charter files in $DATA/many (0 when it does not exist)
  if [[ -d $DATA/many ]]; then find "$DATA/many" -name '*.charter' -type f | wc -l | tr -d ' '; else echo 0; fi
}
gen() { # gen DIR SIZE_MB [ARGS...]
  local dir=$1 size=$2
  shift 2
  note "generating $dir/ (about $size MB $*)"
  "$PYTHON" scripts/gen_bench.py "$dir" --size-mb "$size" --json "$@" >&2 || die "scripts/gen_bench.py failed"
}
if ((!SHAPES_ONLY)); then
  if ((REGEN)) || [[ ! -f $DATA/big.json || ! -f $DATA/typical.json || ! -d $DATA/many-json ]] \
    || [[ $(count_many) != "$FILES" ]]; then
    rm -rf "$DATA/many" "$DATA/many-json"
    gen "$DATA" 10 --files "$FILES"
  fi
  if ((REGEN)) || [[ ! -f $DATA/1mb/big.json ]]; then gen "$DATA/1mb" 1; fi
fi

# The shapes: each NAME.charter with NAME.json (minified), at 0.6 MB and at 6 MB. Made again
# when one is missing, or older than the generator.
SHAPE_NAMES=(wide flat prose parties spread end findings)
FINDING_SHAPES=(spread end findings) # check in every report format on these, at 6 MB
REPORT_FORMATS=(human concise json sarif)
SHAPE_SIZES=("0.6 MB" "6 MB")
declare -A SHAPE_DIR=([0.6 MB]=$DATA/shapes/0.6mb [6 MB]=$DATA/shapes/6mb)
if ((SHAPES)); then
  for size in "${SHAPE_SIZES[@]}"; do
    dir=${SHAPE_DIR[$size]} stale=$REGEN
    for name in "${SHAPE_NAMES[@]}"; do
      [[ -f $dir/$name.charter && -f $dir/$name.json && ! scripts/gen_bench.py -nt $dir/$name.charter ]] \
        || stale=1
    done
    if ((stale)); then
      note "generating $dir/ (the benchmark shapes, about $size each)"
      "$PYTHON" scripts/gen_bench.py "$dir" --size-mb "${size% MB}" --shapes >&2 \
        || die "scripts/gen_bench.py --shapes failed"
    fi
  done
fi

# A second version of an agreement, for `charter diff`, with real changes in terms: the term
# one year longer, every 50th due date moved, every 100th line's signatory renamed (and the
# first of each, so that a small file changes too). Made again when the input is newer.
modified() { # modified IN OUT
  [[ -f $2 && ! $1 -nt $2 ]] && return 0
  "$PYTHON" - "$1" "$2" <<'PY' || die "cannot write $2"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
due = sig = 0
for i, line in enumerate(lines):
    if "due: 20" in line:
        due += 1
        if due % 50 == 1:
            lines[i] = re.sub(r"due: (\d{4})-(\d\d)-\d\d", r"due: \1-\2-15", line, count=1)
    if 'signatory: "' in line:
        sig += 1
        if sig == 1 or i % 100 == 0:
            lines[i] = line.replace('signatory: "', 'signatory: "Acting ', 1)
    m = re.fullmatch(r"  term: (\d+) years", line)
    if m:
        lines[i] = f"  term: {int(m.group(1)) + 1} years"
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines))
PY
}

# The JSON-Schema route: check-jsonschema from PyPI, in a venv of its own.
SCHEMA_CMD=
if ((SCHEMA)); then
  if [[ ! -x $VENV/bin/check-jsonschema ]]; then
    note "installing check-jsonschema into $VENV (pip)"
    { "$PYTHON" -m venv "$VENV" && "$VENV/bin/pip" install --quiet check-jsonschema; } >&2 \
      || note "could not install check-jsonschema; the JSON-Schema columns stay empty"
  fi
  if [[ -x $VENV/bin/check-jsonschema ]]; then
    SCHEMA_CMD=$VENV/bin/check-jsonschema
    # The schema must accept the inputs, or the comparison would mean nothing.
    "$SCHEMA_CMD" --schemafile "$SCHEMA_FILE" "$DATA/typical.json" "$DATA/1mb/big.json" >/dev/null \
      || die "$SCHEMA_FILE rejects the benchmark JSON"
  fi
fi

# --- Measuring -----------------------------------------------------------------------------

ROWS=()
WARNINGS=()
ERRFILE=$(mktemp "${TMPDIR:-/tmp}/charter-bench.XXXXXX")
trap 'rm -f "$ERRFILE" "$ERRFILE.out"' EXIT

# helper ARGS...: run the timing helper (its output in $ERRFILE.out); its warnings are shown
# now and again under the table, except, with EXIT1_OK=1 in the environment, those about an
# exit status of 1 that the input makes certain (a file with errors, two versions that differ).
helper() {
  local status=0 line
  "$PYTHON" "${HELPER[@]}" "$@" >"$ERRFILE.out" 2>"$ERRFILE" || status=$?
  cat "$ERRFILE" >&2
  while IFS= read -r line; do
    [[ ${EXIT1_OK:-0} == 1 && $line == *"(exit status 1); timings kept" ]] && continue
    [[ $line == warning:* ]] && WARNINGS+=("$line")
  done <"$ERRFILE"
  return "$status"
}

q() { printf '%q' "$1"; }            # quote one word for a command string
sh_c() { printf 'sh -c %q' "$1"; }   # a shell command line as one command string

mb_of() { # size of a file or folder in MB (10^6 bytes), two decimals
  "$PYTHON" -c 'import sys; sys.path.insert(0, "scripts"); import benchtime; print(f"{benchtime.input_bytes(sys.argv[1]) / 1e6:.2f}")' "$1"
}

declare -A MS=() # median ms of charter, by row name (for the lines under the table)

# row NAME INPUT CMD [BASELINE_CMD] [SCHEMA_CMD]: time CMD (charter), alternating with
# BASELINE_CMD when given, then SCHEMA_CMD on its own; add a row to the table. RUNS_OVERRIDE
# in the environment changes the number of runs.
row() {
  local name=$1 input=$2 cmd=$3 base=${4:-} schema=${5:-} runs=${RUNS_OVERRIDE:-$RUNS}
  local a_ms b_ms t_ratio a_pk b_pk m_ratio mbps s_ms=- s_ratio=-
  [[ -e $input ]] || die "$name: input not found: $input"
  if [[ -n $base ]]; then
    note "$name: $runs alternating runs of \`$cmd\` and \`$base\`"
    helper pair --runs "$runs" --input "$input" -- "$cmd" "$base" || die "timing helper failed for $name"
    IFS=$'\t' read -r a_ms b_ms t_ratio a_pk b_pk m_ratio mbps <"$ERRFILE.out"
  else
    note "$name: $runs runs of \`$cmd\`"
    helper measure --runs "$runs" --input "$input" -- "$cmd" || die "timing helper failed for $name"
    IFS=$'\t' read -r a_ms a_pk mbps <"$ERRFILE.out"
    b_ms=- t_ratio=- b_pk=- m_ratio=-
  fi
  if [[ -n $schema ]]; then
    note "$name: $SLOW_RUNS runs of \`$schema\`"
    helper measure --runs "$SLOW_RUNS" -- "$schema" || die "timing helper failed for $name"
    IFS=$'\t' read -r s_ms _ _ <"$ERRFILE.out"
    s_ratio=$(awk -v s="$s_ms" -v c="$a_ms" 'BEGIN { printf "%.1f", s / c }')
  fi
  MS[$name]=$a_ms
  ROWS+=("$name"$'\t'"$(mb_of "$input")"$'\t'"$a_ms"$'\t'"$mbps"$'\t'"$a_pk"$'\t'"$b_ms"$'\t'"$t_ratio"$'\t'"$b_pk"$'\t'"$m_ratio"$'\t'"$s_ms"$'\t'"$s_ratio")
}

# missing NAME WHY: a row for a command this binary does not have.
missing() { ROWS+=("$1"$'\t'"-"$'\t'"$2"$'\t'"-"$'\t'"-"$'\t'"-"$'\t'"-"$'\t'"-"$'\t'"-"$'\t'"-"$'\t'"-"); }

print_table() {
  local header=("command" "MB" "charter ms" "MB/s" "peak MB" "baseline ms" "× time" "baseline peak MB" "× memory" "schema ms" "schema ÷ charter")
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

C=$(q "$CHARTER")
JQQ=$(q "$JQ")
declare -A CHARTER_IN=([5 KB]=$DATA/typical.charter [1 MB]=$DATA/1mb/big.charter [10 MB]=$DATA/big.charter)
declare -A JSON_IN=([5 KB]=$DATA/typical.json [1 MB]=$DATA/1mb/big.json [10 MB]=$DATA/big.json)
SIZES=("5 KB" "1 MB" "10 MB")
MANY=$DATA/many
MANY_JSON=$DATA/many-json

schema_of() { if [[ -n $SCHEMA_CMD ]]; then printf '%s --schemafile %s %s' "$(q "$SCHEMA_CMD")" "$(q "$SCHEMA_FILE")" "$1"; fi; }

if ((!SHAPES_ONLY)); then
  # check: against `jq empty` (parse only) and the JSON-Schema route.
  for size in "${SIZES[@]}"; do
    in=${CHARTER_IN[$size]} js=${JSON_IN[$size]}
    row "check $size" "$in" "$C check $(q "$in")" "$JQQ empty $(q "$js")" "$(schema_of "$(q "$js")")"
  done
  row "check 2,000 files" "$MANY" "$C check $(q "$MANY")" \
    "$(sh_c "$JQQ empty $(q "$MANY_JSON")/*.json")" \
    "$(if [[ -n $SCHEMA_CMD ]]; then sh_c "$(schema_of "$(q "$MANY_JSON")/*.json")"; fi)"

  # build: the JSON document and the term sheet, against `jq -c .` (parse and write again).
  for size in "${SIZES[@]}"; do
    in=${CHARTER_IN[$size]} js=${JSON_IN[$size]}
    row "build $size" "$in" "$C build $(q "$in") --json /dev/null --markdown /dev/null" "$JQQ -c . $(q "$js")"
  done
  RUNS_OVERRIDE=$SLOW_RUNS row "build 2,000 files (loop)" "$MANY" \
    "$(sh_c "for f in $(q "$MANY")/*.charter; do $C build \"\$f\" --json /dev/null --markdown /dev/null || :; done")" \
    "$(sh_c "for f in $(q "$MANY_JSON")/*.json; do $JQQ -c . \"\$f\" >/dev/null; done")"

  # fmt: `fmt --check` on copies already in the standard layout (as in CI), against `jq .`
  # (parse and pretty-print); and a first format of the generated file, to standard output.
  if ((HAS_FMT)); then
    for size in "${SIZES[@]}"; do
      in=${CHARTER_IN[$size]}
      out=${in%.charter}.formatted.charter
      if [[ ! -f $out || $in -nt $out ]]; then
        cp "$in" "$out" && { "$CHARTER" fmt "$out" >/dev/null 2>&1 || :; }
      fi
    done
    if [[ ! -d $DATA/many-formatted || $(find "$DATA/many-formatted" -name '*.charter' | wc -l) != "$FILES" ]]; then
      rm -rf "$DATA/many-formatted" && cp -r "$MANY" "$DATA/many-formatted"
      "$CHARTER" fmt "$DATA/many-formatted" >/dev/null 2>&1 || :
    fi
    for size in "${SIZES[@]}"; do
      in=${CHARTER_IN[$size]} js=${JSON_IN[$size]}
      row "fmt --check $size" "$in" "$C fmt --check $(q "${in%.charter}.formatted.charter")" "$JQQ . $(q "$js")"
    done
    row "fmt --check 2,000 files" "$MANY" "$C fmt --check $(q "$DATA/many-formatted")" \
      "$(sh_c "$JQQ . $(q "$MANY_JSON")/*.json")"
    row "fmt, first format 10 MB" "$DATA/big.charter" \
      "$(sh_c "exec $C fmt - <$(q "$DATA/big.charter")")" "$JQQ . $(q "$DATA/big.json")"
  else
    missing "fmt" "(not in this build)"
  fi

  # diff: two versions with real changes, against jq reading two documents and comparing them.
  if ((HAS_DIFF)); then
    for size in "${SIZES[@]}"; do
      in=${CHARTER_IN[$size]} js=${JSON_IN[$size]}
      modified "$in" "${in%.charter}.modified.charter"
      row "diff $size" "$in" "$C diff $(q "$in") $(q "${in%.charter}.modified.charter")" \
        "$JQQ -n --slurpfile a $(q "$js") --slurpfile b $(q "$js") $(q '$a == $b')"
    done
    RUNS_OVERRIDE=$SLOW_RUNS row "diff 2,000 files (loop)" "$MANY" \
      "$(sh_c "for f in $(q "$MANY")/*.charter; do $C diff \"\$f\" \"\$f\" >/dev/null || :; done")" \
      "$(sh_c "for f in $(q "$MANY_JSON")/*.json; do $JQQ -n --slurpfile a \"\$f\" --slurpfile b \"\$f\" '\$a == \$b' >/dev/null; done")"
  else
    missing "diff" "(not in this build)"
  fi
fi

# The shapes (issue 18), by command, each at 0.6 MB and 6 MB, against the same baselines as
# above on the same content as minified JSON.
# check and build exit with status 1 on the shapes with planted errors, diff on every shape
# (terms changed): that is not listed under the table. A clean shape that fails still is.
ERROR_SHAPES=" wide spread end findings "
shape_rows() { # shape_rows CMD: the rows of one command for every shape and size
  local cmd=$1 name size in js out exit1
  for name in "${SHAPE_NAMES[@]}"; do
    exit1=0
    [[ $ERROR_SHAPES == *" $name "* ]] && exit1=1
    for size in "${SHAPE_SIZES[@]}"; do
      in=${SHAPE_DIR[$size]}/$name.charter js=${SHAPE_DIR[$size]}/$name.json
      case $cmd in
        check) EXIT1_OK=$exit1 row "check $name $size" "$in" "$C check $(q "$in")" "$JQQ empty $(q "$js")" ;;
        build)
          EXIT1_OK=$exit1 row "build $name $size" "$in" \
            "$C build $(q "$in") --json /dev/null --markdown /dev/null" "$JQQ -c . $(q "$js")"
          ;;
        fmt)
          out=${in%.charter}.formatted.charter
          if [[ ! -f $out || $in -nt $out ]]; then
            cp "$in" "$out" && { "$CHARTER" fmt "$out" >/dev/null 2>&1 || :; }
          fi
          row "fmt --check $name $size" "$in" "$C fmt --check $(q "$out")" "$JQQ . $(q "$js")"
          ;;
        diff)
          out=${in%.charter}.modified.charter
          modified "$in" "$out"
          EXIT1_OK=1 row "diff $name $size" "$in" "$C diff $(q "$in") $(q "$out")" \
            "$JQQ -n --slurpfile a $(q "$js") --slurpfile b $(q "$js") $(q '$a == $b')"
          ;;
      esac
    done
  done
}
if ((SHAPES)); then
  shape_rows check
  shape_rows build
  if ((HAS_FMT)); then shape_rows fmt; elif ((SHAPES_ONLY)); then missing "fmt" "(not in this build)"; fi
  if ((HAS_DIFF)); then shape_rows diff; elif ((SHAPES_ONLY)); then missing "diff" "(not in this build)"; fi
  # Reporting the findings, in each format, where the findings are (stdout and stderr go to
  # /dev/null, as for every row).
  for name in "${FINDING_SHAPES[@]}"; do
    in=${SHAPE_DIR[6 MB]}/$name.charter js=${SHAPE_DIR[6 MB]}/$name.json
    for format in "${REPORT_FORMATS[@]}"; do
      EXIT1_OK=1 row "check --format $format $name 6 MB" "$in" \
        "$C check --format $format $(q "$in")" "$JQQ empty $(q "$js")"
    done
  done
  # How many findings the `findings` shape has, from check's own summary.
  FINDINGS_N=$("$CHARTER" check --format json "${SHAPE_DIR[6 MB]}/findings.charter" 2>/dev/null \
    | "$JQ" '.summary | .errors + .warnings + .infos' 2>/dev/null || :)
  FINDINGS_N=$("$PYTHON" -c 'import sys; print(f"{int(sys.argv[1]):,}")' "${FINDINGS_N:-0}" 2>/dev/null || echo "?")
fi

# check on the folder with one and with two threads, alternately (A, B, A, B, ...), so that
# a disturbance of the machine touches both alike.
THREADS=()
if ((!SHAPES_ONLY)); then
  note "check 2,000 files, 1 and 2 threads: $RUNS alternating runs"
  helper pair --runs "$RUNS" -- "env RAYON_NUM_THREADS=1 $C check $(q "$MANY")" \
    "env RAYON_NUM_THREADS=2 $C check $(q "$MANY")" || die "timing helper failed for the thread rows"
  IFS=$'\t' read -r one two _ <"$ERRFILE.out"
  THREADS+=("$(awk -v n="$FILES" -v m="$one" 'BEGIN { printf "  1 thread: %.0f ms, %.0f files/s", m, n / (m / 1000) }')")
  THREADS+=("$(awk -v n="$FILES" -v m="$two" -v one="$one" 'BEGIN {
    printf "  2 threads: %.0f ms, %.0f files/s, %.2f× the speed of one thread", m, n / (m / 1000), one / m }')")
fi

STAGES=
if ((STAGE_SPLIT)); then
  note "stage split: cargo bench --bench stages"
  STAGES=$(cargo bench --quiet --bench stages -- "$DATA/big.charter" "$RUNS" 2>/dev/null || true)
fi

# --- Report --------------------------------------------------------------------------------

ratio_line() { # ratio_line LABEL ROW_A ROW_B TARGET [WIDTH]: A ÷ B
  local a=${MS[$2]:-} b=${MS[$3]:-}
  [[ -n $a && -n $b && $a != - && $b != - ]] || return 0
  awk -v a="$a" -v b="$b" -v l="$1" -v t="$4" -v w="${5:-30}" 'BEGIN { printf "  %-*s %5.2f×  (target: %s)\n", w, l, a / b, t }'
}

echo
print_table
echo
if ((!SHAPES_ONLY)); then
  echo "Scaling, 1 MB → 10 MB of input ($(mb_of "${CHARTER_IN[1 MB]}") → $(mb_of "${CHARTER_IN[10 MB]}") MB):"
  ratio_line "check, 10× input:" "check 10 MB" "check 1 MB" "at most 11×"
  ratio_line "build, 10× input:" "build 10 MB" "build 1 MB" "at most 11×"
  ratio_line "fmt --check, 10× input:" "fmt --check 10 MB" "fmt --check 1 MB" "at most 11×"
  ratio_line "diff, 10× input:" "diff 10 MB" "diff 1 MB" "at most 11×"
  echo "Between commands, 10 MB:"
  ratio_line "build ÷ check:" "build 10 MB" "check 10 MB" "at most 2×"
  ratio_line "fmt --check ÷ check:" "fmt --check 10 MB" "check 10 MB" "at most 1.5×"
  ratio_line "diff ÷ check:" "diff 10 MB" "check 10 MB" "at most 2.5×"
  echo "check on $FILES files ($(mb_of "$MANY") MB):"
  for line in "${THREADS[@]}"; do echo "$line"; done
fi
if ((SHAPES)); then
  echo "Shapes, growth from 0.6 MB to 6 MB of input (10×):"
  for cmd in check build "fmt --check" diff; do
    for name in "${SHAPE_NAMES[@]}"; do
      ratio_line "$cmd, $name:" "$cmd $name 6 MB" "$cmd $name 0.6 MB" "at most 11×" 24
    done
  done
  echo "Shapes, between commands at 6 MB:"
  for name in "${SHAPE_NAMES[@]}"; do
    ratio_line "build ÷ check, $name:" "build $name 6 MB" "check $name 6 MB" "at most 2×" 30
    ratio_line "fmt --check ÷ check, $name:" "fmt --check $name 6 MB" "check $name 6 MB" "at most 1.5×" 30
    ratio_line "diff ÷ check, $name:" "diff $name 6 MB" "check $name 6 MB" "at most 2.5×" 30
  done
  echo "Reporting the findings of the \`findings\` shape at 6 MB (check --format F):"
  for format in "${REPORT_FORMATS[@]}"; do
    ms=${MS["check --format $format findings 6 MB"]:-}
    [[ -n $ms && $ms != - ]] || continue
    awk -v n="$FINDINGS_N" -v f="$format" -v m="$ms" \
      'BEGIN { printf "  %s findings, %s: %.0f ms (target < 1 s)\n", n, f, m }'
  done
  echo "(check and build exit with status 1 on wide, spread, end and findings, which have errors on"
  echo " purpose, and diff on every shape; these are not listed among the warnings.)"
fi
if [[ -n $STAGES ]]; then
  echo
  echo "Stages of check on big.charter (cargo bench --bench stages):"
  echo "$STAGES" | grep -v '^$'
fi
if ((${#WARNINGS[@]})); then
  echo
  for line in "${WARNINGS[@]}"; do echo "$line"; done
  echo "(exit status 1 means charter found errors in the file, or for fmt --check that it would"
  echo " change the layout, or for diff that terms changed, as they do on purpose in the diff rows;"
  echo " a signal means it crashed. Run the command by hand to see its messages.)"
fi
echo
printf 'Medians of %s alternating runs after one warm-up each (%s for the JSON-Schema route and\n' "$RUNS" "$SLOW_RUNS"
printf 'the per-file loops). "× time" and "× memory" are charter ÷ baseline; "schema ÷ charter" is how\n'
printf 'many times longer the JSON-Schema route takes. MB = 10^6 bytes of the .charter input; the JSON\n'
printf 'has the same content. Baselines: check ~ `jq empty`, and `check-jsonschema --schemafile\n'
printf '%s`; build ~ `jq -c .`; fmt ~ `jq .`; diff ~ `jq` comparing two\n' "$SCHEMA_FILE"
printf 'documents. Targets: check ≤ 1.0× jq in time and memory; the JSON-Schema route ≥ 20× slower.\n'
printf 'Peak memory: max RSS via %s. %s%s on %s CPUs (charter check on a folder uses all of\n' \
  "$("$PYTHON" "${HELPER[@]}" memory-method)" "$("$JQ" --version 2>/dev/null || echo jq)" \
  "${SCHEMA_CMD:+, check-jsonschema $("$SCHEMA_CMD" --version 2>/dev/null | awk '{ print $NF }')}" \
  "$(nproc 2>/dev/null || echo '?')"
printf 'them; jq uses one).\n'

# The language server: from a change to the diagnostics it publishes (issue 17; targets under
# 5 ms for 5 KB, 20 ms for 100 KB and 150 ms for 1 MB).
if ((!SHAPES_ONLY)) && "$C" lsp --help >/dev/null 2>&1; then
  if ((REGEN)) || [[ ! -f $DATA/100kb/big.charter ]]; then gen "$DATA/100kb" 0.1; fi
  echo
  echo "charter lsp, from a change to its published diagnostics:"
  "$PYTHON" scripts/lsp_bench.py "$CHARTER" "$DATA/typical.charter" "$DATA/100kb/big.charter" "$DATA/1mb/big.charter"
fi
