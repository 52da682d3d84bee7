#!/usr/bin/env bash
# The app makes no network request: it runs in a network namespace with no interface at all
# (`unshare -n`) under `strace -f`, every process of it (the WebKit processes too), through start-up
# and the first page with the example applicant; then no socket other than AF_UNIX or netlink may
# have been opened. Run by `make e2e` inside its Xvfb and D-Bus session; needs root (CI is) or
# unprivileged user namespaces, and strace.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
app="${ZHICHENG_APP_BIN:-$here/target/debug/zhicheng-app}"
cli="$(dirname "$app")/zhicheng"
out="$here/target/no-network"
rm -rf "$out"; mkdir -p "$out"
tmp="$(mktemp -d)"
export HOME="$tmp/home" ZHICHENG_WORKSPACE="$tmp/ws" ZHICHENG_LOG_DIR="$tmp/logs" ZHICHENG_NOW=2023-11-30T12:00:00+08:00
mkdir -p "$HOME"
"$cli" --workspace "$ZHICHENG_WORKSPACE" profile import "$here/examples/applicant.json" >/dev/null

unshare -n strace -f -qq -e trace=socket,connect -o "$out/trace.txt" "$app" >"$out/app.log" 2>&1 &
tracer=$!
cleanup() {
  pkill -TERM -f "^$app" 2>/dev/null || true
  wait "$tracer" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
  if grep -qs started "$ZHICHENG_LOG_DIR"/zhicheng*.log; then break; fi
  sleep 0.2
done
# The first page loads and asks for the workspace's data; give the web process time to do it all. Every
# process runs under ptrace, which slows a start many times over: wait for the painted page (up to 60 s,
# a screenshot a second), then 3 s more for what it asks for after.
colours=0
for _ in $(seq 1 60); do
  sleep 1
  import -window root "$out/screen.png"
  colours="$(convert "$out/screen.png" -format %k info:)"
  [ "$colours" -ge 50 ] && break
done
sleep 3
pkill -TERM -f "^$app" || true
wait "$tracer" 2>/dev/null || true

sockets="$(grep -c 'socket(' "$out/trace.txt" || true)"
inet="$(grep -E 'socket\((AF_INET|AF_INET6|AF_PACKET)' "$out/trace.txt" || true)"
remote="$(grep -E 'connect\(' "$out/trace.txt" | grep -v 'sa_family=AF_UNIX' || true)"
echo "no-network: $sockets sockets opened ($(grep -c 'socket(AF_UNIX' "$out/trace.txt" || true) AF_UNIX, $(grep -c 'socket(AF_NETLINK' "$out/trace.txt" || true) netlink); screen has $colours colours"
if [ -n "$inet$remote" ] || [ "$colours" -lt 50 ]; then
  [ -n "$inet$remote" ] && printf 'network use:\n%s\n%s\n' "$inet" "$remote"
  [ "$colours" -lt 50 ] && echo "the window did not paint (see $out/screen.png)"
  echo "no-network: 0 passed, 1 failed"
  exit 1
fi
echo "no-network: 1 passed, 0 failed"
