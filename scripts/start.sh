#!/usr/bin/env bash
# The README's start command: install what is missing, build, and serve the page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/build.sh
port="${PORT:-4173}"
echo "ShallowSim is served at http://127.0.0.1:${port}/ (Ctrl-C stops it)"
exec npx vite preview --config web/vite.config.ts --host 127.0.0.1 --port "$port" --strictPort
