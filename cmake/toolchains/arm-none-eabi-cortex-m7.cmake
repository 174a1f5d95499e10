# Toolchain: Cortex-M7 with double-precision FPU (hard float ABI) and DSP; QEMU mps2-an500.
# Use: cmake -G Ninja -DCMAKE_TOOLCHAIN_FILE=<ctnn>/cmake/toolchains/arm-none-eabi-cortex-m7.cmake
set(CTNN_FW_CORE cortex-m7)
set(CTNN_FW_CPU_FLAGS "-mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard")
set(CTNN_FW_DEFAULT_BOARD mps2-an500)
include("${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake")
