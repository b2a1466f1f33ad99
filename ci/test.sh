#!/usr/bin/env bash
# Installs what is missing, builds perfwatch and its tests with
# AddressSanitizer + UndefinedBehaviorSanitizer, and runs every test (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."

ci/install-deps.sh --test

build=${PERFWATCH_TEST_BUILD:-build-asan}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPERFWATCH_SANITIZE=ON -DPERFWATCH_BENCH=ON
cmake --build "$build"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
