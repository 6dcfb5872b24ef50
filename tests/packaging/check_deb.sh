#!/usr/bin/env bash
# check_deb.sh CMAKE CPACK BUILD_DIR WITH_GUI(0|1): packages an already built tree as a .deb and
# checks what it ships and that dpkg-shlibdeps filled in the library dependencies.
set -euo pipefail
cmake=$1 cpack=$2 build=$3 with_gui=$4

# A private output folder, so that a concurrent `cpack` or `ninja package` is left alone.
out=$(mktemp -d "$build/packaging-test.XXXXXX")
trap 'rm -rf "$out"' EXIT
# Install first, then let cpack package that tree: cpack on the build tree itself would run the
# `preinstall` target, i.e. a rebuild in the middle of a ctest run. The CPack settings are the
# project's own (CPackConfig.cmake); only the source of the files changes.
"$cmake" --install "$build" --prefix "$out/stage/usr" --strip >"$out/install.log" 2>&1 ||
  { cat "$out/install.log"; exit 1; }
cat >"$out/CPackStaged.cmake" <<EOC
include("$build/CPackConfig.cmake")
set(CPACK_INSTALL_CMAKE_PROJECTS "")
set(CPACK_INSTALLED_DIRECTORIES "$out/stage;.")
EOC
if ! "$cpack" -G DEB --config "$out/CPackStaged.cmake" -B "$out" >"$out/cpack.log" 2>&1; then
  cat "$out/cpack.log"
  exit 1
fi
debs=("$out"/*.deb)
deb=${debs[0]}
echo "package: $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$out/contents"
expected=(
  /usr/bin/routescope-cli
  /usr/lib/routescope/plugins/routescope_system_plugin.so
  /usr/share/applications/org.routescope.RouteScope.desktop
  /usr/share/metainfo/org.routescope.RouteScope.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/org.routescope.RouteScope.svg
)
for size in 16 24 32 48 64 128 256; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/org.routescope.RouteScope.png")
done
if [ "$with_gui" = 1 ]; then expected+=(/usr/bin/routescope); fi

failed=0
for path in "${expected[@]}"; do
  if grep -qxF "$path" "$out/contents"; then echo "ok: $path"
  else echo "FAIL: $path is not in the package"; failed=1; fi
done

# Depends names the packages of the libraries the binaries link: Qt 6 and LibTorch at least.
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for lib in libqt6core6 libqt6widgets6 libtorch1.13; do
  if grep -qE "(^|, )$lib( |,|$)" <<<"$depends"; then echo "ok: depends on $lib"
  else echo "FAIL: Depends lacks $lib (did dpkg-shlibdeps run?)"; failed=1; fi
done
exit "$failed"
