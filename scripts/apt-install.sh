#!/bin/sh
# apt-install.sh PACKAGE...: install Debian packages as root, or through sudo when there is one.
# Exits 1 with a hint when this user can do neither.
set -e
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Missing Debian packages and this user cannot install them: run 'apt-get install $*' as root." >&2
  exit 1
fi
echo "Installing $* from Debian ..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
