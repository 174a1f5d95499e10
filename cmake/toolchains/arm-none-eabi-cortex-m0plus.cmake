# Toolchain: Cortex-M0+ (ARMv6-M, no FPU, no DSP). Default board: QEMU microbit,
# whose nRF51 is a Cortex-M0: the same ARMv6-M instruction set, so M0+ code runs there.
# Use: cmake -G Ninja -DCMAKE_TOOLCHAIN_FILE=<ctnn>/cmake/toolchains/arm-none-eabi-cortex-m0plus.cmake
set(CTNN_FW_CORE cortex-m0plus)
set(CTNN_FW_CPU_FLAGS "-mcpu=cortex-m0plus -mthumb -mfloat-abi=soft")
set(CTNN_FW_DEFAULT_BOARD microbit)
include("${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake")
