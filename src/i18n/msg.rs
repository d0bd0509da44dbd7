//! Every message of the widget's interface, as keys. Each language file lists every key with
//! its text through `messages!` (below), which does not compile when a key is missing,
//! repeated or out of order. Placeholders are `{0}`, `{1}`, … and `{n}` (a count).
//! A message with a count holds one form per plural category of its language, separated by
//! `|`, in the order `Lang::categories` gives (English: one|other; Ukrainian: one|few|many),
//! or once when it is the same in every form.

/// Declares `Msg` and `Msg::ALL` from one list, so the two cannot drift apart.
macro_rules! keys {
    ($($key:ident,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $($key,)*
        }

        impl Msg {
            /// Every key, for the tests that check each language has each one, with the same
            /// placeholders as English.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];
        }
    };
}

keys! {
    // Stances, confidence, statuses, sort orders.
    Supports,
    Open,
    Ambivalent,
    Sceptical,
    Opposes,
    NotStated,
    OnRecord,
    Reported,
    Inferred,
    MarkReported,
    MarkInferred,
    RedLineClash,
    Conflict,
    Agreement,
    Unclear,
    SortDataset,
    SortContested,
    SortAgreed,
    RedLine,
    CommonGround,
    Changed,
    // Summary and counts.
    SumClash,
    SumConflict,
    SumAgreement,
    SumCommon,
    SumShown,
    ShowingIssues,
    NoMatch,
    ResetFilters,
    // Filters.
    Filters,
    FiltersOn,
    FilterTheMatrix,
    FilterIssues,
    SearchExample,
    Category,
    AllCategories,
    SortBy,
    PartiesShown,
    ShowOnly,
    OnlyConflicts,
    OnlyRedLines,
    // Time.
    AsOf,
    ChangedSince,
    Latest,
    MarkNoChanges,
    DateAndEvents,
    NoChange,
    PositionsChanged,
    StatusChanged,
    StatusChange,
    BeforeAfter,
    // Between the items of a list in a sentence ("Crimea: …; NATO: …").
    ListSeparator,
    WithRedLine,
    // The matrix and its cells.
    MatrixRegion,
    AsOfCaption,
    Issue,
    Status,
    ShowMoreIssues,
    NotShownYet,
    // A party's name before its cell, in the card layout ("Russia:").
    Labelled,
    CellName,
    EarlierPositions,
    ChangedSinceName,
    // A cell's details.
    DetailTitle,
    Quoted,
    // Before a meaning, a publisher or a speaker (" — ", German " – ").
    Dash,
    Close,
    CloseDetails,
    Date,
    Speaker,
    Conditions,
    Sources,
    Current,
    ChangedSinceDetail,
    Timeline,
    AllPositions,
    EarlierHeading,
    // The legend and key.
    HowToRead,
    Stances,
    NotStatedMeaning,
    RedLineAndConfidence,
    RedLineMeaning,
    OnRecordMeaning,
    ReportedMeaning,
    InferredMeaning,
    StatusOfIssue,
    ClashMeaning,
    ConflictMeaning,
    AgreementMeaning,
    UnclearMeaning,
    // Party against party.
    PartyAgainstParty,
    ShareExplained,
    PairsMostAgreement,
    ShowMorePairs,
    Compare,
    With,
    ChooseParty,
    RedLineClashes,
    TheyDiffer,
    TheyAgree,
    NoneListed,
    AndMore,
    PairShare,
    PairClashes,
    NoJointIssue,
    AgreementBetween,
    Party,
    NotApplicable,
    OfJoint,
    Clashes,
    // Footer.
    Method,
    DataAsOf,
    PositionCount,
    SourceCount,
    DownloadJson,
    DownloadCsv,
    DownloadSvg,
    DownloadPng,
    Embed,
    EmbedHelp,
    EmbedTitle,
    // Loading and errors.
    Loading,
    LoadingFrom,
    CouldNotLoad,
    Requested,
    WhatWentWrong,
    BundledDataset,
    MoreProblems,
    FormatGuide,
    ShowBundled,
    Crashed,
    Reload,
    LoadBadUrl,
    LoadMalformed,
    LoadOrigin,
    LoadNetwork,
    LoadTimeout,
    LoadStatus,
    // A file size: {0} whole megabytes, {1} tenths ("2.4 MB", "2,4 Mo").
    Megabytes,
    LoadTooLarge,
    LoadBadOptions,
    LoadInvalid,
    // Dataset problems (the values are quoted as the file has them).
    ErrSyntax,
    ErrFileTooLarge,
    ErrTooMany,
    ErrTooLong,
    ErrWrongType,
    ErrMissing,
    ErrUnknownFieldDidYouMean,
    ErrUnknownField,
    ErrDuplicateField,
    ErrEmpty,
    ErrEmptyList,
    ErrBadId,
    ErrDuplicateId,
    ErrUnknownRefNone,
    ErrUnknownRef,
    MoreIds,
    ErrRepeatedRef,
    ErrBadDate,
    ErrUnknownValue,
    ErrBadUrl,
    ErrBadLanguage,
    ErrRedLineOffSide,
    ErrUnsupportedFormat,
    ErrDuplicatePosition,
    // Page.
    AboutData,
    // In plain words (src/share/words.rs).
    ListAnd,
    ReadAsText,
    InPlainWords,
    NameReported,
    NameInferred,
    TextIssues,
    // "Open" as a label before a list of parties: a verb in Ukrainian and Russian, which
    // agrees with the number of parties named (`Lang::n` with 1 or 2).
    OpenGroup,
    // Dates in words (`Lang::date`): the month names as the date writes them (genitive in
    // Ukrainian and Russian), separated by spaces, and the order of day, month and year.
    Months,
    DateFormat,
    // A whole percentage, as `Intl.NumberFormat` writes it (`Lang::percent`).
    Percent,
}

/// A language file: every message by its key, in `Msg` order. It compiles to one string, the
/// messages each followed by U+001E, with no table of pointers: that table cost about 0.8 kB
/// gzip per language (measured; see BENCHMARKS.md). A message missing, repeated or out of
/// order does not compile.
macro_rules! messages {
    ($($key:ident => $text:literal,)*) => {
        /// Every message in `Msg` order, each followed by U+001E.
        pub const TEXT: &str = concat!($($text, "\u{1e}",)*);
        const _: () = {
            let keys = [$(super::msg::Msg::$key as usize,)*];
            assert!(keys.len() == super::msg::Msg::ALL.len(), "a language lacks a message, or has one twice");
            let mut i = 0;
            while i < keys.len() {
                assert!(keys[i] == i, "a message out of Msg order");
                i += 1;
            }
        };
    };
}
pub(crate) use messages;
