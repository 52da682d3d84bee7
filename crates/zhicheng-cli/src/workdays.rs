//! `zhicheng workdays …`: working-day arithmetic over the official holiday calendar.

use chrono::{Datelike, NaiveDate};
use zhicheng_core::CoreError;
use zhicheng_core::calendar::{Answer, MAX_WORKDAYS, WorkCalendar};
use zhicheng_core::error::Detail;

use crate::WorkdaysCmd;

fn date(flag: &str, s: &str) -> Result<NaiveDate, CoreError> {
    let bad =
        |detail: String| CoreError::InvalidFile { path: None, location: flag.into(), detail: Detail::Text(detail) };
    let d = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        bad(words!("应为 YYYY-MM-DD 格式的日期，收到“{}”", "expected a date as YYYY-MM-DD, found “{}”", s))
    })?;
    if !(1900..=2999).contains(&d.year()) {
        return Err(bad(words!(
            "年份应在 1900 到 2999 之间，收到 {}",
            "the year must be between 1900 and 2999, found {}",
            d.year()
        )));
    }
    Ok(d)
}

fn days(n: u32) -> Result<u32, CoreError> {
    if n == 0 || n > MAX_WORKDAYS {
        return Err(CoreError::InvalidFile {
            path: None,
            location: "--days".into(),
            detail: Detail::Text(words!(
                "工作日数应在 1 到 {} 之间，收到 {}",
                "the number of working days must be between 1 and {}, found {}",
                MAX_WORKDAYS,
                n
            )),
        });
    }
    Ok(n)
}

fn warn<T>(a: &Answer<T>) {
    if let Some(d) = a.unknown_from {
        let last = WorkCalendar::builtin().years().map(|y| y.year).max().unwrap_or(0);
        match crate::lang() {
            zhicheng_core::text::Lang::Zh => errln!(
                "警告：{d} 所在年份的法定节假日安排本程序尚不知道（已知至 {last} 年），该部分按周一至周五为工作日估算，结果可能不准确。"
            ),
            zhicheng_core::text::Lang::En => errln!(
                "Warning: the official holidays of the year of {d} are not known to this app (known up to {last}); that part counts Monday to Friday as working days and may be wrong."
            ),
        }
    }
}

pub(crate) fn run(cmd: &WorkdaysCmd) -> Result<(), CoreError> {
    let cal = WorkCalendar::builtin();
    match cmd {
        WorkdaysCmd::Add { from, days: n, exclude_start } => {
            let a = cal.add_workdays(date("--from", from)?, days(*n)?, !exclude_start);
            outln!("{}", a.value);
            warn(&a);
        }
        WorkdaysCmd::LatestStart { end, days: n, exclude_start } => {
            let a = cal.latest_start(date("--end", end)?, days(*n)?, !exclude_start);
            outln!("{}", a.value);
            warn(&a);
        }
        WorkdaysCmd::Between { from, to } => {
            let a = cal.workdays_between(date("--from", from)?, date("--to", to)?);
            outln!("{}", a.value);
            warn(&a);
        }
    }
    Ok(())
}
