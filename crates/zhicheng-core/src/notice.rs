//! Finding the instants a notice gives (网上申报、缴费 windows) in its text, so that preparing for a
//! new round is "paste the notice, confirm the dates": `2023年11月3日17:00至2023年12月1日12:00`,
//! `11月3日17时至12月1日12时`, `2024年10月8日9:00起至11月5日17:30止`, `12：00—…`. Only dates with a time
//! of day are instants (a signature date or 截至2023年12月31日 is not). Each comes with the sentence it
//! was found in and, where the sentence says, which window and which edge it is; the user confirms.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use serde::Serialize;
use ts_rs::TS;

/// Which window a sentence is about, from its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WindowGuess {
    /// 网上申报
    Submission,
    /// 缴费
    Payment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Edge {
    Opens,
    Closes,
}

/// One instant found in the notice.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FoundInstant {
    /// Beijing wall time, as an RFC 3339 instant with +08:00.
    #[ts(type = "string")]
    pub at: DateTime<FixedOffset>,
    /// The words as the notice wrote them.
    pub written: String,
    /// The sentence it stands in.
    pub sentence: String,
    pub window: Option<WindowGuess>,
    pub edge: Option<Edge>,
}

struct Cursor<'a> {
    c: &'a [char],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.c.get(self.i).copied()
    }
    fn eat(&mut self, ch: char) -> bool {
        if self.peek() == Some(ch) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn spaces(&mut self) {
        while self.peek().is_some_and(|c| c == ' ' || c == '\u{3000}') {
            self.i += 1;
        }
    }
    fn number(&mut self, max_len: usize) -> Option<u32> {
        let start = self.i;
        let mut v: u32 = 0;
        while let Some(d) = self.peek().and_then(|c| c.to_digit(10)) {
            if self.i - start >= max_len {
                return None;
            }
            v = v * 10 + d;
            self.i += 1;
        }
        (self.i > start).then_some(v)
    }
}

/// A date with a time at `i`: `[YYYY年]M月D日[ ]H:MM | H时[MM分] | H点[MM分]`. `year` fills a missing year.
fn instant_at(chars: &[char], i: usize, year: Option<i32>) -> Option<(usize, i32, NaiveDate, u32, u32)> {
    let mut c = Cursor { c: chars, i };
    let first = c.number(4)?;
    let (y, month) = if c.eat('年') {
        let m = c.number(2)?;
        (i32::try_from(first).ok()?, m)
    } else {
        (year?, first)
    };
    if !c.eat('月') {
        return None;
    }
    let d = c.number(2)?;
    if !c.eat('日') {
        return None;
    }
    c.eat('（'); // 12月1日（周五）12:00 — skip a weekday in brackets
    if chars.get(c.i.wrapping_sub(1)) == Some(&'（') {
        while c.peek().is_some_and(|x| x != '）') {
            c.i += 1;
        }
        c.eat('）');
    }
    c.spaces();
    let mut afternoon = false;
    for word in ["上午", "下午", "中午", "晚上"] {
        let w: Vec<char> = word.chars().collect();
        if chars.get(c.i..c.i + w.len()) == Some(&w[..]) {
            c.i += w.len();
            afternoon = word == "下午" || word == "晚上";
        }
    }
    let mut h = c.number(2)?;
    if afternoon && h < 12 {
        h += 12; // 下午5:30 is 17:30
    }
    let min = if c.eat(':') || c.eat('：') {
        c.number(2)?
    } else if c.eat('时') || c.eat('点') {
        let save = c.i;
        match c.number(2) {
            Some(m) if c.eat('分') => m,
            _ => {
                c.i = save;
                0
            }
        }
    } else {
        return None;
    };
    let date = NaiveDate::from_ymd_opt(y, month, d)?;
    (h < 24 && min < 60).then_some((c.i, y, date, h, min))
}

fn sentences(text: &str) -> Vec<String> {
    let mut out = vec![];
    let mut cur = String::new();
    for ch in text.chars() {
        cur.push(ch);
        if matches!(ch, '。' | '；' | '\n' | '！' | '？') {
            let s = cur.trim().to_string();
            if !s.is_empty() {
                out.push(s);
            }
            cur.clear();
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// Every instant in `text`, in order.
pub fn extract(text: &str) -> Vec<FoundInstant> {
    let beijing = FixedOffset::east_opt(8 * 3600);
    let mut out = vec![];
    for sentence in sentences(text) {
        let chars: Vec<char> = sentence.chars().collect();
        let window = if sentence.contains("缴费") || sentence.contains("缴纳") {
            Some(WindowGuess::Payment)
        } else if sentence.contains("申报") {
            Some(WindowGuess::Submission)
        } else {
            None
        };
        let mut found: Vec<(usize, usize, DateTime<FixedOffset>)> = vec![];
        let mut year = None;
        let mut i = 0;
        while i < chars.len() {
            let starts_number = chars.get(i).is_some_and(|c| c.is_ascii_digit())
                && !(i > 0 && chars.get(i - 1).is_some_and(|c| c.is_ascii_digit()));
            if starts_number && let Some((end, y, date, h, m)) = instant_at(&chars, i, year) {
                year = Some(y);
                if let Some(at) = date.and_hms_opt(h, m, 0).and_then(|t| beijing?.from_local_datetime(&t).single()) {
                    found.push((i, end, at));
                }
                i = end;
                continue;
            }
            // A date without a time still sets the year for what follows (2023年11月3日至12月1日…).
            if starts_number && let Some(y) = year_of(&chars, i) {
                year = Some(y);
            }
            i += 1;
        }
        let range = |a: usize, b: usize| -> bool {
            let between: String = chars.get(a..b).unwrap_or_default().iter().collect();
            ["至", "到", "—", "－", "-", "~", "～"].iter().any(|s| between.contains(s)) && between.chars().count() <= 4
        };
        for (k, &(s, e, at)) in found.iter().enumerate() {
            let edge = match (k.checked_sub(1).and_then(|p| found.get(p)), found.get(k + 1)) {
                (_, Some(&(ns, _, _))) if range(e, ns) => Some(Edge::Opens),
                (Some(&(_, pe, _)), _) if range(pe, s) => Some(Edge::Closes),
                _ => None,
            };
            out.push(FoundInstant {
                at,
                written: chars.get(s..e).unwrap_or_default().iter().collect(),
                sentence: sentence.clone(),
                window: if edge.is_some() { window } else { None },
                edge,
            });
        }
    }
    out
}

fn year_of(chars: &[char], i: usize) -> Option<i32> {
    let mut c = Cursor { c: chars, i };
    let y = c.number(4)?;
    (c.eat('年') && (1990..=2999).contains(&y)).then(|| i32::try_from(y).ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn the_built_in_notice_gives_exactly_the_four_instants_of_round_2023() {
        let found = extract(include_str!("../data/notice-yjxf-2023-89.txt"));
        let got: Vec<(DateTime<FixedOffset>, Option<WindowGuess>, Option<Edge>)> =
            found.iter().map(|f| (f.at, f.window, f.edge)).collect();
        let round = crate::round::Round::builtin();
        let sub = round.window("submission").unwrap();
        let pay = round.window("payment").unwrap();
        assert_eq!(
            got,
            [
                (sub.opens_at, Some(WindowGuess::Submission), Some(Edge::Opens)),
                (sub.closes_at, Some(WindowGuess::Submission), Some(Edge::Closes)),
                (pay.opens_at, Some(WindowGuess::Payment), Some(Edge::Opens)),
                (pay.closes_at, Some(WindowGuess::Payment), Some(Edge::Closes)),
            ]
        );
        assert!(found[0].sentence.starts_with("网上申报时间为2023年11月3日17:00至2023年12月1日12:00"));
        assert_eq!(found[0].written, "2023年11月3日17:00");
    }

    #[test]
    fn reworded_notices() {
        // The year left out of the closing date, and hours written 时.
        let f = extract("网上申报时间：2024年11月4日17时至12月2日12时。");
        assert_eq!(
            f.iter().map(|x| (x.at, x.edge)).collect::<Vec<_>>(),
            [
                (at("2024-11-04T17:00:00+08:00"), Some(Edge::Opens)),
                (at("2024-12-02T12:00:00+08:00"), Some(Edge::Closes))
            ]
        );
        assert_eq!(f[0].window, Some(WindowGuess::Submission));
        // A dash for 至, a full-width colon, a weekday in brackets.
        let f = extract("请申报人于2024年12月6日（周五）12：00—2024年12月9日12：00缴纳评审费。");
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].at, f[0].window, f[0].edge),
            (at("2024-12-06T12:00:00+08:00"), Some(WindowGuess::Payment), Some(Edge::Opens))
        );
        assert_eq!(f[1].at, at("2024-12-09T12:00:00+08:00"));
        // 起…止, 点 and 分, 上午/下午 words.
        let f = extract("自2025年10月8日上午9点30分起至2025年11月5日下午17:30止开展网上申报。");
        assert_eq!(
            f.iter().map(|x| x.at).collect::<Vec<_>>(),
            [at("2025-10-08T09:30:00+08:00"), at("2025-11-05T17:30:00+08:00")]
        );
        assert_eq!(extract("申报截止时间为2025年11月5日下午5:30。")[0].at, at("2025-11-05T17:30:00+08:00"));
        // Dates without a time are not instants.
        assert!(extract("计算截至2023年12月31日。2023年11月2日").is_empty());
    }
}
