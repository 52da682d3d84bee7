//! 工作日: the official holiday and 调休 calendar (one cited entry per 国务院办公厅 notice, embedded from
//! `data/holidays.json`), and working-day arithmetic over it.
//!
//! Dates in a year whose notice the calendar does not have are computed as plain Monday–Friday weeks,
//! and every answer that touched such a date says so ([`Answer::unknown_from`]): the app shows a
//! warning instead of silently treating every weekday as a working day.

use crate::error::Rule;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// The most working days one count may span (about 14 years): the notice's periods are days to weeks.
pub const MAX_WORKDAYS: u32 = 3650;

const BUILTIN: &str = include_str!("../../data/holidays.json");

/// One year's notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct HolidayYear {
    pub year: i32,
    /// 文号, e.g. 国办发明电〔2022〕16号.
    pub notice: String,
    pub title: String,
    /// Rest days, as inclusive ranges `[first, last]`.
    #[ts(type = "Array<[string, string]>")]
    pub rest: Vec<(NaiveDate, NaiveDate)>,
    /// Weekend days that are working days (调休上班).
    #[ts(type = "Array<string>")]
    pub makeup: Vec<NaiveDate>,
}

#[derive(Debug, Clone, Deserialize)]
struct CalendarFile {
    #[allow(dead_code)]
    description: Option<String>,
    years: Vec<HolidayYear>,
}

/// What kind of day a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    Workday,
    Weekend,
    /// 法定节假日 (including the weekend days inside a holiday block).
    Holiday,
    /// 调休上班: a weekend day that is a working day.
    MakeupWorkday,
}

impl DayKind {
    pub fn is_working(self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeupWorkday)
    }
}

/// An answer, and the first date it relied on whose holidays the calendar does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Answer<T> {
    pub value: T,
    /// Holidays of this date's year are unknown; the answer assumed a plain Monday–Friday week there.
    #[ts(type = "string | null")]
    pub unknown_from: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct WorkCalendar {
    years: BTreeMap<i32, HolidayYear>,
    rest: BTreeSet<NaiveDate>,
    makeup: BTreeSet<NaiveDate>,
}

impl WorkCalendar {
    /// The calendar built into the app (2023–2026).
    pub fn builtin() -> &'static WorkCalendar {
        static CAL: OnceLock<WorkCalendar> = OnceLock::new();
        #[allow(clippy::expect_used, reason = "the built-in table is data compiled in, and tested to parse")]
        CAL.get_or_init(|| WorkCalendar::from_json(BUILTIN).expect("the built-in holiday table is valid (tested)"))
    }

    /// Parses and checks a holiday table (same shape as `data/holidays.json`).
    pub fn from_json(text: &str) -> Result<Self> {
        let invalid = |location: String, detail: Rule| CoreError::InvalidFile {
            path: None,
            location: location.into(),
            detail: detail.into(),
        };
        let file: CalendarFile = crate::error::parse_json(text, None)?;
        let mut cal = WorkCalendar { years: BTreeMap::new(), rest: BTreeSet::new(), makeup: BTreeSet::new() };
        for (i, y) in file.years.into_iter().enumerate() {
            let at = |what: &str| format!("years[{i}].{what}");
            for (j, &(a, b)) in y.rest.iter().enumerate() {
                if a > b || (b - a).num_days() > 15 {
                    return Err(invalid(
                        at(&format!("rest[{j}]")),
                        Rule::RestRange { from: a.to_string(), to: b.to_string() },
                    ));
                }
                let mut d = Some(a);
                while let Some(day) = d.filter(|x| *x <= b) {
                    cal.rest.insert(day);
                    d = day.succ_opt();
                }
            }
            for (j, &d) in y.makeup.iter().enumerate() {
                if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
                    return Err(invalid(at(&format!("makeup[{j}]")), Rule::MakeupNotWeekend { day: d.to_string() }));
                }
                if cal.rest.contains(&d) {
                    return Err(invalid(at(&format!("makeup[{j}]")), Rule::RestAndMakeup { day: d.to_string() }));
                }
                cal.makeup.insert(d);
            }
            if cal.years.insert(y.year, y.clone()).is_some() {
                return Err(invalid(at("year"), Rule::DuplicateYear { year: y.year }));
            }
        }
        Ok(cal)
    }

    /// The notices the calendar is built from, oldest first.
    pub fn years(&self) -> impl Iterator<Item = &HolidayYear> {
        self.years.values()
    }

    /// Whether the holidays of `d`'s year are known.
    pub fn is_known(&self, d: NaiveDate) -> bool {
        self.years.contains_key(&d.year()) || self.rest.contains(&d) || self.makeup.contains(&d)
    }

    pub fn day_kind(&self, d: NaiveDate) -> DayKind {
        if self.rest.contains(&d) {
            DayKind::Holiday
        } else if self.makeup.contains(&d) {
            DayKind::MakeupWorkday
        } else if matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            DayKind::Weekend
        } else {
            DayKind::Workday
        }
    }

    pub fn is_workday(&self, d: NaiveDate) -> Answer<bool> {
        Answer { value: self.day_kind(d).is_working(), unknown_from: (!self.is_known(d)).then_some(d) }
    }

    /// The `n`th working day counting from `from` (`n ≥ 1`). With `count_start`, `from` itself is the
    /// first when it is a working day; otherwise counting begins the next day.
    /// `n` is held to [`MAX_WORKDAYS`]; a count running past the last date chrono knows stops there.
    pub fn add_workdays(&self, from: NaiveDate, n: u32, count_start: bool) -> Answer<NaiveDate> {
        let mut seen = Seen::default();
        let mut d = if count_start { from } else { from.succ_opt().unwrap_or(from) };
        let mut left = n.clamp(1, MAX_WORKDAYS);
        loop {
            seen.note(self, d);
            if self.day_kind(d).is_working() {
                left -= 1;
                if left == 0 {
                    return seen.answer(d);
                }
            }
            match d.succ_opt() {
                Some(next) => d = next,
                None => return seen.answer(d),
            }
        }
    }

    /// The latest start date such that `n` working days (counted as [`Self::add_workdays`] does) end on
    /// or before `end`.
    pub fn latest_start(&self, end: NaiveDate, n: u32, count_start: bool) -> Answer<NaiveDate> {
        let mut seen = Seen::default();
        let mut d = end;
        let mut left = n.clamp(1, MAX_WORKDAYS);
        loop {
            seen.note(self, d);
            if self.day_kind(d).is_working() {
                left -= 1;
                if left == 0 {
                    let start = if count_start { d } else { d.pred_opt().unwrap_or(d) };
                    return seen.answer(start);
                }
            }
            match d.pred_opt() {
                Some(prev) => d = prev,
                None => return seen.answer(d),
            }
        }
    }

    /// Working days from `a` to `b`, both included (0 when `b < a`).
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> Answer<u32> {
        let mut seen = Seen::default();
        let mut n = 0;
        let mut d = a;
        while d <= b {
            seen.note(self, d);
            if self.day_kind(d).is_working() {
                n += 1;
            }
            match d.succ_opt() {
                Some(next) => d = next,
                None => break,
            }
        }
        seen.answer(n)
    }

    /// The last working day strictly before `d`.
    pub fn previous_workday(&self, d: NaiveDate) -> Answer<NaiveDate> {
        self.latest_start(d.pred_opt().unwrap_or(d), 1, true)
    }
}

#[derive(Default)]
struct Seen(Option<NaiveDate>);

impl Seen {
    fn note(&mut self, cal: &WorkCalendar, d: NaiveDate) {
        if !cal.is_known(d) {
            self.0 = Some(self.0.map_or(d, |e| e.min(d)));
        }
    }
    fn answer<T>(self, value: T) -> Answer<T> {
        Answer { value, unknown_from: self.0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Days;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn cal() -> &'static WorkCalendar {
        WorkCalendar::builtin()
    }

    #[test]
    fn the_cli_examples_of_the_issue() {
        assert_eq!(cal().add_workdays(d("2023-09-25"), 5, true).value, d("2023-10-07"));
        assert_eq!(cal().latest_start(d("2023-11-30"), 5, true).value, d("2023-11-24"));
    }

    #[test]
    fn counting_the_start_day_is_a_setting() {
        // 2023-11-24 is a Friday: counted, it is day 1 and day 5 is Thursday 11-30.
        assert_eq!(cal().add_workdays(d("2023-11-24"), 5, true).value, d("2023-11-30"));
        assert_eq!(cal().add_workdays(d("2023-11-24"), 5, false).value, d("2023-12-01"));
        // Starting on a Saturday, the Saturday never counts.
        assert_eq!(cal().add_workdays(d("2023-11-25"), 1, true).value, d("2023-11-27"));
        assert_eq!(cal().latest_start(d("2023-11-30"), 5, false).value, d("2023-11-23"));
    }

    #[test]
    fn latest_start_and_add_agree() {
        let mut s = d("2023-01-01");
        while s < d("2026-12-01") {
            for n in [1, 5, 10] {
                let end = cal().add_workdays(s, n, true).value;
                let back = cal().latest_start(end, n, true).value;
                assert!(back >= s, "{s} +{n} → {end} ← {back}");
                assert_eq!(cal().add_workdays(back, n, true).value, end);
            }
            s = s + Days::new(1);
        }
    }

    #[test]
    fn holiday_blocks_and_makeup_days() {
        // 2024-02-09 (除夕) is a working day; the Spring Festival block is 02-10..02-17; 02-18 (Sun) is worked.
        assert_eq!(cal().day_kind(d("2024-02-09")), DayKind::Workday);
        assert_eq!(cal().day_kind(d("2024-02-12")), DayKind::Holiday);
        assert_eq!(cal().day_kind(d("2024-02-18")), DayKind::MakeupWorkday);
        // The 2023 New Year block starts on 2022-12-31, indexed by date.
        assert_eq!(cal().day_kind(d("2022-12-31")), DayKind::Holiday);
        assert_eq!(cal().workdays_between(d("2023-09-28"), d("2023-10-08")).value, 3);
    }

    #[test]
    fn dates_past_the_table_are_flagged_not_trusted() {
        let a = cal().add_workdays(d("2026-12-28"), 5, true);
        assert_eq!(a.value, d("2027-01-01"), "computed as plain weekdays");
        assert_eq!(a.unknown_from, Some(d("2027-01-01")));
        assert_eq!(cal().add_workdays(d("2026-12-01"), 5, true).unknown_from, None);
        assert_eq!(cal().is_workday(d("2027-10-01")).unknown_from, Some(d("2027-10-01")));
        assert_eq!(cal().latest_start(d("2023-01-04"), 5, true).unknown_from, Some(d("2022-12-28")));
    }

    #[test]
    fn bad_tables_are_refused_with_the_place() {
        let e = WorkCalendar::from_json(
            r#"{"years":[{"year":2030,"notice":"x","title":"x","rest":[],"makeup":["2030-01-02"]}]}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("years[0].makeup[0]"), "{e}");
    }

    /// Every year's blocks and make-up days against an independent source (dev-dependency only: the
    /// crate panics past 2026-12-25, so it is never used at run time).
    #[test]
    fn agrees_with_the_chinese_holiday_crate() {
        let mut day = d("2023-01-01");
        let last = d("2026-12-25");
        let mut checked = 0;
        while day <= last {
            let theirs = chinese_holiday::chinese_holiday(&day).is_workday();
            assert_eq!(cal().day_kind(day).is_working(), theirs, "{day}");
            checked += 1;
            day = day + Days::new(1);
        }
        assert!(checked > 1400);
    }
}
