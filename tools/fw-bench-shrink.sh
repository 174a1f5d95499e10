#!/usr/bin/env bash
# What the weight forms (ctnn::with_sparsity, docs/weight-forms.md) buy on one core: for the
# pruned models, instructions per inference and Model::flash_bytes in each mode against `off`
# (dense int8, measured in the same run), then per layer the instructions of the layers whose
# form changed; for the bundled models, `automatic` (their default firmware) against `off`.
# Needs a firmware build configured with -DCTNN_TEST_SHRINK_MATRIX=ON (models/pruned_models.cmake).
# Usage: tools/fw-bench-shrink.sh <build directory> <QEMU machine, e.g. mps2-an386 or mps3-an547>
set -euo pipefail
build=${1:?usage: tools/fw-bench-shrink.sh <build directory> <QEMU machine>}
board=${2:?usage: tools/fw-bench-shrink.sh <build directory> <QEMU machine>}
qemu=(qemu-system-arm -M "$board" -nographic -monitor none -serial none
      -semihosting-config enable=on,target=native -icount shift=0)
run() { "${qemu[@]}" -kernel "$build/bin/$1.elf" 2>&1; }
field() { sed -n "s/^$1: //p"; }

printf '%-24s %-9s %12s %8s %12s %8s\n' model mode instructions ratio flash_bytes ratio
for m in kws_ds_cnn_pruned70 ic_resnet8_pruned60 ad_autoencoder_pruned80; do
  dense=$(run "ctnn-fw-$m-off")
  di=$(field instructions <<<"$dense"); df=$(field flash_bytes <<<"$dense")
  for mode in off automatic force; do
    out=$(run "ctnn-fw-$m-$mode")
    awk -v m="$m" -v mode="$mode" -v i="$(field instructions <<<"$out")" -v f="$(field flash_bytes <<<"$out")" \
        -v di="$di" -v df="$df" 'BEGIN { printf "%-24s %-9s %12d %7.2fx %12d %7.2fx\n", m, mode, i, di / i, f, df / f }'
  done
done

echo
echo "per layer (instructions; only the layers where a mode differs from off):"
for m in kws_ds_cnn_pruned70 ic_resnet8_pruned60 ad_autoencoder_pruned80; do
  paste <(run "ctnn-fw-profile-$m-off" | sed -n 's/^layer \([0-9]*\): /\1 /p') \
        <(run "ctnn-fw-profile-$m-automatic" | sed -n 's/^layer [0-9]*: //p') \
        <(run "ctnn-fw-profile-$m-force" | sed -n 's/^layer [0-9]*: //p') |
    awk -v m="$m" '$2 != $3 || $2 != $4 {
      printf "%-24s layer %2d  off %9d  automatic %9d (%5.2fx)  force %9d (%5.2fx)\n", m, $1, $2, $3, $2 / $3, $4, $2 / $4 }'
done

echo
echo "bundled models, automatic (the default firmware) against off:"
printf '%-24s %12s %12s %8s %12s %12s\n' model "off instr" "auto instr" ratio "off flash" "auto flash"
for m in ad_autoencoder kws_ds_cnn vww_mobilenet ic_resnet8 strm_ww; do
  off=$(run "ctnn-fw-$m-off"); auto=$(run "ctnn-fw-$m")
  awk -v m="$m" -v a="$(field instructions <<<"$off")" -v b="$(field instructions <<<"$auto")" \
      -v fa="$(field flash_bytes <<<"$off")" -v fb="$(field flash_bytes <<<"$auto")" \
      'BEGIN { printf "%-24s %12d %12d %7.2fx %12d %12d\n", m, a, b, a / b, fa, fb }'
done
