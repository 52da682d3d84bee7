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
    /// Ends after the day it must end by (only in a plan from entered dates).
    pub late: bool,
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
    /// The items follow the publicity dates the user entered (forward), not the latest possible ones.
    pub from_entered: bool,
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
            late: false,
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
        late: false,
    }];
    items.extend(reviews);
    items.push(PlanItem {
        kind: PlanItemKind::Deadline,
        name: round.submission().label.clone(),
        workdays: 0,
        start: close_day,
        end: close_day,
        clause: Some(round.submission().clause.clone()),
        late: false,
    });
    Plan { items, latest_publicity_start: start.value, count_start_day, unknown_from: unknown, from_entered: false }
}

/// The plan from a publicity the unit has fixed (`start`..`end`): the review steps follow it, each from
/// the next working day; an item is `late` when it ends after the day the backward plan gives it.
pub fn forward_plan(
    round: &Round,
    cal: &WorkCalendar,
    steps: &[StepInput],
    count_start_day: bool,
    start: NaiveDate,
    end: NaiveDate,
) -> Plan {
    forward_from(backward_plan(round, cal, steps, count_start_day), cal, start, end)
}

/// [`forward_plan`] from a backward plan already made (its items give each step's latest day).
pub fn forward_from(backward: Plan, cal: &WorkCalendar, start: NaiveDate, end: NaiveDate) -> Plan {
    let mut unknown = backward.unknown_from;
    let mut note = |u: Option<NaiveDate>| {
        if let Some(u) = u {
            unknown = Some(unknown.map_or(u, |e: NaiveDate| e.min(u)));
        }
    };
    let mut items = Vec::with_capacity(backward.items.len());
    let mut cursor = end;
    for latest in &backward.items {
        let (s, e) = match latest.kind {
            PlanItemKind::Publicity => (start, end),
            PlanItemKind::Deadline => (latest.start, latest.end),
            PlanItemKind::Review if latest.workdays == 0 => (cursor, cursor),
            PlanItemKind::Review => {
                let s = cal.add_workdays(cursor, 1, false);
                note(s.unknown_from);
                let e = cal.add_workdays(s.value, latest.workdays, true);
                note(e.unknown_from);
                cursor = e.value;
                (s.value, e.value)
            }
        };
        let late = latest.kind != PlanItemKind::Deadline && e > latest.end;
        items.push(PlanItem { start: s, end: e, late, ..latest.clone() });
    }
    Plan { items, unknown_from: unknown, from_entered: true, ..backward }
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

    #[test]
    fn a_plan_from_entered_dates_marks_what_ends_too_late() {
        let (cal, round) = (WorkCalendar::builtin(), Round::builtin());
        // 1 + 2 review days: the publicity must end by 11-27 (see above).
        let on_time = forward_plan(&round, cal, &steps(&[1, 2]), true, d("2023-11-21"), d("2023-11-27"));
        assert!(on_time.from_entered && on_time.items.iter().all(|i| !i.late), "{on_time:?}");
        assert_eq!((on_time.items[1].start, on_time.items[2].end), (d("2023-11-28"), d("2023-11-30")));
        assert_eq!(on_time.latest_publicity_start, d("2023-11-21"));
        let late = forward_plan(&round, cal, &steps(&[1, 2]), true, d("2023-11-22"), d("2023-11-28"));
        let flags: Vec<bool> = late.items.iter().map(|i| i.late).collect();
        assert_eq!(flags, [true, true, true, false]);
        assert_eq!(late.items[2].end, d("2023-12-01"), "the last review would end on the close day");
    }
}
