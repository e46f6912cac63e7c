#!/usr/bin/env bash
# The browser test drives Debian's chromium through playwright-core (never a downloaded browser).
# Installs it when it is missing and we may (root with apt-get); otherwise says how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser test (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "warning: /usr/bin/chromium is missing; install it (sudo apt-get install chromium) or the browser test fails" >&2
