#!/usr/bin/env bash
# Times the gap report over all shipped frameworks (`crosswalk gap --all`) with evidence stores of
# 250,000, 500,000 and 1,000,000 items, and reports wall time and peak memory. Release build.
#
# Usage: Benchmarks/gap-report.sh [COUNT...]   (default: 250000 500000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-250000 500000 1000000}")
[ $# -eq 0 ] && counts=(250000 500000 1000000)
[ -x /usr/bin/time ] || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"; $SUDO apt-get install -y -qq time >/dev/null; }
swift build -c release --product crosswalk --static-swift-stdlib --scratch-path .build-static >/dev/null
bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/crosswalk"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" controls --format json > "$work/controls.json"
for count in "${counts[@]}"; do
  store="$work/store-$count/evidence.sqlite"
  "$bin" evidence import Examples/acme/evidence/evidence.csv --store "$store" >/dev/null
  python3 Benchmarks/make-evidence-store.py "$store" "$count" "$work/controls.json"
  for format in json md; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$bin" gap --all --store "$store" --as-of 2026-11-22 --out "$work/out" --format "$format" >/dev/null
    read -r seconds kb < "$work/t"
    echo "$count evidence items, gap --all --format $format: $seconds s, peak memory $((kb / 1024)) MB"
  done
done
