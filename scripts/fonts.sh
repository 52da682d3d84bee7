#!/usr/bin/env bash
# Fills fonts/ with the publicity sheet's fonts for the Windows and macOS bundles (and the CLI of a checkout),
# from the Debian packages, with their licences beside them:
#   NotoSerifSC-Regular.otf  body (宋体-like): Noto Serif CJK SC (face 2 of NotoSerifCJK-Regular.ttc),
#                            cut to the characters of Simplified Chinese text        — fonts-noto-cjk, SIL OFL 1.1
#   NotoSansSC-Bold.otf      title (黑体-like): Noto Sans CJK SC Bold, cut the same way — fonts-noto-cjk, SIL OFL 1.1
#   HanaMinB.ttf             fallback for rare characters (CJK Ext. B–F), whole       — fonts-hanazono, SIL OFL 1.1
# The cut keeps Latin, Greek and Cyrillic, punctuation, symbols and forms, kana, the CJK ideographs (URO,
# Ext. A, compatibility, and those of Ext. B+ the face has) and drops Hangul, the other regions' glyph
# variants and the layout features the sheet never uses (it maps characters through the cmap only), so a
# character draws with the very outline and advance of the distribution's face (golden test:
# crates/zhicheng-sheet/tests/sheet.rs). fontTools (PyPI, pinned) does the cut — about 1.5 min per face,
# both at once, kept in ~/.cache/zhicheng-tools/fonts under a hash of its inputs so it runs once per machine.
# On Linux the packages carry no fonts: the sheet reads the distribution's collections from /usr/share/fonts.
# Safe to run again: it copies only what differs.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/fonts"
tools="${ZHICHENG_TOOLS:-$HOME/.cache/zhicheng-tools}"
fonttools_version="4.68.0"
unicodes="U+0000-024F,U+02B0-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-23FF,U+2460-27BF,U+2E80-2FFF,\
U+3000-30FF,U+3100-312F,U+31A0-31EF,U+3200-33FF,U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+FE10-FE1F,U+FE30-FE6F,\
U+FF00-FFEF,U+20000-2FFFF"
noto=/usr/share/fonts/opentype/noto
mkdir -p "$dest"

need() {
  if [ ! -f "$1" ]; then
    echo "fonts: $1 is missing (install the Debian package named in scripts/fonts.sh)" >&2
    exit 1
  fi
}
copy() { # src dst
  need "$1"
  cmp -s "$1" "$2" 2>/dev/null || cp "$1" "$2"
}

# The cached cut of SRC.ttc, named after OUT.otf and a hash of its inputs.
cached() { # src out
  local key
  key="$( (sha256sum "$1" | cut -d' ' -f1; echo "$fonttools_version $unicodes") | sha256sum | cut -c1-16)"
  echo "$tools/fonts/$(basename "$2" .otf)-$key.otf"
}

# subset SRC.ttc CUT OUT.otf: face 2 (SC) of the collection, cut as said above into the cache file CUT
# (when it is not there yet), then copied to OUT.
subset() {
  if [ ! -f "$2" ]; then
    echo "fonts: cutting $(basename "$1") to $(basename "$3") (once per machine, about 1.5 min)"
    "$tools/fonts-venv/bin/pyftsubset" "$1" --font-number=2 --unicodes="$unicodes" --layout-features='' \
      --output-file="$2.tmp"
    mv "$2.tmp" "$2"
  fi
  copy "$2" "$3"
}

need "$noto/NotoSerifCJK-Regular.ttc"
need "$noto/NotoSansCJK-Bold.ttc"
mkdir -p "$tools/fonts"
serif_cut="$(cached "$noto/NotoSerifCJK-Regular.ttc" "$dest/NotoSerifSC-Regular.otf")"
sans_cut="$(cached "$noto/NotoSansCJK-Bold.ttc" "$dest/NotoSansSC-Bold.otf")"
# fontTools only when a cut is not in the cache (a new machine, a new version of the fonts).
if { [ ! -f "$serif_cut" ] || [ ! -f "$sans_cut" ]; } && [ ! -x "$tools/fonts-venv/bin/pyftsubset" ]; then
  echo "fonts: installing fontTools $fonttools_version into $tools/fonts-venv"
  python3 -m venv "$tools/fonts-venv"
  "$tools/fonts-venv/bin/pip" install --quiet --disable-pip-version-check "fonttools==$fonttools_version"
fi
subset "$noto/NotoSerifCJK-Regular.ttc" "$serif_cut" "$dest/NotoSerifSC-Regular.otf" &
serif=$!
subset "$noto/NotoSansCJK-Bold.ttc" "$sans_cut" "$dest/NotoSansSC-Bold.otf" &
sans=$!
wait "$serif"
wait "$sans"
copy /usr/share/fonts/truetype/hanazono/HanaMinB.ttf "$dest/HanaMinB.ttf"
copy /usr/share/doc/fonts-noto-cjk/copyright "$dest/LICENSE-NotoCJK.txt"
copy /usr/share/doc/fonts-hanazono/copyright "$dest/LICENSE-Hanazono.txt"
# The whole collections were copied here before the cut; they are read from /usr/share/fonts now.
rm -f "$dest/NotoSerifCJK-Regular.ttc" "$dest/NotoSansCJK-Bold.ttc"
