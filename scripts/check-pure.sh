#!/usr/bin/env bash
# Everything in src/ except the browser side (app, components, hooks, web) and
# lib.rs must be free of browser crates, so that `cargo test` covers it natively
# (README "Layout").
set -euo pipefail
cd "$(dirname "$0")/.."
pure=$(find src -name '*.rs' \
  ! -path 'src/app.rs' ! -path 'src/lib.rs' \
  ! -path 'src/components*' ! -path 'src/hooks*' ! -path 'src/web*')
if grep -nE '\b(yew|web_sys|js_sys|wasm_bindgen|gloo)\b' $pure; then
  echo "a pure module uses a browser crate (above)" >&2
  exit 1
fi
echo "pure modules: $(echo $pure | wc -w) files, no browser crates"
