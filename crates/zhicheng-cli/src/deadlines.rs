//! `zhicheng deadlines`: countdowns to the active round's windows (Beijing time) and the backward plan.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde_json::json;
use zhicheng_core::CoreError;
use zhicheng_core::deadlines::{PublicityFit, StartSource, overview_with_pack};
use zhicheng_core::round::{WindowState, WindowStatus};
use zhicheng_core::storage::{self, Workspace};

pub fn parse_at(s: &str) -> Result<DateTime<Utc>, CoreError> {
    DateTime::parse_from_rfc3339(s.trim()).map(|t| t.with_timezone(&Utc)).map_err(|_| CoreError::InvalidFile {
        path: None,
        location: "--at".into(),
        detail: format!("应为 RFC 3339 时刻（如 2023-11-30T12:00:00+08:00），收到“{s}”"),
    })
}

fn duration_words(secs: i64) -> String {
    let (d, h, m, s) = (secs / 86400, secs % 86400 / 3600, secs % 3600 / 60, secs % 60);
    format!("{d}天{h}小时{m}分{s}秒")
}

fn line(w: &WindowStatus) -> String {
    let span = format!("{} 至 {}", w.opens_at.format("%Y-%m-%d %H:%M"), w.closes_at.format("%Y-%m-%d %H:%M"));
    let state = match w.state {
        WindowState::Upcoming => format!("未开始，距开始 {}", duration_words(w.seconds_to_open)),
        WindowState::Open if w.closing_soon => format!("即将截止！距截止 {}", duration_words(w.seconds_to_close)),
        WindowState::Open => format!("进行中，距截止 {}", duration_words(w.seconds_to_close)),
        WindowState::Closed => "已截止".to_string(),
    };
    format!("{}：{}（北京时间） {}  〔{}〕", w.label, span, state, w.clause)
}

pub fn run(
    ws: &Workspace,
    file: Option<&Path>,
    at: Option<&str>,
    json: bool,
    ics: Option<&Path>,
    force: bool,
) -> Result<(), CoreError> {
    let now = match at {
        Some(s) => parse_at(s)?,
        None => Utc::now(),
    };
    let settings = ws.load_deadline_settings()?;
    let applicant = match file {
        Some(p) => Some(crate::assess::read_applicant(p)?),
        None => match ws.load() {
            Ok(l) if l.exists => Some(l.file),
            Ok(_) => None,
            Err(e) => {
                errln!("提示：未读取申报人资料（{e}），倒排计划不含审核环节，公示按今天开始计算");
                None
            }
        },
    };
    let o = overview_with_pack(
        &settings,
        applicant.as_ref().map(|f| &f.profile),
        applicant.as_ref().map(|f| &f.publicity),
        &ws.effective_pack()?,
        now,
    );
    if let Some(path) = ics {
        zhicheng_core::storage::check_output(path, force)?;
        let text = zhicheng_core::ics::export(&settings.active(), Some(&o.plan), &settings.lead_minutes);
        storage::atomic_write(path, text.as_bytes())?;
        errln!("已导出日历文件 {}", path.display());
    }
    if json {
        let mut deadlines: Vec<_> = o.windows.iter().collect();
        deadlines.push(&o.publicity_start);
        let out = json!({
            "at": o.now,
            "round": o.round,
            "round_over": o.round_over,
            "deadlines": deadlines,
            "latest_publicity_start": o.plan.latest_publicity_start,
            "publicity": o.publicity,
            "plan": o.plan,
            "holidays_known_until": o.holidays_known_until,
        });
        outln!("{}", crate::json_pretty(&out));
        return Ok(());
    }
    outln!("{} · {}", o.round.notice, o.round.title);
    outln!("当前北京时间：{}", o.now.format("%Y年%-m月%-d日 %H:%M:%S"));
    for w in &o.windows {
        outln!("{}", line(w));
    }
    outln!(
        "单位公示（不少于{}个工作日）最迟开始：{}（含当日）〔{}〕",
        o.plan.items.first().map_or(0, |i| i.workdays),
        o.plan.latest_publicity_start,
        o.publicity_start.clause
    );
    if !o.round_over {
        for l in publicity_lines(&o.publicity) {
            outln!("{l}");
        }
    }
    if let Some(u) = o.plan.unknown_from {
        errln!("警告：计划用到 {u} 起的日期，该年份法定节假日安排未知，按周一至周五估算。");
    }
    if o.round_over {
        outln!("本轮已截止。新一年度的通知发布后，请在桌面程序“截止日期”页添加新轮次（本程序不会推测下一年的日期）。");
    }
    Ok(())
}

/// The unit publicity against the close, and what to do when it is late (三（三）3（1）).
fn publicity_lines(f: &PublicityFit) -> Vec<String> {
    let mut out = Vec::new();
    let rule = format!("未经公示的申报材料不得推荐上报〔{}〕", f.clause);
    match (f.start_source, f.fits) {
        (StartSource::Entered, true) => out.push(format!(
            "单位公示 {} 至 {}（{}个工作日），不晚于审核环节所需的最迟结束日 {}，赶得上网上申报截止。",
            f.start, f.end, f.workdays, f.latest_end
        )),
        (StartSource::Entered, false) => out.push(format!(
            "警告：单位公示 {} 至 {} 结束晚于最迟结束日 {}，晚 {} 个工作日，赶不上网上申报截止；{rule}。",
            f.start, f.end, f.latest_end, f.working_days_late
        )),
        (StartSource::Today, true) => out.push(format!(
            "尚未填写公示开始日期：若今天（{}）开始公示，将于 {} 结束（最迟结束日 {}）。",
            f.start, f.end, f.latest_end
        )),
        (StartSource::Today, false) => {
            out.push(format!(
                "警告：单位公示最迟开始日 {} 已过。若今天（{}）开始公示，将于 {} 结束，比最迟结束日 {} 晚 {} 个工作日。",
                f.latest_start, f.start, f.end, f.latest_end, f.working_days_late
            ));
            out.push(format!(
                "单位须先公示、后推荐，{rule}。请今天就与所在单位和上级主管部门联系：各审核环节预留的工作日是唯一可压缩的余地。"
            ));
        }
    }
    if f.estimated {
        out.push("（部分日期所在年份的法定节假日未知，按周一至周五估算）".into());
    }
    out
}
