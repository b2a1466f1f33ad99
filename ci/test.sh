#!/usr/bin/env bash
# Installs what is missing, builds perfwatch and its tests with
# AddressSanitizer + UndefinedBehaviorSanitizer, starts a throwaway PostgreSQL
# server, and runs every test (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."

ci/install-deps.sh --test

# playwright-core, pinned by tests/browser/package-lock.json, drives Debian's
# Chromium through the HTML report (it downloads no browser of its own).
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

build=${PERFWATCH_TEST_BUILD:-build-asan}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPERFWATCH_SANITIZE=ON -DPERFWATCH_BENCH=ON
cmake --build "$build"

# A throwaway PostgreSQL server for the store suite (stopped on exit): every
# store test runs on SQLite and on it, and the suite fails without it here.
eval "$(ci/postgres.sh start)"
trap 'ci/postgres.sh stop "$PERFWATCH_TEST_POSTGRES_DIR"' EXIT
export PERFWATCH_REQUIRE_POSTGRES=1
echo "test.sh: PostgreSQL at $PERFWATCH_TEST_POSTGRES"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# The whole doctest suite again under shifted clocks, far past and far future,
# so a test that reads the real date fails here before it fails on that date.
# (libfaketime is preloaded ahead of ASan's runtime: tell ASan that is fine.)
for clock in "2003-02-01 03:00:00" "2041-06-15 03:00:00"; do
  echo "test.sh: the suite with the clock at $clock"
  ASAN_OPTIONS="$ASAN_OPTIONS:verify_asan_link_order=0" faketime -f "@$clock" \
    "$build/tests/perfwatch_tests" --minimal --no-intro
done

# Then every test, each in its own process, under the real clock (last, so its
# summary closes the output).
ctest --test-dir "$build" --output-on-failure -j"$(nproc)"
