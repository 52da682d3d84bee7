//! 倒排计划: working backwards from the submission close, when must the unit begin its publicity?
//!
//! Reading (docs/deadlines.md): the chain's review steps must be finished on or before the last
//! working day *before* the close day (the close day's morning is kept as margin for the system
//! submission); each step takes the working days the user gives it (default 0: the notice sets none);
//! the unit's publicity of at least N working days (三（三）3（1）) ends the working day before the first
//! review step starts.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkCalendar;
use crate::round::Round;

/// A review step of the chain and the working days the user reserves for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StepInput {
    pub name: String,
    pub workdays: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PlanItemKind {
    Publicity,
    Review,
    Deadline,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanItem {
    pub kind: PlanItemKind,
    pub name: String,
    pub workdays: u32,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Clause that fixes this item, when the notice fixes it.
    pub clause: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Plan {
    /// In time order: the publicity, the review steps, the submission close.
    pub items: Vec<PlanItem>,
    /// The critical date: the unit must begin its publicity on or before this day.
    pub latest_publicity_start: NaiveDate,
    pub count_start_day: bool,
    /// The plan relied on dates whose holidays are unknown (from this date on).
    pub unknown_from: Option<NaiveDate>,
}

/// Builds the backward plan for `round` with the review `steps` in chain order.
pub fn backward_plan(round: &Round, cal: &WorkCalendar, steps: &[StepInput], count_start_day: bool) -> Plan {
    let close = round.submission().closes_at;
    let close_day = close.date_naive();
    let mut unknown: Option<NaiveDate> = None;
    let mut note = |u: Option<NaiveDate>| {
        if let Some(u) = u {
            unknown = Some(unknown.map_or(u, |e: NaiveDate| e.min(u)));
        }
    };
    let mut cursor = {
        let a = cal.previous_workday(close_day);
        note(a.unknown_from);
        a.value
    };
    let mut reviews = Vec::new();
    for step in steps.iter().rev() {
        let (start, end) = if step.workdays == 0 {
            (cursor, cursor)
        } else {
            let s = cal.latest_start(cursor, step.workdays, true);
            note(s.unknown_from);
            let end = cursor;
            let prev = cal.previous_workday(s.value);
            note(prev.unknown_from);
            cursor = prev.value;
            (s.value, end)
        };
        reviews.push(PlanItem {
            kind: PlanItemKind::Review,
            name: step.name.clone(),
            workdays: step.workdays,
            start,
            end,
            clause: None,
        });
    }
    reviews.reverse();
    let n = round.unit_publicity_workdays.value;
    let start = cal.latest_start(cursor, n, count_start_day);
    note(start.unknown_from);
    let mut items = vec![PlanItem {
        kind: PlanItemKind::Publicity,
        name: "单位公示".into(),
        workdays: n,
        start: start.value,
        end: cursor,
        clause: Some(round.unit_publicity_workdays.clause.clone()),
    }];
    items.extend(reviews);
    items.push(PlanItem {
        kind: PlanItemKind::Deadline,
        name: round.submission().label.clone() + "截止",
        workdays: 0,
        start: close_day,
        end: close_day,
        clause: Some(round.submission().clause.clone()),
    });
    Plan { items, latest_publicity_start: start.value, count_start_day, unknown_from: unknown }
}

/// The day after `d` (the instant a "by this day" deadline passes).
pub fn day_after(d: NaiveDate) -> NaiveDate {
    d + Days::new(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn steps(days: &[u32]) -> Vec<StepInput> {
        days.iter().enumerate().map(|(i, &w)| StepInput { name: format!("步骤{i}"), workdays: w }).collect()
    }

    #[test]
    fn with_no_review_days_publicity_ends_the_day_before_the_close() {
        let p = backward_plan(&Round::builtin(), WorkCalendar::builtin(), &steps(&[0, 0]), true);
        assert_eq!(p.items[0].end, d("2023-11-30"));
        assert_eq!(p.latest_publicity_start, d("2023-11-24"));
        assert_eq!(p.items.last().unwrap().start, d("2023-12-01"));
        assert_eq!(p.unknown_from, None);
    }

    #[test]
    fn review_days_push_the_publicity_earlier() {
        // 单位 1 day (11-30), 主管部门 2 days (11-28..29 is wrong order: chain order is unit first).
        let p = backward_plan(&Round::builtin(), WorkCalendar::builtin(), &steps(&[1, 2]), true);
        let review: Vec<_> = p.items.iter().filter(|i| i.kind == PlanItemKind::Review).collect();
        assert_eq!((review[1].start, review[1].end), (d("2023-11-29"), d("2023-11-30")));
        assert_eq!((review[0].start, review[0].end), (d("2023-11-28"), d("2023-11-28")));
        assert_eq!(p.items[0].end, d("2023-11-27"));
        // 5 working days ending Monday 11-27: 11-21 (Tue) … 11-27.
        assert_eq!(p.latest_publicity_start, d("2023-11-21"));
    }

    #[test]
    fn not_counting_the_start_day_starts_one_working_day_earlier_in_effect() {
        let p = backward_plan(&Round::builtin(), WorkCalendar::builtin(), &[], false);
        assert_eq!(p.latest_publicity_start, d("2023-11-23"));
    }
}
