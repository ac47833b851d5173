#!/usr/bin/env bash
# The browser test of the HTML counterexample view (ctest label `browser`): installs Debian's
# chromium (and a font) and, into a cache outside the repository, playwright-core from npm, each only when
# missing, then runs viewer_test.cjs (or SCRIPT: screenshots.cjs writes the documentation's).
# Usage: run.sh INTERLEAVE SOURCE_DIR OUT_DIR [SCRIPT]
set -euo pipefail
interleave="$1"
root="$2"
out="$3"
script="${4:-viewer_test.cjs}"
playwright_version=1.65.1
cache="${ILV_BROWSER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/interleave-browser-test}"

# deps.sh installs only what is missing (fonts-liberation is merely recommended by chromium,
# and pages without a font render their text as boxes).
"$root/scripts/deps.sh" chromium fonts-liberation
if [ ! -f "$cache/node_modules/playwright-core/package.json" ] ||
   ! grep -q "\"version\": \"$playwright_version\"" "$cache/node_modules/playwright-core/package.json"; then
  mkdir -p "$cache"
  # A lock, so that the two build trees' runs do not install into the cache at once.
  (
    flock 9
    if [ ! -f "$cache/node_modules/playwright-core/package.json" ] ||
       ! grep -q "\"version\": \"$playwright_version\"" "$cache/node_modules/playwright-core/package.json"; then
      echo "browser test: installing playwright-core $playwright_version into $cache" >&2
      npm install --prefix "$cache" --no-audit --no-fund --no-save --loglevel=error \
        "playwright-core@$playwright_version" >&2
    fi
  ) 9>"$cache/.lock"
fi
mkdir -p "$out"
NODE_PATH="$cache/node_modules" exec node "$root/tests/browser/$script" "$interleave" "$root" "$out"
