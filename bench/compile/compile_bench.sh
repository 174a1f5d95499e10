#!/usr/bin/env bash
# Compile time and peak compiler memory per bundled model (issue 10, item 7): the translation
# unit that instantiates the model, compiled alone with ccache off, for the host runner and, when
# a Cortex-M4 build directory is given, for the model's firmware.
#
#   bench/compile/compile_bench.sh HOST_BUILD_DIR [M4_BUILD_DIR]     (also: cmake --build build --target ctnn_compile_bench)
#
# Both build directories must be configured (their generated model headers are built first).
# Run it on an idle machine: the figures are wall-clock seconds and the compiler's peak RSS.
set -euo pipefail
host_dir="$1"
m4_dir="${2:-}"
models=(ad_autoencoder kws_ds_cnn vww_mobilenet ic_resnet8 strm_ww)
[ -x /usr/bin/time ] || { echo "compile_bench: needs GNU time (apt-get install time)" >&2; exit 2; }

measure() {  # <build dir> <target> <source file name> -> "seconds peak_MiB"
  local dir="$1" target="$2" source="$3" cmd
  cmd=$(ninja -C "$dir" -t commands "$target" | grep -- " -c .*${source}" | tail -1)
  [ -n "$cmd" ] || { echo "n/a n/a"; return; }
  cmd="${cmd#*ccache }"
  # The object and dependency outputs go nowhere: only the compiler's work is measured.
  cmd=$(sed -E 's/ -MD//; s/ -M[TF] [^ ]+//g; s/ -o [^ ]+/ -o \/dev\/null/' <<<"$cmd")
  local out
  out=$(cd "$dir" && CCACHE_DISABLE=1 /usr/bin/time -f "ctnn-time %e %M" bash -c "$cmd" 2>&1 >/dev/null) ||
    { echo "compile_bench: the compile failed: $cmd" >&2; printf '%s\n' "$out" | tail -5 >&2; exit 1; }
  grep '^ctnn-time ' <<<"$out" | awk '{ printf "%.1f %.0f\n", $2, $3 / 1024 }'
}

printf '| model | host compile (s) | host peak (MiB) | M4 compile (s) | M4 peak (MiB) |\n|---|--:|--:|--:|--:|\n'
for m in "${models[@]}"; do
  ninja -C "$host_dir" "ctnn-run-${m}_model_ctnn_header" >/dev/null
  read -r hs hm < <(measure "$host_dir" "bin/ctnn-run-$m" runner_main.cpp)
  ms="-" mm="-"
  if [ -n "$m4_dir" ]; then
    ninja -C "$m4_dir" "${m}_model_ctnn_header" >/dev/null
    read -r ms mm < <(measure "$m4_dir" "bin/ctnn-fw-$m.elf" firmware_main.cpp)
  fi
  printf '| %s | %s | %s | %s | %s |\n' "$m" "$hs" "$hm" "$ms" "$mm"
done
