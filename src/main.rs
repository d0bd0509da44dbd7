fn main() {
    // wasm-bindgen runs `main` when a bundle loads. The host-page bundle (feature `host-api`,
    // embed.js) starts widgets only through mount(): it must never take over a host element
    // that happens to be called #stance-matrix, nor change the page's <html lang>. The call
    // stays compiled in (`black_box`): with `main` empty, wasm-bindgen 0.2.130 fails on the
    // bundle ("failed to find intrinsics to enable `clone_ref`").
    if !cfg!(feature = "host-api") || std::hint::black_box(false) {
        stance_matrix::browser::start::start();
    }
}
