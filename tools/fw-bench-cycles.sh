#!/usr/bin/env bash
# Estimated Cortex-M4 cycles of the bundled models' firmware: per model and per layer, with
# cycles per MAC and flash data reads, next to the best published Cortex-M4 results. The
# instrument is the m4cycles QEMU plugin (Cortex-M4 TRM instruction timings, zero wait states;
# not part of ctnn: tools/m4cycles-locate.sh finds and builds it). Each figure is the region the
# firmware measures itself (instruction_counter start() .. stop()): one inference of golden
# input #0 in ctnn-fw-<m>, one layer a window in ctnn-fw-profile-<m>.
# Usage: tools/fw-bench-cycles.sh <build-m4 directory> [model...]
set -euo pipefail
build=${1:?usage: tools/fw-bench-cycles.sh <build-m4 directory> [model...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
models=("$@")
[ ${#models[@]} -gt 0 ] || models=(kws_ds_cnn vww_mobilenet ic_resnet8 ad_autoencoder strm_ww)
m4cycles=$("$here/m4cycles-locate.sh" "$build")
if [ -z "$m4cycles" ]; then
  echo "estimated cycles: not measured (no m4cycles plugin)"
  exit 0
fi
# On mps2-an386 the code and constants ("flash") are [0, 4 MiB).
args="flash=0-0x400000${CTNN_M4CYCLES_ARGS:+,$CTNN_M4CYCLES_ARGS}"

# Best published Cortex-M4 latency (NUCLEO-L4R5ZI at 120 MHz, measured, MLPerf Tiny), in cycles.
declare -A published=([kws_ds_cnn]=5180000 [vww_mobilenet]=10670000 [ic_resnet8]=19820000 [ad_autoencoder]=486000)
declare -A source=([kws_ds_cnn]="X-CUBE-AI 9.0, v1.2" [vww_mobilenet]="X-CUBE-AI 9.0, v1.2"
                   [ic_resnet8]="X-CUBE-AI 9.0, v1.2" [ad_autoencoder]="Plumerai, v1.1")

# Runs an ELF under the plugin; the report (M4C_REPORT) has a line a window:
# "window K: instructions: N est_cycles: N cycles_per_instruction: X ... flash_data_reads: N".
windows() { # elf console-prefix
  "$m4cycles" "$1" "$args" >/dev/null 2>"$2.console" || { echo "m4cycles failed on $1" >&2; exit 1; }
}
export M4C_REPORT
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

echo "estimated Cortex-M4 cycles (m4cycles: TRM timings, zero wait states; golden input #0):"
printf '%-15s %10s %12s %12s %10s %11s %12s %13s %11s %7s  %s\n' model MACs instructions "est cycles" \
  cycles/MAC cycles/inst "x floor" "flash reads" "published" ratio "published by"
for m in "${models[@]}"; do
  M4C_REPORT=$tmp/$m.report windows "$build/bin/ctnn-fw-$m.elf" "$tmp/$m"
  M4C_REPORT=$tmp/$m.layers windows "$build/bin/ctnn-fw-profile-$m.elf" "$tmp/$m.layers"
  macs=$(sed -n 's/^macs: //p' "$tmp/$m.layers.console")
  awk -v m="$m" -v macs="$macs" -v pub="${published[$m]:-0}" -v src="${source[$m]:-none}" '
    /^window 1: / { for (i = 3; i < NF; i += 2) v[$i] = $(i + 1) }
    END {
      c = v["est_cycles:"]; n = v["instructions:"]
      # floor: MACs / 2 (SMLAD does two multiply-accumulates a cycle)
      printf "%-15s %10d %12d %12d %10.3f %11.3f %11.2fx %13d", m, macs, n, c, c / macs, c / n, c / (macs / 2), v["flash_data_reads:"]
      if (pub > 0) printf " %11d %6.2fx  %s\n", pub, pub / c, src; else printf " %11s %7s  %s\n", "-", "", src
    }' "$tmp/$m.report"
done
echo "(x floor: est cycles over MACs / 2; ratio: published cycles over ctnn's, above 1 is faster)"

echo
echo "per layer (layer numbers are the graph's nodes, operator index + 1):"
for m in "${models[@]}"; do
  echo "$m:"
  printf '  %5s %10s %12s %12s %10s %12s\n' layer MACs instructions "est cycles" cycles/MAC "flash reads"
  sed -n 's/^layer_macs: //p' "$tmp/$m.layers.console" | tr ' ' '\n' >"$tmp/$m.macs"
  awk 'NR == FNR { macs[NR] = $1; layers = NR; next }
       /^window [0-9]+: / { k = $2; sub(":", "", k); k += 0; if (k > layers) next
         for (i = 3; i < NF; i += 2) v[$i] = $(i + 1)
         printf "  %5d %10d %12d %12d", k, macs[k], v["instructions:"], v["est_cycles:"]
         # a layer fused into the next one (a residual add) runs in the window of that one
         if (macs[k] > 0 && v["instructions:"] > 100) printf " %10.3f", v["est_cycles:"] / macs[k]
         else printf " %10s", (macs[k] > 0 ? "in next" : "-")
         printf " %12d\n", v["flash_data_reads:"] }' "$tmp/$m.macs" "$tmp/$m.layers"
done
