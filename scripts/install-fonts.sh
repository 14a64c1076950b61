#!/bin/sh
# Installs Debian's DejaVu fonts (the PDF brief embeds DejaVu Sans) and poppler-utils
# (pdftoppm, to look at a brief as an image), if missing. Without DejaVu the brief falls
# back to reportlab's built-in Helvetica.
set -e
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && command -v pdftoppm >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "DejaVu fonts or poppler-utils are missing: run 'apt-get install fonts-dejavu-core poppler-utils' as root." >&2
  exit 0
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-dejavu-core poppler-utils >/dev/null
