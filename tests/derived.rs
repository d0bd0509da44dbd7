//! The widget's derived values: each part is recomputed exactly when one of its inputs
//! changed, and what is reused equals what a fresh computation gives.

use stance_matrix::model::{parse, Date, BUNDLED};
use stance_matrix::state::derived::Derived;
use stance_matrix::state::loaded::Data;
use stance_matrix::state::view_state::{Action, CellRef, SortOrder, ViewState};
use std::rc::Rc;

fn bundled() -> Data {
    Data::checked(parse(BUNDLED), None).expect("the bundled dataset is valid")
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// Which parts of `b` are the very same values as in `a` (not recomputed).
fn reused(a: &Derived, b: &Derived) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name, same| {
        if same {
            out.push(name)
        }
    };
    check("data", a.data == b.data);
    check("mask", Rc::ptr_eq(&a.mask, &b.mask));
    check("parties", Rc::ptr_eq(&a.parties, &b.parties));
    check("analyses", Rc::ptr_eq(&a.analyses, &b.analyses));
    check("rows", Rc::ptr_eq(&a.rows, &b.rows));
    check("order", Rc::ptr_eq(&a.order, &b.order));
    check(
        "before",
        matches!((&a.before, &b.before), (Some(x), Some(y)) if Rc::ptr_eq(x, y)),
    );
    out
}

/// The same values as a fresh computation for the same state.
fn assert_fresh(full: &Data, d: &Derived, state: &ViewState) {
    let fresh = Derived::new(full, state);
    assert_eq!(*d.mask, *fresh.mask);
    assert_eq!(*d.parties, *fresh.parties);
    assert_eq!(*d.analyses, *fresh.analyses);
    assert_eq!(*d.rows, *fresh.rows);
    assert_eq!(*d.order, *fresh.order);
    assert_eq!(
        d.data.dataset.positions().len(),
        fresh.data.dataset.positions().len()
    );
    assert_eq!(
        d.changes.as_ref().map(|c| c.cells.len()),
        fresh.changes.as_ref().map(|c| c.cells.len())
    );
    assert_eq!(
        d.before_analyses.as_deref(),
        fresh.before_analyses.as_deref()
    );
}

#[test]
fn the_same_state_recomputes_nothing() {
    let full = bundled();
    let state = ViewState::default().apply(Action::SetSince(Some(date("2025-03-20"))));
    let a = Derived::new(&full, &state);
    let b = a.update(&full, &state);
    assert_eq!(
        reused(&a, &b),
        ["data", "mask", "parties", "analyses", "rows", "order", "before"]
    );
}

#[test]
fn typing_a_query_recomputes_only_the_rows() {
    let full = bundled();
    let a = Derived::new(&full, &ViewState::default());
    let state = ViewState::default().apply(Action::SetQuery("crimea".into()));
    let b = a.update(&full, &state);
    assert_eq!(
        reused(&a, &b),
        ["data", "mask", "parties", "analyses", "order"]
    );
    assert!(b.rows.len() < a.rows.len(), "the query narrows the rows");
    assert_fresh(&full, &b, &state);
}

#[test]
fn opening_a_cell_recomputes_nothing() {
    let full = bundled();
    let a = Derived::new(&full, &ViewState::default());
    let ds = &full.dataset;
    let state = ViewState::default().apply(Action::OpenCell(CellRef {
        issue: ds.issues()[0].id.clone(),
        party: ds.parties()[0].id.clone(),
    }));
    let b = a.update(&full, &state);
    assert_eq!(
        reused(&a, &b),
        ["data", "mask", "parties", "analyses", "rows", "order"]
    );
}

#[test]
fn sorting_recomputes_rows_and_order_but_not_the_analyses() {
    let full = bundled();
    let a = Derived::new(&full, &ViewState::default());
    let state = ViewState::default().apply(Action::SetSort(SortOrder::Contested));
    let b = a.update(&full, &state);
    assert_eq!(reused(&a, &b), ["data", "mask", "parties", "analyses"]);
    assert_fresh(&full, &b, &state);
}

#[test]
fn moving_as_of_recomputes_the_dataset_and_what_follows_but_not_the_mask() {
    let full = bundled();
    let a = Derived::new(&full, &ViewState::default());
    let state = ViewState::default().apply(Action::SetAsOf(Some(date("2025-03-12"))));
    let b = a.update(&full, &state);
    assert_eq!(reused(&a, &b), ["mask", "parties"]);
    assert!(b.data.dataset.positions().len() < a.data.dataset.positions().len());
    assert_fresh(&full, &b, &state);
}

#[test]
fn hiding_a_party_recomputes_the_mask_and_the_analyses_then_and_now() {
    let full = bundled();
    let since = ViewState::default().apply(Action::SetSince(Some(date("2025-03-20"))));
    let a = Derived::new(&full, &since);
    let party = full.dataset.parties()[1].id.clone();
    let state = since.apply(Action::ToggleParty(party));
    let b = a.update(&full, &state);
    assert_eq!(reused(&a, &b), ["data", "before"]);
    assert_eq!(b.parties.len() + 1, a.parties.len());
    assert!(!Rc::ptr_eq(
        a.before_analyses.as_ref().unwrap(),
        b.before_analyses.as_ref().unwrap()
    ));
    assert_fresh(&full, &b, &state);
}

#[test]
fn changed_since_is_derived_when_set_and_dropped_when_cleared() {
    let full = bundled();
    let a = Derived::new(&full, &ViewState::default());
    assert!(a.before.is_none() && a.changes.is_none() && a.before_analyses.is_none());
    let state = ViewState::default().apply(Action::SetSince(Some(date("2025-03-20"))));
    let b = a.update(&full, &state);
    assert!(b.changes.as_ref().is_some_and(|c| !c.cells.is_empty()));
    assert_fresh(&full, &b, &state);
    let c = b.update(&full, &ViewState::default());
    assert!(c.before.is_none() && c.changes.is_none() && c.before_analyses.is_none());
}

#[test]
fn another_dataset_recomputes_everything() {
    let full = bundled();
    let other = bundled();
    let a = Derived::new(&full, &ViewState::default());
    let b = a.update(&other, &ViewState::default());
    assert_eq!(reused(&a, &b), Vec::<&str>::new());
}

#[test]
fn a_walk_through_many_states_always_equals_a_fresh_computation() {
    let full = bundled();
    let ds = &full.dataset;
    let actions = [
        Action::SetQuery("cease".into()),
        Action::SetSince(Some(date("2025-03-13"))),
        Action::ToggleParty(ds.parties()[0].id.clone()),
        Action::SetAsOf(Some(date("2025-04-01"))),
        Action::SetSort(SortOrder::Agreed),
        Action::SetOnlyConflicts(true),
        Action::SetAsOf(None),
        Action::ToggleParty(ds.parties()[0].id.clone()),
        Action::SetSince(None),
        Action::Reset,
    ];
    let mut state = ViewState::default();
    let mut derived = Derived::new(&full, &state);
    for action in actions {
        state = state.apply(action);
        derived = derived.update(&full, &state);
        assert_fresh(&full, &derived, &state);
    }
}
