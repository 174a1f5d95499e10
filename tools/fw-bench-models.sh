#!/usr/bin/env bash
# Firmware benchmark of the bundled models on the Cortex-M4 (QEMU mps2-an386, -icount shift=0):
# instructions per inference, MACs, instructions per MAC, code bytes (flash minus model
# constants) and arena bytes, next to TFLM + CMSIS-NN measured the same way, with the ratios;
# then the int16-weights and smallest-RAM variants against the default, the largest layers of
# each model, and the estimated cycles (tools/fw-bench-cycles.sh).
# Usage: tools/fw-bench-models.sh <build-m4 directory>
set -euo pipefail
build=${1:?usage: tools/fw-bench-models.sh <build-m4 directory>}
here=$(cd "$(dirname "$0")" && pwd)
qemu=(qemu-system-arm -M mps2-an386 -nographic -monitor none -serial none
      -semihosting-config enable=on,target=native -icount shift=0)

# TFLM + CMSIS-NN on the same board and method (GCC 12.2, -O2 kernels, CMSIS-NN with DSP):
# instructions, arena bytes, code bytes (flash minus model).
declare -A tflm_instr=([kws_ds_cnn]=7697320 [vww_mobilenet]=24101920 [ic_resnet8]=29858960 [ad_autoencoder]=672960)
declare -A tflm_arena=([kws_ds_cnn]=22820 [vww_mobilenet]=100708 [ic_resnet8]=54996 [ad_autoencoder]=5136)
declare -A tflm_code=([kws_ds_cnn]=85412 [vww_mobilenet]=85412 [ic_resnet8]=80272 [ad_autoencoder]=35628)

printf '%-15s %12s %10s %7s %12s %7s %8s %9s %7s %8s %9s %7s\n' model instructions MACs instr/MAC \
  "TFLM instr" ratio "code B" "TFLM code" ratio "arena B" "TFLM arena" ratio
for m in kws_ds_cnn vww_mobilenet ic_resnet8 ad_autoencoder; do
  out=$("${qemu[@]}" -kernel "$build/bin/ctnn-fw-$m.elf" 2>&1)
  profile=$("${qemu[@]}" -kernel "$build/bin/ctnn-fw-profile-$m.elf" 2>&1)
  instr=$(sed -n 's/^instructions: //p' <<<"$out")
  arena=$(sed -n 's/^arena_bytes: //p' <<<"$out")
  macs=$(sed -n 's/^macs: //p' <<<"$profile")
  code=$(bash "$here/fw-memory-report.sh" "$build/bin/ctnn-fw-$m.elf" "^$m::" | sed -n 's/^ *code *\([0-9]*\).*/\1/p')
  awk -v m="$m" -v i="$instr" -v mac="$macs" -v ti="${tflm_instr[$m]}" -v c="$code" -v tc="${tflm_code[$m]}" \
      -v a="$arena" -v ta="${tflm_arena[$m]}" 'BEGIN {
    printf "%-15s %12d %10d %7.2f %12d %6.2fx %8d %9d %6.2fx %8d %9d %6.2fx\n", m, i, mac, i / mac, ti, ti / i, c, tc, tc / c, a, ta, ta / a }'
done

# The speed/flash option (ctnn::with_int16_weights), built for the Cortex-M4 only.
if [ -e "$build/bin/ctnn-fw-w16-kws_ds_cnn.elf" ]; then
  echo
  echo "with int16 weights (ctnn::with_int16_weights: convolution and fully connected weights stored as int16):"
  printf '%-15s %12s %12s %7s %7s %14s %14s %7s %8s\n' model "int8 instr" "int16 instr" "saved" "vs TFLM" \
    "int8 consts B" "int16 consts B" ratio "code B"
  for m in kws_ds_cnn vww_mobilenet ic_resnet8 ad_autoencoder; do
    narrow=$(sed -n 's/^instructions: //p' <<<"$("${qemu[@]}" -kernel "$build/bin/ctnn-fw-$m.elf" 2>&1)")
    wide=$(sed -n 's/^instructions: //p' <<<"$("${qemu[@]}" -kernel "$build/bin/ctnn-fw-w16-$m.elf" 2>&1)")
    consts() { bash "$here/fw-memory-report.sh" "$1" "^$m::" | sed -n 's/^ *model constants *\([0-9]*\).*/\1/p'; }
    c8=$(consts "$build/bin/ctnn-fw-$m.elf")
    c16=$(consts "$build/bin/ctnn-fw-w16-$m.elf")
    code=$(bash "$here/fw-memory-report.sh" "$build/bin/ctnn-fw-w16-$m.elf" "^$m::" | sed -n 's/^ *code *\([0-9]*\).*/\1/p')
    awk -v m="$m" -v a="$narrow" -v b="$wide" -v ti="${tflm_instr[$m]}" -v c8="$c8" -v c16="$c16" -v code="$code" 'BEGIN {
      printf "%-15s %12d %12d %6.1f%% %6.2fx %14d %14d %6.2fx %8d\n", m, a, b, 100 * (a - b) / a, ti / b, c8, c16, c16 / c8, code }'
  done
fi

# The smallest-RAM schedule (ctnn::optimize_for<M, ctnn::smallest_ram>), built for the Cortex-M4:
# the arena it saves against the instructions it costs, both measured here, and the library's
# estimate of that cost (Model::in_place_added_instructions, what fastest_within weighs) with its
# error; last, KWS under a 12 KiB budget (ctnn::fastest_within: some steps in place).
if [ -e "$build/bin/ctnn-fw-small-kws_ds_cnn.elf" ]; then
  echo
  echo "smallest-RAM schedule (ctnn::optimize_for<M, ctnn::smallest_ram>: steps in place by rows):"
  printf '%-18s %10s %10s %7s %12s %12s %7s %10s %9s %10s %7s\n' model "arena B" "small B" change "instr" "small instr" cost \
    "estimate" "est. err" "TFLM arena" ratio
  row() {  # name, default ELF, schedule ELF, TFLM arena
    local fast small
    fast=$("${qemu[@]}" -kernel "$2" 2>&1)
    small=$("${qemu[@]}" -kernel "$3" 2>&1)
    awk -v m="$1" -v a="$(sed -n 's/^arena_bytes: //p' <<<"$fast")" -v b="$(sed -n 's/^arena_bytes: //p' <<<"$small")" \
        -v i="$(sed -n 's/^instructions: //p' <<<"$fast")" -v j="$(sed -n 's/^instructions: //p' <<<"$small")" \
        -v e="$(sed -n 's/^in_place_added_instructions_estimate: //p' <<<"$small")" -v ta="${4:-0}" 'BEGIN {
      if (ta > 0) r = sprintf("%6.2fx", ta / b); else { ta = "-"; r = "-" }
      if (e == "") e = 0
      d = j - i
      if (d != 0) err = sprintf("%+.1f%%", 100 * (e - d) / d); else err = (e == 0 ? "exact" : "-")
      printf "%-18s %10d %10d %6.1f%% %12d %12d %6.2f%% %10d %9s %10s %7s\n", m, a, b, 100 * (b - a) / a, i, j, 100 * d / i, e, err, ta, r }'
  }
  for m in kws_ds_cnn vww_mobilenet ic_resnet8 ad_autoencoder strm_ww; do
    # Models with no step in place in that schedule have no variant: their default firmware is it
    # (models/CMakeLists.txt checks that at compile time).
    elf="$build/bin/ctnn-fw-small-$m.elf"
    [ -e "$elf" ] || elf="$build/bin/ctnn-fw-$m.elf"
    row "$m" "$build/bin/ctnn-fw-$m.elf" "$elf" "${tflm_arena[$m]:-0}"
  done
  if [ -e "$build/bin/ctnn-fw-within-kws_ds_cnn.elf" ]; then
    row "kws_ds_cnn <=12KiB" "$build/bin/ctnn-fw-kws_ds_cnn.elf" "$build/bin/ctnn-fw-within-kws_ds_cnn.elf" "${tflm_arena[kws_ds_cnn]:-0}"
  fi
fi

echo
echo "largest layers (instructions; layer numbers are the graph's nodes, operator index + 1):"
for m in kws_ds_cnn vww_mobilenet ic_resnet8 ad_autoencoder; do
  echo "$m:"
  "${qemu[@]}" -kernel "$build/bin/ctnn-fw-profile-$m.elf" 2>&1 | grep '^layer' | sort -t: -k2 -n -r | head -5 | sed 's/^/  /'
done

# Estimated Cortex-M4 cycles, when the m4cycles plugin is at hand (tools/fw-bench-cycles.sh).
echo
bash "$here/fw-bench-cycles.sh" "$build"
