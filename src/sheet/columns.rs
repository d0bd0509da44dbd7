//! The spreadsheet's columns and metadata rows: their names as written (the writer's header) and
//! as read (any case, spaces, `_` or `-` alike), and where a dataset field lives in the sheet.

/// One column. Sources come in numbered groups: `source`, `source url`, … then `source 2`,
/// `source url 2`, … for a position's second source, and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Issue,
    Category,
    Party,
    Stance,
    RedLine,
    Summary,
    Quote,
    Speaker,
    Conditions,
    Date,
    Confidence,
    /// A source's title, in group `n` (0 for the first).
    Source(usize),
    SourceUrl(usize),
    Publisher(usize),
    Published(usize),
    SourceId(usize),
    IssueId,
    IssueDescription,
    CategoryId,
    PartyId,
    PartyShort,
    /// Whether the position only adds to the party's standing one (`adds`).
    Adds,
    /// A milestone's title: a row with one is an event, not a position.
    Event,
    EventId,
}

/// The columns before the source groups, in the writer's order: what an editor fills in first.
pub const MAIN: [Col; 11] = [
    Col::Issue,
    Col::Category,
    Col::Party,
    Col::Stance,
    Col::RedLine,
    Col::Summary,
    Col::Quote,
    Col::Speaker,
    Col::Conditions,
    Col::Date,
    Col::Confidence,
];

/// After the source groups: ids and the rest, which the reader derives or leaves out when absent.
pub const EXTRA: [Col; 5] = [
    Col::IssueId,
    Col::IssueDescription,
    Col::CategoryId,
    Col::PartyId,
    Col::PartyShort,
];

/// Only in the sheet of a dataset with a position that only adds to the standing one.
pub const ADDS: [Col; 1] = [Col::Adds];

/// Last, only in the sheet of a dataset with events: an event row's title and id (its date and
/// sources are in the position columns of the same names).
pub const EVENTS: [Col; 2] = [Col::Event, Col::EventId];

/// The columns of source group `n`.
pub fn source_group(n: usize) -> [Col; 5] {
    [
        Col::Source(n),
        Col::SourceUrl(n),
        Col::Publisher(n),
        Col::Published(n),
        Col::SourceId(n),
    ]
}

impl Col {
    /// The name the writer gives the column (and the error messages use).
    pub fn name(self) -> String {
        let (base, group) = match self {
            Col::Issue => ("issue", 0),
            Col::Category => ("category", 0),
            Col::Party => ("party", 0),
            Col::Stance => ("stance", 0),
            Col::RedLine => ("red line", 0),
            Col::Summary => ("summary", 0),
            Col::Quote => ("quote", 0),
            Col::Speaker => ("speaker", 0),
            Col::Conditions => ("conditions", 0),
            Col::Date => ("date", 0),
            Col::Confidence => ("confidence", 0),
            Col::Source(n) => ("source", n),
            Col::SourceUrl(n) => ("source url", n),
            Col::Publisher(n) => ("publisher", n),
            Col::Published(n) => ("published", n),
            Col::SourceId(n) => ("source id", n),
            Col::IssueId => ("issue id", 0),
            Col::IssueDescription => ("issue description", 0),
            Col::CategoryId => ("category id", 0),
            Col::PartyId => ("party id", 0),
            Col::PartyShort => ("party short", 0),
            Col::Adds => ("adds", 0),
            Col::Event => ("event", 0),
            Col::EventId => ("event id", 0),
        };
        if group == 0 {
            base.to_string()
        } else {
            format!("{base} {}", group + 1)
        }
    }

    /// The source group the column belongs to, if it is a source's.
    pub fn group(&self) -> Option<usize> {
        match *self {
            Col::Source(g)
            | Col::SourceUrl(g)
            | Col::Publisher(g)
            | Col::Published(g)
            | Col::SourceId(g) => Some(g),
            _ => None,
        }
    }

    /// The column a header cell names, if any: `Red line`, `red_line` and `RED-LINE` alike;
    /// `source url 2` is the second source's URL.
    pub fn parse(header: &str) -> Option<Col> {
        let name = normalize(header);
        let (base, group) = match name.rsplit_once(' ') {
            Some((base, n)) if n.bytes().all(|b| b.is_ascii_digit()) => match n.parse::<usize>() {
                Ok(n) if (2..=MAX_SOURCES).contains(&n) => (base, n - 1),
                _ => return None,
            },
            _ => (name.as_str(), 0),
        };
        let col = match base {
            "issue" => Col::Issue,
            "category" => Col::Category,
            "party" => Col::Party,
            "stance" => Col::Stance,
            "red line" => Col::RedLine,
            "summary" => Col::Summary,
            "quote" => Col::Quote,
            "speaker" => Col::Speaker,
            "conditions" => Col::Conditions,
            "date" => Col::Date,
            "confidence" => Col::Confidence,
            "source" => Col::Source(group),
            "source url" => Col::SourceUrl(group),
            "publisher" => Col::Publisher(group),
            "published" => Col::Published(group),
            "source id" => Col::SourceId(group),
            "issue id" => Col::IssueId,
            "issue description" => Col::IssueDescription,
            "category id" => Col::CategoryId,
            "party id" => Col::PartyId,
            "party short" => Col::PartyShort,
            "adds" => Col::Adds,
            "event" => Col::Event,
            "event id" => Col::EventId,
            _ => return None,
        };
        let grouped = matches!(
            col,
            Col::Source(_)
                | Col::SourceUrl(_)
                | Col::Publisher(_)
                | Col::Published(_)
                | Col::SourceId(_)
        );
        (group == 0 || grouped).then_some(col)
    }
}

/// The highest source group number a header may name (`source url 1000`).
pub const MAX_SOURCES: usize = 1000;

/// Lower case, trimmed, `_` and `-` as spaces, runs of spaces as one.
pub fn normalize(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `name` as an id: lower-case ASCII letters and digits, other runs as `-`, at most 64 bytes;
/// `fallback` when nothing is left (a name in another script).
#[cfg(feature = "sheet")]
pub fn slug(name: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.truncate(56);
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// A red-line (or `adds`) cell: empty, no, false, 0 → false; yes, true, 1, x → true.
#[cfg(feature = "sheet")]
pub fn red_line(cell: &str) -> Option<bool> {
    match normalize(cell).as_str() {
        "" | "no" | "n" | "false" | "0" => Some(false),
        "yes" | "y" | "true" | "1" | "x" | "red line" => Some(true),
        _ => None,
    }
}
