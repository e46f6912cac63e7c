#!/usr/bin/env bash
# The main job (`npm start`) on the bundled sample inventory: check it, plan the merger from today,
# write what planners and leadership read, and the plain manifests of the dev stack, into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
dcplan() { node bin/dcplan.js "$@"; }
out=out
mkdir -p "$out"
# The sample's progress file records the first cutover weekend (2026-11-28..29): from then on the
# plan starts from it (before that day it would record the future). The plan made before that
# weekend is the roadmap's baseline (planned versus actual).
progress=()
if [[ "$(date +%F)" > "2026-11-29" ]]; then progress=(--progress planner/sample/progress.yaml); fi
dcplan validate --profile planner/sample/profile.yaml "${progress[@]}" --warnings none
dcplan plan --profile planner/sample/profile.yaml --as-of 2026-11-22 --out "$out/plan-2026-11-22.json" 2>/dev/null
# The sample's price book is illustrative (see its header): it gives the plan's cost its order of size.
dcplan plan --profile planner/sample/profile.yaml "${progress[@]}" --prices planner/sample/prices.yaml --out "$out/plan.json"
dcplan export --plan "$out/plan.json" --format html --baseline "$out/plan-2026-11-22.json" --out "$out/roadmap.html"
dcplan export --plan "$out/plan.json" --format html --baseline "$out/plan-2026-11-22.json" --lang en --out "$out/roadmap.en.html"
dcplan export --plan "$out/plan.json" --format xlsx --out "$out/roadmap.xlsx"
dcplan export --plan "$out/plan.json" --format md --out "$out/roadmap.md"
dcplan export --plan "$out/plan.json" --format csv --out "$out/csv"
dcplan export --plan "$out/plan.json" --format report --inventory inventory/sample --out "$out/bao-cao-6-thang"
dcplan render --stack dev --out "$out/manifests/dev"
echo
echo "Written to $out/: plan.json (and plan-2026-11-22.json, the plan before the first cutover), roadmap.html (Vietnamese), roadmap.en.html, roadmap.xlsx, roadmap.md,"
echo "csv/, bao-cao-6-thang.html/.xlsx (semi-annual report), manifests/dev/ (kubectl apply -f)."
