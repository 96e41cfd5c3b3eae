#!/usr/bin/env bash
# Install everything the tests need (Python packages, Debian's Chromium, poppler's pdftoppm) and run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core poppler-utils >/dev/null
fi
python3 -m pip install -q --disable-pip-version-check -r requirements-dev.txt
exec python3 -m pytest tests -n 2 --dist loadfile --no-loadscope-reorder -p no:cacheprovider "$@"
