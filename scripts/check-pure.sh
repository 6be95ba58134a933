#!/usr/bin/env bash
# The pure crate (crates/reader-core) must not depend on a browser crate, so
# that `cargo test -p reader-core` runs natively and the compiler keeps the
# logic free of the DOM. Its Cargo.toml names none; this catches one arriving
# through another dependency.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(cargo tree --offline -p reader-core -e normal --prefix none)
if grep -E '^(yew|web-sys|js-sys|gloo[a-z-]*|wasm-bindgen[a-z-]*) ' <<<"$tree"; then
  echo "reader-core depends on a browser crate (above)" >&2
  exit 1
fi
echo "reader-core: $(sort -u <<<"$tree" | wc -l) crates in its tree, none of them a browser crate"
