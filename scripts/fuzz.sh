#!/usr/bin/env bash
# Fuzz Charter: run each cargo-fuzz target for a given time, seeded with every example and
# fixture, and print one line per target.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
#   SECONDS   time per target (default 60; the target for a release is 600)
#   TARGET    parse, check, build_outputs, fmt, diff (the default: all five)
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#
# Environment: FUZZ_JOBS (parallel jobs per target, default 1), FUZZ_MAX_LEN (largest input
# in bytes; default 131072 for check, whose human report must stay bounded on long lines,
# 65536 for build_outputs and 16384 for the others), FUZZ_TIMEOUT (seconds one input may take before it counts as a
# hang, default 5), FUZZ_RSS_MB (memory limit, default 2048), FUZZ_SANITIZER (default none:
# Charter forbids unsafe code, so AddressSanitizer finds little and costs 2-3× the speed; set
# it to `address` to check the dependencies' unsafe code too), TOOLCHAIN (default nightly).
#
# Every crash, hang or memory blow-up is saved by libFuzzer under fuzz/artifacts/TARGET/.
# Make each one a regression fixture: minimise it (`cargo +nightly fuzz tmin TARGET FILE`),
# copy it to tests/fixtures/regressions/NAME.charter, fix the bug, and run
# `cargo test --test regressions` (accept the new snapshot). Exit status: 0 when no target
# found anything, 1 otherwise, 2 when fuzzing could not run.
set -uo pipefail

die() { printf 'fuzz.sh: error: %s\n' "$*" >&2; exit 2; }
note() { printf '==> %s\n' "$*" >&2; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || die "cannot enter $ROOT"

SECONDS_PER_TARGET=60
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
  SECONDS_PER_TARGET=$1
  shift
fi
case ${1:-} in -h | --help) sed -n '2,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=(parse check build_outputs fmt diff)

TOOLCHAIN=${TOOLCHAIN:-nightly}
JOBS=${FUZZ_JOBS:-1}
# The largest input of a target: long enough for check to reach a finding past column
# 65,535 (once a panic in the report) and lines of many findings.
max_len() {
  if [[ -n ${FUZZ_MAX_LEN:-} ]]; then echo "$FUZZ_MAX_LEN"; return; fi
  case $1 in
    check) echo 131072 ;;
    build_outputs) echo 65536 ;;
    *) echo 16384 ;;
  esac
}
TIMEOUT=${FUZZ_TIMEOUT:-5}
RSS_MB=${FUZZ_RSS_MB:-2048}
SANITIZER=${FUZZ_SANITIZER:-none}

cargo "+$TOOLCHAIN" --version >/dev/null 2>&1 \
  || die "the $TOOLCHAIN toolchain is needed (rustup toolchain install $TOOLCHAIN)"
cargo "+$TOOLCHAIN" fuzz --version >/dev/null 2>&1 \
  || die "cargo-fuzz is needed (cargo install cargo-fuzz)"

for t in "${TARGETS[@]}"; do
  case $t in
    parse | check | build_outputs | fmt | diff) ;;
    *) die "unknown target: $t (parse, check, build_outputs, fmt, diff)" ;;
  esac
done
FEATURE_ARGS=(--sanitizer "$SANITIZER")

# --- Seeds: every example and fixture ------------------------------------------------------

repeat() { head -c "$2" </dev/zero | tr '\0' "$1"; }

# Shapes the examples lack: a finding past column 65,535 (after a long string, after
# 16,384 tabs), a line of many findings, lone carriage returns, hidden characters, numbers
# too long to hold. Written to a folder and seeded like the examples.
generated_seeds() {
  local dir=$1 header='agreement "Seed" {'
  mkdir -p "$dir"
  printf '%s\n  purpose: "%s"  modle: x\n}\n' "$header" "$(repeat x 70000)" >"$dir/long-line.charter"
  printf '%s\n%smodle: x\n}\n' "$header" "$(repeat '\t' 16384)" >"$dir/tabs.charter"
  { printf '%s\n ' "$header"; for i in $(seq 1 600); do printf ' k%d: 1' "$i"; done; printf '\n}\n'; } >"$dir/many-findings.charter"
  printf '%s\r  // agreed\r  model: contractual\r}\r' "$header" >"$dir/lone-cr.charter"
  printf '%s\n  purpose: "55%% \xe2\x80\xae and 45%%\xe2\x80\x8b"\n  party \xd0\xb0 "A" {}\n}\n' "$header" >"$dir/hidden.charter"
  printf '%s\n  governance { committee c "C" { quorum: %s  seats: { a: 1 } } }\n}\n' "$header" "$(repeat 9 40)" >"$dir/digits.charter"
}

seed() {
  local dir=fuzz/corpus/$1 f generated
  mkdir -p "$dir"
  generated=$(mktemp -d "${TMPDIR:-/tmp}/charter-seeds.XXXXXX")
  generated_seeds "$generated"
  while IFS= read -r -d '' f; do
    # Named by content, so seeding twice adds nothing.
    cp "$f" "$dir/seed-$(sha1sum "$f" | cut -c1-16)"
  done < <(find examples tests/fixtures "$generated" -name '*.charter' -print0)
  rm -rf "$generated"
}

# --- Run -----------------------------------------------------------------------------------

note "building ${TARGETS[*]} (cargo +$TOOLCHAIN fuzz build ${FEATURE_ARGS[*]})"
for t in "${TARGETS[@]}"; do
  cargo "+$TOOLCHAIN" fuzz build "${FEATURE_ARGS[@]}" "$t" || die "cannot build the fuzz target $t"
done

ROWS=()
FOUND=0
for t in "${TARGETS[@]}"; do
  seed "$t"
  mkdir -p "fuzz/artifacts/$t"
  before=$(find "fuzz/artifacts/$t" -type f | wc -l)
  log=$(mktemp "${TMPDIR:-/tmp}/charter-fuzz-$t.XXXXXX")
  note "$t: ${SECONDS_PER_TARGET} s"
  PARALLEL=()
  ((JOBS > 1)) && PARALLEL=(-jobs="$JOBS" -workers="$JOBS")
  MAX_LEN=$(max_len "$t")
  cargo "+$TOOLCHAIN" fuzz run "${FEATURE_ARGS[@]}" "$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len="$MAX_LEN" -timeout="$TIMEOUT" \
    -rss_limit_mb="$RSS_MB" -dict=fuzz/charter.dict -print_final_stats=1 "${PARALLEL[@]}" \
    >"$log" 2>&1
  status=$?
  if ((JOBS > 1)); then cat fuzz-*.log >>"$log" 2>/dev/null; rm -f fuzz-*.log; fi
  execs=$(awk '/stat::number_of_executed_units/ { s += $NF } END { print s + 0 }' "$log")
  corpus=$(find "fuzz/corpus/$t" -type f | wc -l)
  after=$(find "fuzz/artifacts/$t" -type f | wc -l)
  new=$((after - before))
  if ((status != 0 || new > 0)); then
    FOUND=1
    tail -n 30 "$log" >&2
    verdict="FOUND $new (exit $status; see fuzz/artifacts/$t/)"
  else
    verdict="nothing found"
  fi
  ROWS+=("$(printf '| %-6s | %6s | %7s | %12s | %9s | %7s | %s |' "$t" "$SECONDS_PER_TARGET" "$MAX_LEN" "$execs" \
    "$((execs / (SECONDS_PER_TARGET > 0 ? SECONDS_PER_TARGET : 1)))" "$corpus" "$verdict")")
  rm -f "$log"
done

echo
printf '| %-6s | %6s | %7s | %12s | %9s | %7s | %s |\n' target "s" max_len executions "per s" corpus result
printf '| %-6s | %6s | %7s | %12s | %9s | %7s | %s |\n' ------ -----: ------: -----------: --------: ------: ------
for row in "${ROWS[@]}"; do echo "$row"; done
echo
echo "An input taking over $TIMEOUT s or $RSS_MB MB counts as a failure."
exit "$FOUND"
