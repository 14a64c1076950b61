#!/bin/sh
# Installs Debian's Chromium and ChromeDriver for the browser tests, if missing.
# The browser tests drive /usr/bin/chromium through Playwright; Playwright's own
# browser download is not used (it cannot reach its servers from CI).
set -e
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
exec sh "$(dirname "$0")/apt-install.sh" chromium chromium-driver
