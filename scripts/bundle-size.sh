#!/usr/bin/env bash
# Prints the raw and gzipped size of the wasm, js and css in a build, and fails
# when their gzipped total is over the budget (README "Size").
set -euo pipefail
dist="${1:-dist}"
budget_kb="${BUDGET_KB:-200}"
total_raw=0
total_gz=0
printf '%-28s %10s %10s\n' file raw gzip
for file in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css; do
  [ -f "$file" ] || continue
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-28s %10d %10d\n' "$(basename "$file")" "$raw" "$gz"
done
printf '%-28s %10d %10d  (%d.%d KB gzipped; budget %d KB)\n' total "$total_raw" "$total_gz" \
  $((total_gz / 1024)) $((total_gz % 1024 * 10 / 1024)) "$budget_kb"
if [ "$total_gz" -gt $((budget_kb * 1024)) ]; then
  echo "over the size budget" >&2
  exit 1
fi
