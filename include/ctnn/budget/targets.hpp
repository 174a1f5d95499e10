// Real microcontrollers' on-chip RAM and flash, from their datasheets. Each target is its own
// type so a budget error names the part. Parts without on-chip flash carry the flash of the
// board they usually ship on (noted). Each lists its RAM regions (budget/regions.hpp) from its
// memory map, fastest first: tightly coupled memories rank 0, the main SRAM next, smaller or
// slower banks after; ctnn::placed<Model, Target> splits an arena across them.
#pragma once

#include <cstddef>

#include "ctnn/budget/budget.hpp"
#include "ctnn/budget/regions.hpp"

namespace ctnn::targets {

// A region named Name: a type of its own, so an error names it.
#define CTNN_TARGET_REGION(TYPE, NAME, BYTES, RANK) \
    struct TYPE : memory_region<BYTES, RANK> {      \
        static constexpr const char* name = NAME;   \
    }

// clang-format off
struct stm32f446re : budget<kib(128), kib(512)> {
    static constexpr const char* name = "STM32F446RE (Cortex-M4F)";
    CTNN_TARGET_REGION(sram1, "SRAM1", kib(112), 0);
    CTNN_TARGET_REGION(sram2, "SRAM2", kib(16), 0);
    using regions = ctnn::regions<sram1, sram2>;
};
struct stm32f411re : budget<kib(128), kib(512)> {
    static constexpr const char* name = "STM32F411RE (Cortex-M4F)";
    CTNN_TARGET_REGION(sram, "SRAM", kib(128), 0);
    using regions = ctnn::regions<sram>;
};
struct stm32l476rg : budget<kib(128), mib(1)> {
    static constexpr const char* name = "STM32L476RG (Cortex-M4F)";
    CTNN_TARGET_REGION(sram1, "SRAM1", kib(96), 0);
    CTNN_TARGET_REGION(sram2, "SRAM2", kib(32), 0);
    using regions = ctnn::regions<sram1, sram2>;
};
struct stm32l4r5zi : budget<kib(640), mib(2)> {
    static constexpr const char* name = "STM32L4R5ZI (Cortex-M4F)";
    CTNN_TARGET_REGION(sram1, "SRAM1", kib(192), 0);
    CTNN_TARGET_REGION(sram2, "SRAM2", kib(64), 0);
    CTNN_TARGET_REGION(sram3, "SRAM3", kib(384), 0);
    using regions = ctnn::regions<sram1, sram2, sram3>;
};
struct stm32f746ng : budget<kib(320), mib(1)> {
    static constexpr const char* name = "STM32F746NG (Cortex-M7)";
    CTNN_TARGET_REGION(dtcm, "DTCM", kib(64), 0);
    CTNN_TARGET_REGION(sram1, "SRAM1", kib(240), 1);
    CTNN_TARGET_REGION(sram2, "SRAM2", kib(16), 1);
    using regions = ctnn::regions<dtcm, sram1, sram2>;
};
struct stm32h743zi : budget<kib(1024), mib(2)> {
    static constexpr const char* name = "STM32H743ZI (Cortex-M7)";
    CTNN_TARGET_REGION(dtcm, "DTCM", kib(128), 0);
    CTNN_TARGET_REGION(axi_sram, "AXI SRAM", kib(512), 1);
    CTNN_TARGET_REGION(sram123, "SRAM1-3 (D2)", kib(288), 2);
    CTNN_TARGET_REGION(sram4, "SRAM4 (D3)", kib(64), 3);
    using regions = ctnn::regions<dtcm, axi_sram, sram123, sram4>;
};
struct nrf52840 : budget<kib(256), mib(1)> {
    static constexpr const char* name = "nRF52840 (Cortex-M4F)";
    CTNN_TARGET_REGION(ram, "RAM", kib(256), 0);
    using regions = ctnn::regions<ram>;
};
struct nrf5340_app : budget<kib(512), mib(1)> {
    static constexpr const char* name = "nRF5340 application core (Cortex-M33)";
    CTNN_TARGET_REGION(sram, "SRAM", kib(512), 0);
    using regions = ctnn::regions<sram>;
};
struct samd21g18 : budget<kib(32), kib(256)> {
    static constexpr const char* name = "SAMD21G18 (Cortex-M0+)";
    CTNN_TARGET_REGION(sram, "SRAM", kib(32), 0);
    using regions = ctnn::regions<sram>;
};
struct rp2040 : budget<kib(264), mib(2)> {
    static constexpr const char* name = "RP2040 (Cortex-M0+), 2 MiB QSPI flash of the Pico board";
    CTNN_TARGET_REGION(striped, "SRAM0-3 (striped)", kib(256), 0);
    CTNN_TARGET_REGION(sram4, "SRAM4", kib(4), 0);
    CTNN_TARGET_REGION(sram5, "SRAM5", kib(4), 0);
    using regions = ctnn::regions<striped, sram4, sram5>;
};
struct imxrt1062 : budget<kib(1024), mib(8)> {
    static constexpr const char* name = "i.MX RT1062 (Cortex-M7), 8 MiB QSPI flash of the Teensy 4.1 board";
    CTNN_TARGET_REGION(dtcm, "FlexRAM DTCM (shared with ITCM)", kib(512), 0);
    CTNN_TARGET_REGION(ocram, "OCRAM", kib(512), 1);
    using regions = ctnn::regions<dtcm, ocram>;
};
struct stm32f103c8 : budget<kib(20), kib(64)> {
    static constexpr const char* name = "STM32F103C8 (Cortex-M3)";
    CTNN_TARGET_REGION(sram, "SRAM", kib(20), 0);
    using regions = ctnn::regions<sram>;
};
// clang-format on

#undef CTNN_TARGET_REGION

}  // namespace ctnn::targets
