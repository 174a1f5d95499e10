#!/usr/bin/env bash
# Regenerates TFLM's reference data for the synthetic test models (tests/data/synthetic/<m>/):
# the models as tests/converter/make_test_models.cpp writes them, 32 inputs, outputs and every
# intermediate tensor from TFLM's reference kernels (../shared/tools/tflm-ref/make_golden.sh,
# TFLM 90b983c2), and the model's SHA-256, which the golden test checks against the model the
# build generates. Tests never run this.
#
#   tests/golden/make_synthetic_golden.sh [--tflm-ref DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
ref="$root/../shared/tools/tflm-ref"
[ "${1:-}" = "--tflm-ref" ] && ref="$2"
[ -x "$ref/make_golden.sh" ] || { echo "make_synthetic_golden: no $ref/make_golden.sh" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"${CXX:-c++}" -std=c++20 -O1 -ffp-contract=off -I"$root/tests/converter" -o "$work/make_test_models" "$root/tests/converter/make_test_models.cpp"
"$work/make_test_models" "$work"
for model in "$work"/*.tflite; do
  m="$(basename "$model" .tflite)"
  out="$root/tests/data/synthetic/$m"
  rm -rf "$out"
  "$ref/make_golden.sh" "$model" "$out" 32 1 >/dev/null 2>&1
  sed -i "1s|.*|model: $m.tflite (tests/converter/make_test_models.cpp; regenerate: tests/golden/make_synthetic_golden.sh)|" "$out/meta.txt"
  echo "model_sha256: $(sha256sum "$model" | cut -d' ' -f1)" >> "$out/meta.txt"
  # The weight-form models' weights: tests/converter/shrink_models.hpp, xorshift32 from fixed seeds.
  case "$m" in
    int4) echo "weights: int4 (INT4 tensors, packed as TFLite packs them), xorshift32 seeds 101 conv, 102 depthwise, 103 fully connected; biases 111-113" >> "$out/meta.txt" ;;
    clustered) echo "weights: clustered (conv: 16 values per channel, fully connected: 12 per tensor), xorshift32 seeds 201 conv, 202 fully connected; biases 211-212" >> "$out/meta.txt" ;;
    structured) echo "weights: pruned (conv: zero channels, zero input channel, 2:4, zero taps; depthwise: zero taps and channel; fully connected: ~80 % unstructured), xorshift32 seeds 301 conv, 302 depthwise, 303 fully connected; biases 311-313" >> "$out/meta.txt" ;;
  esac
  echo "make_synthetic_golden: $out"
done
