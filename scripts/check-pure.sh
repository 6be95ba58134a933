#!/usr/bin/env bash
# The pure modules must not use browser crates, so that `cargo test` covers them
# natively (README "Layout").
set -euo pipefail
cd "$(dirname "$0")/.."
pure=(src/article src/reader.rs src/source.rs src/config.rs src/i18n.rs src/synthetic.rs)
if grep -rnE '\b(yew|web_sys|js_sys|wasm_bindgen|gloo)\b' "${pure[@]}"; then
  echo "a pure module uses a browser crate (above)" >&2
  exit 1
fi
