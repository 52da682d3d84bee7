//! `make bench`: composing one item's PDF from 20 phone photos (4000×3000 JPEG), within an 8 MB
//! budget, against the tools applicants would otherwise use, in the same run:
//!
//! - `img2pdf` (Debian package): lossless placement, the JPEGs embedded as they are — the reference
//!   for "as it is" (our `Mode::Use(None)` does the same).
//! - ImageMagick (Debian package `imagemagick`): `mogrify -resize 2181x2181> -quality 80` (the pixels
//!   and quality our fitted result uses), then `img2pdf` — Debian's ImageMagick policy forbids writing
//!   PDF itself, and `convert *.jpg out.pdf` exhausts its pixel cache on 20 photos.
//! - ours, as it is: lossless, orientation by the page matrix.
//! - ours, fitted to 8 MB: the least compression of the ladder that fits (what the export does).
//!
//! The photos are generated here: textured paper with dark text-like strokes and sensor noise, so a
//! JPEG at quality 92 is 2–4 MB, like a phone's. Three rounds; medians; sizes and ratios printed.
//! A tool that is not installed is reported and skipped (`scripts/bootstrap.sh bench` installs both).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark: a failure is a panic"
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use zhicheng_core::applicant_file;
use zhicheng_vault::crypto::KdfParams;
use zhicheng_vault::upload::{self, Mode};
use zhicheng_vault::vault::{ImportOptions, KeyChoice, Target, Vault};

const PHOTOS: usize = 20;
const BUDGET: u64 = 8 * 1024 * 1024;

fn photo(path: &Path, seed: u32) {
    let mut x = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let img = image::RgbImage::from_fn(4000, 3000, |px, py| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let noise = (x % 23) as u8;
        let line = py % 90 < 14 && !(px / 37 + py / 90 + seed).is_multiple_of(5) && px > 300 && px < 3700;
        let base = if line { 40 } else { 200 + ((px / 50 + py / 70) % 20) as u8 };
        image::Rgb([base.saturating_add(noise), base.saturating_add(noise / 2), base.saturating_sub(noise / 3)])
    });
    let mut out = vec![];
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92).encode_image(&img).unwrap();
    std::fs::write(path, out).unwrap();
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn tool(name: &str, args: &[&str], out: &Path, env: &[(&str, &Path)]) -> Option<(Duration, u64)> {
    let mut times = vec![];
    for _ in 0..3 {
        let _ = std::fs::remove_file(out);
        let t = Instant::now();
        let status = Command::new(name).args(args).envs(env.iter().copied()).status().ok()?;
        if !status.success() {
            println!("  {name}: exited {status}");
            return None;
        }
        times.push(t.elapsed());
    }
    Some((median(times), std::fs::metadata(out).ok()?.len()))
}

fn mb(n: u64) -> String {
    format!("{:.1} MB", n as f64 / 1_048_576.0)
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("photos");
    std::fs::create_dir_all(&dir).unwrap();
    let paths: Vec<PathBuf> = (0..PHOTOS).map(|i| dir.join(format!("{i:02}.jpg"))).collect();
    for (i, p) in paths.iter().enumerate() {
        photo(p, i as u32);
    }
    let input: u64 = paths.iter().map(|p| std::fs::metadata(p).unwrap().len()).sum();
    println!("compose: {PHOTOS} photos 4000×3000, {} in all; budget {}", mb(input), mb(BUDGET));

    let file = applicant_file::parse(include_str!("../../../examples/applicant.json"), None).unwrap().file;
    let ws = tmp.path().join("ws");
    std::fs::create_dir_all(&ws).unwrap();
    let mut v =
        Vault::create(&ws, KeyChoice::Passphrase("bench passphrase", KdfParams { m_kib: 256, t: 1, p: 1 })).unwrap();
    let t = Target::Achievement("a1".into());
    let opts = ImportOptions { links: vec![t.clone()], ..Default::default() };
    v.import(&paths, &opts, &mut |_| {}, &AtomicBool::new(false)).unwrap();

    let ours = |mode: Mode| {
        let mut times = vec![];
        let mut size = 0;
        let mut used = None;
        for _ in 0..3 {
            let s = Instant::now();
            let (pdf, r) = upload::compose_item(&v, &file, &t, mode, Some(BUDGET)).unwrap();
            times.push(s.elapsed());
            size = pdf.len() as u64;
            used = r.compress;
        }
        (median(times), size, used)
    };
    let (plain_t, plain_s, _) = ours(Mode::Use(None));
    let (fit_t, fit_s, used) = ours(Mode::Fit);

    let list: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let out_img2pdf = tmp.path().join("img2pdf.pdf");
    let mut args = list.clone();
    args.extend(["--pagesize", "A4", "-o", out_img2pdf.to_str().unwrap()]);
    let img2pdf = tool("img2pdf", &args, &out_img2pdf, &[]);
    // ImageMagick: Debian's policy forbids it to write PDF, so its part is the shrinking (mogrify to
    // the pixels our 200 dpi step keeps, quality 80, one photo at a time), and img2pdf places the
    // result — how one would get 20 photos under 8 MB with these tools.
    let magick = (|| -> Option<(Duration, u64)> {
        let mut times = vec![];
        let out = tmp.path().join("magick.pdf");
        for round in 0..3 {
            let d = tmp.path().join(format!("magick{round}"));
            std::fs::create_dir_all(&d).unwrap();
            let copies: Vec<String> = paths
                .iter()
                .map(|p| {
                    let c = d.join(p.file_name().unwrap());
                    std::fs::copy(p, &c).unwrap();
                    c.to_str().unwrap().to_string()
                })
                .collect();
            let _ = std::fs::remove_file(&out);
            let t = Instant::now();
            let mut args = vec!["-resize".to_string(), "2181x2181>".into(), "-quality".into(), "80".into()];
            args.extend(copies.iter().cloned());
            if !Command::new("mogrify").args(&args).status().ok()?.success() {
                return None;
            }
            let mut args = copies.clone();
            args.extend(["--pagesize".into(), "A4".into(), "-o".into(), out.to_str().unwrap().to_string()]);
            if !Command::new("img2pdf").args(&args).status().ok()?.success() {
                return None;
            }
            times.push(t.elapsed());
        }
        Some((median(times), std::fs::metadata(&out).ok()?.len()))
    })();

    println!("  ours, as it is        {:>8.2} s  {:>9}", plain_t.as_secs_f64(), mb(plain_s));
    println!(
        "  ours, fitted to 8 MB  {:>8.2} s  {:>9}  ({})",
        fit_t.as_secs_f64(),
        mb(fit_s),
        used.map_or("no compression needed".to_string(), |c| format!("{} dpi, quality {}", c.dpi, c.quality))
    );
    for (name, r) in [("img2pdf (lossless)", img2pdf), ("mogrify q80 + img2pdf", magick)] {
        match r {
            Some((time, size)) => println!(
                "  {name:<21} {:>8.2} s  {:>9}   ours as it is: {:.2}× its time, {:.2}× its size; fitted: {:.2}× its time, {:.2}× its size",
                time.as_secs_f64(),
                mb(size),
                plain_t.as_secs_f64() / time.as_secs_f64(),
                plain_s as f64 / size as f64,
                fit_t.as_secs_f64() / time.as_secs_f64(),
                fit_s as f64 / size as f64,
            ),
            None => println!("  {name:<21} not installed or failed (scripts/bootstrap.sh bench installs it)"),
        }
    }
    assert!(fit_s <= BUDGET, "the fitted PDF is within the budget");
}
