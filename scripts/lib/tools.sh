# shellcheck shell=bash
# Sourced by scripts/build, scripts/test and scripts/bench.
# `ensure_tools` installs only what is missing, prints one line per tool, and takes a few
# seconds when everything is already present.
# Versions are pinned to match Trunk.toml and Cargo.lock; the README's Requirements section
# lists them and how long each install takes.

TRUNK_VERSION=0.21.14
WASM_OPT_VERSION=version_132

# Repository root: the directory above scripts/.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

tools_log() { echo "tools: $*"; }

# Runs a command as root: directly when root, through sudo when it exists.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "tools: need root to run: $*" >&2
    return 1
  fi
}

# The exact version of the wasm-bindgen crate in Cargo.lock.
locked_wasm_bindgen_version() {
  awk '
    /^\[\[package\]\]/ { in_pkg = 1; name = ""; next }
    /^\[/             { in_pkg = 0 }
    in_pkg && /^name = / { gsub(/"/, "", $3); name = $3 }
    in_pkg && /^version = / && name == "wasm-bindgen" { gsub(/"/, "", $3); print $3; exit }
  ' "$REPO_ROOT/Cargo.lock"
}

ensure_tools() {
  cd "$REPO_ROOT" || return 1
  export PATH="$REPO_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

  # Rust target for the widget and the browser tests.
  if ! command -v rustup >/dev/null 2>&1; then
    echo "tools: rustup not found; install Rust with rustup first" >&2
    return 1
  fi
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    tools_log "rust target wasm32-unknown-unknown present"
  else
    tools_log "installing rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown || return 1
  fi

  # Trunk (0.22 needs a newer rustc than this machine has).
  local have
  have="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" = "$TRUNK_VERSION" ]; then
    tools_log "trunk $TRUNK_VERSION present"
  else
    tools_log "installing trunk $TRUNK_VERSION (had: ${have:-none}; cargo install, ~10 min)"
    cargo install trunk --version "$TRUNK_VERSION" --locked || return 1
  fi

  # wasm-bindgen CLI: must equal the wasm-bindgen crate in Cargo.lock exactly. No --locked:
  # one of its locked dependency versions is missing from the registry.
  local want_wb
  want_wb="$(locked_wasm_bindgen_version)"
  if [ -z "$want_wb" ]; then
    echo "tools: no wasm-bindgen entry in Cargo.lock" >&2
    return 1
  fi
  have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
  if [ "$have" = "$want_wb" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    tools_log "wasm-bindgen-cli $want_wb present"
  else
    tools_log "installing wasm-bindgen-cli $want_wb (had: ${have:-none}; cargo install, ~3 min)"
    cargo install wasm-bindgen-cli --version "$want_wb" || return 1
  fi

  # Chromium and ChromeDriver from Debian, for the browser and end-to-end tests.
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    tools_log "chromium and chromedriver present"
  else
    tools_log "installing chromium and chromium-driver (apt-get, ~40 s)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update || return 1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver || return 1
  fi
  export CHROMEDRIVER=/usr/bin/chromedriver

  # DejaVu Sans (regular and bold) from Debian, the font the build draws the social card's PNG
  # with (dist/card.png; src/share/png.rs loads these two files and no other font).
  if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] \
    && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
    tools_log "fonts-dejavu-core present"
  else
    tools_log "installing fonts-dejavu-core (apt-get, for the social card)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update || return 1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-dejavu-core || return 1
  fi

  # Java for the Nu Html Checker (npm vnu-jar), which the e2e level runs on dist/*.html.
  if command -v java >/dev/null 2>&1; then
    tools_log "java present"
  else
    tools_log "installing default-jre-headless (apt-get, for the Nu Html Checker)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update || return 1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless || return 1
  fi

  # Node packages: playwright-core, axe-core, binaryen (wasm-opt), pym.js, esbuild, vnu-jar.
  if ! command -v npm >/dev/null 2>&1; then
    echo "tools: npm not found; install Node.js 20+ and npm" >&2
    return 1
  fi
  if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    tools_log "installing node packages (npm ci)"
    npm ci --no-audit --no-fund || return 1
  else
    tools_log "node packages present"
  fi
  have="$(wasm-opt --version 2>/dev/null || true)"
  case "$have" in
    *"($WASM_OPT_VERSION)"*) tools_log "wasm-opt $WASM_OPT_VERSION present (node_modules/.bin)" ;;
    *)
      echo "tools: wasm-opt on PATH is '${have:-none}', expected $WASM_OPT_VERSION (npm binaryen@132.0.0)" >&2
      return 1
      ;;
  esac

  # Trunk runs cargo offline (Trunk.toml), so the crates must be in cargo's cache first.
  if cargo fetch --quiet; then
    tools_log "crates fetched"
  else
    echo "tools: cargo fetch failed" >&2
    return 1
  fi
}
