# Shared part of the arm-none-eabi-cortex-*.cmake toolchain files (Debian's
# arm-none-eabi-gcc + newlib). The including file sets CTNN_FW_CPU_FLAGS,
# CTNN_FW_CORE and CTNN_FW_DEFAULT_BOARD first.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)

set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)

# There is no way to run a test executable, and linking one needs our startup
# code and linker script: let CMake's compiler checks build a static library.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(CMAKE_C_FLAGS_INIT "${CTNN_FW_CPU_FLAGS} -ffunction-sections -fdata-sections")
set(CMAKE_CXX_FLAGS_INIT "${CTNN_FW_CPU_FLAGS} -ffunction-sections -fdata-sections -fno-exceptions -fno-rtti")
set(CMAKE_ASM_FLAGS_INIT "${CTNN_FW_CPU_FLAGS}")
# nano.specs: newlib-nano. No nosys.specs on purpose: a firmware that pulls in
# a syscall (printf -> _write) fails to link instead of growing silently.
set(CMAKE_EXE_LINKER_FLAGS_INIT "${CTNN_FW_CPU_FLAGS} --specs=nano.specs -Wl,--gc-sections")

# Never search the host for libraries or headers (DESIGN.md 7: /usr/include
# breaks newlib builds); programs (python, qemu) do come from the host.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

set(CTNN_CORE "${CTNN_FW_CORE}" CACHE STRING "ctnn: Cortex-M core this build targets")
set(CTNN_BOARD "${CTNN_FW_DEFAULT_BOARD}" CACHE STRING
    "ctnn: board memory map for firmware (firmware/boards/<board>.ld) and QEMU machine")
