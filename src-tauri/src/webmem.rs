//! WebKitGTK's memory-pressure settings for the app's web process (Linux only).
//!
//! WebKit's web process only starts giving memory back (collecting JavaScript garbage, dropping its
//! caches, returning free pages to the system) when its footprint passes a third of a limit that is by
//! default min(3 GB, RAM) — far above what this app's pages ever use, so on its own it never does. The
//! limit is a construct-only property of `WebKitWebContext` (`memory-pressure-settings`, WebKitGTK 2.34),
//! and wry builds that context itself with no way to pass it. So before any context exists, the
//! class's GObject `constructor` is wrapped: when a context is built without settings, ours are
//! filled in, then WebKit's own constructor runs unchanged. Measured in docs/evidence.md (#16).
//!
//! `ZHICHENG_WEBMEM=off` leaves WebKit's defaults; `ZHICHENG_WEBMEM=LIMIT_MB[,POLL_S[,CONSERVATIVE[,STRICT[,KILL]]]]`
//! overrides the figures (for measuring).

#![allow(unsafe_code, reason = "GObject class vfunc wrapping over the C API; each block says what holds")]

use std::ffi::CStr;
use std::sync::OnceLock;

use webkit2gtk::ffi;
use webkit2gtk::glib::gobject_ffi;

/// The figures used when nothing overrides them.
const DEFAULTS: Figures = Figures { limit_mb: 1024, poll_s: 5.0, conservative: 0.33, strict: 0.5, kill: 0.0 };

#[derive(Clone, Copy, Debug, PartialEq)]
struct Figures {
    limit_mb: u32,
    poll_s: f64,
    conservative: f64,
    strict: f64,
    kill: f64,
}

/// Reads `ZHICHENG_WEBMEM`: `None` means leave WebKit's defaults.
fn figures(var: Option<&str>) -> Option<Figures> {
    let Some(v) = var.map(str::trim).filter(|v| !v.is_empty()) else { return Some(DEFAULTS) };
    if v.eq_ignore_ascii_case("off") {
        return None;
    }
    let mut f = DEFAULTS;
    let mut parts = v.split(',').map(str::trim);
    if let Some(n) = parts.next().and_then(|p| p.parse::<u32>().ok()).filter(|n| *n > 0) {
        f.limit_mb = n;
    }
    if let Some(n) = parts.next().and_then(|p| p.parse::<f64>().ok()).filter(|n| *n > 0.0) {
        f.poll_s = n;
    }
    if let Some(n) = parts.next().and_then(|p| p.parse::<f64>().ok()).filter(|n| *n > 0.0 && *n < 1.0) {
        f.conservative = n;
    }
    if let Some(n) = parts.next().and_then(|p| p.parse::<f64>().ok()).filter(|n| *n > f.conservative && *n < 1.0) {
        f.strict = n;
    }
    if let Some(n) = parts.next().and_then(|p| p.parse::<f64>().ok()).filter(|n| *n > f.strict) {
        f.kill = n;
    }
    Some(f)
}

type Constructor = unsafe extern "C" fn(
    webkit2gtk::glib::ffi::GType,
    std::ffi::c_uint,
    *mut gobject_ffi::GObjectConstructParam,
) -> *mut gobject_ffi::GObject;

/// WebKit's own constructor, and our settings as a boxed pointer (kept for the process's life).
struct Hook {
    parent: Constructor,
    settings: usize,
}
static HOOK: OnceLock<Hook> = OnceLock::new();

const PROPERTY: &CStr = c"memory-pressure-settings";

unsafe extern "C" fn constructor(
    type_: webkit2gtk::glib::ffi::GType,
    n: std::ffi::c_uint,
    params: *mut gobject_ffi::GObjectConstructParam,
) -> *mut gobject_ffi::GObject {
    let Some(hook) = HOOK.get() else {
        // Not reachable: the vfunc is only installed after HOOK is set.
        return std::ptr::null_mut();
    };
    // SAFETY: GObject passes `n` valid construct params (one per construct property of the class,
    // given or default), each with a valid pspec and an initialised GValue it owns for this call.
    unsafe {
        for i in 0..n as usize {
            let p = params.add(i);
            let pspec = (*p).pspec;
            if pspec.is_null() || (*p).value.is_null() {
                continue;
            }
            let name = CStr::from_ptr((*pspec).name);
            if name == PROPERTY && gobject_ffi::g_value_get_boxed((*p).value).is_null() {
                // Copies the boxed settings into the value; ours stay owned by HOOK.
                gobject_ffi::g_value_set_boxed((*p).value, hook.settings as *const std::ffi::c_void);
                tracing::info!(target: "zhicheng", "web context built with the app's memory-pressure settings");
            }
        }
        (hook.parent)(type_, n, params)
    }
}

/// Installs the settings for every `WebKitWebContext` built after this call. Call before the first
/// window; without effect (and harmless) when `ZHICHENG_WEBMEM=off`.
pub(crate) fn install() {
    let var = std::env::var("ZHICHENG_WEBMEM").ok();
    let Some(f) = figures(var.as_deref()) else {
        tracing::info!(target: "zhicheng", "web process memory pressure: WebKit's defaults (ZHICHENG_WEBMEM=off)");
        return;
    };
    // The C API, not webkit2gtk's wrapper: the wrapper insists on GTK being initialised, which tao
    // only does later; the boxed struct itself needs nothing. It lives as long as the process
    // (one small struct, never freed).
    // SAFETY: a freshly made boxed struct, set through its own setters with values in their ranges.
    let raw = unsafe {
        let s = ffi::webkit_memory_pressure_settings_new();
        ffi::webkit_memory_pressure_settings_set_memory_limit(s, f.limit_mb);
        ffi::webkit_memory_pressure_settings_set_poll_interval(s, f.poll_s);
        ffi::webkit_memory_pressure_settings_set_conservative_threshold(s, f.conservative);
        ffi::webkit_memory_pressure_settings_set_strict_threshold(s, f.strict);
        // 0: WebKit never kills the process that holds the applicant's unsaved form (only a
        // measurement sets another value, to prove the settings reach the web process).
        ffi::webkit_memory_pressure_settings_set_kill_threshold(s, f.kill);
        s
    };
    if raw.is_null() {
        return;
    }
    // SAFETY: `webkit_web_context_get_type` registers the class; `g_type_class_ref` returns its class
    // struct (a GObjectClass), kept referenced for the process's life. We only replace `constructor`,
    // before any instance exists, and call the original from ours.
    unsafe {
        let gtype = ffi::webkit_web_context_get_type();
        let class = gobject_ffi::g_type_class_ref(gtype) as *mut gobject_ffi::GObjectClass;
        if class.is_null() {
            return;
        }
        let Some(parent) = (*class).constructor else { return };
        if HOOK.set(Hook { parent, settings: raw as usize }).is_err() {
            return;
        }
        (*class).constructor = Some(constructor);
    }
    tracing::info!(
        target: "zhicheng",
        "web process memory pressure: limit {} MB, polled every {} s, thresholds {}/{}",
        f.limit_mb, f.poll_s, f.conservative, f.strict
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unset_or_empty_means_the_defaults() {
        assert_eq!(figures(None), Some(DEFAULTS));
        assert_eq!(figures(Some(" ")), Some(DEFAULTS));
    }

    #[test]
    fn off_leaves_webkit_alone() {
        assert_eq!(figures(Some("off")), None);
        assert_eq!(figures(Some("OFF")), None);
    }

    #[test]
    fn figures_override_in_order_and_bad_ones_are_ignored() {
        let f = figures(Some("800,2,0.4,0.6")).unwrap_or(DEFAULTS);
        assert_eq!(f, Figures { limit_mb: 800, poll_s: 2.0, conservative: 0.4, strict: 0.6, kill: 0.0 });
        // A strict threshold below the conservative one, or a zero limit, is not taken.
        let f = figures(Some("0,x,0.5,0.4")).unwrap_or(DEFAULTS);
        assert_eq!(f, Figures { conservative: 0.5, ..DEFAULTS });
    }
}
