//! A date written in another common form (`15/05/2025`, `15.05.2025`, `2025/5/15`), turned
//! into the `YYYY-MM-DD` the format asks for, to suggest in the message.

use crate::model::Date;

/// "write it as 2025-05-15" for a date in another common form; both readings when day and
/// month could be either (`05/04/2025`); `None` when it is not a date in any form.
pub fn suggestion(value: &str) -> Option<String> {
    let parts: Vec<&str> = value
        .trim()
        .split(['/', '.', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let numbers: Vec<u16> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [x, y, z] = numbers[..] else { return None };
    let long = |i: usize| parts[i].len() == 4;
    let readings: Vec<Date> = if long(0) {
        Date::new(x, y, z).into_iter().collect()
    } else if long(2) {
        // Day first (most of the world), else month first (the United States).
        let mut found: Vec<Date> = [Date::new(z, y, x), Date::new(z, x, y)]
            .into_iter()
            .flatten()
            .collect();
        found.dedup();
        found
    } else {
        return None;
    };
    match readings[..] {
        [one] => Some(format!("write it as {one}")),
        [a, b] => Some(format!("write it as {a} or {b}, whichever it is")),
        _ => None,
    }
}

// Beside the code, without a `mod tests`: the module graph test reads `super::` as the parent.
#[cfg(test)]
#[test]
fn common_forms_become_iso_dates() {
    let s = |v: &str| suggestion(v);
    assert_eq!(s("15/05/2025").as_deref(), Some("write it as 2025-05-15"));
    assert_eq!(s("15.5.2025").as_deref(), Some("write it as 2025-05-15"));
    assert_eq!(s("5/15/2025").as_deref(), Some("write it as 2025-05-15"));
    assert_eq!(s("2025/5/15").as_deref(), Some("write it as 2025-05-15"));
    assert_eq!(
        s("05/04/2025").as_deref(),
        Some("write it as 2025-04-05 or 2025-05-04, whichever it is")
    );
    assert_eq!(s("2025-02-30"), None);
    assert_eq!(s("soon"), None);
    assert_eq!(s("31/31/2025"), None);
}
