#!/usr/bin/env bash
# The main job, from a fresh Debian 12 machine: installs what is missing (as root or via sudo),
# converts the bundled keyword-spotting model at build time, builds it for the host (build/)
# and as Cortex-M4 firmware (build-m4/), runs both (the firmware in QEMU), and prints the
# prediction, the model's RAM and flash against a real MCU's budget, and the instructions one
# inference takes on the Cortex-M4.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${CTNN_JOBS:-2}
launcher=()
step() { printf '\n==> %s\n' "$*"; }

step "checking Debian packages"
bash scripts/install-deps.sh --with-arm
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

step "host build (build/): ctnn-convert turns models/kws_ds_cnn_int8.tflite into a header, the compiler does the rest"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
cmake --build build -j "$jobs" --target ctnn-convert ctnn_kws_demo
./build/bin/ctnn-convert --summary models/kws_ds_cnn_int8.tflite

step "running on the host"
./build/bin/ctnn_kws_demo

step "Cortex-M4 firmware (build-m4/)"
cmake -S . -B build-m4 -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/arm-none-eabi-cortex-m4.cmake "${launcher[@]}" >/dev/null
cmake --build build-m4 -j "$jobs" --target ctnn_kws_demo_fw
arm-none-eabi-size build-m4/bin/ctnn_kws_demo_fw.elf

step "running the firmware in QEMU (mps2-an386, Cortex-M4F; -icount shift=0 counts instructions exactly)"
qemu-system-arm -M mps2-an386 -nographic -monitor none -serial none \
  -semihosting-config enable=on,target=native -icount shift=0 \
  -kernel build-m4/bin/ctnn_kws_demo_fw.elf 2>&1
