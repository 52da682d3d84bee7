//! Export of a round's deadlines and the backward plan as an iCalendar file (RFC 5545) with alarms,
//! which Outlook, Apple Calendar and Google Calendar import. Times are written in UTC (`...Z`), which
//! every client converts to its own zone; the summaries say the Beijing time in words.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use icalendar::{Alarm, Calendar, Component, Event, EventLike, Related};

use crate::lang::Lang;
use crate::plan::{Plan, PlanItemKind};
use crate::round::{Round, window_label};

/// Lead times of the reminders, in minutes before each boundary (defaults: 3 days, 1 day, 2 hours).
pub const DEFAULT_LEAD_MINUTES: [u32; 3] = [3 * 24 * 60, 24 * 60, 120];

fn beijing_words(t: DateTime<FixedOffset>, lang: Lang) -> String {
    match lang {
        Lang::Zh => t.format("%Y年%-m月%-d日 %H:%M（北京时间）").to_string(),
        Lang::En => t.format("%Y-%m-%d %H:%M (Beijing time)").to_string(),
    }
}

fn lead_words(minutes: u32, lang: Lang) -> String {
    let (n, zh, en) = if minutes.is_multiple_of(24 * 60) {
        (minutes / (24 * 60), "天", "day")
    } else if minutes.is_multiple_of(60) {
        (minutes / 60, "小时", "hour")
    } else {
        (minutes, "分钟", "minute")
    };
    match lang {
        Lang::Zh => format!("{n}{zh}"),
        Lang::En if n == 1 => format!("1 {en}"),
        Lang::En => format!("{n} {en}s"),
    }
}

fn instant(
    uid: String,
    summary: String,
    description: String,
    at: DateTime<FixedOffset>,
    leads: &[u32],
    lang: Lang,
) -> Event {
    let at_utc = at.with_timezone(&Utc);
    let mut e = Event::new();
    e.uid(&uid).summary(&summary).description(&description).starts(at_utc).ends(at_utc + Duration::minutes(15));
    for &m in leads {
        e.alarm(Alarm::display(
            &match lang {
                Lang::Zh => format!("{summary}：还有{}", lead_words(m, lang)),
                Lang::En => format!("{summary}: {} left", lead_words(m, lang)),
            },
            (-Duration::minutes(m as i64), Related::Start),
        ));
    }
    e.done()
}

/// The calendar text in `lang`: every window's opening and closing, and the plan's dates as all-day
/// events. The notice's own sentence (a window's `text`), the round's title and the chain's nodes stay
/// as the notice writes them.
pub fn export(round: &Round, plan: Option<&Plan>, leads: &[u32], lang: Lang) -> String {
    let mut cal = Calendar::new();
    cal.name(&match lang {
        Lang::Zh => format!("{}（{}）", round.title, round.notice),
        Lang::En => format!("{} ({})", round.title, round.notice),
    });
    for w in &round.windows {
        let label = window_label(&w.id, &w.label, lang);
        let cite = match lang {
            Lang::Zh => format!("依据：{} {}", round.notice, w.clause),
            Lang::En => format!("Basis: {} {}", round.notice, w.clause),
        };
        let (opens, closes) = match lang {
            Lang::Zh => (format!("{label}开始"), format!("{label}截止")),
            Lang::En => (format!("{label} opens"), format!("{label} closes")),
        };
        cal.push(instant(
            format!("{}-{}-open@zhicheng", round.id, w.id),
            format!("{opens} {}", beijing_words(w.opens_at, lang)),
            format!("{}\n{}", w.text, cite),
            w.opens_at,
            &[],
            lang,
        ));
        cal.push(instant(
            format!("{}-{}-close@zhicheng", round.id, w.id),
            format!("{closes} {}", beijing_words(w.closes_at, lang)),
            format!("{}\n{}", w.text, cite),
            w.closes_at,
            leads,
            lang,
        ));
    }
    if let Some(plan) = plan {
        for (i, item) in plan.items.iter().enumerate() {
            if item.kind == PlanItemKind::Deadline {
                continue;
            }
            let days = |n: u32| if n == 1 { "1 working day".to_string() } else { format!("{n} working days") };
            let summary = match (&item.kind, lang) {
                (PlanItemKind::Publicity, Lang::Zh) => {
                    format!("单位公示（不少于{}个工作日）最迟开始", item.workdays)
                }
                (PlanItemKind::Publicity, Lang::En) => {
                    format!("Latest start of the unit's publicity (at least {})", days(item.workdays))
                }
                (_, Lang::Zh) => format!("{}审核（计划{}个工作日）", item.name, item.workdays),
                (_, Lang::En) => format!("Review by {} ({} planned)", item.name, days(item.workdays)),
            };
            let (plan_words, basis) = match lang {
                Lang::Zh => ("倒排计划", "依据"),
                Lang::En => ("Backward plan", "Basis"),
            };
            let mut e = Event::new();
            e.uid(&format!("{}-plan-{i}@zhicheng", round.id))
                .summary(&summary)
                .description(&match lang {
                    Lang::Zh => format!(
                        "{plan_words}：{} 至 {}{}",
                        item.start,
                        item.end,
                        item.clause.as_ref().map(|c| format!("\n{basis}：{} {c}", round.notice)).unwrap_or_default()
                    ),
                    Lang::En => format!(
                        "{plan_words}: {} to {}{}",
                        item.start,
                        item.end,
                        item.clause.as_ref().map(|c| format!("\n{basis}: {} {c}", round.notice)).unwrap_or_default()
                    ),
                })
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
        let text = export(&round, Some(&plan), &DEFAULT_LEAD_MINUTES, Lang::Zh);
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
    fn the_english_export_says_the_same_in_english() {
        let round = Round::builtin();
        let plan = backward_plan(&round, WorkCalendar::builtin(), &[], true);
        let text = export(&round, Some(&plan), &DEFAULT_LEAD_MINUTES, Lang::En);
        let parsed: icalendar::Calendar = text.parse().expect("valid iCalendar");
        let events: Vec<&Event> = parsed.components.iter().filter_map(|c| c.as_event()).collect();
        assert_eq!(events.len(), 5);
        let close = events.iter().find(|e| e.get_uid() == Some("cq-lvse-2023-submission-close@zhicheng")).unwrap();
        assert_eq!(close.get_summary(), Some("Online submission closes 2023-12-01 12:00 (Beijing time)"));
        let publicity = events.iter().find(|e| e.get_summary().unwrap().contains("unit's publicity")).unwrap();
        assert_eq!(publicity.get_summary(), Some("Latest start of the unit's publicity (at least 5 working days)"));
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(": 3 days left") && unfolded.contains(": 2 hours left"), "{text}");
        // What is ours is English; the notice's sentences and numbers stay as the notice writes them.
        for e in &events {
            assert!(!crate::text::has_cjk(e.get_summary().unwrap()), "{:?}", e.get_summary());
        }
        assert_eq!(lead_words(60, Lang::En), "1 hour");
    }

    #[test]
    fn lead_times_are_written_in_words() {
        assert_eq!(lead_words(4320, Lang::Zh), "3天");
        assert_eq!(lead_words(120, Lang::Zh), "2小时");
        assert_eq!(lead_words(30, Lang::Zh), "30分钟");
    }
}
