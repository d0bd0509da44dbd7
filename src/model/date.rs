//! Calendar dates as the dataset writes them (`YYYY-MM-DD`), ordered and checked for real days.

use std::fmt;

/// A calendar date that exists (leap years included). Field order makes the derived ordering
/// chronological; the fields are private, so every `Date` went through `Date::new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Reads `YYYY-MM-DD`; `None` unless it names a day that exists (leap years included).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = &text[range];
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        Date::new(num(0..4)?, num(5..7)?, num(8..10)?)
    }

    /// The date `year`-`month`-`day`, or `None` unless that day exists (years 1–9999).
    pub fn new(year: u16, month: u16, day: u16) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days_in_month).contains(&day)).then_some(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// A number that orders dates like the dates themselves (not a day count: months are
    /// counted as 31 days), below 2^22.
    pub fn ordinal(&self) -> u32 {
        u32::from(self.year) * 372 + u32::from(self.month - 1) * 31 + u32::from(self.day - 1)
    }

    /// The date an `ordinal` stands for.
    pub fn from_ordinal(ordinal: u32) -> Option<Date> {
        let year = u16::try_from(ordinal / 372).ok()?;
        Date::new(
            year,
            (ordinal % 372 / 31 + 1) as u16,
            (ordinal % 31 + 1) as u16,
        )
    }

    pub fn year(&self) -> u16 {
        self.year
    }

    /// 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }

    pub fn day(&self) -> u8 {
        self.day
    }
}

/// Written as the dataset writes it, `"2025-04-17"` (in the view a host page reads).
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
