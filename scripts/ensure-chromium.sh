#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium (Playwright's own browser download cannot work
# on these machines). Run before `npm test`: when the browser is missing and this shell may install
# Debian packages (root with apt-get), it installs it; otherwise it says, in one line, what to do.
set -euo pipefail
browser="${KANDAS_CHROMIUM:-/usr/bin/chromium}"
[ -x "$browser" ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the console's browser tests…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium at $browser: install Debian's package (as root: apt-get install -y chromium) or set KANDAS_CHROMIUM" >&2
exit 1
