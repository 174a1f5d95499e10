#!/usr/bin/env bash
# Regenerates TFLM's reference data for the TFLM compressed test models (tests/data/<m>/):
# decode_lut.tflite and decode_tconv.tflite as tests/converter/make_decode_models.cpp writes them
# (weights through TFLM_DECODE, look-up tables; seeds in tests/converter/decode_models.hpp), 32 inputs
# (seeds 1..32), outputs and intermediates from TFLM's reference kernels
# (../shared/tools/tflm-ref/make_golden.sh, TFLM 90b983c2), and the model's SHA-256, which the
# golden test checks against the model the build generates. The DECODE operators' own outputs
# (the decoded weights) are dropped from intermediates/: ctnn has no layer for them, and the
# converter tests compare the decoded weights with the plain model's. Tests never run this.
#
#   tests/golden/make_decode_golden.sh [--tflm-ref DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
ref="$root/../shared/tools/tflm-ref"
[ "${1:-}" = "--tflm-ref" ] && ref="$2"
[ -x "$ref/make_golden.sh" ] || { echo "make_decode_golden: no $ref/make_golden.sh" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"${CXX:-c++}" -std=c++20 -O1 -ffp-contract=off -I"$root/tests/converter" -o "$work/make_decode_models" "$root/tests/converter/make_decode_models.cpp"
"$work/make_decode_models" "$work"
for m in decode_lut decode_tconv; do
  case $m in
    decode_lut) seeds="11 22 33 (seed_conv, seed_dw, seed_fc)" ;;
    decode_tconv) seeds="44 (seed_tconv)" ;;
  esac
  out="$root/tests/data/$m"
  rm -rf "$out"
  "$ref/make_golden.sh" "$work/$m.tflite" "$out" 32 1 >/dev/null 2>&1
  rm -f "$out"/intermediates/*_TFLM_DECODE_t*.bin
  sed -i '/TFLM_DECODE/d' "$out/intermediates/LISTING.txt"
  sed -i "1s|.*|model: $m.tflite (tests/converter/make_decode_models.cpp, weight seeds $seeds in tests/converter/decode_models.hpp; regenerate: tests/golden/make_decode_golden.sh)|" "$out/meta.txt"
  echo "intermediates_dropped: the TFLM_DECODE operators' outputs (decoded weights; no ctnn layer)" >> "$out/meta.txt"
  echo "model_sha256: $(sha256sum "$work/$m.tflite" | cut -d' ' -f1)" >> "$out/meta.txt"
  echo "make_decode_golden: $out"
done
