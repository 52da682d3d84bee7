//! `zhicheng assess`: the 首批认定 verdict per level, with the clause of every condition, the
//! achievements that count, why the others do not, and what is missing for a level not reached.

use std::path::{Path, PathBuf};
use zhicheng_core::IoAction;

use serde_json::{Map, Value, json};
use zhicheng_core::CoreError;
use zhicheng_core::applicant_file::{self, ApplicantFile};
use zhicheng_core::eligibility::engine::{AltResult, Assessment};
use zhicheng_core::eligibility::{Reason, RulePack, TitleLevel, assess_in_round};
use zhicheng_core::error::{Detail, Rule};
use zhicheng_core::prereview::{EvidenceLinks, Finding, Severity, prereview};
use zhicheng_core::text::{self, Lang};

use crate::{lang, tr};
use zhicheng_core::round::Round;
use zhicheng_core::storage::{Workspace, atomic_write};
use zhicheng_core::yearmonth::YearMonth;

pub(crate) struct Options<'a> {
    pub file: Option<&'a Path>,
    pub batch: Option<&'a Path>,
    pub csv: Option<&'a Path>,
    pub apply_month: Option<&'a str>,
    pub rules: Option<&'a Path>,
    pub extend: Option<&'a Path>,
    pub json: bool,
}

fn read_pack(path: &Path) -> Result<RulePack, CoreError> {
    let text = std::fs::read_to_string(path).map_err(|source| CoreError::Io {
        action: IoAction::Read,
        path: path.into(),
        source,
    })?;
    RulePack::parse(&text, Some(path))
}

fn load_pack(o: &Options) -> Result<RulePack, CoreError> {
    let mut pack = match o.rules {
        Some(p) => read_pack(p)?,
        None => RulePack::builtin(),
    };
    if let Some(p) = o.extend {
        pack.extend(read_pack(p)?);
    }
    Ok(pack)
}

/// Reads an applicant file given on the command line and checks it as `profile import` does.
pub(crate) fn read_applicant(path: &Path) -> Result<ApplicantFile, CoreError> {
    let text = read_text(path)?;
    let file = applicant_file::parse(&text, Some(path))?.file;
    applicant_file::check_for_use(&file, crate::this_month()).map_err(|e| with_path(e, path))?;
    Ok(file)
}

/// The text of an input file: a regular file (a pipe would block forever), not too large, UTF-8.
pub(crate) fn read_text(path: &Path) -> Result<String, CoreError> {
    let meta = std::fs::metadata(path).map_err(|source| CoreError::Io {
        action: IoAction::Read,
        path: path.into(),
        source,
    })?;
    if !meta.is_file() {
        return Err(CoreError::InvalidFile {
            path: Some(path.into()),
            location: zhicheng_core::error::Location::WholeFile,
            detail: Detail::Text(words!(
                "不是普通文件（文件夹、管道或设备），已跳过",
                "not a regular file (a folder, a pipe or a device); skipped"
            )),
        });
    }
    if meta.len() > applicant_file::MAX_FILE_BYTES as u64 {
        return Err(CoreError::InvalidFile {
            path: Some(path.into()),
            location: zhicheng_core::error::Location::WholeFile,
            detail: Detail::Text(words!(
                "文件超过 {} MB，不是申报人文件",
                "the file is over {} MB; it is not an applicant file",
                applicant_file::MAX_FILE_BYTES / 1_048_576
            )),
        });
    }
    let bytes =
        std::fs::read(path).map_err(|source| CoreError::Io { action: IoAction::Read, path: path.into(), source })?;
    let text = String::from_utf8(bytes).map_err(|_| CoreError::InvalidFile {
        path: Some(path.into()),
        location: zhicheng_core::error::Location::WholeFile,
        detail: Rule::NotUtf8.into(),
    })?;
    Ok(text)
}

fn with_path(e: CoreError, path: &Path) -> CoreError {
    match e {
        CoreError::InvalidFile { location, detail, .. } => {
            CoreError::InvalidFile { path: Some(path.into()), location, detail }
        }
        e => e,
    }
}

pub(crate) fn run(ws: &Workspace, o: Options) -> Result<(), CoreError> {
    let pack = load_pack(&o)?;
    let month = match o.apply_month {
        Some(s) => Some(s.parse::<YearMonth>().map_err(|e| CoreError::InvalidFile {
            path: None,
            location: "--apply-month".into(),
            detail: Detail::Text(e.words(crate::lang())),
        })?),
        None => None,
    };
    // The round in force (the workspace's active one): the application month must lie in its window.
    let round = ws.load_deadline_settings()?.active();
    if let Some(m) = month {
        round.check_apply_month(m, "--apply-month")?;
    }
    if let Some(batch) = o.batch {
        return run_batch(batch, o.csv, month, &pack, &round);
    }
    let file = match o.file {
        Some(p) => read_applicant(p)?,
        None => ws.load()?.file,
    };
    let a = assess_in_round(
        &file.profile,
        &file.screening,
        &file.achievements,
        month.map(|m| (m, "--apply-month")),
        &pack,
        &round,
    )
    .map_err(|e| match o.file {
        Some(p) => with_path(e, p),
        None => e,
    })?;
    let evidence = if o.file.is_none() { evidence_links(ws) } else { None };
    let findings = prereview(&file, evidence.as_ref());
    if o.json {
        let mut v = to_json(&a);
        if let Some(obj) = v.as_object_mut() {
            obj.insert("prereview".into(), crate::json_value(&findings));
        }
        outln!("{}", crate::json_pretty(&v));
    } else {
        out!("{}", report(&file, &a));
        if !findings.is_empty() {
            match lang() {
                Lang::Zh => {
                    outln!("\n预审（{}项，不影响上面的结论）：\n{}", findings.len(), prereview_lines(&findings))
                }
                Lang::En => outln!(
                    "\nPre-review ({} found; the verdict above does not depend on them):\n{}",
                    findings.len(),
                    prereview_lines(&findings)
                ),
            }
        }
    }
    Ok(())
}

/// The vault's links, when it opens here (OS key store or ZHICHENG_VAULT_PASSPHRASE); else `None`.
pub(crate) fn evidence_links(ws: &Workspace) -> Option<EvidenceLinks> {
    if !zhicheng_vault::vault::exists(ws.root()) {
        return Some(EvidenceLinks::default());
    }
    let pass = std::env::var("ZHICHENG_VAULT_PASSPHRASE").ok();
    let v = zhicheng_vault::access::open(ws.root(), pass.as_deref(), false, None).ok()?;
    Some(zhicheng_vault::access::links(&v))
}

pub(crate) fn prereview_lines(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            let mark = match f.severity {
                Severity::Warning => "⚠",
                Severity::Info => "ℹ",
            };
            format!(
                "  {mark} {}{}{}{}  [{}]",
                text::check(&f.check, lang()),
                tr("〔", " ["),
                text::basis(f, lang()),
                tr("〕", "]"),
                f.fields.join(tr("、", ", "))
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `zhicheng prereview [FILE] [--json]`: the cross-checks alone; exit 3 when a warning fired.
pub(crate) fn run_prereview(ws: &Workspace, file: Option<&Path>, json: bool) -> Result<u8, CoreError> {
    let (f, evidence) = match file {
        Some(p) => (read_applicant(p)?, None),
        None => (ws.load()?.file, evidence_links(ws)),
    };
    let findings = prereview(&f, evidence.as_ref());
    if json {
        outln!("{}", crate::json_pretty(&findings));
    } else {
        let locked =
            tr("（佐证材料库未解锁，未检查材料关联）", "(the evidence vault is locked: its links were not checked)");
        match (findings.is_empty(), lang()) {
            (true, Lang::Zh) => outln!("预审：未发现前后矛盾之处{}", if evidence.is_none() { locked } else { "" }),
            (true, Lang::En) => {
                outln!("Pre-review: nothing contradicts itself{}", if evidence.is_none() { locked } else { "" })
            }
            (false, Lang::Zh) => {
                outln!("预审（{}项，不影响评估结论）：\n{}", findings.len(), prereview_lines(&findings))
            }
            (false, Lang::En) => outln!(
                "Pre-review ({} found; the verdict does not depend on them):\n{}",
                findings.len(),
                prereview_lines(&findings)
            ),
        }
        if !findings.is_empty() && evidence.is_none() {
            outln!("{locked}");
        }
    }
    Ok(if findings.iter().any(|f| f.severity == Severity::Warning) { 3 } else { 0 })
}

/// The JSON contract: `excluded` (null or a reason code), `eligible_levels`, and `levels` keyed by level
/// with `conditions` keyed by clause id; the full detail stays inside.
pub(crate) fn to_json(a: &Assessment) -> Value {
    let mut levels = Map::new();
    for l in &a.levels {
        let mut conditions = Map::new();
        for c in &l.conditions {
            conditions.insert(c.clause.clone(), crate::json_value(c));
        }
        let mut v = crate::json_value(l);
        if let Some(o) = v.as_object_mut() {
            o.insert("conditions".into(), Value::Object(conditions));
        }
        levels.insert(crate::json_value(&l.level).as_str().unwrap_or_default().into(), v);
    }
    json!({
        "pack": a.pack_id,
        "notice": a.notice,
        "route": a.route,
        "apply_month": a.apply_month,
        "window": { "start": a.window_start, "end": a.window_end },
        "excluded": a.excluded.as_ref().map(|e| e.code.clone()),
        "exclusion": a.excluded,
        "unanswered": a.unanswered.iter().map(|e| e.code.clone()).collect::<Vec<_>>(),
        "route_missing": a.route_missing,
        "eligible_levels": a.eligible_levels,
        "levels": levels,
        "chain": a.chain,
        "round": a.round,
    })
}

fn ym(m: YearMonth) -> String {
    text::month_words(m, lang())
}

fn reasons(rs: &[Reason]) -> String {
    rs.iter().map(|r| text::reason(r, lang())).collect::<Vec<_>>().join(tr("；", "; "))
}

/// The notice's words of an alternative: Chinese, with the pack's gloss in English.
fn need(a: &AltResult) -> String {
    match (lang(), &a.need_en) {
        (Lang::En, Some(g)) => format!("“{}” ({g})", a.need),
        (Lang::En, None) => format!("“{}”", a.need),
        (Lang::Zh, _) => a.need.clone(),
    }
}

fn alt_line(a: &AltResult, titles: &dyn Fn(&str) -> String) -> String {
    let mut s = match (a.revenue_wan, a.revenue_needed_wan, lang()) {
        (Some(have), Some(want), Lang::Zh) => {
            format!("{}：合计{}万元 / 需{}万元", need(a), text::wan(have), text::wan(want))
        }
        (Some(have), Some(want), Lang::En) => {
            format!("{}: {} of {} × 10,000 CNY", need(a), text::wan(have), text::wan(want))
        }
        (_, _, Lang::Zh) => format!("{}：计入 {}/{}", need(a), a.counted.len(), a.count),
        (_, _, Lang::En) => format!("{}: {} of {} counted", need(a), a.counted.len(), a.count),
    };
    if !a.counted.is_empty() {
        let list = a.counted.iter().map(|id| titles(id)).collect::<Vec<_>>().join(tr("、", ", "));
        s.push_str(&match lang() {
            Lang::Zh => format!("（{list}）"),
            Lang::En => format!(" ({list})"),
        });
    }
    for r in &a.rejected {
        s.push_str(&format!(
            "\n          {} {}{}{}",
            tr("不计入", "not counted:"),
            r.title,
            tr("：", ": "),
            reasons(&r.reasons)
        ));
    }
    if let Some(also) = &a.also {
        s.push_str(&format!("\n        {} {}", tr("并且", "and"), alt_line(also, titles)));
    }
    s
}

/// Exclusion texts: the pack's Chinese, or its English gloss when there is one.
fn gloss<'a>(zh: &'a str, en: &'a Option<String>) -> &'a str {
    match (lang(), en) {
        (Lang::En, Some(g)) if !g.is_empty() => g,
        _ => zh,
    }
}

pub(crate) fn report(file: &ApplicantFile, a: &Assessment) -> String {
    let en = lang() == Lang::En;
    let mut out = String::new();
    let name = if !file.profile.name.trim().is_empty() {
        file.profile.name.as_str()
    } else {
        tr("（未填姓名）", "(no name entered)")
    };
    if let Some(r) = &a.round {
        let at = r.submission_closes_at.format("%Y-%m-%d %H:%M");
        let closed = match (chrono::Utc::now() >= r.submission_closes_at, en) {
            (false, _) => String::new(),
            (true, false) => format!("（本轮网上申报已于 {at} 截止）"),
            (true, true) => format!(" (this round's online submission closed on {at})"),
        };
        out.push_str(&if en {
            format!("Judged by the rules of “{}”{closed}\n", r.title)
        } else {
            format!("按“{}”的规则评估{closed}\n", r.title)
        });
    }
    out.push_str(&if en {
        format!(
            "{name} · {} · {} · application month {} · achievements counted {} to {}\n",
            a.notice,
            text::route(a.route, lang()),
            ym(a.apply_month),
            ym(a.window_start),
            ym(a.window_end)
        )
    } else {
        format!(
            "{name} · {} · {} · 申报月份 {} · 业绩计算期 {}至{}\n",
            a.notice,
            a.route.label_zh(),
            ym(a.apply_month),
            ym(a.window_start),
            ym(a.window_end)
        )
    });
    match &a.excluded {
        Some(e) => {
            let why = gloss(&e.reason, &e.reason_en);
            out.push_str(&if en {
                format!("May not apply: {why} (clause {})\n", e.clause)
            } else {
                format!("不得申报：{why}（{}）\n", e.clause)
            });
            return out;
        }
        None if a.unanswered.is_empty() => out.push_str(tr(
            "资格：未发现不得申报的情形（一（注））\n",
            "Eligibility: none of the cases that bar an application applies (clause 一（注）)\n",
        )),
        None => {
            let qs: Vec<&str> = a.unanswered.iter().map(|e| gloss(&e.question, &e.question_en)).collect();
            out.push_str(&if en {
                format!("Eligibility: these questions are not answered yet and are taken as “no”: {}\n", qs.join(" "))
            } else {
                format!("资格：以下问题尚未回答，按“否”评估：{}\n", qs.join(" "))
            })
        }
    }
    if let Some(m) = &a.route_missing {
        let note = if m.note.is_empty() {
            if en {
                format!("The rule pack “{}” has no conditions for {}.", a.pack_id, text::route(m.route, lang()))
            } else {
                format!("规则包“{}”没有“{}”的申报条件", a.pack_id, m.route.label_zh())
            }
        } else {
            gloss(&m.note, &m.note_en).to_string()
        };
        out.push_str(&format!("{note}\n"));
    }
    let titles = |id: &str| file.achievements.iter().find(|x| x.id == id).map(|x| x.title.clone()).unwrap_or(id.into());
    for l in &a.levels {
        let label = text::title_level(l.level, lang());
        out.push_str(&if en {
            format!(
                "\n[{label}] {} (clause {})\n",
                if l.eligible { "meets the conditions" } else { "not met" },
                l.clause
            )
        } else {
            format!("\n【{label}】{}（{}）\n", if l.eligible { "符合条件" } else { "不符合" }, l.clause)
        });
        let e = &l.education;
        let months = match (e.months_counted, en) {
            (Some(m), false) => {
                format!("{}年{}个月（{}个月，计算至{}）", m.max(0) / 12, m.max(0) % 12, m, ym(e.cutoff))
            }
            (Some(m), true) => {
                format!("{} y {} m ({m} months, counted to {})", m.max(0) / 12, m.max(0) % 12, ym(e.cutoff))
            }
            (None, _) => tr("未填起始年月", "start month not entered").into(),
        };
        let used = e.rows.iter().find(|r| Some(r.row) == e.used_row);
        let used = used
            .map(|r| {
                let row = text::education_row(r.row, lang());
                if en {
                    format!("; by “{row}, {} full years”", r.years)
                } else {
                    format!("；按“{row}，满{}年”", r.years)
                }
            })
            .unwrap_or_default();
        let mark = if e.met { "✓" } else { "✗" };
        out.push_str(&if en {
            format!("  Education and years {mark}: in the field {months}{used}\n")
        } else {
            format!("  学历与年限 {mark}：从事本领域工作 {months}{used}\n")
        });
        out.push_str(tr("  业绩条件（符合其一即可）：\n", "  Achievement conditions (any one suffices):\n"));
        for c in &l.conditions {
            out.push_str(&format!("    {} {} {}\n", if c.met { "✓" } else { "✗" }, c.clause, c.text));
            for alt in &c.alternatives {
                out.push_str(&format!("        {}\n", alt_line(alt, &titles)));
            }
        }
        if !l.gap.is_empty() {
            out.push_str(tr("  还差：\n", "  Still missing:\n"));
            for g in &l.gap {
                out.push_str(&format!("    · {}\n", text::reason(g, lang())));
            }
        }
        if let Some(f) = &l.fee {
            out.push_str(&if en {
                format!("  Review fee: {} yuan per person (clause {})\n", f.yuan, f.clause)
            } else {
                format!("  评审费：{}元/人（{}）\n", f.yuan, f.clause)
            });
        }
    }
    if let Some(c) = &a.chain {
        out.push_str(&if en {
            format!("\nSubmission chain (clause {}): {}\n", c.clause, c.nodes.join(" → "))
        } else {
            format!("\n申报程序（{}）：{}\n", c.clause, c.nodes.join("——"))
        });
        for r in &c.requirements {
            out.push_str(&format!("  · {}{}{}\n", r.clause, tr("：", ": "), r.text));
        }
    }
    out
}

fn highest(levels: &[TitleLevel]) -> Option<TitleLevel> {
    levels.iter().max().copied()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

/// One row per applicant; a file that cannot be read is reported by name and the batch goes on.
fn run_batch(
    src: &Path,
    csv: Option<&Path>,
    month: Option<YearMonth>,
    pack: &RulePack,
    round: &Round,
) -> Result<(), CoreError> {
    let inputs = read_batch(src)?;
    let mut rows = vec![
        tr(
            "来源,姓名,符合的级别,最高级别,申报程序,差距",
            "Source,Name,Eligible levels,Highest level,Submission chain,Gap",
        )
        .to_string(),
    ];
    let (mut ok, mut bad) = (0, 0);
    for (name, input) in inputs {
        let input = input.and_then(|f| {
            let at = month.map(|m| (m, "--apply-month"));
            assess_in_round(&f.profile, &f.screening, &f.achievements, at, pack, round).map(|a| (f, a))
        });
        match input {
            Ok((f, a)) => {
                ok += 1;
                let labels: Vec<&str> = a.eligible_levels.iter().map(|l| text::title_level(*l, lang())).collect();
                let top = highest(&a.eligible_levels);
                let next = a.levels.iter().filter(|l| !l.eligible && Some(l.level) > top).min_by_key(|l| l.level);
                let gap = match (&a.excluded, next) {
                    (Some(e), _) => gloss(&e.reason, &e.reason_en).to_string(),
                    (None, Some(l)) => {
                        format!("{}{}{}", text::title_level(l.level, lang()), tr("：", ": "), reasons(&l.gap))
                    }
                    (None, None) => String::new(),
                };
                let chain = a.chain.as_ref().map(|c| c.nodes.join("——")).unwrap_or_default();
                rows.push(
                    [
                        name.as_str(),
                        &f.profile.name,
                        &labels.join(tr("、", "; ")),
                        top.map(|l| text::title_level(l, lang())).unwrap_or(tr("无", "none")),
                        &chain,
                        &gap,
                    ]
                    .map(csv_field)
                    .join(","),
                );
            }
            Err(e) => {
                bad += 1;
                let e = e.words(lang());
                say_err!("无法评估 {}：{}", "Cannot assess {}: {}", name, e);
                let cell = words!("文件有误：{}", "The file is not valid: {}", e);
                rows.push([name.as_str(), "", "", "", "", &cell].map(csv_field).join(","));
            }
        }
    }
    let text = rows.join("\n") + "\n";
    match csv {
        Some(p) => {
            // A BOM so that Excel opens the Chinese text correctly.
            atomic_write(p, format!("\u{feff}{text}").as_bytes())?;
            say_err!(
                "已写入 {}（{} 人，{} 个文件有误）",
                "Wrote {} ({}, {} not valid)",
                p.display(),
                crate::count(ok, "applicant", "applicants"),
                crate::count(bad, "file", "files")
            );
        }
        None => out!("{text}"),
    }
    if bad > 0 {
        return Err(CoreError::InvalidFile {
            path: None,
            location: "--batch".into(),
            detail: Detail::Text(match lang() {
                Lang::Zh => format!("{bad} 个文件有误，其余 {ok} 人已评估"),
                Lang::En => format!(
                    "{} not valid; {} assessed",
                    crate::count(bad, "file", "files"),
                    crate::count(ok, "other applicant was", "other applicants were")
                ),
            }),
        });
    }
    Ok(())
}

/// The applicants of a batch: the `.json` files of a folder (sorted by name) or the lines of a JSONL
/// file, each with a name for messages; one that cannot be read does not stop the others.
/// A batch entry: its name for messages, and the applicant or why it could not be read.
pub(crate) type BatchInput = (String, Result<ApplicantFile, CoreError>);

pub(crate) fn read_batch(src: &Path) -> Result<Vec<BatchInput>, CoreError> {
    let mut inputs: Vec<BatchInput> = Vec::new();
    if src.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(src)
            .map_err(|source| CoreError::Io { action: IoAction::Read, path: src.into(), source })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")))
            .collect();
        files.sort();
        for f in files {
            inputs.push((f.display().to_string(), read_applicant(&f)));
        }
    } else {
        let text = std::fs::read_to_string(src).map_err(|source| CoreError::Io {
            action: IoAction::Read,
            path: src.into(),
            source,
        })?;
        for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let name = format!("{}:{}", src.display(), i + 1);
            let parsed = applicant_file::parse(line, None)
                .and_then(|p| applicant_file::check_for_use(&p.file, crate::this_month()).map(|_| p.file));
            inputs.push((name, parsed));
        }
    }
    Ok(inputs)
}
