//! 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
//! (odd = male), and a check character over ISO 7064 MOD 11-2.

use chrono::NaiveDate;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

/// What a valid ID number says about its holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdInfo {
    pub birth_date: NaiveDate,
    pub male: bool,
}

/// Why an ID number is not valid. Messages are Chinese; the UI maps `code()` to its own catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdNumberError {
    #[error("身份证号应为18位，现为{0}位")]
    Length(usize),
    #[error("身份证号前17位应为数字，最后一位为数字或X")]
    Characters,
    #[error("身份证号中的出生日期（第7–14位）不是有效日期")]
    BirthDate,
    #[error("身份证号校验不通过：某一位可能录错，请对照证件逐位核对")]
    Checksum { expected: char },
}

impl IdNumberError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::Length(_) => "id_length",
            Self::Characters => "id_characters",
            Self::BirthDate => "id_birth_date",
            Self::Checksum { .. } => "id_checksum",
        }
    }
}

/// The check character that the first 17 digits call for.
pub fn check_char(first17: &[u8; 17]) -> char {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(d, w)| u32::from(d.wrapping_sub(b'0')) * w).sum();
    CHECK.get((sum % 11) as usize).copied().unwrap_or('?')
}

/// Checks an 18-character ID number. A lowercase `x` is read as `X`.
pub fn validate(id: &str) -> Result<IdInfo, IdNumberError> {
    let chars = id.chars().count();
    if chars != 18 {
        return Err(IdNumberError::Length(chars));
    }
    let Ok::<&[u8; 18], _>(b) = id.as_bytes().try_into() else {
        return Err(IdNumberError::Characters);
    };
    let (first17, [last]) = b.split_at(17) else { return Err(IdNumberError::Characters) };
    let Ok::<[u8; 17], _>(first17) = first17.try_into() else { return Err(IdNumberError::Characters) };
    if !first17.iter().all(u8::is_ascii_digit) {
        return Err(IdNumberError::Characters);
    }
    let last = (*last as char).to_ascii_uppercase();
    if !(last.is_ascii_digit() || last == 'X') {
        return Err(IdNumberError::Characters);
    }
    let num = |r: std::ops::Range<usize>| id.get(r).and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    let birth_date =
        NaiveDate::from_ymd_opt(num(6..10) as i32, num(10..12), num(12..14)).ok_or(IdNumberError::BirthDate)?;
    let expected = check_char(&first17);
    if expected != last {
        return Err(IdNumberError::Checksum { expected });
    }
    Ok(IdInfo { birth_date, male: first17[16].wrapping_sub(b'0') % 2 == 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Case {
        id: String,
        valid: bool,
        error: Option<String>,
        birth: Option<String>,
        male: Option<bool>,
    }

    /// The table is shared with the UI's tests (`ui/src/profile/idcard.test.ts`), so both checks agree.
    #[test]
    fn shared_table_of_id_numbers() {
        let text = include_str!("../../tests/data/id-numbers.json");
        let cases: Vec<Case> = serde_json::from_str(text).unwrap();
        assert!(cases.len() >= 12);
        for c in cases {
            let got = validate(&c.id);
            match (&got, c.valid) {
                (Ok(info), true) => {
                    if let Some(b) = &c.birth {
                        assert_eq!(&info.birth_date.format("%Y-%m-%d").to_string(), b, "{}", c.id);
                    }
                    if let Some(m) = c.male {
                        assert_eq!(info.male, m, "{}", c.id);
                    }
                }
                (Err(e), false) => assert_eq!(Some(e.code()), c.error.as_deref(), "{}", c.id),
                _ => panic!("{}: expected valid={}, got {:?}", c.id, c.valid, got),
            }
        }
    }

    #[test]
    fn every_wrong_check_character_is_caught() {
        let good = "11010519491231002X";
        for c in "0123456789".chars() {
            let id = format!("{}{}", &good[..17], c);
            assert!(matches!(validate(&id), Err(IdNumberError::Checksum { expected: 'X' })), "{id}");
        }
    }

    #[test]
    fn lowercase_x_is_accepted() {
        assert!(validate("11010519491231002x").is_ok());
    }

    #[test]
    fn non_ascii_input_is_an_error_not_a_panic() {
        assert_eq!(validate("一二三四五六七八九十一二三四五六七八"), Err(IdNumberError::Characters));
        assert_eq!(validate("１１０１０５１９４９１２３１００２X"), Err(IdNumberError::Characters));
    }
}
