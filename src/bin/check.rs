//! The check page's wasm (check.html): its own bundle, so the readers' widget does not carry the
//! sheet reader. Built by scripts/post-build.mjs with feature `sheet`.

fn main() {
    stance_matrix::check_page::start();
}
