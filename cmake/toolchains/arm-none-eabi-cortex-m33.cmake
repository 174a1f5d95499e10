# Toolchain: Cortex-M33 (ARMv8-M Mainline) with FPU and DSP; QEMU mps2-an505 (boots secure).
# Use: cmake -G Ninja -DCMAKE_TOOLCHAIN_FILE=<ctnn>/cmake/toolchains/arm-none-eabi-cortex-m33.cmake
set(CTNN_FW_CORE cortex-m33)
set(CTNN_FW_CPU_FLAGS "-mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard")
set(CTNN_FW_DEFAULT_BOARD mps2-an505)
include("${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi-common.cmake")
