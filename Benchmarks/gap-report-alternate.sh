#!/usr/bin/env bash
# Times `crosswalk gap --all` for two binaries run alternately (old, new, old, new, …) on one
# evidence store made as gap-report.sh makes it, so a noisy machine slows both alike; prints wall
# time, CPU time and peak memory per run, then whether the two wrote the same bytes.
#
# Usage: Benchmarks/gap-report-alternate.sh OLD_BINARY NEW_BINARY [COUNT] [PAIRS]
#        (defaults: 250000 evidence items, 5 pairs per format). Release builds of each.
set -euo pipefail
cd "$(dirname "$0")/.."
old="$1"; new="$2"; count="${3:-250000}"; pairs="${4:-5}"
[ -x /usr/bin/time ] || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"; $SUDO apt-get install -y -qq time >/dev/null; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$new" controls --format json > "$work/controls.json"
store="$work/store/evidence.sqlite"
"$new" evidence import Examples/acme/evidence/evidence.csv --store "$store" >/dev/null
python3 Benchmarks/make-evidence-store.py "$store" "$count" "$work/controls.json" >/dev/null
sleep 20  # let the machine settle after writing the store
for format in json md; do
  for pair in $(seq "$pairs"); do
    for which in old new; do
      bin="$old"; [ "$which" = new ] && bin="$new"
      /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$bin" gap --all --store "$store" --as-of 2026-11-22 --out "$work/out-$which-$format" --format "$format" >/dev/null
      read -r seconds user system kb < "$work/t"
      echo "$count items, --format $format, pair $pair, $which: ${seconds} s (CPU $(echo "$user + $system" | bc) s), peak $((kb / 1024)) MB"
    done
  done
  for f in $(cd "$work/out-old-$format" && find . -type f | sort); do
    cmp -s "$work/out-old-$format/$f" "$work/out-new-$format/$f" && echo "same bytes: $f" || echo "differs: $f"
  done
done
