#!/bin/sh
# Installs Debian's DejaVu fonts (the PDF brief embeds DejaVu Sans) and poppler-utils
# (pdftoppm, to look at a brief as an image), if missing. Without DejaVu the brief falls
# back to reportlab's built-in Helvetica, so a failed install does not stop the tests.
set -e
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi
sh "$(dirname "$0")/apt-install.sh" fonts-dejavu-core poppler-utils || true
