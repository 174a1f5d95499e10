#!/usr/bin/env bash
# The whole ctnn test suite, from a fresh Debian 12 machine:
#   1. installs the missing Debian packages (as root or via sudo),
#   2. host build + tests with g++ (build/) and with clang++ (build-clang/), and the bit-exact
#      checks again with -march=native (build-native/),
#   3. the converter under AddressSanitizer + UBSan, and two bounded libFuzzer runs (raw bytes,
#      and structure-aware edits of valid models through the whole lowering),
#   4. firmware for Cortex-M4, M0+, M7, M33 and M55, each run in QEMU (build-<core>/).
#   5. the converter on mutated models: each is rejected cleanly or its header compiles
#      (tests/mutants/run_mutants.sh; 60 mutants, 400 with --full, which also fuzzes 300 s each).
#   6. with --full, the pruned models in every weight-form mode (also on the Cortex-M0+, and in
#      the clang and -march=native builds: CTNN_TEST_SHRINK_MATRIX, CTNN_TEST_PRUNED_HOST), and
#      MobileNetV2 224x224 too: host golden test, Cortex-M4 and M7 firmware
#      (CTNN_TEST_MOBILENET_V2; minutes of compile each).
# The g++ build also compiles and checks the 2,000-operator model (tests/depth/).
# Options: --quick (g++ host build without the deep model, and Cortex-M4 firmware only),
# --full (the long sweeps too).
# CTNN_JOBS sets parallelism.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
mutants=60
# Random conformance models per operator outside the g++ host build (which runs all 32):
# each is a kernel specialisation to compile. --full runs all of them everywhere.
subset=8
subset_m4=16
full_fuzz=60
deep=ON
mnv2=OFF
shrink=OFF        # the pruned models in every weight-form mode, and on the M0+ (models/pruned_models.cmake)
pruned_again=OFF  # their host tests in the clang and -march=native builds too
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1; deep=OFF ;;
    --full) mutants=400; full_fuzz=300; subset=0; subset_m4=0; mnv2=ON; shrink=ON; pruned_again=ON ;;
    *) echo "usage: scripts/test.sh [--quick|--full]" >&2; exit 2 ;;
  esac
done
jobs=${CTNN_JOBS:-2}
fuzz_seconds=${CTNN_FUZZ_SECONDS:-$full_fuzz}

step() { printf '\n==> %s\n' "$*"; }
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

step "checking Debian packages"
bash scripts/install-deps.sh --with-clang --with-arm

host_suite() {  # <build dir> <compiler> [cmake options...]
  step "host build and tests with $2 ($1/)"
  cmake -S . -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$2" "${@:3}" "${launcher[@]}" >/dev/null
  cmake --build "$1" -j "$jobs"
  ctest --test-dir "$1" -j "$jobs" --output-on-failure
}

firmware_suite() {  # <core> [cmake options...]
  local dir="build-$1"
  [ "$1" = m4 ] && dir=build-m4
  local models=$subset
  [ "$1" = m4 ] && models=$subset_m4
  step "Cortex-${1^^} firmware, run in QEMU ($dir/)"
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCTNN_CONFORMANCE_MODELS="$models" \
    -DCMAKE_TOOLCHAIN_FILE="cmake/toolchains/arm-none-eabi-cortex-$1.cmake" -DCTNN_TEST_MOBILENET_V2="$mnv2" -DCTNN_TEST_SHRINK_MATRIX="$shrink" "${@:2}" "${launcher[@]}" >/dev/null
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure
  arm-none-eabi-size "$dir"/bin/ctnn-fw-*.elf "$dir"/bin/ctnn_hello_fw.elf
}

host_suite build g++ -DCTNN_TEST_DEEP_MODEL="$deep" -DCTNN_CONFORMANCE_MODELS=0 -DCTNN_TEST_MOBILENET_V2="$mnv2" -DCTNN_TEST_SHRINK_MATRIX="$shrink"
step "ctnn-convert on ${mutants} mutated models: rejected cleanly, or the header compiles (build/mutants/)"
bash tests/mutants/run_mutants.sh --convert build/bin/ctnn-convert --count "$mutants" --work build/mutants --jobs "$jobs"
firmware_suite m4
if [ "$quick" -eq 0 ]; then
  host_suite build-clang clang++ -DCTNN_CONFORMANCE_MODELS="$subset" -DCTNN_TEST_PRUNED_HOST="$pruned_again"

  # The host kernels take an AVX-512 VNNI tile when the compiler may use it; run the bit-exact
  # checks once more with the build machine's instruction set.
  step "kernel, golden and self-check tests with -march=native (build-native/)"
  cmake -S . -B build-native -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-march=native -DCTNN_CONFORMANCE_MODELS="$subset" \
    -DCTNN_BUILD_BENCHMARKS=OFF -DCTNN_BUILD_EXAMPLES=OFF -DCTNN_TEST_PRUNED_HOST="$pruned_again" "${launcher[@]}" >/dev/null
  cmake --build build-native -j "$jobs"
  ctest --test-dir build-native -j "$jobs" --output-on-failure -R "golden|self_check|kernel|unit|conformance"

  step "ctnn-convert under AddressSanitizer + UBSan, then ${fuzz_seconds} s of libFuzzer on raw bytes and ${fuzz_seconds} s on edited models (build-fuzz/)"
  cmake -S tools/ctnn-convert -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
    -DCTNN_SANITIZE=ON -DCTNN_FUZZ=ON -DCTNN_FUZZ_SECONDS="$fuzz_seconds" -DCTNN_FUZZ_LOWERING_SECONDS="$fuzz_seconds" \
    "${launcher[@]}" >/dev/null
  cmake --build build-fuzz -j "$jobs"
  ctest --test-dir build-fuzz --output-on-failure

  for core in m0plus m7 m33 m55; do
    firmware_suite "$core"
  done
fi
step "all tests passed"
