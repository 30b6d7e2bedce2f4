#!/usr/bin/env bash
# Times loading the NIST SP 800-53 rev5 OSCAL XML catalog as a whole process —
#   crosswalk show FILE --format json > /dev/null
# against libxml2's own streaming parser on the same file —
#   xmllint --stream --noout FILE
# and reports the peak memory (max RSS) of each. Release build.
#
# Usage: Benchmarks/load-catalog.sh [CATALOG.xml]   (default: ../shared/data/oscal/nist-sp800-53-rev5/…)
# Needs hyperfine, xmllint and GNU time (installed here from Debian when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-../shared/data/oscal/nist-sp800-53-rev5/NIST_SP-800-53_rev5_catalog.xml}"
[ -f "$file" ] || { echo "load-catalog: $file not found (the shared data folder sits beside the repository)" >&2; exit 1; }

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Release build with the Swift runtime linked in (as a shipped binary would be): it saves the
# dynamic loader about 6 ms per process. Own scratch folder, so the debug build stays as it is.
swift build -c release --product crosswalk --static-swift-stdlib --scratch-path .build-static >/dev/null
bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/crosswalk"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sm), $(swift --version 2>&1 | head -1)"
echo "file: $file ($(du -h "$file" | cut -f1))"
hyperfine --warmup 5 --runs 60 -N \
  "xmllint --stream --noout $file" \
  "$bin show $file --format json" \
  --export-markdown /tmp/crosswalk-load-catalog.md >/dev/null
cat /tmp/crosswalk-load-catalog.md
for cmd in "xmllint --stream --noout $file" "$bin show $file --format json"; do
  kb=$(/usr/bin/time -f %M $cmd 2>&1 >/dev/null | tail -1)
  echo "peak memory (max RSS): $((kb / 1024)) MB  — $cmd"
done
