#!/usr/bin/env bash
# Fuzzes every result parser with libFuzzer (clang, ASan + UBSan) for
# FUZZ_SECONDS each (default 60), seeded with the committed fixtures and fuzz
# findings; the corpora in build-fuzz/corpus/ grow run after run (the
# scheduled workflow keeps them in the Actions cache).
# Exit 0 when no target crashed and no sanitizer reported; otherwise the
# first failing target's status, with its crash input left in build-fuzz/findings/.
#   ci/fuzz.sh               every format
#   ci/fuzz.sh gotest k6     only these
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
ci/install-deps.sh
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
fi

CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPERFWATCH_FUZZ=ON >/dev/null
cmake --build build-fuzz

formats=("$@")
if [ ${#formats[@]} -eq 0 ]; then
  formats=(auto perfwatch gbench catch2 hyperfine pytest-benchmark gotest criterion cargo-bench jmh
           benchmarkdotnet benchmarkjs criterion-text vitest console-time ruby-benchmark benchmark-ips iai-callgrind asv julia-benchmarktools luau-bench dart-benchmark-harness k6-csv k6 locust jmeter bmf custom-smaller-is-better custom-bigger-is-better)
fi

mkdir -p build-fuzz/findings
status=0
for format in "${formats[@]}"; do
  corpus="build-fuzz/corpus/$format"
  mkdir -p "$corpus"
  # Seeds: the fixtures of that format (every fixture for auto).
  if [ "$format" = auto ]; then
    find tests/fixtures -type f ! -name '*.md' -exec cp {} "$corpus/" \; 2>/dev/null || true
  elif [ -d "tests/fixtures/$format" ]; then
    find "tests/fixtures/$format" -type f -exec cp {} "$corpus/" \; 2>/dev/null || true
  fi
  # And every committed finding of that format (tests/fuzz-regressions/README.md).
  if [ -d "tests/fuzz-regressions/$format" ]; then
    find "tests/fuzz-regressions/$format" -type f -exec cp {} "$corpus/" \; 2>/dev/null || true
  fi
  echo "fuzz: $format for ${seconds}s"
  if ! build-fuzz/fuzz/fuzz_"$format" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
       -artifact_prefix="build-fuzz/findings/$format-" -print_final_stats=1 "$corpus" \
       > "build-fuzz/findings/$format.log" 2>&1; then
    echo "fuzz: $format FAILED (build-fuzz/findings/$format.log):"
    grep -E "ERROR|SUMMARY|terminate|what\(\)" "build-fuzz/findings/$format.log" | head -5
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "build-fuzz/findings/$format.log" | tail -1
  fi
done
[ $status -eq 0 ] && echo "fuzz: ${#formats[@]} targets, ${seconds}s each: no crash, no sanitizer report"
exit $status
