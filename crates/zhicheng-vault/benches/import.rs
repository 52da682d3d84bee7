//! `make bench`: importing evidence against `cp` of the same files, in the same run.
//!
//! The set: 300 small scans (200–400 KB each) and two 200 MB PDFs, generated here (incompressible
//! bytes behind the right magic). Each contender copies the whole set into a fresh folder on the same
//! disk and makes it durable (`cp -r` then `sync`; our import fsyncs each object). The files are read
//! once before timing, so every contender reads from the page cache alike. Three rounds; medians.
//!
//! - `cp -r` + `sync`: the reference.
//! - hash + copy: the import's own loop and workers (256 KB reads, keyed BLAKE3, buffered writes, one
//!   fsync per file at the end of the batch) writing plain bytes — what the vault costs before
//!   encryption. Goal ≥ 0.9× cp.
//! - import: `Vault::import` itself (sniff, hash, age-encrypt, fsync, index). Goal ≥ 0.5× cp.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark: a failure is a panic"
)]

use std::fs::{self, File};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use zhicheng_vault::vault::{ImportOptions, KeyChoice, Vault};
use zhicheng_vault::{KeyringStore, VaultKey};

fn fill(path: &Path, magic: &[u8], size: usize, seed: u64) {
    let mut f = BufWriter::new(File::create(path).unwrap());
    f.write_all(magic).unwrap();
    let mut x = seed.wrapping_mul(2).wrapping_add(1);
    let mut buf = vec![0u8; 1 << 16];
    let mut left = size - magic.len();
    while left > 0 {
        for chunk in buf.chunks_mut(8) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            chunk.copy_from_slice(&x.to_le_bytes()[..chunk.len()]);
        }
        let n = left.min(buf.len());
        f.write_all(&buf[..n]).unwrap();
        left -= n;
    }
}

fn make_set(dir: &Path) -> u64 {
    fs::create_dir_all(dir.join("扫描件")).unwrap();
    let mut total = 0u64;
    for i in 0..300 {
        let size = 200_000 + (i * 7919) % 200_000;
        fill(&dir.join(format!("扫描件/{i:03}.jpg")), b"\xFF\xD8\xFF\xE0", size, i as u64 + 1);
        total += size as u64;
    }
    for i in 0..2 {
        let size = 200 << 20;
        fill(&dir.join(format!("大文件{i}.pdf")), b"%PDF-1.7\n", size, 1000 + i);
        total += size as u64;
    }
    total
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for e in fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(files_under(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out.sort();
    out
}

fn sync() {
    Command::new("sync").status().unwrap();
}

fn time(f: impl FnOnce()) -> Duration {
    sync();
    let t = Instant::now();
    f();
    t.elapsed()
}

/// The import's loop without encryption: the same workers (one per core, at most 4) each reading
/// 256 KB at a time, hashing with keyed BLAKE3 and writing plain bytes; one fsync per file at the end.
fn hash_copy(files: &[PathBuf], to: &Path, key: &[u8; 32]) {
    fs::create_dir_all(to).unwrap();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get()).clamp(1, 4);
    let written = std::sync::Mutex::new(vec![]);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                let mut buf = vec![0u8; 256 * 1024];
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(p) = files.get(i) else { break };
                    let mut src = File::open(p).unwrap();
                    let mut w = BufWriter::new(File::create(to.join(format!("{i}.tmp"))).unwrap());
                    let mut h = blake3::Hasher::new_keyed(key);
                    loop {
                        let n = src.read(&mut buf).unwrap();
                        if n == 0 {
                            break;
                        }
                        h.update(&buf[..n]);
                        w.write_all(&buf[..n]).unwrap();
                    }
                    w.into_inner().unwrap();
                    let name = to.join(h.finalize().to_hex().as_str());
                    fs::rename(to.join(format!("{i}.tmp")), &name).unwrap();
                    written.lock().unwrap().push(name);
                }
            });
        }
    });
    for p in written.into_inner().unwrap() {
        File::open(p).unwrap().sync_all().unwrap();
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // Beside the build (a real disk), not in a RAM-backed /tmp.
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-evidence");
    let _ = fs::remove_dir_all(&base);
    fs::create_dir_all(&base).unwrap();
    let src = base.join("src");
    let total = make_set(&src);
    let files = files_under(&src);
    for p in &files {
        let mut sink = vec![];
        File::open(p).unwrap().read_to_end(&mut sink).unwrap();
    }
    let mb = total as f64 / 1_048_576.0;
    println!("set: {} files, {mb:.0} MB", files.len());
    let key = VaultKey::generate().dedupe_key();
    let (mut cp, mut plain, mut import) = (vec![], vec![], vec![]);
    for round in 0..3 {
        let dst = base.join(format!("cp{round}"));
        cp.push(time(|| {
            assert!(Command::new("cp").arg("-r").arg(&src).arg(&dst).status().unwrap().success());
            sync();
        }));
        let dst = base.join(format!("plain{round}"));
        plain.push(time(|| hash_copy(&files, &dst, &key)));
        let ws = base.join(format!("ws{round}"));
        fs::create_dir_all(&ws).unwrap();
        let store = KeyringStore::mock();
        let mut v = Vault::create(&ws, KeyChoice::Store(&store)).unwrap();
        import.push(time(|| {
            let r = v
                .import(std::slice::from_ref(&src), &ImportOptions::default(), &mut |_| {}, &AtomicBool::new(false))
                .unwrap();
            assert_eq!(r.added.len(), files.len());
        }));
        for d in ["cp", "plain", "ws"] {
            let _ = fs::remove_dir_all(base.join(format!("{d}{round}")));
        }
    }
    let (cp, plain, import) = (median(cp), median(plain), median(import));
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!("cp -r + sync:            {:6.2} s  {:6.0} MB/s", cp.as_secs_f64(), rate(cp));
    println!("hash + copy (no crypto): {:6.2} s  {:6.0} MB/s", plain.as_secs_f64(), rate(plain));
    println!("import (hash + age):     {:6.2} s  {:6.0} MB/s", import.as_secs_f64(), rate(import));
    println!(
        "throughput vs cp: hash + copy {:.2}× (goal ≥ 0.9×); import {:.2}× (goal ≥ 0.5×)",
        cp.as_secs_f64() / plain.as_secs_f64(),
        cp.as_secs_f64() / import.as_secs_f64()
    );
    let _ = fs::remove_dir_all(&base);
}
