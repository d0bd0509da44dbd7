//! Release builds of the widget for the browser get a 256 KiB stack instead of Rust's 1 MiB:
//! the wasm's whole linear memory is paid by every reader, and nothing recurses deeply (JSON
//! nesting is capped at 64 levels; the tests load the deepest file allowed). Debug builds and
//! the browser tests keep the default.
//!
//! The dataset compiled in (`model::BUNDLED`) is `data/ceasefire-2025-04.json`, or the JSON
//! file named by `STANCE_MATRIX_BUNDLED` (an absolute path): `scripts/post-build.mjs` sets it
//! for the host bundle of a `scripts/build --data` build, so a bare `<stance-matrix>` shows
//! the newsroom's dataset.

fn main() {
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    if wasm && release {
        println!("cargo:rustc-link-arg-bins=-zstack-size=262144");
    }
    let bundled = match std::env::var("STANCE_MATRIX_BUNDLED") {
        Ok(path) if !path.is_empty() => path,
        _ => format!(
            "{}/data/ceasefire-2025-04.json",
            std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")
        ),
    };
    println!("cargo:rustc-env=STANCE_MATRIX_BUNDLED_PATH={bundled}");
    println!("cargo:rerun-if-env-changed=STANCE_MATRIX_BUNDLED");
    println!("cargo:rerun-if-changed=build.rs");
}
