#!/usr/bin/env bash
# Every insta snapshot must belong to a test input that still exists: a snapshot named
# `<test>__<name>@<file>.snap` needs <file> among the examples, fixtures or real agreements
# of the corpus. (What
# `cargo insta test --unreferenced reject` does, without installing cargo-insta.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
status=0
shopt -s nullglob
for snap in tests/snapshots/*@*.snap; do
  input=${snap##*@}
  input=${input%.snap}
  input=${input//__//}
  if ! find examples tests/fixtures tests/corpus -path "*${input}" -print -quit 2>/dev/null | grep -q .; then
    echo "orphaned snapshot: $snap (no input named $input)" >&2
    status=1
  fi
done
pending=$(find . -name '*.snap.new' -not -path './target/*' | head -5)
if [ -n "$pending" ]; then
  echo "pending snapshots (review them and rename or delete):" >&2
  echo "$pending" >&2
  status=1
fi
exit $status
