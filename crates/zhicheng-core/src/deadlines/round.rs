//! 申报轮次: the dates a notice fixes (submission and payment windows, publicity lengths, the 复查 limit,
//! the working-time cutoff), each with its clause. The built-in round is 渝经信发〔2023〕89号
//! (`data/round-2023.json`); a later notice comes as a round file of the same shape. All times are
//! Beijing time (Asia/Shanghai); the computer's own zone plays no part.

use crate::error::Rule;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};
use crate::yearmonth::YearMonth;

pub const ROUND_FORMAT: &str = "zhicheng/round";
const BUILTIN: &str = include_str!("../../data/round-2023.json");

/// A value the notice fixes, with where it says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Cited<T> {
    pub value: T,
    /// Clause id, e.g. 三（三）3（1）.
    pub clause: String,
    /// The clause's exact text.
    pub text: String,
}

/// A window with an opening and a closing instant (网上申报, 在线缴费).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// `submission`, `payment`, or another id of the round's choosing.
    pub id: String,
    pub label: String,
    /// RFC 3339 with +08:00.
    pub opens_at: DateTime<FixedOffset>,
    pub closes_at: DateTime<FixedOffset>,
    pub clause: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// Always `"zhicheng/round"`.
    pub format: String,
    pub version: u32,
    pub id: String,
    pub title: String,
    /// 文号 of the notice.
    pub notice: String,
    pub windows: Vec<Window>,
    pub unit_publicity_workdays: Cited<u32>,
    pub result_publicity_workdays: Cited<u32>,
    pub review_request_months: Cited<u32>,
    pub work_time_cutoff: Cited<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WindowState {
    Upcoming,
    Open,
    Closed,
}

/// Under this many seconds before the close, an open window is "closing soon".
pub const CLOSING_SOON_SECS: i64 = 72 * 3600;

/// A window seen from one instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WindowStatus {
    pub id: String,
    pub label: String,
    pub opens_at: DateTime<FixedOffset>,
    pub closes_at: DateTime<FixedOffset>,
    pub state: WindowState,
    /// Open and less than 72 hours left.
    pub closing_soon: bool,
    /// Whole seconds until it opens; 0 once open.
    #[ts(type = "number")]
    pub seconds_to_open: i64,
    /// Whole seconds until it closes; 0 once closed.
    #[ts(type = "number")]
    pub seconds_to_close: i64,
    pub clause: String,
    pub text: String,
}

/// Beijing time as a fixed +08:00 offset (China has kept +08:00 all year since 1991).
pub fn beijing(t: DateTime<Utc>) -> DateTime<FixedOffset> {
    t.with_timezone(&Shanghai).fixed_offset()
}

/// Midnight at the start of a Beijing calendar day.
pub fn beijing_midnight(d: NaiveDate) -> DateTime<FixedOffset> {
    let midnight = d.and_time(chrono::NaiveTime::MIN);
    // Asia/Shanghai has had no gap at midnight; +08:00 is the answer for every day since 1991.
    Shanghai
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.fixed_offset())
        .or_else(|| {
            FixedOffset::east_opt(8 * 3600).map(|o| o.from_utc_datetime(&(midnight - chrono::Duration::hours(8))))
        })
        .unwrap_or_else(|| Utc.from_utc_datetime(&midnight).fixed_offset())
}

impl Window {
    pub fn status(&self, now: DateTime<Utc>) -> WindowStatus {
        let to_open = (self.opens_at.with_timezone(&Utc) - now).num_seconds();
        let to_close = (self.closes_at.with_timezone(&Utc) - now).num_seconds();
        let state = if now < self.opens_at {
            WindowState::Upcoming
        } else if now < self.closes_at {
            WindowState::Open
        } else {
            WindowState::Closed
        };
        WindowStatus {
            id: self.id.clone(),
            label: self.label.clone(),
            opens_at: self.opens_at,
            closes_at: self.closes_at,
            state,
            closing_soon: state == WindowState::Open && to_close <= CLOSING_SOON_SECS,
            seconds_to_open: to_open.max(0),
            seconds_to_close: to_close.max(0),
            clause: self.clause.clone(),
            text: self.text.clone(),
        }
    }
}

/// What 新一轮 asks for: only the dates a new notice gives (Beijing wall time), and optionally its
/// 文号 and the sentences the dates were found in (from 粘贴通知), quoted as the windows' text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct NewRoundDates {
    /// 文号 of the new notice; may be empty.
    #[serde(default)]
    pub notice: String,
    #[ts(type = "string")]
    pub submission_opens: DateTime<FixedOffset>,
    #[ts(type = "string")]
    pub submission_closes: DateTime<FixedOffset>,
    #[ts(type = "string | null")]
    pub payment_opens: Option<DateTime<FixedOffset>>,
    #[ts(type = "string | null")]
    pub payment_closes: Option<DateTime<FixedOffset>>,
    #[serde(default)]
    pub submission_sentence: Option<String>,
    #[serde(default)]
    pub payment_sentence: Option<String>,
}

/// The window text of a new round whose sentence was not pasted.
pub const DATES_ENTERED_TEXT: &str = "（日期按新通知填写，未粘贴原文）";

impl Round {
    /// 渝经信发〔2023〕89号 (parsed once per process).
    pub fn builtin() -> Round {
        static ROUND: std::sync::OnceLock<Round> = std::sync::OnceLock::new();
        #[allow(clippy::expect_used, reason = "the built-in round is data compiled in, and tested to parse")]
        ROUND.get_or_init(|| Round::parse(BUILTIN, None).expect("the built-in round is valid (tested)")).clone()
    }

    /// Parses and checks a round file; errors name the place and the problem.
    pub fn parse(text: &str, path: Option<&std::path::Path>) -> Result<Round> {
        let round: Round = crate::error::parse_versioned(text, path, ROUND_FORMAT, 1)?;
        round.check(path, "")?;
        Ok(round)
    }

    /// The checks of [`Self::parse`], for a round read inside another file (`deadlines.json`'s
    /// `rounds[i]`, whose place `at` prefixes every location).
    pub fn check(&self, path: Option<&std::path::Path>, at: &str) -> Result<()> {
        let round = self;
        let invalid = |location: String, detail: Rule| CoreError::InvalidFile {
            path: path.map(|p| p.to_path_buf()),
            location: format!("{at}{location}").into(),
            detail: detail.into(),
        };
        if round.format != ROUND_FORMAT {
            return Err(invalid("format".into(), Rule::FormatIs { expected: ROUND_FORMAT.into() }));
        }
        if round.version != 1 {
            return Err(CoreError::UnsupportedVersion { found: round.version, supported: 1 });
        }
        if round.id.trim().is_empty() {
            return Err(invalid("id".into(), Rule::EmptyRoundId));
        }
        if !round.windows.iter().any(|w| w.id == "submission") {
            return Err(invalid("windows".into(), Rule::NoSubmissionWindow));
        }
        for (i, w) in round.windows.iter().enumerate() {
            if round.windows.iter().take(i).any(|o| o.id == w.id) {
                return Err(invalid(format!("windows[{i}].id"), Rule::DuplicateWindowId { id: w.id.clone() }));
            }
            for (key, t) in [("opens_at", w.opens_at), ("closes_at", w.closes_at)] {
                if t.offset().local_minus_utc() != 8 * 3600 {
                    return Err(invalid(format!("windows[{i}].{key}"), Rule::NotBeijingTime { found: t.to_string() }));
                }
            }
            if w.closes_at <= w.opens_at {
                return Err(invalid(format!("windows[{i}].closes_at"), Rule::ClosesBeforeOpens));
            }
        }
        if round.unit_publicity_workdays.value == 0 || round.unit_publicity_workdays.value > 60 {
            return Err(invalid("unit_publicity_workdays.value".into(), Rule::PublicityWorkdaysRange));
        }
        for (i, w) in round.windows.iter().enumerate() {
            let year = w.opens_at.year();
            if !(2000..=2999).contains(&year) || !(2000..=2999).contains(&w.closes_at.year()) {
                return Err(invalid(format!("windows[{i}]"), Rule::YearRange { year }));
            }
        }
        Ok(())
    }

    /// 新一轮: this round with the new notice's dates; everything else (publicity lengths, clauses, the
    /// 复查 limit) is carried over. The id and the title come from the submission's opening.
    pub fn next_round(&self, d: &NewRoundDates) -> Result<Round> {
        let bad = |location: &str, detail: Rule| CoreError::InvalidFile {
            path: None,
            location: location.into(),
            detail: detail.into(),
        };
        if d.payment_opens.is_some() != d.payment_closes.is_some() {
            return Err(bad("payment", Rule::PaymentHalfFilled));
        }
        let opens = beijing(d.submission_opens.to_utc());
        let year = opens.year();
        let mut next = self.clone();
        next.id = format!("round-{}", opens.format("%Y%m%d"));
        next.title = format!("{year}年度申报（新一轮）");
        let notice = d.notice.trim();
        next.notice = if notice.is_empty() { "新通知（文号未填）".into() } else { notice.into() };
        let text = |s: &Option<String>| {
            s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map_or(DATES_ENTERED_TEXT.to_string(), str::to_string)
        };
        next.windows.retain(|w| w.id == "submission" || (w.id == "payment" && d.payment_opens.is_some()));
        for w in &mut next.windows {
            let (o, c, sentence) = match w.id.as_str() {
                "submission" => (Some(d.submission_opens), Some(d.submission_closes), &d.submission_sentence),
                _ => (d.payment_opens, d.payment_closes, &d.payment_sentence),
            };
            if let (Some(o), Some(c)) = (o, c) {
                w.opens_at = beijing(o.to_utc());
                w.closes_at = beijing(c.to_utc());
            }
            w.text = text(sentence);
        }
        if let (None, Some(o), Some(c)) = (next.window("payment"), d.payment_opens, d.payment_closes) {
            next.windows.push(Window {
                id: "payment".into(),
                label: "在线缴费".into(),
                opens_at: beijing(o.to_utc()),
                closes_at: beijing(c.to_utc()),
                clause: String::new(),
                text: text(&d.payment_sentence),
            });
        }
        next.check(None, "")?;
        Ok(next)
    }

    pub fn to_json(&self) -> String {
        #[allow(clippy::expect_used, reason = "derived Serialize of plain data with string keys cannot fail")]
        let mut s = serde_json::to_string_pretty(self).expect("serialises");
        s.push('\n');
        s
    }

    pub fn window(&self, id: &str) -> Option<&Window> {
        self.windows.iter().find(|w| w.id == id)
    }

    pub fn submission(&self) -> &Window {
        #[allow(
            clippy::expect_used,
            reason = "Round::parse (and DeadlineSettings::parse for saved rounds) refuse a round without it"
        )]
        self.window("submission").expect("parse guarantees a submission window")
    }

    pub fn statuses(&self, now: DateTime<Utc>) -> Vec<WindowStatus> {
        self.windows.iter().map(|w| w.status(now)).collect()
    }

    /// The months an application may be dated in: from the month the submission window opens to the
    /// month it closes (Beijing time). For 2023: 2023-11 and 2023-12 (业绩成果的计算时间截至申报当月, 五（三）).
    pub fn apply_months(&self) -> (YearMonth, YearMonth) {
        let s = self.submission();
        (YearMonth::of_date(s.opens_at.date_naive()), YearMonth::of_date(s.closes_at.date_naive()))
    }

    /// Refuses an application month outside the submission window; `location` says where it came from
    /// (`--apply-month`, `screening.apply_month`, the rule pack's default).
    pub fn check_apply_month(&self, month: YearMonth, location: &str) -> Result<()> {
        let (first, last) = self.apply_months();
        if (first..=last).contains(&month) {
            return Ok(());
        }
        let s = self.submission();
        Err(CoreError::InvalidFile {
            path: None,
            location: location.into(),
            detail: Rule::ApplyMonthOutside {
                month: month.to_string(),
                notice: self.notice.clone(),
                opens: s.opens_at,
                closes: s.closes_at,
                first: first.to_string(),
                last: last.to_string(),
            }
            .into(),
        })
    }

    /// Every window has closed: the round is over ("本轮已截止").
    pub fn is_over(&self, now: DateTime<Utc>) -> bool {
        self.windows.iter().all(|w| now >= w.closes_at)
    }
}

/// A window's name: the round's own (Chinese) label, or the English of the windows every round has.
pub fn window_label<'a>(id: &str, label: &'a str, lang: crate::lang::Lang) -> &'a str {
    match (lang, id) {
        (crate::lang::Lang::En, "submission") => "Online submission",
        (crate::lang::Lang::En, "payment") => "Online payment",
        (crate::lang::Lang::En, "publicity_start") => "Latest start of the unit's publicity",
        _ => label,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_builtin_round_is_the_notice() {
        let r = Round::builtin();
        assert_eq!(r.notice, "渝经信发〔2023〕89号");
        assert_eq!(r.submission().opens_at.to_rfc3339(), "2023-11-03T17:00:00+08:00");
        assert_eq!(r.submission().closes_at.to_rfc3339(), "2023-12-01T12:00:00+08:00");
        let p = r.window("payment").unwrap();
        assert_eq!(p.opens_at.to_rfc3339(), "2023-12-05T12:00:00+08:00");
        assert_eq!(p.closes_at.to_rfc3339(), "2023-12-08T12:00:00+08:00");
        assert_eq!(r.unit_publicity_workdays.value, 5);
        assert_eq!(r.work_time_cutoff.value, "2023-12-31".parse::<NaiveDate>().unwrap());
        assert!(r.submission().text.contains("2023年11月3日17:00至2023年12月1日12:00"));
    }

    #[test]
    fn each_boundary_to_the_second() {
        let r = Round::builtin();
        let s = |t: &str| r.submission().status(at(t));
        assert_eq!(s("2023-11-03T16:59:59+08:00").state, WindowState::Upcoming);
        assert_eq!(s("2023-11-03T16:59:59+08:00").seconds_to_open, 1);
        assert_eq!(s("2023-11-03T17:00:00+08:00").state, WindowState::Open);
        assert_eq!(s("2023-12-01T11:59:59+08:00").state, WindowState::Open);
        assert_eq!(s("2023-12-01T11:59:59+08:00").seconds_to_close, 1);
        assert_eq!(s("2023-12-01T12:00:00+08:00").state, WindowState::Closed);
        assert_eq!(s("2023-12-01T12:00:00+08:00").seconds_to_close, 0);
        // The same instant written in UTC is the same answer.
        assert_eq!(s("2023-12-01T04:00:00Z").state, WindowState::Closed);
        assert_eq!(s("2023-12-01T03:59:59Z").state, WindowState::Open);
    }

    #[test]
    fn closing_soon_is_the_last_72_hours() {
        let r = Round::builtin();
        let s = |t: &str| r.submission().status(at(t));
        assert!(!s("2023-11-28T11:59:59+08:00").closing_soon);
        assert!(s("2023-11-28T12:00:00+08:00").closing_soon);
        assert!(!s("2023-12-01T12:00:00+08:00").closing_soon, "closed is not closing soon");
    }

    #[test]
    fn the_round_is_over_when_payment_closes() {
        let r = Round::builtin();
        assert!(!r.is_over(at("2023-12-08T11:59:59+08:00")));
        assert!(r.is_over(at("2023-12-08T12:00:00+08:00")));
        assert!(r.is_over(at("2026-11-28T09:00:00+08:00")));
    }

    #[test]
    fn bad_round_files_name_the_place() {
        let mut v: serde_json::Value = serde_json::from_str(BUILTIN).unwrap();
        v["windows"][1]["closes_at"] = "2023-12-04T12:00:00+08:00".into();
        let e = Round::parse(&v.to_string(), None).unwrap_err().to_string();
        assert!(e.contains("windows[1].closes_at") && e.contains("晚于"), "{e}");

        let mut v: serde_json::Value = serde_json::from_str(BUILTIN).unwrap();
        v["windows"][0]["opens_at"] = "2023-11-03T17:00:00Z".into();
        let e = Round::parse(&v.to_string(), None).unwrap_err().to_string();
        assert!(e.contains("北京时间"), "{e}");

        let mut v: serde_json::Value = serde_json::from_str(BUILTIN).unwrap();
        v["windows"][0]["id"] = "other".into();
        let e = Round::parse(&v.to_string(), None).unwrap_err().to_string();
        assert!(e.contains("submission"), "{e}");

        let e = Round::parse(r#"{"format":"zhicheng/round"}"#, None).unwrap_err().to_string();
        assert_eq!(e, "version：缺少版本号");
        let e = Round::parse(r#"{"format":"zhicheng/round","version":1}"#, None).unwrap_err().to_string();
        assert!(e.contains("缺少字段“id”"), "{e}");

        // A file of another kind is named as such, not by the first field it lacks.
        let pack = include_str!("../../data/rules-2023.json");
        let e = Round::parse(pack, None).unwrap_err();
        assert_eq!(e.to_string(), "format：应为 \"zhicheng/round\"，收到 \"zhicheng/rules\"");
        assert_eq!(e.words(crate::Lang::En), "format: must be \"zhicheng/round\"; found \"zhicheng/rules\"");
    }

    #[test]
    fn a_round_round_trips() {
        let r = Round::builtin();
        assert_eq!(Round::parse(&r.to_json(), None).unwrap(), r);
    }

    #[test]
    fn the_application_month_lies_in_the_submission_window() {
        let r = Round::builtin();
        let ym = |s: &str| s.parse::<YearMonth>().unwrap();
        assert_eq!(r.apply_months(), (ym("2023-11"), ym("2023-12")));
        assert!(r.check_apply_month(ym("2023-11"), "--apply-month").is_ok());
        assert!(r.check_apply_month(ym("2023-12"), "--apply-month").is_ok());
        for bad in ["2023-10", "2024-01", "2025-11"] {
            let e = r.check_apply_month(ym(bad), "screening.apply_month").unwrap_err().to_string();
            assert!(e.starts_with("screening.apply_month："), "{e}");
            assert!(e.contains(&format!("申报月份 {bad} 不在本轮")), "{e}");
            assert!(e.contains("2023年11月3日17:00 至 2023年12月1日12:00") && e.contains("2023-11 至 2023-12"), "{e}");
            assert!(e.contains("五（三）"), "{e}");
        }
    }

    #[test]
    fn a_new_round_takes_only_the_dates_and_carries_the_rest_over() {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        let dates = NewRoundDates {
            notice: String::new(),
            submission_opens: t("2026-11-02T09:00:00+08:00"),
            submission_closes: t("2026-11-30T04:00:00Z"),
            payment_opens: Some(t("2026-12-03T12:00:00+08:00")),
            payment_closes: Some(t("2026-12-07T12:00:00+08:00")),
            submission_sentence: Some("网上申报时间为2026年11月2日9:00至2026年11月30日12:00。".into()),
            payment_sentence: None,
        };
        let base = Round::builtin();
        let next = base.next_round(&dates).unwrap();
        assert_eq!((next.id.as_str(), next.title.as_str()), ("round-20261102", "2026年度申报（新一轮）"));
        assert_eq!(next.notice, "新通知（文号未填）");
        assert_eq!(next.submission().closes_at.to_rfc3339(), "2026-11-30T12:00:00+08:00", "kept as Beijing time");
        assert!(next.submission().text.starts_with("网上申报时间为2026年"));
        assert_eq!(next.window("payment").unwrap().text, DATES_ENTERED_TEXT, "the 2023 sentence is not kept");
        assert_eq!(next.unit_publicity_workdays, base.unit_publicity_workdays);
        assert_eq!(next.submission().clause, base.submission().clause);
        assert_eq!(next.apply_months().0.to_string(), "2026-11");

        let no_payment = NewRoundDates { payment_opens: None, payment_closes: None, ..dates.clone() };
        assert!(base.next_round(&no_payment).unwrap().window("payment").is_none());
        let half = NewRoundDates { payment_closes: None, ..dates.clone() };
        assert!(base.next_round(&half).unwrap_err().to_string().contains("同时填写"));
        let backwards = NewRoundDates { submission_closes: t("2026-11-01T12:00:00+08:00"), ..dates };
        assert!(base.next_round(&backwards).unwrap_err().to_string().contains("晚于开始时间"));
    }
}
