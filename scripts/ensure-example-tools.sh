#!/usr/bin/env bash
# Two help examples pipe dcplan into jq and Graphviz's dot (`dcplan plan … | jq .deadline`,
# `dcplan graph --format dot | dot -Tsvg`), and test/cli/examples.test.ts runs every example as
# written. Installs jq and graphviz when they are missing and we may (root with apt-get); otherwise
# says how.
set -euo pipefail
missing=()
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} for the help examples' test (apt-get)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "warning: ${missing[*]} missing; install them (sudo apt-get install ${missing[*]}) or the examples' test fails" >&2
