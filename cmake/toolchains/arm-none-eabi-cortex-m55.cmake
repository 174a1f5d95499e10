# Toolchain: Cortex-M55 (ARMv8.1-M, Helium/MVE, FPU); QEMU mps3-an547 (boots secure).
# Use: cmake -G Ninja -DCMAKE_TOOLCHAIN_FILE=<ctnn>/cmake/toolchains/arm-none-eabi-cortex-m55.cmake
set(CTNN_FW_CORE cortex-m55)
set(CTNN_FW_CPU_FLAGS "-mcpu=cortex-m55 -mthumb -mfloat-abi=hard")
set(CTNN_FW_DEFAULT_BOARD mps3-an547)
include("${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake")
