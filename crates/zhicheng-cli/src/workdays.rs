//! `zhicheng workdays …`: working-day arithmetic over the official holiday calendar.

use chrono::NaiveDate;
use zhicheng_core::CoreError;
use zhicheng_core::calendar::{Answer, WorkCalendar};

use crate::WorkdaysCmd;

fn date(flag: &str, s: &str) -> Result<NaiveDate, CoreError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| CoreError::InvalidFile {
        path: None,
        location: flag.to_string(),
        detail: format!("应为 YYYY-MM-DD 格式的日期，收到“{s}”"),
    })
}

fn days(n: u32) -> Result<u32, CoreError> {
    if n == 0 {
        return Err(CoreError::InvalidFile {
            path: None,
            location: "--days".into(),
            detail: "工作日数应至少为 1".into(),
        });
    }
    Ok(n)
}

fn warn<T>(a: &Answer<T>) {
    if let Some(d) = a.unknown_from {
        let last = WorkCalendar::builtin().years().map(|y| y.year).max().unwrap_or(0);
        eprintln!(
            "警告：{d} 所在年份的法定节假日安排本程序尚不知道（已知至 {last} 年），该部分按周一至周五为工作日估算，结果可能不准确。"
        );
    }
}

pub fn run(cmd: &WorkdaysCmd) -> Result<(), CoreError> {
    let cal = WorkCalendar::builtin();
    match cmd {
        WorkdaysCmd::Add { from, days: n, exclude_start } => {
            let a = cal.add_workdays(date("--from", from)?, days(*n)?, !exclude_start);
            println!("{}", a.value);
            warn(&a);
        }
        WorkdaysCmd::LatestStart { end, days: n, exclude_start } => {
            let a = cal.latest_start(date("--end", end)?, days(*n)?, !exclude_start);
            println!("{}", a.value);
            warn(&a);
        }
        WorkdaysCmd::Between { from, to } => {
            let a = cal.workdays_between(date("--from", from)?, date("--to", to)?);
            println!("{}", a.value);
            warn(&a);
        }
    }
    Ok(())
}
