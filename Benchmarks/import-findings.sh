#!/usr/bin/env bash
# Imports 100,000 Prowler OCSF findings (the shared real scan replicated with new resource ids)
# into a new evidence store, and the same file with a plain Python json + sqlite3 importer.
# Prints findings/s (crosswalk: the median of three runs after a warm-up run) and peak memory of
# each, with the machine's speed at the time (a fixed SHA-256). Release build, static Swift runtime.
#
# Usage: Benchmarks/import-findings.sh [COUNT]   (default 100000; COOLDOWN=seconds, default 45)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-100000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"; $SUDO apt-get install -y -qq time >/dev/null; }

python3 Benchmarks/make-findings.py "$count" "$work/findings.json"
echo "input: $count findings, $(du -h "$work/findings.json" | cut -f1)"
swift build -c release --product crosswalk --static-swift-stdlib --scratch-path .build-static >/dev/null
bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/crosswalk"

# The input was just written: flush it to disk first, or its write-back competes with the
# import's own fsyncs and the first run measures the disk, not the importer. Then let the machine
# go idle: after the half minute of full load that making the input takes, this VM runs slower
# for a while (the same import: 2.0-2.4 s at once, 1.7 s after 45 s idle; RESULTS.md).
# COOLDOWN=0 skips the wait. A warm-up run (shown, not counted) goes first.
sync
cooldown="${COOLDOWN:-45}"
echo "waiting ${cooldown} s for the machine to go idle"
sleep "$cooldown"
# This VM pages out memory left unused for a minute (DAMON reclaim, up to 128 MB/s): parts of
# the input drop out of the page cache between runs, and a run would read them from disk. Every
# run (and the Python reference) starts with the whole file read into the page cache, so all
# measure the importer on the same warm cache.
warm() { cat "$work/findings.json" >/dev/null; }
# The VM's speed swings by a third or more over tens of minutes: a fixed piece of CPU work, timed
# just before, shows which speed the runs below met (SHA-256 of the input with Python's hashlib,
# one core, the CPU's SHA instructions: about 1.5 GB/s when the machine is at its usual speed).
warm
python3 - "$work/findings.json" <<'PY'
import hashlib, os, sys, time
start = time.perf_counter()
digest = hashlib.sha256()
with open(sys.argv[1], "rb") as f:
    while chunk := f.read(1 << 22):
        digest.update(chunk)
elapsed = time.perf_counter() - start
print(f"machine speed: SHA-256 of the input in {elapsed:.2f} s ({os.path.getsize(sys.argv[1]) / elapsed / 1e9:.2f} GB/s)")
PY
# A warm-up run and three timed runs into new stores; the median of the three is the figure.
for run in 0 1 2 3; do
  warm
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$bin" evidence import "$work/findings.json" --store "$work/store$run/evidence.sqlite" >/dev/null
  end=$(date +%s.%N)
  if [ "$run" = 0 ]; then
    echo "warm-up run: $(python3 -c "print(f'{$end - $start:.2f}')") s"
  else
    echo "$start $end" >>"$work/times"
    cat "$work/rss" >>"$work/rsses"
  fi
  rm -rf "$work/store$run"
done
python3 - "$count" "$work/times" "$work/rsses" <<'PY'
import sys
count = int(sys.argv[1])
runs = [float(b) - float(a) for a, b in (line.split() for line in open(sys.argv[2]))]
times = sorted(runs)
rss = max(int(r) for r in open(sys.argv[3]))
median = times[len(times) // 2]
listed = ", ".join(f"{t:.2f}" for t in runs)
print(f"crosswalk: {count / median:,.0f} findings/s (median of 3 runs: {listed} s, in order), peak memory {rss // 1024} MB")
PY

sleep "$cooldown"
warm
/usr/bin/time -f "%M" -o "$work/rss-py" python3 Benchmarks/reference_importer.py "$work/findings.json" "$work/reference.sqlite" | sed 's/^/python json+sqlite3: /'
echo "python peak memory $(( $(cat "$work/rss-py") / 1024 )) MB"
