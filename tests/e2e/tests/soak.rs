//! `make soak`: 200 cycles of what leaked before — open an item's page editor (thumbnails drawn with
//! pdf.js), make its PDF and preview it, close both, preview a PDF file, close it, visit 公示表 and
//! 截止日期, back to 佐证材料 — printing the PSS of the app's processes (the app and its WebKit
//! children, /proc/*/smaps_rollup) every 20 cycles with the seconds each cycle took and the CPU time each
//! process has used, and the growth per cycle after the first 20.
//! Goal: under 0.2 MB per cycle. Ignored by `make test` (it takes minutes); a measurement, not a
//! pass/fail test. SOAK_CYCLES changes the count, SOAK_EVERY the interval, SOAK_PAUSE the seconds waited
//! before each sample (3), SOAK_IDLE adds a last sample after that many idle seconds, SOAK_SMAPS=DIR keeps
//! each process's memory map at each sample, SOAK_ONLY runs one part of the cycle (see below), SOAK_CSS
//! adds a style sheet to the page first, SOAK_PDF previews another PDF file, SOAK_PROBE=DIR prints what
//! glibc's malloc holds in the web process at each sample (`make soak-probe`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, reason = "a test: a failure is a panic")]

mod common;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use common::*;
use zhicheng_vault::vault::{ImportOptions, KeyChoice, Target, Vault};

/// PSS in KiB of every process running `exe` and all their descendants.
fn pss_kib(exe: &std::path::Path) -> u64 {
    pss_by_process(exe).iter().map(|(_, k)| k).sum()
}

/// One figure read from /proc for each of the app's processes, per process name, sorted by name.
fn per_process<T: PartialOrd>(exe: &std::path::Path, read: impl Fn(u32) -> Option<T>) -> Vec<(String, T)> {
    let mut out: Vec<(String, T)> =
        our_processes(exe).into_iter().filter_map(|(pid, name)| Some((name, read(pid)?))).collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal)));
    out
}

/// The same, per process name (the app, WebKitWebProcess, WebKitNetworkProcess, …).
fn pss_by_process(exe: &std::path::Path) -> Vec<(String, u64)> {
    per_process(exe, |pid| {
        let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok()?;
        rollup.lines().find(|l| l.starts_with("Pss:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
    })
}

/// CPU seconds (user + system) each process has used so far, per process name: what the engine's own
/// work (collections, releasing memory) costs. Clock ticks are USER_HZ = 100.
fn cpu_by_process(exe: &std::path::Path) -> Vec<(String, f64)> {
    per_process(exe, |pid| {
        let f = stat_fields(pid)?;
        let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
        Some(ticks as f64 / 100.0)
    })
}

/// Every process running `exe` and all their descendants: pid and name.
fn our_processes(exe: &std::path::Path) -> Vec<(u32, String)> {
    let mut parent = std::collections::HashMap::new();
    let mut roots = vec![];
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else { continue };
        if let Some(ppid) = stat_fields(pid).and_then(|f| f.get(1)?.parse::<u32>().ok()) {
            parent.insert(pid, ppid);
        }
        if std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe) {
            roots.push(pid);
        }
    }
    let is_ours = |mut pid: u32| {
        for _ in 0..64 {
            if roots.contains(&pid) {
                return true;
            }
            match parent.get(&pid) {
                Some(&p) if p > 1 => pid = p,
                _ => return false,
            }
        }
        false
    };
    parent.keys().filter(|&&p| is_ours(p)).map(|&p| (p, process_name(p))).collect()
}

/// The least-squares slope of `y` over `x`.
fn slope(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let (mx, my) = (points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n);
    let sxy: f64 = points.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = points.iter().map(|(x, _)| (x - mx) * (x - mx)).sum();
    if sxx == 0.0 { 0.0 } else { sxy / sxx }
}

/// After a pause (to let the engine collect what it will, as a user pausing would: 3 s, or SOAK_PAUSE
/// seconds), the PSS of the app's processes in KiB, printed after `label` with each process's share,
/// the seconds each cycle took since the last sample (`per_cycle`, pauses excluded) and the CPU seconds
/// each process has used.
async fn sample(exe: &std::path::Path, label: &str, per_cycle: Option<f64>) -> u64 {
    let pause = std::env::var("SOAK_PAUSE").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    tokio::time::sleep(Duration::from_secs(pause)).await;
    let kib = pss_kib(exe);
    let parts: Vec<String> =
        pss_by_process(exe).iter().map(|(name, k)| format!("{name} {:.0}", *k as f64 / 1024.0)).collect();
    // SOAK_PROBE=DIR: what glibc's malloc holds in the web process, written there by
    // scripts/webproc-probe.c (`make soak-probe`).
    let probe = std::env::var_os("SOAK_PROBE")
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("web.") && !name.ends_with(".tmp")
        })
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
        .and_then(|e| std::fs::read_to_string(e.path()).ok())
        .map(|l| format!("  web malloc: {}", l.trim()))
        .unwrap_or_default();
    let cpu: Vec<String> = cpu_by_process(exe).iter().map(|(name, s)| format!("{name} {s:.0} s")).collect();
    let timing = per_cycle.map(|s| format!("  {s:.2} s/cycle")).unwrap_or_default();
    println!(
        "soak: {label}  PSS {:>7.1} MB  ({}){timing}  cpu ({}){probe}",
        kib as f64 / 1024.0,
        parts.join(", "),
        cpu.join(", ")
    );
    // SOAK_SMAPS=DIR: each process's memory map at each sample, to see which part grows.
    if let Some(dir) = std::env::var_os("SOAK_SMAPS") {
        for (pid, name) in our_processes(exe) {
            let _ = std::fs::copy(
                format!("/proc/{pid}/smaps"),
                std::path::Path::new(&dir)
                    .join(format!("{name}-{}.smaps", label.split_whitespace().collect::<Vec<_>>().join("-"))),
            );
        }
    }
    kib
}

async fn until(c: &Client, what: &str, js: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while c.execute(js, vec![]).await.ok().and_then(|v| v.as_bool()) != Some(true) {
        assert!(Instant::now() < deadline, "{what} never happened");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Clicks through the page's own click(): an antd toast or a dialog fading out may cover the spot.
async fn click(c: &Client, css: &str) {
    wait_for(c, css).await;
    until(
        c,
        &format!("a click on {css}"),
        &format!("const e = document.querySelector({css:?}); if (!e) return false; e.click(); return true;"),
    )
    .await;
}

/// Clicks the close button of the dialog holding `inner`, once that dialog is the one on top.
async fn close_modal_with(c: &Client, inner: &str) {
    let js = format!(
        "const el = document.querySelector({inner:?}); const w = el?.closest('.ant-modal-wrap'); \
         if (!w) return false; w.querySelector('.ant-modal-close').click(); return true;"
    );
    until(c, &format!("a dialog with {inner}"), &js).await;
}

/// Opens the item's page editor (its thumbnails drawn), makes its PDF when `compose`, previews that PDF
/// when `preview`, and closes what it opened.
async fn editor(c: &Client, compose: bool, preview: bool) {
    click(c, "[data-testid='ev-compose-achievement:a1']").await;
    until(c, "thumbnails", "const p = document.querySelectorAll('[data-testid=ev-page]'); return p.length === 2 && !!p[0].querySelector('canvas, img')").await;
    if compose {
        click(c, "[data-testid=ev-compose]").await;
    }
    if preview {
        click(c, "[data-testid=ev-compose-preview]").await;
        until(
            c,
            "the composed preview",
            "return document.querySelectorAll('canvas[data-testid=ev-pdf-page]').length === 2",
        )
        .await;
        close_modal_with(c, "canvas[data-testid=ev-pdf-page]").await;
        until(
            c,
            "the preview closed",
            "return document.querySelectorAll('canvas[data-testid=ev-pdf-page]').length === 0",
        )
        .await;
    }
    close_modal_with(c, "[data-testid=ev-composer]").await;
    until(c, "the editor closed", "return !document.querySelector('[data-testid=ev-composer]')").await;
}

/// Previews the PDF file on 佐证材料 (drawn with pdf.js) and closes the preview.
async fn file_preview(c: &Client) {
    click(c, "[data-testid='ev-preview-公示表样张']").await;
    wait_for(c, "canvas[data-testid=ev-pdf-page]").await;
    close_modal_with(c, "canvas[data-testid=ev-pdf-page]").await;
    until(
        c,
        "the file preview closed",
        "return document.querySelectorAll('canvas[data-testid=ev-pdf-page]').length === 0",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "minutes long: make soak"]
async fn soak_preview_and_compose_cycles() {
    let cycles: usize = std::env::var("SOAK_CYCLES").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let every: usize = std::env::var("SOAK_EVERY").ok().and_then(|v| v.parse().ok()).filter(|&n| n > 0).unwrap_or(20);
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().join("workspace");
    let data = tmp.path().join("xdg-data");
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::copy(repo_root().join("examples/applicant.json"), ws.join("applicant.json")).unwrap();
    let store = zhicheng_vault::keys::usable_os_store().expect("make soak runs the app with a Secret Service");
    let src = tmp.path().join("材料");
    std::fs::create_dir_all(&src).unwrap();
    // SOAK_PDF: another PDF as the previewed file (a bigger one shows whether what stays grows with the
    // bytes read or with the pages drawn).
    let pdf = std::env::var_os("SOAK_PDF").map_or_else(|| repo_root().join("docs/sheet-sample.pdf"), Into::into);
    std::fs::copy(pdf, src.join("公示表样张.pdf")).unwrap();
    let img = image::RgbImage::from_fn(1600, 2200, |x, y| image::Rgb([(x % 251) as u8, (y % 241) as u8, 200]));
    img.save(src.join("证书.jpg")).unwrap();
    {
        let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
        let opts = ImportOptions { links: vec![Target::Achievement("a1".into())], ..Default::default() };
        v.import(std::slice::from_ref(&src), &opts, &mut |_| {}, &AtomicBool::new(false)).unwrap();
    }

    let exe = app_binary();
    let driver = Driver::start(&[("ZHICHENG_WORKSPACE", &ws), ("XDG_DATA_HOME", &data)]);
    let c = driver.session().await;
    click(&c, "[data-testid=nav-evidence]").await;
    wait_for(&c, "[data-testid='ev-preview-公示表样张']").await;
    // SOAK_CSS: a style sheet added to the page before the first cycle (e.g. every animation off), to
    // see what a look costs in memory without rebuilding the app.
    if let Ok(css) = std::env::var("SOAK_CSS") {
        c.execute(
            "const s = document.createElement('style'); s.textContent = arguments[0]; document.head.appendChild(s);",
            vec![css.into()],
        )
        .await
        .unwrap();
    }
    let mut samples: Vec<(usize, u64)> = vec![(0, pss_kib(&exe))];
    println!("soak: cycle    0  PSS {:>7.1} MB", samples[0].1 as f64 / 1024.0);
    let trace = std::env::var_os("SOAK_TRACE").is_some();
    let step = |what: &str, n: usize| {
        if trace && n <= 3 {
            println!("soak: cycle {n} after {what}: PSS {:.1} MB", pss_kib(&exe) as f64 / 1024.0);
        }
    };
    // SOAK_ONLY=preview: only the file preview each cycle; =editor: only the page editor (=compose: and
    // making its PDF; =composed: and previewing it too); =pages: only 公示表 and 截止日期 (=sheet,
    // =deadlines: one of them); =ipc: only reads through the IPC; =js: the script in SOAK_JS (to find
    // which part keeps memory).
    let only = std::env::var("SOAK_ONLY").unwrap_or_default();
    let mut since_sample = Instant::now();
    for n in 1..=cycles {
        if only == "preview" {
            file_preview(&c).await;
        } else if only == "js" {
            // SOAK_JS: a script run each cycle in the page (its last argument is the callback to call when
            // done), to try one suspect alone without rebuilding the app.
            let js = std::env::var("SOAK_JS").expect("SOAK_ONLY=js runs the script in SOAK_JS");
            let said =
                c.execute_async(&format!("const done = arguments[arguments.length - 1]; {js}"), vec![]).await.unwrap();
            if n % every == 0 {
                println!("soak: cycle {n:>4}  the script said {said}");
            }
        } else if only == "ipc" {
            // Ten reads of the PDF's bytes through the IPC, nothing drawn.
            c.execute_async(
                "const done = arguments[arguments.length - 1]; const i = window.__TAURI_INTERNALS__; \
                 i.invoke('evidence_data').then(async d => { const id = d.files.find(f => f.kind === 'pdf').id; \
                 for (let k = 0; k < 10; k++) await i.invoke('evidence_read', { id }); done(true); });",
                vec![],
            )
            .await
            .unwrap();
        } else if only == "pages" || only == "sheet" || only == "deadlines" {
            // Only the two other pages of each cycle (or one of them): 公示表 (its SVG preview) and
            // 截止日期 (the countdowns).
            if only != "deadlines" {
                click(&c, "[data-testid=nav-sheet]").await;
                wait_for(&c, "[data-testid=sheet-page-svg]").await;
            }
            if only != "sheet" {
                click(&c, "[data-testid=nav-deadlines]").await;
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            click(&c, "[data-testid=nav-evidence]").await;
            wait_for(&c, "[data-testid='ev-preview-公示表样张']").await;
        } else if only == "editor" || only == "compose" || only == "composed" {
            editor(&c, only != "editor", only == "composed").await;
        } else if only.is_empty() {
            click(&c, "[data-testid=nav-evidence]").await;
            editor(&c, true, true).await;
            step("the editor, its PDF and its preview", n);
            file_preview(&c).await;
            step("the file preview", n);
            click(&c, "[data-testid=nav-sheet]").await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            step("公示表", n);
            click(&c, "[data-testid=nav-deadlines]").await;
            tokio::time::sleep(Duration::from_millis(300)).await;
            step("截止日期", n);
        }
        if n % every == 0 {
            let per_cycle = since_sample.elapsed().as_secs_f64() / every as f64;
            samples.push((n, sample(&exe, &format!("cycle {n:>4}"), Some(per_cycle)).await));
            since_sample = Instant::now();
        }
    }
    // SOAK_IDLE=SECONDS: one more sample after the app has sat idle that long (does the engine give the
    // memory back on its own?).
    if let Some(idle) = std::env::var("SOAK_IDLE").ok().and_then(|v| v.parse::<u64>().ok()) {
        tokio::time::sleep(Duration::from_secs(idle)).await;
        sample(&exe, &format!("after {idle} s idle"), None).await;
    }
    c.close().await.unwrap();
    drop(driver);
    let after20: Vec<(f64, f64)> =
        samples.iter().filter(|(n, _)| *n >= 20.min(cycles)).map(|&(n, k)| (n as f64, k as f64 / 1024.0)).collect();
    if let (Some(first), Some(last)) = (after20.first(), after20.last())
        && last.0 > first.0
    {
        let per = (last.1 - first.1) / (last.0 - first.0);
        println!(
            "soak: growth after cycle {}: {per:+.3} MB per cycle over {} cycles, first to last sample (goal: under 0.2 MB)",
            first.0,
            last.0 - first.0
        );
        // The engine collects when it chooses, so one sample can sit tens of MB above or below the
        // trend: the least-squares slope through every sample after 20 is the steadier figure.
        if after20.len() >= 3 {
            println!(
                "soak: growth after cycle {}: {:+.3} MB per cycle, least-squares slope over {} samples",
                first.0,
                slope(&after20),
                after20.len()
            );
        }
    }
}
