#!/usr/bin/env bash
# Regenerates the conformance sweep's test data, tests/data/conformance/ (see tests/data/conformance/README.md):
# the models and inputs from make_sweep (this folder), the outputs from TFLM's reference
# kernels (../shared/tools/tflm-ref/tflm_ref, TFLM 90b983c2). Tests never run this: they read
# the committed files. Every model must also convert with ctnn-convert.
#
#   tests/conformance/regenerate.sh [--tflm-ref PATH] [--convert PATH] [--per-op N] [--seed S]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tflm_ref="$root/../shared/tools/tflm-ref/tflm_ref"
convert="$root/build/bin/ctnn-convert"
gen_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tflm-ref) tflm_ref="$2"; shift 2 ;;
    --convert) convert="$2"; shift 2 ;;
    --per-op|--seed) gen_args+=("$1" "$2"); shift 2 ;;
    *) echo "usage: $0 [--tflm-ref PATH] [--convert PATH] [--per-op N] [--seed S]" >&2; exit 2 ;;
  esac
done
[ -x "$tflm_ref" ] || { echo "regenerate: no TFLM runner at $tflm_ref" >&2; exit 2; }
[ -x "$convert" ] || { echo "regenerate: no ctnn-convert at $convert (build it: cmake --build build --target ctnn-convert)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"${CXX:-c++}" -std=c++20 -O1 -o "$work/make_sweep" "$here/make_sweep.cpp"
data="$root/tests/data/conformance"
rm -rf "$data"/*/
"$work/make_sweep" "$data" "${gen_args[@]}"
for model in "$data"/*/*.tflite; do
  stem="${model%.tflite}"
  "$tflm_ref" "$model" "$stem.in.bin" "$stem.out.bin" >/dev/null
  "$convert" --summary "$model" >/dev/null
done
echo "regenerate: $(ls "$data"/*/*.tflite | wc -l) models in $data"
