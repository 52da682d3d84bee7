//! Export of a round's deadlines and the backward plan as an iCalendar file (RFC 5545) with alarms,
//! which Outlook, Apple Calendar and Google Calendar import. Times are written in UTC (`...Z`), which
//! every client converts to its own zone; the summaries say the Beijing time in words.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Related};

use crate::plan::{Plan, PlanItemKind};
use crate::round::Round;

/// Lead times of the reminders, in minutes before each boundary (defaults: 3 days, 1 day, 2 hours).
pub const DEFAULT_LEAD_MINUTES: [u32; 3] = [3 * 24 * 60, 24 * 60, 120];

fn beijing_words(t: DateTime<FixedOffset>) -> String {
    t.format("%Y年%-m月%-d日 %H:%M（北京时间）").to_string()
}

fn lead_words(minutes: u32) -> String {
    if minutes.is_multiple_of(24 * 60) {
        format!("{}天", minutes / (24 * 60))
    } else if minutes.is_multiple_of(60) {
        format!("{}小时", minutes / 60)
    } else {
        format!("{minutes}分钟")
    }
}

fn instant(uid: String, summary: String, description: String, at: DateTime<FixedOffset>, leads: &[u32]) -> Event {
    let at_utc = at.with_timezone(&Utc);
    let mut e = Event::new();
    e.uid(&uid).summary(&summary).description(&description).starts(at_utc).ends(at_utc + Duration::minutes(15));
    for &m in leads {
        e.alarm(Alarm::display(
            &format!("{summary}：还有{}", lead_words(m)),
            (-Duration::minutes(m as i64), Related::Start),
        ));
    }
    e.done()
}

/// The calendar text: every window's opening and closing, and the plan's dates as all-day events.
pub fn export(round: &Round, plan: Option<&Plan>, leads: &[u32]) -> String {
    let mut cal = Calendar::new();
    cal.name(&format!("{}（{}）", round.title, round.notice));
    for w in &round.windows {
        let cite = format!("依据：{} {}", round.notice, w.clause);
        cal.push(instant(
            format!("{}-{}-open@zhicheng", round.id, w.id),
            format!("{}开始 {}", w.label, beijing_words(w.opens_at)),
            format!("{}\n{}", w.text, cite),
            w.opens_at,
            &[],
        ));
        cal.push(instant(
            format!("{}-{}-close@zhicheng", round.id, w.id),
            format!("{}截止 {}", w.label, beijing_words(w.closes_at)),
            format!("{}\n{}", w.text, cite),
            w.closes_at,
            leads,
        ));
    }
    if let Some(plan) = plan {
        for (i, item) in plan.items.iter().enumerate() {
            if item.kind == PlanItemKind::Deadline {
                continue;
            }
            let summary = match item.kind {
                PlanItemKind::Publicity => format!("单位公示（不少于{}个工作日）最迟开始", item.workdays),
                _ => format!("{}审核（计划{}个工作日）", item.name, item.workdays),
            };
            let mut e = Event::new();
            e.uid(&format!("{}-plan-{i}@zhicheng", round.id))
                .summary(&summary)
                .description(&format!(
                    "倒排计划：{} 至 {}{}",
                    item.start,
                    item.end,
                    item.clause.as_ref().map(|c| format!("\n依据：{} {c}", round.notice)).unwrap_or_default()
                ))
                .all_day(item.start);
            if item.kind == PlanItemKind::Publicity {
                e.alarm(Alarm::display(&summary, (-Duration::days(1), Related::Start)));
            }
            cal.push(e.done());
        }
    }
    cal.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::WorkCalendar;
    use crate::plan::backward_plan;

    #[test]
    fn the_export_parses_back_with_every_deadline_and_alarm() {
        let round = Round::builtin();
        let plan = backward_plan(&round, WorkCalendar::builtin(), &[], true);
        let text = export(&round, Some(&plan), &DEFAULT_LEAD_MINUTES);
        let parsed: icalendar::Calendar = text.parse().expect("valid iCalendar");
        let events: Vec<&Event> = parsed.components.iter().filter_map(|c| c.as_event()).collect();
        // 2 windows × (open, close) + the publicity start.
        assert_eq!(events.len(), 5);
        let close = events.iter().find(|e| e.get_uid() == Some("cq-lvse-2023-submission-close@zhicheng")).unwrap();
        assert!(close.get_summary().unwrap().contains("2023年12月1日 12:00（北京时间）"));
        match close.get_start().unwrap() {
            icalendar::DatePerhapsTime::DateTime(icalendar::CalendarDateTime::Utc(t)) => {
                assert_eq!(t.to_rfc3339(), "2023-12-01T04:00:00+00:00")
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(text.matches("BEGIN:VALARM").count(), 2 * 3 + 1);
        assert!(text.contains("TRIGGER;RELATED=START:-PT259200S"), "3 days before: {text}");
        let publicity = events.iter().find(|e| e.get_summary().unwrap().contains("单位公示")).unwrap();
        assert_eq!(publicity.get_start(), Some(icalendar::DatePerhapsTime::Date("2023-11-24".parse().unwrap())));
    }

    #[test]
    fn lead_times_are_written_in_words() {
        assert_eq!(lead_words(4320), "3天");
        assert_eq!(lead_words(120), "2小时");
        assert_eq!(lead_words(30), "30分钟");
    }
}
