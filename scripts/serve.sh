#!/usr/bin/env bash
# Serves dist/ on 127.0.0.1 (PORT, default 8000), with the caching headers of scripts/serve.py.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8000}
echo "Zhibiao: http://127.0.0.1:$port/   (Ctrl-C to stop)" >&2
exec python3 scripts/serve.py "$port" dist
