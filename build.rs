//! Release builds of the widget for the browser get a 256 KiB stack instead of Rust's 1 MiB:
//! the wasm's whole linear memory is paid by every reader, and nothing recurses deeply (JSON
//! nesting is capped at 64 levels; the tests load the deepest file allowed). Debug builds and
//! the browser tests keep the default.

fn main() {
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    if wasm && release {
        println!("cargo:rustc-link-arg-bins=-zstack-size=262144");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
