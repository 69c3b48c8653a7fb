# shellcheck shell=bash
# Shared set-up for build-aux/run and build-aux/test: install what is missing,
# configure once, rebuild incrementally. Sourced, not run.

RIGWIRE_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RIGWIRE_BUILD=${RIGWIRE_BUILD:-$RIGWIRE_SRC/_build}

# Debian 12 packages the build, the tests and the app need.
RIGWIRE_PACKAGES=(
  build-essential pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libxml2-dev libxml2-utils
  libjson-glib-dev libcairo2-dev libpango1.0-dev libmimalloc-dev
  desktop-file-utils appstream shared-mime-info scdoc groff-base bash-completion python3-jsonschema
  xvfb xauth xdotool xclip imagemagick poppler-utils
  libgtk-4-media-gstreamer gstreamer1.0-plugins-base gstreamer1.0-plugins-good
)

rigwire_log () { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

rigwire_sudo () {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

rigwire_install_missing () {
  local missing=() pkg
  for pkg in "${RIGWIRE_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  rigwire_log "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! rigwire_sudo apt-get install -y --no-install-recommends "${missing[@]}"; then
    rigwire_sudo apt-get update
    rigwire_sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

# rigwire_build [extra meson setup options...]
rigwire_build () {
  if [ ! -f "$RIGWIRE_BUILD/build.ninja" ]; then
    rigwire_log "Configuring $RIGWIRE_BUILD"
    meson setup "$RIGWIRE_BUILD" "$RIGWIRE_SRC" "$@"
  fi
  rigwire_log "Building"
  ninja -C "$RIGWIRE_BUILD"
}

# rigwire_summary BUILD_DIR: one plain closing line from meson's test log.
rigwire_summary () {
  python3 - "$1/meson-logs/testlog.json" <<'PY' || true
import json, sys
passed = failed = skipped = 0
try:
    with open(sys.argv[1]) as f:
        for line in f:
            r = json.loads(line).get("result")
            if r in ("OK", "EXPECTEDFAIL"): passed += 1
            elif r == "SKIP": skipped += 1
            else: failed += 1
except OSError:
    pass
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
}
