#!/usr/bin/env bash
# Playwright drives Debian's Chromium (its own browser download cannot reach the network here). Two packages:
# the full browser (headed runs, and the fallback) and its headless shell, which the tests use when it is there
# (Playwright's own choice for headless runs; the full browser spent about a third more time on the same pages).
set -uo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
need_browser=$([ -x "$chromium_path" ] || echo yes)
need_shell=$([ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium-headless-shell ] || echo yes)
[ -z "$need_browser" ] && [ -z "$need_shell" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  # The headless shell only saves time: without it the tests run in the full browser.
  [ -z "$need_browser" ] && exit 0
  echo "Chromium is missing at $chromium_path: run 'sudo apt-get install -y chromium chromium-headless-shell' (or set CHROMIUM_PATH)." >&2
  exit 1
fi
apt-get update -qq
if [ -n "$need_browser" ]; then
  echo "Installing Debian's Chromium for the browser tests..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || exit 1
fi
if [ -n "$need_shell" ]; then
  echo "Installing Debian's Chromium headless shell for the browser tests..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null || echo "(no headless shell: the tests use the full browser)"
fi
exit 0
