#!/usr/bin/env python3
"""make bench-start: start-up and memory of the release app against a minimal Tauri app, in one run.

Both binaries come from the same `cargo build --release` (the workspace's release profile, Tauri's
production mode: `tauri/custom-protocol`, as `tauri build` builds them): target/release/zhicheng-app
and target/release/zhicheng-baseline (tests/baseline: one Chinese heading). Each is started RUNS times,
taking turns, under the X server in $DISPLAY (make runs this under Xvfb and a private D-Bus session with
a Secret Service, as a desktop has), each time with a fresh, empty home. Measured from the moment the
process is spawned:

  mapped   the top-level window is viewable (xwininfo);
  painted  the window shows content: its area in a screenshot (xwd) is no longer one flat colour;
  usable   the window shows what it will keep showing — its pixels are within 0.5 % of the screenshot
           taken after the idle time (for the app: the 基本情况 form with its fields; for the
           baseline: the heading). The blink of a text cursor stays under that share;
  PSS      of the process and all its children (the WebKit web and network processes), after IDLE s.

Prints the medians, the ratios app / baseline and the goals of issue 14: ≤ 1.2× the baseline on each,
the form usable within 0.8 s. Exit status 0 even when a goal is missed (it is a measurement).
"""

import os
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
IDLE = float(os.environ.get("BENCH_IDLE", "8"))
TIMEOUT = 30.0
POLL = 0.02


def xwd_root():
    """A screenshot of the root window: (width, height, bytes per pixel, bytes per line, pixels)."""
    raw = subprocess.run(["xwd", "-root", "-silent"], capture_output=True, check=True).stdout
    head = struct.unpack(">25I", raw[:100])
    header_size, width, height = head[0], head[4], head[5]
    bits_per_pixel, bytes_per_line, ncolors = head[11], head[12], head[19]
    start = header_size + ncolors * 12
    return width, height, bits_per_pixel // 8, bytes_per_line, raw[start:]


def region(shot, box):
    """The bytes of `box` (x, y, w, h) in a screenshot, row by row."""
    width, height, bpp, bpl, px = shot
    x, y, w, h = box
    x, y = max(0, x), max(0, y)
    w, h = min(w, width - x), min(h, height - y)
    return b"".join(px[(y + r) * bpl + x * bpp:(y + r) * bpl + (x + w) * bpp] for r in range(h)), bpp


def flat(shot, box):
    data, bpp = region(shot, box)
    first = data[:bpp]
    return len(data) == 0 or data == first * (len(data) // bpp)


def share_differing(a, b, bpp):
    """Share of pixels that differ between two regions of the same size."""
    n = min(len(a), len(b)) // bpp
    if n == 0:
        return 1.0
    differing = sum(1 for i in range(0, n * bpp, bpp) if a[i:i + bpp] != b[i:i + bpp])
    return differing / n


def windows_of(wm_class):
    """Ids of the windows of class `wm_class`, from xwininfo's tree (their geometry: `viewable`)."""
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, errors="replace").stdout
    return [line.split()[0] for line in out.splitlines() if f'("{wm_class}"' in line]


def viewable(win_id):
    out = subprocess.run(["xwininfo", "-id", win_id], capture_output=True, text=True, errors="replace").stdout
    if "IsViewable" not in out:
        return None
    val = {}
    for line in out.splitlines():
        k, _, v = line.strip().partition(":")
        val[k] = v.strip()
    try:
        return (int(val["Absolute upper-left X"]), int(val["Absolute upper-left Y"]), int(val["Width"]), int(val["Height"]))
    except (KeyError, ValueError):
        return None


def tree(pid):
    """The process and all its descendants."""
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return pids


def pss_mb(pid):
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def one_run(binary, wm_class):
    home = tempfile.mkdtemp(prefix="bench-start-")
    env = dict(os.environ)
    env.update(HOME=home, XDG_DATA_HOME=f"{home}/.local/share", XDG_CONFIG_HOME=f"{home}/.config",
               XDG_CACHE_HOME=f"{home}/.cache", ZHICHENG_LOG_DIR=f"{home}/logs")
    env.pop("ZHICHENG_WORKSPACE", None)
    t0 = time.monotonic()
    proc = subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    mapped = painted = None
    box = None
    frames = []  # (time, region bytes) until painted and a little after, for "usable"
    try:
        while time.monotonic() - t0 < TIMEOUT:
            now = time.monotonic() - t0
            if box is None:
                for win_id in windows_of(wm_class):
                    geo = viewable(win_id)
                    if geo and geo[2] > 200 and geo[3] > 200:
                        box, mapped = geo, now
                        break
            if box is not None:
                shot = xwd_root()
                data, bpp = region(shot, box)
                frames.append((time.monotonic() - t0, data))
                if painted is None and not flat(shot, box):
                    painted = frames[-1][0]
                if painted is not None and frames[-1][0] - painted > 3.0:
                    break
            time.sleep(POLL)
        if box is None or painted is None:
            raise RuntimeError(f"{wm_class}: no window with content within {TIMEOUT:.0f} s")
        while time.monotonic() - t0 < IDLE:
            time.sleep(0.1)
        final, bpp = region(xwd_root(), box)
        pss = pss_mb(proc.pid)
        # Usable: the first frame from which every later frame is within 0.5 % of the settled one.
        usable = frames[-1][0]
        for t, data in reversed(frames):
            if share_differing(data, final, bpp) > 0.005:
                break
            usable = t
        return dict(mapped=mapped, painted=painted, usable=usable, pss=pss)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(home, ignore_errors=True)


def main():
    target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.path.dirname(__file__), "..", "target")
    app = os.path.join(target, "release", "zhicheng-app")
    base = os.path.join(target, "release", "zhicheng-baseline")
    for b in (app, base):
        if not os.access(b, os.X_OK):
            sys.exit(f"bench-start: {b} is missing (make bench-start builds it)")
    results = {"baseline": [], "app": []}
    for i in range(RUNS):
        for name, binary, wm_class in (("baseline", base, "zhicheng-baseline"), ("app", app, "zhicheng-app")):
            r = one_run(binary, wm_class)
            results[name].append(r)
            print(f"  run {i + 1} {name:8}  mapped {r['mapped']:.2f} s  painted {r['painted']:.2f} s  "
                  f"usable {r['usable']:.2f} s  PSS {r['pss']:.0f} MB", flush=True)
    med = {n: {k: statistics.median(r[k] for r in rs) for k in ("mapped", "painted", "usable", "pss")}
           for n, rs in results.items()}
    print(f"\nmedians of {RUNS} starts each (fresh home, {IDLE:.0f} s idle before PSS):")
    print(f"  {'':10}{'mapped':>10}{'painted':>10}{'usable':>10}{'PSS':>10}")
    for n in ("baseline", "app"):
        m = med[n]
        print(f"  {n:10}{m['mapped']:>9.2f}s{m['painted']:>9.2f}s{m['usable']:>9.2f}s{m['pss']:>7.0f} MB")
    ratios = {k: med["app"][k] / med["baseline"][k] for k in ("mapped", "painted", "usable", "pss")}
    print(f"  {'ratio':10}" + "".join(f"{ratios[k]:>9.2f}×" for k in ("mapped", "painted", "usable", "pss")))
    print("\ngoals (issue 14):")
    for k in ("mapped", "painted", "pss"):
        print(f"  {k:8} ≤ 1.2× the baseline: {ratios[k]:.2f}× — {'met' if ratios[k] <= 1.2 else 'MISSED'}")
    u = med["app"]["usable"]
    print(f"  the form usable ≤ 0.8 s: {u:.2f} s — {'met' if u <= 0.8 else 'MISSED'}")


if __name__ == "__main__":
    main()
