//! A calendar month (`YYYY-MM`). The notice counts years of work and the achievement window
//! 对年对月 (by whole months, days ignored), so months are the unit of every date we store.

use std::fmt;
use std::str::FromStr;

use chrono::Datelike;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use ts_rs::TS;

/// A year and a month, written `YYYY-MM` in files and over IPC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "string")]
pub struct YearMonth {
    year: i32,
    month: u32,
}

/// Why a text is not a `YYYY-MM` month. `Display` is the Chinese; [`YearMonthError::words`] per
/// language. Inside a file it travels as its English through serde (the parser's messages are
/// English) and [`crate::error::serde_zh`] puts it back into Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearMonthError {
    Format(String),
    Month(u32),
    Year(i32),
}

impl YearMonthError {
    pub fn words(&self, lang: crate::Lang) -> String {
        use crate::Lang;
        match (self, lang) {
            (Self::Format(s), Lang::Zh) => format!("应为“YYYY-MM”格式的年月（例如 2016-07），收到“{s}”"),
            (Self::Month(m), Lang::Zh) => format!("月份应在 1 到 12 之间，收到 {m}"),
            (Self::Year(y), Lang::Zh) => format!("年份应在 1900 到 2999 之间，收到 {y}"),
            (Self::Format(s), Lang::En) => format!("expected a month as YYYY-MM (e.g. 2016-07), found “{s}”"),
            (Self::Month(m), Lang::En) => format!("the month must be between 1 and 12, found {m}"),
            (Self::Year(y), Lang::En) => format!("the year must be between 1900 and 2999, found {y}"),
        }
    }

    /// The error whose English is `msg` (as it comes back from serde), if it is one.
    pub fn from_english(msg: &str) -> Option<Self> {
        if let Some(rest) = msg.strip_prefix("expected a month as YYYY-MM (e.g. 2016-07), found “") {
            return rest.strip_suffix('”').map(|s| Self::Format(s.to_string()));
        }
        if let Some(rest) = msg.strip_prefix("the month must be between 1 and 12, found ") {
            return rest.parse().ok().map(Self::Month);
        }
        if let Some(rest) = msg.strip_prefix("the year must be between 1900 and 2999, found ") {
            return rest.parse().ok().map(Self::Year);
        }
        None
    }
}

impl fmt::Display for YearMonthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words(crate::Lang::Zh))
    }
}

impl std::error::Error for YearMonthError {}

impl YearMonth {
    /// The earliest and latest months a file may hold.
    pub const MIN: YearMonth = YearMonth { year: 1900, month: 1 };
    pub const MAX: YearMonth = YearMonth { year: 2999, month: 12 };

    pub fn new(year: i32, month: u32) -> Result<Self, YearMonthError> {
        if !(1..=12).contains(&month) {
            return Err(YearMonthError::Month(month));
        }
        if !(1900..=2999).contains(&year) {
            return Err(YearMonthError::Year(year));
        }
        Ok(Self { year, month })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u32 {
        self.month
    }

    /// The month that contains `date`.
    pub fn of_date(date: chrono::NaiveDate) -> Self {
        Self { year: date.year(), month: date.month() }
    }

    /// Whole months from `self` to `later` (negative when `later` is earlier): 2016-12 → 2023-12 is 84.
    pub fn months_until(self, later: YearMonth) -> i32 {
        (later.year - self.year) * 12 + later.month as i32 - self.month as i32
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = YearMonthError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let bad = || YearMonthError::Format(s.to_string());
        let (y, m) = t.split_once('-').ok_or_else(bad)?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return Err(bad());
        }
        if !y.bytes().all(|b| b.is_ascii_digit()) || !m.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        YearMonth::new(year, month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|e: YearMonthError| serde::de::Error::custom(e.words(crate::Lang::En)))
    }
}

impl schemars::JsonSchema for YearMonth {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "YearMonth".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-(0?[1-9]|1[0-2])$",
            "description": "年月，YYYY-MM"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let ym: YearMonth = "2016-07".parse().unwrap();
        assert_eq!((ym.year(), ym.month()), (2016, 7));
        assert_eq!(ym.to_string(), "2016-07");
        assert_eq!("2016-7".parse::<YearMonth>().unwrap().to_string(), "2016-07");
    }

    #[test]
    fn rejects_bad_text() {
        for bad in ["", "2016", "2016/07", "16-07", "2016-13", "2016-00", "abcd-01", "2016-07-01", "1899-12"] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad} should be rejected");
        }
        assert_eq!("2016-13".parse::<YearMonth>(), Err(YearMonthError::Month(13)));
    }

    #[test]
    fn counts_whole_months_as_the_notice_does() {
        let end: YearMonth = "2023-12".parse().unwrap();
        assert_eq!("2016-12".parse::<YearMonth>().unwrap().months_until(end), 84);
        assert_eq!("2017-01".parse::<YearMonth>().unwrap().months_until(end), 83);
        assert_eq!(end.months_until("2023-01".parse().unwrap()), -11);
    }

    #[test]
    fn serde_uses_the_text_form() {
        let ym: YearMonth = serde_json::from_str("\"2020-02\"").unwrap();
        assert_eq!(serde_json::to_string(&ym).unwrap(), "\"2020-02\"");
        assert!(serde_json::from_str::<YearMonth>("\"2020-14\"").is_err());
    }
}
