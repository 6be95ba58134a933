#!/usr/bin/env bash
# Installs what serving, building for release, or testing needs, skipping
# anything already present, so running it twice costs seconds. Toolchain notes:
# - Trunk 0.21.14 (0.22 needs a newer rustc); wasm-bindgen-cli exactly at the
#   Cargo.lock version, or Trunk would try to download one.
# - wasm-opt comes from npm's `binaryen`; Chromium and ChromeDriver from Debian.
#
# Usage: scripts/setup.sh [serve|build|test]   (default: serve)
#   serve: the Rust target, Trunk and wasm-bindgen-cli
#   build: and the npm packages (binaryen's wasm-opt and terser for release
#          builds), and the standard library's sources and crates (release
#          builds compile it: see scripts/build.sh)
#   test:  and Debian's Chromium, ChromeDriver, CJK fonts and poppler-utils
#          (pdftotext and pdftoppm read the print test's PDF)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-serve}"

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14$'; then
  say "building Trunk 0.21.14 (about 8 minutes, once)"
  cargo install trunk --version 0.21.14 --locked
fi

bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${bindgen_version}$"; then
  say "building wasm-bindgen-cli ${bindgen_version} (the Cargo.lock version)"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "${bindgen_version}" --force
fi

say "fetching crates, so builds can run --offline"
cargo fetch --quiet

if [ "$mode" = build ] || [ "$mode" = test ]; then
  if ! rustup component list --installed | grep -q '^rust-src'; then
    say "adding the rust-src component (release builds compile the standard library)"
    rustup component add rust-src
  fi
  RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown
fi

if [ "$mode" = build ] || [ "$mode" = test ]; then
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/mark.js ] \
    || [ ! -d node_modules/@axe-core/playwright ] || [ ! -d node_modules/terser ] || [ ! -d node_modules/advanced-mark.js ]; then
    say "installing npm packages (binaryen, terser, playwright-core, mark.js, advanced-mark.js, @axe-core/playwright)"
    npm ci --no-audit --no-fund
  fi
fi

if [ "$mode" = test ]; then
  missing=()
  for package in chromium chromium-driver fonts-noto-cjk poppler-utils; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi
say "ready"
