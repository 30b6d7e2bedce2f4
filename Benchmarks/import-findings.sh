#!/usr/bin/env bash
# Imports 100,000 Prowler OCSF findings (the shared real scan replicated with new resource ids)
# into a new evidence store, and the same file with a plain Python json + sqlite3 importer.
# Prints findings/s and peak memory of each. Release build, static Swift runtime.
#
# Usage: Benchmarks/import-findings.sh [COUNT]   (default 100000)
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

start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$bin" evidence import "$work/findings.json" --store "$work/store/evidence.sqlite" >/dev/null
end=$(date +%s.%N)
echo "crosswalk: $(python3 -c "print(f'{$count / ($end - $start):,.0f} findings/s, {$end - $start:.2f} s')"), peak memory $(( $(cat "$work/rss") / 1024 )) MB"

/usr/bin/time -f "%M" -o "$work/rss-py" python3 Benchmarks/reference_importer.py "$work/findings.json" "$work/reference.sqlite" | sed 's/^/python json+sqlite3: /'
echo "python peak memory $(( $(cat "$work/rss-py") / 1024 )) MB"
