#!/usr/bin/env bash
# Copies the fonts of the publicity sheet from the Debian packages into fonts/, which the app bundles
# as resources and the CLI reads (so the PDF is the same on every OS), with their licences beside them.
#   NotoSerifCJK-Regular.ttc  body (宋体-like), face 2 = Noto Serif CJK SC   — fonts-noto-cjk, SIL OFL 1.1
#   NotoSansCJK-Bold.ttc      title (黑体-like), face 2 = Noto Sans CJK SC  — fonts-noto-cjk, SIL OFL 1.1
#   HanaMinB.ttf              fallback for rare characters (CJK Ext. B–F)   — fonts-hanazono, SIL OFL 1.1
# Safe to run again: it copies only what differs.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/fonts"
mkdir -p "$dest"
copy() { # src dst
  if [ ! -f "$1" ]; then
    echo "fonts: $1 is missing (install the Debian package named in scripts/fonts.sh)" >&2
    exit 1
  fi
  cmp -s "$1" "$2" 2>/dev/null || cp "$1" "$2"
}
copy /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc "$dest/NotoSerifCJK-Regular.ttc"
copy /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc "$dest/NotoSansCJK-Bold.ttc"
copy /usr/share/fonts/truetype/hanazono/HanaMinB.ttf "$dest/HanaMinB.ttf"
copy /usr/share/doc/fonts-noto-cjk/copyright "$dest/LICENSE-NotoCJK.txt"
copy /usr/share/doc/fonts-hanazono/copyright "$dest/LICENSE-Hanazono.txt"
