#!/usr/bin/env bash
# The README's demo end to end (issue #6), then the checks a user would make on its outputs:
# admesh on every STL it wrote and a headless-Chromium screenshot of report.html.
#   apt-get install admesh chromium; mvn -q -DskipTests package && bench/demo.sh [DIR] [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/autoimplant-demo-bench}
minutes=${2:-10}
for tool in admesh chromium; do
  command -v $tool >/dev/null || { echo "needs $tool (apt-get install $tool)" >&2; exit 3; }
done
rm -rf "$dir"
start=$(date +%s)
./autoimplant demo --out "$dir" --minutes "$minutes" 2> "$dir.progress.log" | tee "$dir.log"
echo "demo wall time: $(( $(date +%s) - start )) s for a budget of $minutes min"

bad=0
for stl in "$dir"/predictions/*/direct/*.stl; do
  report=$(admesh "$stl")
  problems=$(echo "$report" | grep -E "disconnected facets|Degenerate facets|Edges fixed|Facets removed|Facets added|Facets reversed|Backwards edges|Normals fixed" \
    | awk -F: '{gsub(/ /, "", $2); split($2, v, " "); if (v[1] + 0 != 0) print}')
  parts=$(echo "$report" | awk -F: '/Number of parts/ {print $2}' | awk '{print $1}')
  volume=$(echo "$report" | awk -F: '/Volume/ {print $NF}' | awk '{print $1}')
  printf 'admesh %s: %s part(s), volume %s mm³%s\n' "${stl#$dir/}" "$parts" "$volume" "${problems:+, PROBLEMS: $problems}"
  [ -z "$problems" ] || bad=1
done

chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,4000 \
  --screenshot="$dir/report.png" "file://$(readlink -f "$dir/report.html")" 2>/dev/null
echo "screenshot: $dir/report.png ($(stat -c %s "$dir/report.png") bytes)"
exit $bad
