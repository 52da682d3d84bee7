//! 公示: what the unit decides about the publicity of an applicant (三（三）3（1）): the level applied
//! for, the first day, the place and the contacts at two levels. Stored in the applicant file
//! (version 3) and printed on the publicity sheet.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkCalendar;
use crate::eligibility::TitleLevel;

/// Working days the publicity lasts at least (三（三）3（1）“公示期不少于5个工作日”).
pub const PUBLICITY_WORKDAYS: u32 = 5;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Publicity {
    /// 申报级别 (when empty: the highest level the assessment finds eligible).
    pub level: Option<TitleLevel>,
    /// 公示开始日期, chosen by the unit.
    #[schemars(with = "Option<String>")]
    #[ts(type = "string | null")]
    pub start: Option<NaiveDate>,
    /// 公示结束日期 entered by hand; used only where the holiday calendar does not cover the period.
    #[schemars(with = "Option<String>")]
    #[ts(type = "string | null")]
    pub end: Option<NaiveDate>,
    /// 公示地点
    pub place: String,
    /// 受理单位（投诉受理）
    pub unit_name: String,
    /// 受理单位电话
    pub unit_phone: String,
    /// 上级主管部门
    pub superior_name: String,
    /// 上级主管部门电话
    pub superior_phone: String,
}

/// Where the last day of the publicity comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum EndSource {
    /// The 5th working day after the start (start included when a working day), by the holiday table.
    Calendar,
    /// The holiday table does not reach that far: the date entered by hand.
    Entered,
    /// Neither: no start, or the table does not reach and nothing was entered.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PublicityPeriod {
    #[ts(type = "string | null")]
    pub start: Option<NaiveDate>,
    #[ts(type = "string | null")]
    pub end: Option<NaiveDate>,
    pub source: EndSource,
    /// Set when the period cannot be trusted: an entered end too early, or holidays unknown.
    pub warning: Option<PeriodWarning>,
}

/// What is wrong with a publicity period (the catalogues word it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum PeriodWarning {
    /// The entered end lies before the `workdays`th working day, `end`: too short.
    EndTooEarly {
        #[ts(type = "string")]
        entered: NaiveDate,
        #[ts(type = "string")]
        end: NaiveDate,
        workdays: u32,
    },
    /// The entered end lies before the start.
    EndBeforeStart,
    /// The holiday table lacks the year of `from`: the end cannot be computed; enter it by hand.
    HolidaysUnknown {
        #[ts(type = "string")]
        from: NaiveDate,
        workdays: u32,
    },
}

impl Publicity {
    /// The publicity period: the end is the 5th working day counted from the start (the start counts
    /// when it is a working day), with the official holidays and make-up workdays.
    pub fn period(&self, calendar: &WorkCalendar) -> PublicityPeriod {
        let Some(start) = self.start else {
            return PublicityPeriod { start: None, end: self.end, source: EndSource::Unknown, warning: None };
        };
        let answer = calendar.add_workdays(start, PUBLICITY_WORKDAYS, true);
        let Some(unknown) = answer.unknown_from else {
            let end = answer.value;
            let warning = self.end.filter(|e| *e < end).map(|entered| PeriodWarning::EndTooEarly {
                entered,
                end,
                workdays: PUBLICITY_WORKDAYS,
            });
            return PublicityPeriod { start: Some(start), end: Some(end), source: EndSource::Calendar, warning };
        };
        match self.end {
            Some(end) if end < start => PublicityPeriod {
                start: Some(start),
                end: Some(end),
                source: EndSource::Entered,
                warning: Some(PeriodWarning::EndBeforeStart),
            },
            Some(end) => {
                PublicityPeriod { start: Some(start), end: Some(end), source: EndSource::Entered, warning: None }
            }
            None => PublicityPeriod {
                start: Some(start),
                end: None,
                source: EndSource::Unknown,
                warning: Some(PeriodWarning::HolidaysUnknown { from: unknown, workdays: PUBLICITY_WORKDAYS }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn from(start: &str) -> PublicityPeriod {
        Publicity { start: Some(d(start)), ..Default::default() }.period(WorkCalendar::builtin())
    }

    #[test]
    fn five_working_days_from_a_monday_end_on_friday() {
        let p = from("2023-11-20");
        assert_eq!((p.end, p.source), (Some(d("2023-11-24")), EndSource::Calendar));
    }

    #[test]
    fn the_national_day_week_and_its_makeup_saturday_are_counted_right() {
        // 2023: 9.29–10.6 rest, 10.7 (Sat) and 10.8 (Sun) make-up workdays.
        let p = from("2023-09-27");
        // 9.27, 9.28, [rest], 10.7, 10.8, 10.9
        assert_eq!(p.end, Some(d("2023-10-09")));
    }

    #[test]
    fn a_start_on_a_weekend_counts_from_the_next_working_day() {
        assert_eq!(from("2023-11-25").end, Some(d("2023-12-01")));
    }

    #[test]
    fn beyond_the_holiday_table_the_entered_end_is_used_or_asked_for() {
        let mut p = Publicity { start: Some(d("2030-03-04")), ..Default::default() };
        let asked = p.period(WorkCalendar::builtin());
        assert_eq!((asked.end, asked.source), (None, EndSource::Unknown));
        assert!(matches!(asked.warning, Some(PeriodWarning::HolidaysUnknown { .. })));
        assert!(crate::text::period_warning(&asked.warning.unwrap(), crate::text::Lang::Zh).contains("请手工填写"));
        p.end = Some(d("2030-03-08"));
        let entered = p.period(WorkCalendar::builtin());
        assert_eq!((entered.end, entered.source), (Some(d("2030-03-08")), EndSource::Entered));
    }

    #[test]
    fn an_entered_end_shorter_than_five_working_days_is_flagged() {
        let p = Publicity { start: Some(d("2023-11-20")), end: Some(d("2023-11-23")), ..Default::default() }
            .period(WorkCalendar::builtin());
        assert_eq!(p.end, Some(d("2023-11-24")));
        let w = p.warning.unwrap();
        assert!(crate::text::period_warning(&w, crate::text::Lang::Zh).contains("公示期不足"));
        assert!(crate::text::period_warning(&w, crate::text::Lang::En).contains("too short"));
    }
}
