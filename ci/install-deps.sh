#!/usr/bin/env bash
# Installs perfwatch's build and test dependencies from Debian's packages
# (Debian 12, where it is built and tested; Ubuntu 24.04 has the same names,
# checked on packages.ubuntu.com, but its `chromium` is a wrapper around a snap:
# there the browser test needs PERFWATCH_CHROMIUM, the path of a Chromium or
# Chrome binary, and this script leaves chromium out).
# Idempotent: packages already present are skipped, and apt is not touched at all
# when nothing is missing (so a warm machine pays nothing).
#   ci/install-deps.sh          what building and the demo need
#   ci/install-deps.sh --test   plus what the tests drive: PostgreSQL (a throwaway
#                               server for the store suite), Chromium and Node.js
#                               (the HTML report's browser test), PyYAML (workflow
#                               checks) and faketime (the suite under shifted clocks)
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libgit2-dev libsqlite3-dev libpq-dev nlohmann-json3-dev libboost-math-dev libcli11-dev
  doctest-dev libcurl4-openssl-dev libcpp-httplib-dev libfmt-dev libmstch-dev libpugixml-dev
  libbenchmark-dev
  valgrind  # counts instructions where the kernel has no hardware counter ("measure": "instructions")
)
if [ "${1:-}" = "--test" ]; then
  packages+=(python3-yaml faketime postgresql)
  if grep -q '^ID=ubuntu' /etc/os-release 2>/dev/null; then
    [ -n "${PERFWATCH_CHROMIUM:-}" ] ||
      echo "install-deps: Ubuntu's chromium is a snap; set PERFWATCH_CHROMIUM to a Chromium or Chrome binary for the browser test" >&2
  else
    packages+=(chromium)
  fi
  # Node.js runs the browser test's driver (tests/browser, playwright-core). A
  # machine with its own Node.js (NodeSource's, say) keeps it: Debian's npm
  # would conflict with it.
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
  fi
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
