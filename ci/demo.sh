#!/usr/bin/env bash
# The demo: installs what is missing, builds perfwatch, makes a small git
# repository, backfills a week of nightly results (generated with a fixed
# seed) plus an eighth night where parser/small got 35 % slower, and shows the
# history perfwatch keeps and the regression it finds. Everything lands in
# ./demo-work (removed first).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

ci/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPERFWATCH_TESTS=OFF >/dev/null
cmake --build build
pw=$root/build/src/perfwatch

work=$root/demo-work
rm -rf "$work"
mkdir -p "$work/repo"
cd "$work/repo"
git init -q
git config user.name "Demo Developer"
git config user.email "demo@example.com"

# One night of results in perfwatch's native format. Latencies are log-normal
# (a heavy right tail) around each benchmark's level; `slowdown` scales parser/small.
night_results() {
  local seed=$1 slowdown=$2
  awk -v seed="$seed" -v slow="$slowdown" 'BEGIN {
    srand(seed)
    shift = 1 + (rand() - 0.5) * 0.04           # the whole night moves together, +-2 %
    printf "{\"suite\": \"demo\", \"benchmarks\": ["
    split("parser/small json/encode", names, " ")
    split("1200 45000", level, " ")
    for (b = 1; b <= 2; b++) {
      printf "%s{\"name\": \"%s\", \"unit\": \"ns\", \"samples\": [", (b > 1 ? ", " : ""), names[b]
      f = (names[b] == "parser/small") ? slow : 1
      for (i = 0; i < 60; i++) {
        z = sqrt(-2 * log(1 - rand())) * cos(6.283185307 * rand())
        printf "%s%.1f", (i ? ", " : ""), level[b] * shift * f * exp(0.08 * z)
      }
      printf "]}"
    }
    printf ", {\"name\": \"alloc/vector\", \"throughput\": {\"unit\": \"items/s\", \"samples\": ["
    for (i = 0; i < 10; i++) printf "%s%.0f", (i ? ", " : ""), 8.2e5 * shift * (1 + (rand() - 0.5) * 0.05)
    printf "]}, \"peak_rss_bytes\": %d}]}\n", 73400320 + int(rand() * 100000)
  }'
}

echo "== backfilling 7 nights, then night 8 with parser/small 35 % slower"
for night in 1 2 3 4 5 6 7 8; do
  echo "change $night" >> CHANGES
  git add CHANGES
  git commit -qm "Nightly change $night"
  slowdown=1.0
  [ "$night" -eq 8 ] && slowdown=1.35
  night_results "$night" "$slowdown" > "$work/night-$night.json"
  at=$(date -u -d "today -$((8 - night)) days" +%Y-%m-%dT02:00:00Z)
  "$pw" ingest "$work/night-$night.json" --format perfwatch --at "$at" --env demo-runner
done

echo
echo "== perfwatch history parser/small"
"$pw" history parser/small
echo
echo "== perfwatch history alloc/vector --metric throughput"
"$pw" history alloc/vector --metric throughput
echo
echo "== perfwatch compare (night 8 against the 7 nights before; exit 1 = regression)"
set +e
"$pw" compare
status=$?
set -e
echo "(exit status $status)"
echo
echo "== perfwatch compare --format markdown"
"$pw" compare --format markdown || true
echo
echo "== perfwatch status HEAD~1 (a clean night)"
"$pw" status HEAD~1
echo
echo "History: $work/repo/.perfwatch/history.db ($("$pw" export 2>/dev/null | tail -n +2 | wc -l) runs; perfwatch export dumps it)"
