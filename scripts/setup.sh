#!/usr/bin/env bash
# RouteScope set-up on Debian 12: installs the missing Debian packages, configures and builds.
#   scripts/setup.sh demo   set up, then open the app on its built-in demo (without a display:
#                           write the demo report and print where it is)
#   scripts/setup.sh test   set up, then run the whole test suite with ctest
#   scripts/setup.sh build  set up only
# Environment: BUILD_DIR (default: build), ROUTESCOPE_GUI=ON|OFF (default ON), JOBS (default: nproc).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$here/build}
gui=${ROUTESCOPE_GUI:-ON}
jobs=${JOBS:-$(nproc)}
mode=${1:-build}

packages=(
  build-essential cmake ninja-build ccache git pkg-config python3
  libtorch-dev libopenblas0-openmp            # LibTorch; OpenBLAS so it does not use the 12x slower reference BLAS
  libsqlite3-dev nlohmann-json3-dev libcli11-dev
  libsentencepiece-dev sentencepiece
  fortunes-de manpages manpages-dev man-db groff-base libc6-dev linux-libc-dev libstdc++-12-dev  # MoE corpus: german, english, code
  libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libvtk9-dev libgl-dev
  xvfb xauth fonts-dejavu-core desktop-file-utils appstream file dpkg-dev   # dpkg-dev: cpack shlibdeps
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

# LibTorch loads libblas.so.3 through Debian's alternatives: make sure OpenBLAS (OpenMP) is it.
if command -v update-alternatives >/dev/null; then
  openblas=$(update-alternatives --list libblas.so.3-x86_64-linux-gnu 2>/dev/null | grep openblas-openmp || true)
  current=$(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || true)
  if [ -n "$openblas" ] && [ "$current" != "$(readlink -f "$openblas")" ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo update-alternatives --set libblas.so.3-x86_64-linux-gnu "$openblas" >&2
  fi
fi

# Let ccache share objects between clones in different folders (CI builds a fresh clone).
export CCACHE_BASEDIR="$here" CCACHE_NOHASHDIR=1
cmake -S "$here" -B "$build_dir" -G Ninja -DROUTESCOPE_GUI="$gui" >&2
cmake --build "$build_dir" -j "$jobs" >&2

case "$mode" in
  build) ;;
  demo)
    # Opens the app on the System plugin's guided demo; without a display it writes the demo's
    # report instead (and says so). A GUI-less build runs the machine profile from the CLI.
    if [ -x "$build_dir/bin/routescope" ]; then
      "$build_dir/bin/routescope" --demo
    else
      "$build_dir/bin/routescope-cli" system profile
    fi
    ;;
  test)
    cd "$build_dir"
    ctest --output-on-failure -j "$jobs" ${CTEST_ARGS:-}
    ;;
  *)
    echo "usage: scripts/setup.sh [build|demo|test]" >&2
    exit 2
    ;;
esac
