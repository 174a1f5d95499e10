#!/usr/bin/env bash
# Finds the Cortex-M4 cycle-estimate plugin (a measuring tool outside ctnn, not part of it:
# ../shared/tools/m4cycles beside the checkout, or the folder in $CTNN_M4CYCLES), builds a copy
# of it in <build>/m4cycles and prints the path of its wrapper, m4cycles.sh. Prints nothing and
# says why on stderr when the tool or what it needs to build (libglib2.0-dev) is missing.
# Usage: tools/m4cycles-locate.sh <build directory>
set -euo pipefail
build=${1:?usage: tools/m4cycles-locate.sh <build directory>}
here=$(cd "$(dirname "$0")" && pwd)
src=${CTNN_M4CYCLES:-$here/../../shared/tools/m4cycles}
if [ ! -f "$src/m4cycles.sh" ] || [ ! -f "$src/Makefile" ]; then
  echo "m4cycles: no cycle-estimate plugin at $src (set CTNN_M4CYCLES to its folder); cycles not measured" >&2
  exit 0
fi
if ! pkg-config --exists glib-2.0 2>/dev/null; then
  echo "m4cycles: building the plugin needs glib's headers (apt-get install libglib2.0-dev); cycles not measured" >&2
  exit 0
fi
dest=$(cd "$build" && pwd)/m4cycles
mkdir -p "$dest"
# A copy in the build tree: the plugin's Makefile builds in its own folder, and the shared one
# stays untouched. Rebuilt when the source changes.
if ! cmp -s "$src/m4cycles.c" "$dest/m4cycles.c" || ! cmp -s "$src/m4decode.h" "$dest/m4decode.h" \
   || [ ! -f "$dest/libm4cycles.so" ]; then
  cp "$src"/Makefile "$src"/*.c "$src"/*.h "$src"/m4cycles.sh "$dest"/
  rm -f "$dest/libm4cycles.so"
  if ! make -s -C "$dest" libm4cycles.so >"$dest/build.log" 2>&1; then
    echo "m4cycles: the plugin did not build (see $dest/build.log); cycles not measured" >&2
    exit 0
  fi
fi
echo "$dest/m4cycles.sh"
