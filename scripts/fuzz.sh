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
# in bytes, default 16384), FUZZ_TIMEOUT (seconds one input may take before it counts as a
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
case ${1:-} in -h | --help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
TARGETS=("$@")
((${#TARGETS[@]})) || TARGETS=(parse check build_outputs fmt diff)

TOOLCHAIN=${TOOLCHAIN:-nightly}
JOBS=${FUZZ_JOBS:-1}
MAX_LEN=${FUZZ_MAX_LEN:-16384}
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

seed() {
  local dir=fuzz/corpus/$1 f
  mkdir -p "$dir"
  while IFS= read -r -d '' f; do
    # Named by content, so seeding twice adds nothing.
    cp "$f" "$dir/seed-$(sha1sum "$f" | cut -c1-16)"
  done < <(find examples tests/fixtures -name '*.charter' -print0)
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
  ROWS+=("$(printf '| %-6s | %6s | %12s | %9s | %7s | %s |' "$t" "$SECONDS_PER_TARGET" "$execs" \
    "$((execs / (SECONDS_PER_TARGET > 0 ? SECONDS_PER_TARGET : 1)))" "$corpus" "$verdict")")
  rm -f "$log"
done

echo
printf '| %-6s | %6s | %12s | %9s | %7s | %s |\n' target "s" executions "per s" corpus result
printf '| %-6s | %6s | %12s | %9s | %7s | %s |\n' ------ -----: -----------: --------: ------: ------
for row in "${ROWS[@]}"; do echo "$row"; done
echo
echo "Inputs up to $MAX_LEN bytes; an input taking over $TIMEOUT s or $RSS_MB MB counts as a failure."
exit "$FOUND"
