#!/usr/bin/env bash
# make dist-check: install the built .deb on this (throwaway) machine, start the installed app under Xvfb
# with a fresh home, make a publicity sheet with the installed CLI and check its fonts, then remove the
# package and check nothing of it is left in /usr. Needs root (or sudo) and a `make dist` first.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$here/target}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
deb="$(ls -t "$target"/release/bundle/deb/*.deb 2>/dev/null | head -1 || true)"
[ -n "$deb" ] || { echo "dist-check: no .deb in $target/release/bundle/deb (run make dist)" >&2; exit 1; }
echo "== package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"
dpkg-deb -I "$deb" | sed -n 's/^ \(Package\|Version\|Depends\|Installed-Size\):/  \1:/p'

echo "== install"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
pkg="$(dpkg-deb -f "$deb" Package)"
version="$(dpkg-deb -f "$deb" Version)"
dpkg -L "$pkg" > /tmp/dist-check-files.txt
for f in /usr/bin/zhicheng-app /usr/bin/zhicheng; do
  [ -x "$f" ] || { echo "dist-check: $f missing" >&2; exit 1; }
done
grep -q '^Name=绿色低碳职称申报助手$' /usr/share/applications/*.desktop && echo "  menu entry: 绿色低碳职称申报助手"
echo "  icons: $(grep -c '/usr/share/icons/hicolor/.*/apps/' /tmp/dist-check-files.txt) sizes"
cli_version="$(/usr/bin/zhicheng --version)"
echo "  $cli_version (package $version)"
[ "$cli_version" = "zhicheng $version" ] || { echo "dist-check: CLI version differs from the package" >&2; exit 1; }
if find /usr/lib/"$pkg" /usr/lib/zhicheng-app -name '*.tt[cf]' 2>/dev/null | grep -q .; then
  echo "dist-check: the Linux package carries fonts; it should use the system's" >&2; exit 1
fi

echo "== the installed app under Xvfb, fresh home; a second start brings it to the front"
ZHICHENG_APP_BIN=/usr/bin/zhicheng-app dbus-run-session -- "$here/scripts/with-secret-service.sh" \
  xvfb-run -a -s "-screen 0 1280x860x24" \
  cargo test -q -p zhicheng-e2e --test installed --test single_instance -- --include-ignored --nocapture 2>&1 \
    | grep -E "installed app|second start|test result|panicked"

echo "== the installed CLI makes the publicity sheet with the system fonts"
tmp="$(mktemp -d)"
HOME="$tmp" ZHICHENG_WORKSPACE="$tmp/ws" /usr/bin/zhicheng sheet "$here/examples/applicant.json" -o "$tmp/sheet.pdf" --at 2023-11-18T10:00:00+08:00
pdffonts "$tmp/sheet.pdf"
if pdffonts "$tmp/sheet.pdf" | tail -n +3 | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") bad=1 } END { exit bad }'; then
  echo "  every font embedded and subset"
else
  echo "dist-check: a font is not embedded or not subset" >&2; exit 1
fi
rm -rf "$tmp"

echo "== remove"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$pkg" >/dev/null
left=0
while read -r f; do
  if [ -f "$f" ] || [ -L "$f" ]; then echo "  left behind: $f"; left=1; fi
done < /tmp/dist-check-files.txt
if find /usr -path /usr/src -prune -o \( -name 'zhicheng*' -print \) 2>/dev/null | grep -q .; then
  find /usr -path /usr/src -prune -o \( -name 'zhicheng*' -print \); left=1
fi
[ "$left" -eq 0 ] && echo "  nothing of the package is left in /usr" || { echo "dist-check: files left after removal" >&2; exit 1; }
echo "dist-check: ok"
