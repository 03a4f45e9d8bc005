#!/bin/sh
# Installs what imrx needs to build and test on Debian 12 (bookworm) or later.
# Safe to run again: apt-get skips what is already installed.
set -eu
PKGS="build-essential cmake pkg-config libpcre2-dev libutf8proc-dev libcriterion-dev \
libarchive-dev libjansson-dev libsqlite3-dev libpoppler-glib-dev poppler-utils \
mupdf-tools python3-pdfminer clang libclang-rt-14-dev ripgrep chromium time valgrind python3"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "imrx setup: installing$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
