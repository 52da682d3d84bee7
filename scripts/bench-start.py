#!/usr/bin/env python3
"""make bench-start: start-up and memory of the release app against a minimal Tauri app, in one run.

Both binaries come from the same `cargo build --release` (the workspace's release profile, Tauri's
production mode: `tauri/custom-protocol`, as `tauri build` builds them): target/release/zhicheng-app
and target/release/zhicheng-baseline (tests/baseline: one Chinese heading). Each is started RUNS times,
taking turns, under the X server in $DISPLAY (make runs this under Xvfb and a private D-Bus session with
a Secret Service, as a desktop has), each time with a fresh, empty home. Measured from the moment the
process is spawned:

  mapped   the top-level window is viewable (libX11, in this process);
  painted  the window shows content: its area on the screen (read through libX11 in this process,
           every POLL s) is no longer one flat colour — for the app that is index.html's empty frame
           (sidebar and header, no words, drawn before any script runs), for the baseline its heading;
  usable   the window shows what it will keep showing — its pixels are within 0.5 % of the screenshot
           taken after the idle time (for the app: the 基本情况 form with its fields; for the
           baseline: the heading). The blink of a text cursor stays under that share;
  PSS      of the process and all its children (the WebKit web and network processes), after IDLE s.

Prints the medians, the ratios app / baseline and the goals of issue 14: ≤ 1.2× the baseline on each,
the form usable within 0.8 s. Exit status 0 even when a goal is missed (it is a measurement).
"""

import ctypes
import ctypes.util
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
IDLE = float(os.environ.get("BENCH_IDLE", "8"))
TIMEOUT = 30.0
POLL = 0.02


class X:
    """The X server in $DISPLAY through libX11 (ctypes), in this process: a screenshot of the window's
    area takes ~10 ms here, where a spawned `xwd -root` took ~85 ms of both cores' time — time the
    measured app's WebKit processes need while they start (both apps were measured slower by it)."""

    class Image(ctypes.Structure):
        _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                    ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                    ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                    ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int),
                    ("bits_per_pixel", ctypes.c_int)]

    class Attributes(ctypes.Structure):
        _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                    ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                    ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                    ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                    ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                    ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                    ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                    ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                    ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]

    class ClassHint(ctypes.Structure):
        _fields_ = [("res_name", ctypes.c_void_p), ("res_class", ctypes.c_void_p)]

    IS_VIEWABLE = 2
    Z_PIXMAP = 2

    def __init__(self):
        lib = ctypes.util.find_library("X11")
        if not lib:
            sys.exit("bench-start: libX11 is missing (scripts/bootstrap.sh bench-start installs it)")
        x = self.x = ctypes.CDLL(lib)
        P, U, I = ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int
        x.XOpenDisplay.restype, x.XOpenDisplay.argtypes = P, [ctypes.c_char_p]
        x.XDefaultRootWindow.restype, x.XDefaultRootWindow.argtypes = U, [P]
        x.XQueryTree.argtypes = [P, U, ctypes.POINTER(U), ctypes.POINTER(U), ctypes.POINTER(P), ctypes.POINTER(ctypes.c_uint)]
        x.XGetClassHint.argtypes = [P, U, ctypes.POINTER(X.ClassHint)]
        x.XGetWindowAttributes.argtypes = [P, U, ctypes.POINTER(X.Attributes)]
        x.XTranslateCoordinates.argtypes = [P, U, U, I, I, ctypes.POINTER(I), ctypes.POINTER(I), ctypes.POINTER(U)]
        x.XGetImage.restype = P
        x.XGetImage.argtypes = [P, U, I, I, ctypes.c_uint, ctypes.c_uint, U, I]
        x.XFree.argtypes = [P]
        self.d = x.XOpenDisplay(None)
        if not self.d:
            sys.exit("bench-start: cannot open the X display (run under xvfb-run, as make bench-start does)")
        self.root = x.XDefaultRootWindow(self.d)
        x.XDisplayWidth.argtypes = x.XDisplayHeight.argtypes = [P, I]
        self.screen = (x.XDisplayWidth(self.d, 0), x.XDisplayHeight(self.d, 0))
        # Errors on a window that vanished between two calls are not fatal.
        self.handler = ctypes.CFUNCTYPE(I, P, P)(lambda d, e: 0)
        x.XSetErrorHandler(self.handler)

    def children(self, win):
        root, parent, kids, n = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p(), ctypes.c_uint()
        if not self.x.XQueryTree(self.d, win, ctypes.byref(root), ctypes.byref(parent), ctypes.byref(kids), ctypes.byref(n)):
            return []
        if not kids.value:
            return []
        out = list(ctypes.cast(kids, ctypes.POINTER(ctypes.c_ulong))[:n.value])
        self.x.XFree(kids)
        return out

    def wm_class(self, win):
        hint = X.ClassHint()
        if not self.x.XGetClassHint(self.d, win, ctypes.byref(hint)):
            return None
        name = ctypes.string_at(hint.res_name).decode(errors="replace") if hint.res_name else None
        for field in (hint.res_name, hint.res_class):  # XGetClassHint's two strings are ours to free
            if field:
                self.x.XFree(field)
        return name

    def viewable_box(self, wm_class):
        """(x, y, w, h) of a viewable window of class `wm_class` larger than 200×200, or None."""
        todo = [self.root]
        while todo:
            win = todo.pop()
            for kid in self.children(win):
                todo.append(kid)
                if self.wm_class(kid) != wm_class:
                    continue
                a = X.Attributes()
                if not self.x.XGetWindowAttributes(self.d, kid, ctypes.byref(a)) or a.map_state != X.IS_VIEWABLE:
                    continue
                if a.width <= 200 or a.height <= 200:
                    continue
                ax, ay, child = ctypes.c_int(), ctypes.c_int(), ctypes.c_ulong()
                self.x.XTranslateCoordinates(self.d, kid, self.root, 0, 0, ctypes.byref(ax), ctypes.byref(ay), ctypes.byref(child))
                return (ax.value, ay.value, a.width, a.height)
        return None

    def grab(self, box):
        """The pixels of `box` on the screen (4 bytes each, row by row), or b"" if it cannot be read."""
        bx, by, w, h = box  # the part of it on the screen (a grab beyond the screen fails)
        bx, by = max(0, bx), max(0, by)
        w, h = min(w, self.screen[0] - bx), min(h, self.screen[1] - by)
        p = self.x.XGetImage(self.d, self.root, bx, by, w, h, 0xFFFFFFFF, X.Z_PIXMAP)
        if not p:
            return b""
        im = X.Image.from_address(p)
        data = ctypes.string_at(im.data, im.bytes_per_line * im.height)
        self.x.XFree(ctypes.c_void_p(im.data))
        self.x.XFree(ctypes.c_void_p(p))
        return data


BPP = 4  # XGetImage's ZPixmap at depth 24: 32 bits a pixel


def flat(data):
    return len(data) == 0 or data == data[:BPP] * (len(data) // BPP)


def share_differing(a, b):
    """Share of pixels that differ between two grabs of the same box."""
    if a == b:
        return 0.0
    n = min(len(a), len(b)) // BPP
    if n == 0:
        return 1.0
    differing = sum(1 for i in range(0, n * BPP, BPP) if a[i:i + BPP] != b[i:i + BPP])
    return differing / n


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


def one_run(xs, binary, wm_class):
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
    frames = []  # (time, pixels) until painted and a little after, for "usable"
    try:
        while time.monotonic() - t0 < TIMEOUT:
            now = time.monotonic() - t0
            if box is None:
                box = xs.viewable_box(wm_class)
                if box is not None:
                    mapped = now
            if box is not None:
                data = xs.grab(box)
                frames.append((time.monotonic() - t0, data))
                if painted is None and data and not flat(data):
                    painted = frames[-1][0]
                if painted is not None and frames[-1][0] - painted > 3.0:
                    break
            time.sleep(POLL)
        if box is None or painted is None:
            raise RuntimeError(f"{wm_class}: no window with content within {TIMEOUT:.0f} s")
        while time.monotonic() - t0 < IDLE:
            time.sleep(0.1)
        final = xs.grab(box)
        pss = pss_mb(proc.pid)
        # Usable: the first frame from which every later frame is within 0.5 % of the settled one.
        usable = frames[-1][0]
        for t, data in reversed(frames):
            if share_differing(data, final) > 0.005:
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
    xs = X()
    results = {"baseline": [], "app": []}
    for i in range(RUNS):
        for name, binary, wm_class in (("baseline", base, "zhicheng-baseline"), ("app", app, "zhicheng-app")):
            r = one_run(xs, binary, wm_class)
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
