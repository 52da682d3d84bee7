//! `make bench`: batch assessment throughput. Prints applicants per second for the engine alone and
//! for parse + assess (what `zhicheng assess --batch` does per applicant), and their ratio to the
//! product goal of 10,000 applicants per second. Nothing is asserted: figures, not a pass/fail.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark: a failure is a panic"
)]

use std::hint::black_box;
use std::time::Instant;

use zhicheng_core::applicant_file;
use zhicheng_core::eligibility::{RulePack, assess};

const GOAL_PER_SEC: f64 = 10_000.0;

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    let mut texts = vec![std::fs::read_to_string(format!("{root}/applicant.json")).unwrap()];
    for e in std::fs::read_dir(format!("{root}/rules")).unwrap() {
        texts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    let files: Vec<_> = texts.iter().map(|t| applicant_file::parse(t, None).unwrap().file).collect();
    let pack = RulePack::builtin();
    let n = 200_000;

    // Warm-up, then the engine alone.
    for f in files.iter().take(100) {
        black_box(assess(&f.profile, &f.screening, &f.achievements, None, &pack));
    }
    let t = Instant::now();
    for i in 0..n {
        let f = &files[i % files.len()];
        black_box(assess(&f.profile, &f.screening, &f.achievements, None, &pack));
    }
    let engine = n as f64 / t.elapsed().as_secs_f64();

    // Parse + assess, as the batch command does for each applicant.
    let m = n / 4;
    let t = Instant::now();
    for i in 0..m {
        let f = applicant_file::parse(&texts[i % texts.len()], None).unwrap().file;
        black_box(assess(&f.profile, &f.screening, &f.achievements, None, &pack));
    }
    let full = m as f64 / t.elapsed().as_secs_f64();

    println!("applicants in the corpus: {} (examples/applicant.json + examples/rules/*.json)", files.len());
    println!("engine only:     {:>10.0} applicants/s  ({:.1}× the 10,000/s goal)", engine, engine / GOAL_PER_SEC);
    println!("parse + assess:  {:>10.0} applicants/s  ({:.1}× the 10,000/s goal)", full, full / GOAL_PER_SEC);
}
