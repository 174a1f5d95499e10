# Toolchain: Cortex-M4 with single-precision FPU (hard float ABI) and DSP; QEMU mps2-an386.
# Use: cmake -G Ninja -DCMAKE_TOOLCHAIN_FILE=<ctnn>/cmake/toolchains/arm-none-eabi-cortex-m4.cmake
set(CTNN_FW_CORE cortex-m4)
set(CTNN_FW_CPU_FLAGS "-mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard")
set(CTNN_FW_DEFAULT_BOARD mps2-an386)
include("${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake")
