//! `make bench`: the sample sheet rendered by the app's code, and by headless Chromium printing an
//! HTML rendering of the same layout with the same fonts (installed system-wide by fonts-noto-cjk).
//! Prints both times and sizes and their ratios, measured in the same run. Goals: ≥ 50× faster
//! (fonts cached), ≤ 0.9× the size. Chromium is only ever used here.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark: a failure is a panic"
)]

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use zhicheng_core::applicant_file;
use zhicheng_core::calendar::WorkCalendar;
use zhicheng_core::eligibility::RulePack;
use zhicheng_core::round::Round;
use zhicheng_sheet::{Context, Fonts, Template};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let file = applicant_file::parse(include_str!("../../../examples/applicant.json"), None).unwrap().file;
    let (pack, round, template) = (RulePack::builtin(), Round::builtin(), Template::builtin());
    let t0 = Instant::now();
    let fonts = Fonts::load(&zhicheng_sheet::fonts::default_dir()).expect("fonts/ is filled by scripts/fonts.sh");
    let ctx = Context { pack: &pack, round: &round, calendar: WorkCalendar::builtin(), template: &template, fonts };
    let now: DateTime<Utc> = Utc::now();
    let first = zhicheng_sheet::pdf(&file, &ctx, now).unwrap();
    println!("first sheet, fonts read and parsed: {:.0} ms", t0.elapsed().as_secs_f64() * 1e3);

    let runs: Vec<Duration> = (0..40)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(zhicheng_sheet::pdf(&file, &ctx, now).unwrap());
            t.elapsed()
        })
        .collect();
    let ours = median(runs);
    let layout_runs: Vec<Duration> = (0..40)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(zhicheng_sheet::preview(&file, &ctx, "built-in").unwrap());
            t.elapsed()
        })
        .collect();
    println!("  of which layout (+ SVG): {:.1} ms", median(layout_runs).as_secs_f64() * 1e3);
    println!(
        "zhicheng-sheet: {:.1} ms per sheet (median of 40, fonts cached), {} bytes",
        ours.as_secs_f64() * 1e3,
        first.len()
    );

    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|c| {
        Command::new("sh").arg("-c").arg(format!("command -v {c}")).output().is_ok_and(|o| o.status.success())
    }) else {
        println!("chromium: not installed (scripts/bootstrap.sh bench installs it); no comparison");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("sheet.html");
    std::fs::write(&html, html_of(&zhicheng_sheet::preview(&file, &ctx, "built-in").unwrap().pages)).unwrap();
    let out = dir.path().join("chromium.pdf");
    let mut times = vec![];
    for _ in 0..5 {
        let _ = std::fs::remove_file(&out);
        let t = Instant::now();
        let st = Command::new(chromium)
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
            .arg(format!("--user-data-dir={}", dir.path().join("profile").display()))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(format!("file://{}", html.display()))
            .output()
            .unwrap();
        times.push(t.elapsed());
        assert!(out.exists(), "chromium wrote no PDF: {}", String::from_utf8_lossy(&st.stderr));
    }
    let theirs = median(times);
    let size = std::fs::metadata(&out).unwrap().len();
    println!(
        "chromium --headless --print-to-pdf: {:.0} ms per sheet (median of 5), {size} bytes",
        theirs.as_secs_f64() * 1e3
    );
    println!(
        "speed: {:.0}× faster (goal ≥ 50×); size: {:.2}× Chromium's (goal ≤ 0.9×)",
        theirs.as_secs_f64() / ours.as_secs_f64(),
        first.len() as f64 / size as f64
    );
}

/// The pages of the layout as one HTML document of A4 pages (the same SVG the app's preview shows).
fn html_of(pages: &[String]) -> String {
    let mut s = String::from(
        "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><style>@page{size:A4;margin:0}\
         body{margin:0}.p{width:210mm;height:297mm;page-break-after:always;overflow:hidden}.p svg{width:210mm;height:297mm;display:block}</style></head><body>",
    );
    for p in pages {
        s.push_str("<div class=\"p\">");
        s.push_str(p);
        s.push_str("</div>");
    }
    s.push_str("</body></html>");
    s
}
