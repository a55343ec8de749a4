#!/usr/bin/env bash
# Installs whatever the build and the tests need and this machine lacks: Debian packages
# (compilers, CMake, GoogleTest, Google Benchmark, Emscripten, Chromium) and the npm packages
# pinned in package-lock.json. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
has_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# `ensure-deps.sh site`: only what building the site needs (the Pages workflow).
if [ "${1:-}" = site ]; then
  packages=(cmake ninja-build emscripten nodejs npm)
else
  packages=(cmake ninja-build g++ clang lld clang-format libgtest-dev libbenchmark-dev emscripten
            chromium nodejs npm)
fi
need=()
for pkg in "${packages[@]}"; do
  case "$pkg" in
    nodejs|npm) command -v "$pkg" >/dev/null 2>&1 || need+=("$pkg") ;;
    *) has_pkg "$pkg" || need+=("$pkg") ;;
  esac
done
if [ "${#need[@]}" -gt 0 ]; then
  echo "ensure-deps: installing Debian packages: ${need[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 \
    "${need[@]}"
fi

# npm packages: install from the lock file when node_modules is missing or older than the lock.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ensure-deps: npm ci"
  npm ci --no-audit --no-fund
fi
