# Toolchain: Cortex-M0+ (ARMv6-M, no FPU, no DSP). Default board: QEMU microbit,
# whose nRF51 is a Cortex-M0: the same ARMv6-M instruction set, so M0+ code runs there.
# Use: cmake -G Ninja -DCMAKE_TOOLCHAIN_FILE=<ctnn>/cmake/toolchains/arm-none-eabi-cortex-m0plus.cmake
set(CTNN_FW_CORE cortex-m0plus)
set(CTNN_FW_CPU_FLAGS "-mcpu=cortex-m0plus -mthumb -mfloat-abi=soft")
# QEMU has no Cortex-M0+ board. mps2-an385 (a Cortex-M3) executes ARMv6-M code unchanged and
# has room for every bundled model, so instruction counts of an M0+ build are measured there;
# microbit (a Cortex-M0, 256 KiB flash / 16 KiB RAM) is the small alternative (BOARD microbit).
set(CTNN_FW_DEFAULT_BOARD mps2-an385)
include("${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake")
