//! `zhicheng deadlines`: countdowns to the active round's windows (Beijing time) and the backward plan.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde_json::json;
use zhicheng_core::CoreError;
use zhicheng_core::deadlines::{PublicityFit, StartSource, overview_with_pack};
use zhicheng_core::round::{WindowState, WindowStatus};
use zhicheng_core::storage::{self, Workspace};
use zhicheng_core::text::{self, Lang};

use crate::{lang, tr};

pub(crate) fn parse_at(s: &str) -> Result<DateTime<Utc>, CoreError> {
    DateTime::parse_from_rfc3339(s.trim()).map(|t| t.with_timezone(&Utc)).map_err(|_| CoreError::InvalidFile {
        path: None,
        location: "--at".into(),
        detail: zhicheng_core::error::Detail::Text(words!(
            "应为 RFC 3339 时刻（如 2023-11-30T12:00:00+08:00），收到“{}”",
            "expected an RFC 3339 time (such as 2023-11-30T12:00:00+08:00), found “{}”",
            s
        )),
    })
}

fn duration_words(secs: i64) -> String {
    let (d, h, m, s) = (secs / 86400, secs % 86400 / 3600, secs % 3600 / 60, secs % 60);
    match lang() {
        Lang::Zh => format!("{d}天{h}小时{m}分{s}秒"),
        Lang::En => format!("{d}d {h}h {m}m {s}s"),
    }
}

fn line(w: &WindowStatus) -> String {
    let (open, close) = (w.opens_at.format("%Y-%m-%d %H:%M"), w.closes_at.format("%Y-%m-%d %H:%M"));
    let label = text::window_label(&w.id, &w.label, lang());
    match lang() {
        Lang::Zh => {
            let state = match w.state {
                WindowState::Upcoming => format!("未开始，距开始 {}", duration_words(w.seconds_to_open)),
                WindowState::Open if w.closing_soon => {
                    format!("即将截止！距截止 {}", duration_words(w.seconds_to_close))
                }
                WindowState::Open => format!("进行中，距截止 {}", duration_words(w.seconds_to_close)),
                WindowState::Closed => "已截止".to_string(),
            };
            format!("{label}：{open} 至 {close}（北京时间） {state}  〔{}〕", w.clause)
        }
        Lang::En => {
            let state = match w.state {
                WindowState::Upcoming => format!("upcoming, opens in {}", duration_words(w.seconds_to_open)),
                WindowState::Open if w.closing_soon => {
                    format!("closing soon! closes in {}", duration_words(w.seconds_to_close))
                }
                WindowState::Open => format!("open, closes in {}", duration_words(w.seconds_to_close)),
                WindowState::Closed => "closed".to_string(),
            };
            format!("{label}: {open} to {close} (Beijing time)  {state}  [clause {}]", w.clause)
        }
    }
}

pub(crate) fn run(
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
                match lang() {
                    Lang::Zh => errln!("提示：未读取申报人资料（{e}），倒排计划不含审核环节，公示按今天开始计算"),
                    Lang::En => errln!(
                        "Note: the applicant file was not read ({e}); the plan has no review steps and the publicity starts today"
                    ),
                }
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
        let text = zhicheng_core::ics::export(&settings.active(), Some(&o.plan), &settings.lead_minutes, crate::lang());
        storage::atomic_write(path, text.as_bytes())?;
        match lang() {
            Lang::Zh => errln!("已导出日历文件 {}", path.display()),
            Lang::En => errln!("Calendar file written: {}", path.display()),
        }
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
    let workdays = o.plan.items.first().map_or(0, |i| i.workdays);
    match lang() {
        Lang::Zh => outln!("当前北京时间：{}", o.now.format("%Y年%-m月%-d日 %H:%M:%S")),
        Lang::En => outln!("Beijing time now: {}", o.now.format("%Y-%m-%d %H:%M:%S")),
    }
    for w in &o.windows {
        outln!("{}", line(w));
    }
    match lang() {
        Lang::Zh => outln!(
            "单位公示（不少于{workdays}个工作日）最迟开始：{}（含当日）〔{}〕",
            o.plan.latest_publicity_start,
            o.publicity_start.clause
        ),
        Lang::En => outln!(
            "The unit's publicity (at least {workdays} working days) must start by: {} (inclusive) [clause {}]",
            o.plan.latest_publicity_start,
            o.publicity_start.clause
        ),
    }
    if !o.round_over {
        let lines = match lang() {
            Lang::Zh => publicity_lines(&o.publicity),
            Lang::En => publicity_lines_en(&o.publicity),
        };
        for l in lines {
            outln!("{l}");
        }
    }
    if let Some(u) = o.plan.unknown_from {
        match lang() {
            Lang::Zh => errln!("警告：计划用到 {u} 起的日期，该年份法定节假日安排未知，按周一至周五估算。"),
            Lang::En => errln!(
                "Warning: the plan uses dates from {u} on, in a year whose official holidays are unknown; Monday to Friday assumed."
            ),
        }
    }
    if o.round_over {
        outln!(
            "{}",
            tr(
                "本轮已截止。新一年度的通知发布后，请在桌面程序“截止日期”页添加新轮次（本程序不会推测下一年的日期）。",
                "This round is over. When next year's notice is out, add the new round on the app's Deadlines page (the app never guesses next year's dates)."
            )
        );
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

/// The same in English.
fn publicity_lines_en(f: &PublicityFit) -> Vec<String> {
    let mut out = Vec::new();
    let rule = format!("material that has not been publicised cannot be recommended [clause {}]", f.clause);
    let days = |n: u32| format!("{n} working {}", if n == 1 { "day" } else { "days" });
    match (f.start_source, f.fits) {
        (StartSource::Entered, true) => out.push(format!(
            "Unit publicity {} to {} ({}) ends by {}, the last day the review steps allow: in time for the submission close.",
            f.start,
            f.end,
            days(f.workdays),
            f.latest_end
        )),
        (StartSource::Entered, false) => out.push(format!(
            "Warning: the unit publicity {} to {} ends after the latest end {}, {} late, and misses the submission close; {rule}.",
            f.start,
            f.end,
            f.latest_end,
            days(f.working_days_late)
        )),
        (StartSource::Today, true) => out.push(format!(
            "No publicity start entered yet: starting today ({}), it would end on {} (latest end {}).",
            f.start, f.end, f.latest_end
        )),
        (StartSource::Today, false) => {
            out.push(format!(
                "Warning: the latest start of the unit publicity, {}, has passed. Starting today ({}), it would end on {}, {} after the latest end {}.",
                f.latest_start,
                f.start,
                f.end,
                days(f.working_days_late),
                f.latest_end
            ));
            out.push(format!(
                "The unit must publicise before it recommends: {rule}. Contact your employer and its supervising department today: the days reserved for the review steps are the only slack left."
            ));
        }
    }
    if f.estimated {
        out.push("(Some dates fall in a year whose official holidays are unknown; Monday to Friday assumed.)".into());
    }
    out
}
