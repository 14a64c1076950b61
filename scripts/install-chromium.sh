#!/bin/sh
# Installs Debian's Chromium and ChromeDriver for the browser tests, if missing.
# The browser tests drive /usr/bin/chromium through Playwright; Playwright's own
# browser download is not used (it cannot reach its servers from CI).
set -e
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Chromium is missing and this user cannot install it: run 'apt-get install chromium chromium-driver' as root." >&2
  exit 1
fi
echo "Installing chromium and chromium-driver from Debian ..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
