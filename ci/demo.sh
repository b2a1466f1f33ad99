#!/usr/bin/env bash
# The demo: installs what is missing, builds perfwatch and its demo suite (a
# real Google Benchmark program, examples/demo), makes a small git repository,
# runs the suite for seven backfilled nights, then two `perfwatch nightly
# --dry-run` nights: one an outside cause slowed once (the reruns refute it:
# nothing would be filed), then three commits of which the second makes
# BM_parse_tokens 1.5x slower (confirmed by reruns, bisected to that commit)
# and the third makes a service leak (its memory growth in MB/h): the GitHub
# issues it would file (nothing is sent), a p99.9 column, a constant flagged
# as not a measurement, a tokenizer counted in instructions (steady on two
# nights run beside a busy loop, while its wall time moves), the HTML report,
# a triage.
# Everything lands in ./demo-work (removed first).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

ci/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPERFWATCH_TESTS=OFF -DPERFWATCH_BENCH=OFF >/dev/null
cmake --build build
pw=$root/build/src/perfwatch

work=$root/demo-work
rm -rf "$work"
mkdir -p "$work/repo"
cd "$work/repo"
git init -q
git config user.name "Demo Developer"
git config user.email "demo@example.com"
cat > perfwatch.json <<JSON
{"suite": "demo",
 "benchmarks": [
   {"name": "demo",
    "command": ["$root/build/examples/demo/demo_bench", "--benchmark_format=json",
                "--benchmark_repetitions=30", "--benchmark_min_time=0.02"],
    "format": "gbench", "timeout_s": 120,
    "env": {"PERFWATCH_DEMO_SLOW_ONCE": "$work/slow-once"}},
   {"name": "service",
    "command": ["$root/build/examples/demo/demo_service"],
    "format": "perfwatch", "timeout_s": 60, "memory_growth_min_seconds": 2},
   {"name": "tokenize-count",
    "command": ["$root/build/examples/demo/demo_count"], "measure": "instructions", "repetitions": 3},
   {"name": "tokenize-time",
    "command": ["$root/build/examples/demo/demo_count"], "repetitions": 20}]}
JSON
git add perfwatch.json
git commit -qm "Add the perfwatch suite"

echo "== seven nights: perfwatch run --at <night> (nights 6 and 7 beside a busy loop on the other core)"
busy=""
for night in 1 2 3 4 5 6 7; do
  echo "change $night" >> CHANGES
  git add CHANGES
  git commit -qm "Nightly change $night"
  if [ "$night" = 6 ]; then
    (while :; do :; done) &
    busy=$!
  fi
  "$pw" --quiet run --at "$(date -u -d "today -$((9 - night)) days" +%Y-%m-%dT02:00:00Z)"
  echo "night $night recorded${busy:+ (beside a busy loop)}"
done
kill "$busy"

nightly() {  # a dry run: run, record, compare, confirm; the issue it would file is printed, nothing is sent
  set +e
  env -u GITHUB_TOKEN GITHUB_REPOSITORY=example/demo "$pw" nightly --dry-run --at "$1"
  status=$?
  set -e
}

echo
echo "== night 8: a docs commit, and something outside the code slows the night's first run of BM_parse_tokens 1.6x"
echo "change 8" >> CHANGES
git add CHANGES
git commit -qm "Docs: explain the token format"
touch "$work/slow-once"
SECONDS=0
nightly "$(date -u -d "today -1 days" +%Y-%m-%dT02:00:00Z)"
echo "(exit status $status: 0 = no candidate confirmed by the reruns, nothing filed; took ${SECONDS} s)"

echo
echo "== night 9: three commits; the second makes BM_parse_tokens 1.5x slower, the third makes the service leak"
echo "change 9" >> CHANGES
git add CHANGES
git commit -qm "Refactor the lexer"
echo 1.5 > slowdown.txt
git add slowdown.txt
git commit -qm "Parse tokens twice (oops)"
echo "never evict" > leak.txt
git add leak.txt
git commit -qm "Cache every response"
SECONDS=0
nightly "$(date -u +%Y-%m-%dT02:00:00Z)"
echo "(exit status $status: 1 = a confirmed regression; took ${SECONDS} s, reruns and bisection included)"

echo
echo "== perfwatch history demo/BM_parse_tokens"
"$pw" history demo/BM_parse_tokens
echo
echo "== perfwatch history service/request (a p99.9 where a night has 1,000 samples or more)"
"$pw" history service/request
echo
echo "== perfwatch history service --metric memory_growth (the leak began last night)"
"$pw" history service --metric memory_growth
echo
echo "== perfwatch history tokenize-count (instructions; nights 6 and 7 ran beside a busy loop)"
"$pw" history tokenize-count
echo
echo "== perfwatch history tokenize-time (the same program's wall time on the same nights)"
"$pw" history tokenize-time
echo
echo "== perfwatch status HEAD~1 (the night before)"
"$pw" status HEAD~1
echo
echo "== perfwatch report --html (trend charts, one self-contained file)"
"$pw" report --html "$work/report.html"
echo
echo "== a maintainer decides the slowdown is intended: perfwatch triage accept"
"$pw" triage accept demo/BM_parse_tokens --by demo-maintainer -m "parsing twice is the new design"
# Real benchmarks on a shared machine: a noisy night can move another benchmark
# too, so say what compare says rather than assume it.
if "$pw" compare >/dev/null; then
  echo "compare now exits 0: BM_parse_tokens waits for 3 nights at its new level"
else
  echo "compare still exits 1: BM_parse_tokens waits for 3 nights at its new level, but another benchmark"
  echo "moved tonight (a noisy night on this machine?):"
  "$pw" compare || true
fi
"$pw" triage log
echo
echo "History: $work/repo/.perfwatch/history.db (perfwatch export dumps it as NDJSON)"
echo "HTML report: $work/report.html"
