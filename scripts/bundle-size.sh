#!/usr/bin/env bash
# Prints the raw and gzipped size of what an embedding page loads (the wasm, the
# wasm-bindgen js and its snippets, reader.js and reader.css), warns above the
# 200 KB we aim for, and fails above the 240 KB cap (README "Size"). The
# Markdown module, loaded only for Markdown articles, is listed apart with what
# a Markdown page loads in all; so are the standalone page's own files
# (index.html, page.css), which embedders do not load.
set -euo pipefail
dist="${1:-dist}"
budget_kb="${BUDGET_KB:-240}"
aim_kb=200
embed=(article-reader_bg.wasm article-reader.js reader.js reader.css)
while IFS= read -r snippet; do embed+=("${snippet#"$dist"/}"); done < <(find "$dist/snippets" -name '*.js' 2>/dev/null | sort)
total_raw=0
total_gz=0
row() { printf '%-28s %10s %10s\n' "$@"; }
row file raw gzip
for name in "${embed[@]}"; do
  file="$dist/$name"
  [ -f "$file" ] || { echo "missing $file" >&2; exit 1; }
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  row "$name" "$raw" "$gz"
done
printf '%-28s %10d %10d  (%d.%d KB gzipped; aim %d KB, cap %d KB)\n' "embed total" "$total_raw" "$total_gz" \
  $((total_gz / 1024)) $((total_gz % 1024 * 10 / 1024)) "$aim_kb" "$budget_kb"
markdown_gz=0
for name in markdown_bg.wasm markdown.js; do
  file="$dist/$name"
  [ -f "$file" ] || { echo "missing $file" >&2; exit 1; }
  gz=$(gzip -9 -c "$file" | wc -c)
  markdown_gz=$((markdown_gz + gz))
  row "$name (Markdown only)" "$(stat -c %s "$file")" "$gz"
done
with_markdown=$((total_gz + markdown_gz))
printf '%-28s %10s %10d  (%d.%d KB gzipped)\n' "a Markdown page in all" "" "$with_markdown" \
  $((with_markdown / 1024)) $((with_markdown % 1024 * 10 / 1024))
for file in "$dist"/*.html "$dist"/page.*; do
  [ -f "$file" ] && row "$(basename "$file") (page only)" "$(stat -c %s "$file")" "$(gzip -9 -c "$file" | wc -c)"
done
if [ "$total_gz" -gt $((budget_kb * 1024)) ]; then
  echo "over the size cap" >&2
  exit 1
fi
if [ "$total_gz" -gt $((aim_kb * 1024)) ]; then
  echo "note: above the ${aim_kb} KB aim (still under the cap)" >&2
fi
