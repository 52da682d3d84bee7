//! The deadlines capability as one computation: the settings (kept in the workspace as
//! `deadlines.json`), the profile and an instant give everything the dashboard, the CLI and the
//! reminders need. The clock is a parameter; nothing here reads it.

//!
//! The deadlines domain, one folder: the holiday calendar and workday arithmetic ([`calendar`]),
//! rounds and their windows ([`round`]), the submission chain ([`chain`]), the backward plan
//! ([`plan`]) and the calendar export ([`ics`]); re-exported at the crate's root under their own names.

pub mod calendar;
pub mod chain;
pub mod ics;
pub mod plan;
pub mod round;

use crate::error::Rule;
use std::collections::BTreeSet;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::calendar::WorkCalendar;
use crate::chain::SubmissionChain;
use crate::eligibility::RulePack;
use crate::error::{CoreError, Result};
use crate::ics::DEFAULT_LEAD_MINUTES;
use crate::plan::{Plan, StepInput, backward_plan, forward_from};
use crate::profile::{ArchiveLocation, Profile};
use crate::publicity::{EndSource, Publicity};
use crate::round::{Round, WindowState, WindowStatus, beijing, beijing_midnight};

pub const SETTINGS_FILE: &str = "deadlines.json";

/// What the user chose on the deadlines page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct DeadlineSettings {
    pub version: u32,
    /// The id of the active round (the built-in one unless the user chose another).
    pub active_round: String,
    /// Rounds the user added or imported (a later notice).
    pub rounds: Vec<Round>,
    /// Reminder lead times, in minutes before each boundary.
    pub lead_minutes: Vec<u32>,
    /// Count the start day as the first working day when it is one.
    pub count_start_day: bool,
    /// Working days reserved for each review step of the chain, in chain order.
    pub step_days: Vec<u32>,
    /// Reminders already given (never twice for the same boundary and lead time).
    pub notified: BTreeSet<String>,
}

/// Bounds of the settings' numbers (a chain has at most a handful of steps).
const MAX_STEPS: usize = 20;
const MAX_LEAD_MINUTES: u32 = 60 * 24 * 60;

impl Default for DeadlineSettings {
    fn default() -> Self {
        Self {
            version: 1,
            active_round: Round::builtin().id,
            rounds: vec![],
            lead_minutes: DEFAULT_LEAD_MINUTES.to_vec(),
            count_start_day: true,
            step_days: vec![],
            notified: BTreeSet::new(),
        }
    }
}

impl DeadlineSettings {
    /// Parses `deadlines.json` and checks it as an import would: every saved round again (a hand-edited
    /// file could lack a submission window), and the numbers within their bounds.
    pub fn parse(text: &str) -> Result<Self> {
        let s: Self = crate::error::parse_json(text, None)?;
        for (i, r) in s.rounds.iter().enumerate() {
            r.check(None, &format!("rounds[{i}]."))?;
        }
        let bad = |location: &str, detail: Rule| CoreError::InvalidFile {
            path: None,
            location: location.into(),
            detail: detail.into(),
        };
        if s.step_days.len() > MAX_STEPS {
            return Err(bad("step_days", Rule::TooManySteps { max: MAX_STEPS, found: s.step_days.len() }));
        }
        if let Some(d) = s.step_days.iter().find(|&&d| d > 60) {
            return Err(bad("step_days", Rule::StepDaysRange { found: *d }));
        }
        if let Some(m) = s.lead_minutes.iter().find(|&&m| m == 0 || m > MAX_LEAD_MINUTES) {
            return Err(bad("lead_minutes", Rule::LeadRange { found: *m }));
        }
        Ok(s)
    }

    /// The built-in round first, then the user's.
    pub fn all_rounds(&self) -> Vec<Round> {
        let builtin = Round::builtin();
        let mut all = vec![builtin.clone()];
        all.extend(self.rounds.iter().filter(|r| r.id != builtin.id).cloned());
        all
    }

    pub fn active(&self) -> Round {
        let all = self.all_rounds();
        all.iter().find(|r| r.id == self.active_round).or_else(|| all.first()).cloned().unwrap_or_else(Round::builtin)
    }

    /// Adds a round or replaces the user's round with the same id; the built-in one cannot be replaced.
    pub fn upsert_round(&mut self, round: Round) -> Result<()> {
        if round.id == Round::builtin().id {
            return Err(CoreError::InvalidFile {
                path: None,
                location: "id".into(),
                detail: Rule::BuiltinRoundId { id: round.id.clone() }.into(),
            });
        }
        match self.rounds.iter_mut().find(|r| r.id == round.id) {
            Some(r) => *r = round,
            None => self.rounds.push(round),
        }
        Ok(())
    }
}

/// The choices the deadlines page edits (everything in the settings but the rounds and the record of
/// given reminders).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct DeadlinePreferences {
    pub active_round: String,
    pub lead_minutes: Vec<u32>,
    pub count_start_day: bool,
    pub step_days: Vec<u32>,
}

impl DeadlineSettings {
    pub fn preferences(&self) -> DeadlinePreferences {
        DeadlinePreferences {
            active_round: self.active_round.clone(),
            lead_minutes: self.lead_minutes.clone(),
            count_start_day: self.count_start_day,
            step_days: self.step_days.clone(),
        }
    }

    /// Applies the preferences after checking them; nothing changes when one is wrong.
    pub fn apply(&mut self, p: DeadlinePreferences) -> Result<()> {
        let bad = |location: &str, detail: Rule| CoreError::InvalidFile {
            path: None,
            location: location.into(),
            detail: detail.into(),
        };
        if !self.all_rounds().iter().any(|r| r.id == p.active_round) {
            return Err(bad("active_round", Rule::NoSuchRound { id: p.active_round.clone() }));
        }
        if p.lead_minutes.len() > 10 {
            return Err(bad("lead_minutes", Rule::TooManyLeads { max: 10 }));
        }
        if let Some(m) = p.lead_minutes.iter().find(|&&m| m == 0 || m > MAX_LEAD_MINUTES) {
            return Err(bad("lead_minutes", Rule::LeadRange { found: *m }));
        }
        if let Some(d) = p.step_days.iter().find(|&&d| d > 60) {
            return Err(bad("step_days", Rule::StepDaysRange { found: *d }));
        }
        let mut leads = p.lead_minutes;
        leads.sort_unstable_by(|a, b| b.cmp(a));
        leads.dedup();
        self.active_round = p.active_round;
        self.lead_minutes = leads;
        self.count_start_day = p.count_start_day;
        self.step_days = p.step_days;
        Ok(())
    }

    /// Removes a user round; the built-in one stays.
    pub fn remove_round(&mut self, id: &str) {
        self.rounds.retain(|r| r.id != id);
        if self.active_round == id {
            self.active_round = Round::builtin().id;
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoundSummary {
    pub id: String,
    pub title: String,
    pub notice: String,
    pub builtin: bool,
}

/// A reminder that is due now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reminder {
    /// The keys to record as given once shown (all lead times already passed for this boundary).
    pub keys: Vec<String>,
    pub window_id: String,
    pub boundary: WindowState,
    pub at: DateTime<FixedOffset>,
    /// Whole minutes left until `at` (the catalogues word it: 1天0小时 / 1 day 0 hours).
    #[ts(type = "number")]
    pub left_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DeadlineOverview {
    /// The instant this was computed for, in Beijing time.
    pub now: DateTime<FixedOffset>,
    pub round: RoundSummary,
    pub rounds: Vec<RoundSummary>,
    pub windows: Vec<WindowStatus>,
    /// Every window of the round has closed.
    pub round_over: bool,
    /// The chain's review steps (from the profile's employer kind) and the plan built on them.
    pub chain: Option<SubmissionChain>,
    pub plan: Plan,
    /// The unit publicity must begin on or before `plan.latest_publicity_start`; this is that deadline
    /// as a window that closes at the end of that day.
    pub publicity_start: WindowStatus,
    /// The unit's publicity against the close: from the start entered on 公示表, or from today.
    pub publicity: PublicityFit,
    pub reminders: Vec<Reminder>,
    pub settings: DeadlineSettings,
    /// The last year whose official holidays the app knows.
    pub holidays_known_until: i32,
}

/// Where the publicity start of [`PublicityFit`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StartSource {
    /// The start the user entered on 公示表 (`publicity.start`).
    Entered,
    /// None entered: what starting today (Beijing) would give.
    Today,
}

/// 三（三）3（1）: what the unit may not do with material that has not been publicised.
pub const UNPUBLICISED_TEXT: &str = "对……未经公示（含补报材料）、未按规定程序报送的申报材料，不得推荐上报。";

/// The unit publicity measured against the submission close (三（三）3（1）): when it ends, the last
/// day it may end for the chain's review steps to finish before the close, and by how many working
/// days it misses. Data only; the app and the CLI word it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PublicityFit {
    #[ts(type = "string")]
    pub start: NaiveDate,
    pub start_source: StartSource,
    /// The Nth working day from the start (or the end entered by hand beyond the holiday table).
    #[ts(type = "string")]
    pub end: NaiveDate,
    /// The latest start of the backward plan, and the day the publicity must end by.
    #[ts(type = "string")]
    pub latest_start: NaiveDate,
    #[ts(type = "string")]
    pub latest_end: NaiveDate,
    /// The publicity ends on or before `latest_end`.
    pub fits: bool,
    /// Working days from the day after `latest_end` to `end` (0 when it fits).
    pub working_days_late: u32,
    /// Today (Beijing) is after `latest_start`.
    pub latest_start_passed: bool,
    /// Some day of the computation lies in a year whose holidays the app does not know (Mon–Fri assumed).
    pub estimated: bool,
    pub workdays: u32,
    pub clause: String,
    /// The clause's words on publicity length and on what cannot be recommended.
    pub text: String,
    pub rule_text: String,
}

/// The publicity fit for `publicity` (the applicant file's, when any) at `today`, against `plan`.
pub fn publicity_fit(
    round: &Round,
    cal: &WorkCalendar,
    backward: &Plan,
    publicity: Option<&Publicity>,
    today: NaiveDate,
) -> PublicityFit {
    let n = round.unit_publicity_workdays.value;
    let latest_end = backward.items.first().map_or(backward.latest_publicity_start, |i| i.end);
    let entered = publicity.and_then(|p| p.start.map(|s| (s, p)));
    let (start, start_source) = match entered {
        Some((s, _)) => (s, StartSource::Entered),
        None => (today, StartSource::Today),
    };
    // An entered start ends where the publicity sheet says it ends (the day printed on it); starting
    // today follows the page's "count the start day" choice.
    // Beyond the holiday table, an end entered by hand is the one the sheet prints.
    let by_hand = entered.map(|(_, p)| p.period(cal)).filter(|p| p.source == EndSource::Entered).and_then(|p| p.end);
    let (end, mut estimated) = match by_hand {
        Some(e) => (e, false),
        None => {
            let counted = cal.add_workdays(start, n, entered.is_some() || backward.count_start_day);
            (counted.value, counted.unknown_from.is_some())
        }
    };
    let fits = end <= latest_end;
    let late = if fits {
        0
    } else {
        let a = cal.workdays_between(crate::plan::day_after(latest_end), end);
        estimated |= a.unknown_from.is_some();
        a.value
    };
    PublicityFit {
        start,
        start_source,
        end,
        latest_start: backward.latest_publicity_start,
        latest_end,
        fits,
        working_days_late: late,
        latest_start_passed: today > backward.latest_publicity_start,
        estimated: estimated || backward.unknown_from.is_some(),
        workdays: n,
        clause: round.unit_publicity_workdays.clause.clone(),
        text: round.unit_publicity_workdays.text.clone(),
        rule_text: UNPUBLICISED_TEXT.into(),
    }
}

/// The review steps of a chain: the nodes after the applicant, up to but not including 评委会 (which
/// receives the materials), each named by its node (the notice's words).
pub fn review_steps(chain: &SubmissionChain, days: &[u32]) -> Vec<StepInput> {
    let n = chain.nodes.len();
    chain
        .nodes
        .get(1..n.saturating_sub(1))
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, name)| StepInput { name: name.clone(), workdays: days.get(i).copied().unwrap_or(0) })
        .collect()
}

/// The overview with the built-in rule pack's submission chains.
pub fn overview(settings: &DeadlineSettings, profile: Option<&Profile>, now: DateTime<Utc>) -> DeadlineOverview {
    overview_with_pack(settings, profile, None, RulePack::builtin_ref(), now)
}

/// The overview with the chains of `pack` (the pack in force, which the user may have replaced), so the
/// plan and the assessment show the same chain.
pub fn overview_with_pack(
    settings: &DeadlineSettings,
    profile: Option<&Profile>,
    publicity: Option<&Publicity>,
    pack: &RulePack,
    now: DateTime<Utc>,
) -> DeadlineOverview {
    let cal = WorkCalendar::builtin();
    let round = settings.active();
    let chain = profile.and_then(|p| {
        p.employer_kind
            .and_then(|k| pack.chain_for(k, p.archive_location.unwrap_or(ArchiveLocation::Chongqing)).cloned())
    });
    let steps = chain.as_ref().map(|c| review_steps(c, &settings.step_days)).unwrap_or_default();
    let backward = backward_plan(&round, cal, &steps, settings.count_start_day);
    let fit = publicity_fit(&round, cal, &backward, publicity, beijing(now).date_naive());
    // The plan follows the dates the unit fixed when there are some; else the latest possible ones.
    let plan = match fit.start_source {
        StartSource::Entered => forward_from(backward, cal, fit.start, fit.end),
        StartSource::Today => backward,
    };
    let publicity_start = crate::round::Window {
        id: "publicity_start".into(),
        label: "单位公示最迟开始".into(),
        opens_at: round.submission().opens_at,
        closes_at: beijing_midnight(crate::plan::day_after(plan.latest_publicity_start)),
        clause: round.unit_publicity_workdays.clause.clone(),
        text: round.unit_publicity_workdays.text.clone(),
    }
    .status(now);
    let windows = round.statuses(now);
    let reminders = due_reminders(&windows, &settings.lead_minutes, &settings.notified, &round.id, now);
    let summary = |r: &Round| RoundSummary {
        id: r.id.clone(),
        title: r.title.clone(),
        notice: r.notice.clone(),
        builtin: r.id == Round::builtin().id,
    };
    DeadlineOverview {
        now: beijing(now),
        round: summary(&round),
        rounds: settings.all_rounds().iter().map(summary).collect(),
        round_over: round.is_over(now),
        windows,
        chain,
        plan,
        publicity_start,
        publicity: fit,
        reminders,
        settings: settings.clone(),
        holidays_known_until: cal.years().map(|y| y.year).max().unwrap_or(0),
    }
}

/// For each boundary (opening of an upcoming window, closing of an open one), the reminder that is due:
/// one per boundary even when several lead times have passed (e.g. the app was closed for days).
pub fn due_reminders(
    windows: &[WindowStatus],
    leads: &[u32],
    notified: &BTreeSet<String>,
    round_id: &str,
    now: DateTime<Utc>,
) -> Vec<Reminder> {
    let mut out = Vec::new();
    for w in windows {
        let (boundary, at) = match w.state {
            WindowState::Upcoming => (WindowState::Open, w.opens_at),
            WindowState::Open => (WindowState::Closed, w.closes_at),
            WindowState::Closed => continue,
        };
        let left = at.with_timezone(&Utc) - now;
        let keys: Vec<String> = leads
            .iter()
            .filter(|&&m| left <= Duration::minutes(m as i64))
            .map(|m| {
                format!("{round_id}:{}:{}:{m}", w.id, if boundary == WindowState::Open { "open" } else { "close" })
            })
            .filter(|k| !notified.contains(k))
            .collect();
        if keys.is_empty() {
            continue;
        }
        out.push(Reminder { keys, window_id: w.id.clone(), boundary, at, left_minutes: left.num_minutes().max(0) });
    }
    out
}

/// The date of the Nth working day, for the CLI and the calculator (re-exported for convenience).
pub fn nth_workday(from: NaiveDate, n: u32, count_start: bool) -> crate::calendar::Answer<NaiveDate> {
    WorkCalendar::builtin().add_workdays(from, n, count_start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::EmployerKind;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn the_overview_follows_the_profiles_chain() {
        let p = Profile { employer_kind: Some(EmployerKind::DistrictPublic), ..Default::default() };
        let s = DeadlineSettings { step_days: vec![1, 1, 1], ..Default::default() };
        let o = overview(&s, Some(&p), at("2023-11-20T09:00:00+08:00"));
        let c = o.chain.unwrap();
        assert_eq!(c.clause, "三（二）2");
        let names: Vec<_> = o.plan.items.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["单位公示", "所在单位", "单位主管部门", "区县人力社保（职改）部门", "网上申报"]);
        // Three review days (11-28, 29, 30) push the publicity to end on 11-27.
        assert_eq!(o.plan.latest_publicity_start.to_string(), "2023-11-21");
        assert_eq!(o.publicity_start.closes_at.to_rfc3339(), "2023-11-22T00:00:00+08:00");
        assert_eq!(o.publicity_start.state, WindowState::Open);
    }

    #[test]
    fn reminders_fire_once_per_boundary_and_lead() {
        let round = Round::builtin();
        let leads = DEFAULT_LEAD_MINUTES;
        let now = at("2023-11-30T12:00:00+08:00"); // 24 h before the close
        let w = round.statuses(now);
        let due = due_reminders(&w, &leads, &BTreeSet::new(), &round.id, now);
        assert_eq!(due.len(), 1, "only the submission close; payment opens in 5 days ({due:?})");
        let sub = due.iter().find(|r| r.window_id == "submission").unwrap();
        assert_eq!(sub.keys, ["cq-lvse-2023:submission:close:4320", "cq-lvse-2023:submission:close:1440"]);
        assert_eq!(sub.left_minutes, 24 * 60);
        let zh = crate::text::reminder(sub, "网上申报", crate::text::Lang::Zh);
        assert_eq!(zh, "网上申报将于2023年12月1日 12:00（北京时间）截止，还有1天0小时");
        let en = crate::text::reminder(sub, "Online submission", crate::text::Lang::En);
        assert_eq!(en, "Online submission closes on 1 Dec 2023, 12:00 Beijing time: 1 day 0 hours left");
        let given: BTreeSet<String> = due.iter().flat_map(|r| r.keys.clone()).collect();
        assert!(due_reminders(&w, &leads, &given, &round.id, now).is_empty(), "never twice");
        let later = at("2023-12-01T10:00:00+08:00");
        let again = due_reminders(&round.statuses(later), &leads, &given, &round.id, later);
        assert_eq!(
            again.iter().find(|r| r.window_id == "submission").unwrap().keys,
            ["cq-lvse-2023:submission:close:120"]
        );
    }

    #[test]
    fn a_finished_round_says_so_and_reminds_nothing() {
        let o = overview(&DeadlineSettings::default(), None, at("2026-11-28T09:00:00+08:00"));
        assert!(o.round_over);
        assert!(o.reminders.is_empty());
        assert!(o.windows.iter().all(|w| w.state == WindowState::Closed && w.seconds_to_close == 0));
    }

    #[test]
    fn the_built_in_round_cannot_be_replaced_and_user_rounds_are_kept() {
        let mut s = DeadlineSettings::default();
        assert!(s.upsert_round(Round::builtin()).is_err());
        let mut next = Round::builtin();
        next.id = "cq-lvse-2024".into();
        next.title = "2024".into();
        s.upsert_round(next.clone()).unwrap();
        s.active_round = "cq-lvse-2024".into();
        assert_eq!(s.active().title, "2024");
        assert_eq!(s.all_rounds().len(), 2);
        s.active_round = "gone".into();
        assert_eq!(s.active().id, Round::builtin().id, "an unknown id falls back to the built-in round");
    }

    #[test]
    fn preferences_are_checked_before_anything_changes() {
        let mut s = DeadlineSettings::default();
        let mut p = s.preferences();
        p.lead_minutes = vec![120, 0];
        assert!(s.apply(p.clone()).is_err());
        assert_eq!(s, DeadlineSettings::default());
        p.lead_minutes = vec![120, 4320, 120];
        p.step_days = vec![2, 1];
        s.apply(p).unwrap();
        assert_eq!(s.lead_minutes, [4320, 120]);
        assert_eq!(s.step_days, [2, 1]);
        let mut p = s.preferences();
        p.active_round = "nope".into();
        assert!(s.apply(p).is_err());
    }

    #[test]
    fn the_same_instant_gives_the_same_answer_in_any_zone() {
        // The process's TZ never enters: instants are UTC, display is Beijing.
        let o = overview(&DeadlineSettings::default(), None, at("2023-12-01T03:59:59Z"));
        assert_eq!(o.now.to_rfc3339(), "2023-12-01T11:59:59+08:00");
        assert_eq!(o.windows[0].state, WindowState::Open);
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn fit_from(round: &Round, start: Option<&str>, today: &str) -> PublicityFit {
        let cal = WorkCalendar::builtin();
        let plan = backward_plan(round, cal, &[], true);
        let p = start.map(|s| Publicity { start: Some(d(s)), ..Default::default() });
        publicity_fit(round, cal, &plan, p.as_ref(), d(today))
    }

    #[test]
    fn a_publicity_starting_on_the_last_possible_day_fits_and_one_working_day_later_does_not() {
        let r = Round::builtin();
        let last = fit_from(&r, Some("2023-11-24"), "2023-11-20");
        assert_eq!(
            (last.end, last.latest_end, last.fits, last.working_days_late),
            (d("2023-11-30"), d("2023-11-30"), true, 0)
        );
        // The next working day is Monday 11-27: the 5th working day is the close day itself.
        let late = fit_from(&r, Some("2023-11-27"), "2023-11-20");
        assert_eq!((late.end, late.fits, late.working_days_late), (d("2023-12-01"), false, 1));
        // The weekend between them changes nothing: a Saturday start counts from Monday.
        assert_eq!(fit_from(&r, Some("2023-11-25"), "2023-11-20").end, d("2023-12-01"));
        // The case of the issue: 11-28 ends 12-04, two working days after 11-30.
        let seen = fit_from(&r, Some("2023-11-28"), "2023-11-28");
        assert_eq!((seen.end, seen.fits, seen.working_days_late), (d("2023-12-04"), false, 2));
        assert_eq!(seen.start_source, StartSource::Entered);
        assert!(seen.latest_start_passed && !seen.estimated);
    }

    #[test]
    fn the_fit_counts_across_national_day_and_its_make_up_saturday() {
        // A round closing 2023-10-12: the publicity must end by 10-11; five working days ending then
        // are 10-07 (make-up Saturday), 10-08 (make-up Sunday), 10-09, 10-10, 10-11.
        let mut r = Round::builtin();
        r.windows.retain(|w| w.id == "submission");
        r.windows[0].opens_at = DateTime::parse_from_rfc3339("2023-09-01T09:00:00+08:00").unwrap();
        r.windows[0].closes_at = DateTime::parse_from_rfc3339("2023-10-12T12:00:00+08:00").unwrap();
        let on_saturday = fit_from(&r, Some("2023-10-07"), "2023-09-20");
        assert_eq!(
            (on_saturday.latest_start, on_saturday.end, on_saturday.fits),
            (d("2023-10-07"), d("2023-10-11"), true)
        );
        let next = fit_from(&r, Some("2023-10-08"), "2023-09-20");
        assert_eq!((next.end, next.fits, next.working_days_late), (d("2023-10-12"), false, 1));
        // Before the holiday: 9-28, then 10-07, 10-08, 10-09, 10-10 (the week of rest is not counted).
        let before = fit_from(&r, Some("2023-09-28"), "2023-09-20");
        assert_eq!((before.end, before.fits), (d("2023-10-10"), true));
        // Starting on a rest day of the holiday week counts from the make-up Saturday.
        assert_eq!(fit_from(&r, Some("2023-10-02"), "2023-09-20").end, d("2023-10-11"));
    }

    #[test]
    fn with_no_start_entered_the_fit_is_what_starting_today_gives() {
        let r = Round::builtin();
        // 2023-11-28 10:00: the latest start (11-24) has passed; starting today ends 12-04.
        let f = fit_from(&r, None, "2023-11-28");
        assert_eq!(f.start_source, StartSource::Today);
        assert_eq!(
            (f.start, f.end, f.latest_start, f.fits, f.working_days_late),
            (d("2023-11-28"), d("2023-12-04"), d("2023-11-24"), false, 2)
        );
        assert!(f.latest_start_passed);
        let early = fit_from(&r, None, "2023-11-24");
        assert!(early.fits && !early.latest_start_passed);
    }

    #[test]
    fn an_entered_start_drives_the_overview_and_its_plan() {
        let p = Publicity { start: Some(d("2023-11-28")), ..Default::default() };
        let o = overview_with_pack(
            &DeadlineSettings::default(),
            None,
            Some(&p),
            RulePack::builtin_ref(),
            at("2023-11-28T10:00:00+08:00"),
        );
        assert!(!o.publicity.fits && o.plan.from_entered);
        assert_eq!((o.plan.items[0].start, o.plan.items[0].end), (d("2023-11-28"), d("2023-12-04")));
        assert!(o.plan.items[0].late);
        assert_eq!(o.plan.latest_publicity_start, d("2023-11-24"), "the latest start is still said");
    }
}
