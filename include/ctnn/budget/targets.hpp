// Real microcontrollers' on-chip RAM and flash, from their datasheets. Each target is its own
// type so a budget error names the part. Parts without on-chip flash carry the flash of the
// board they usually ship on (noted).
#pragma once

#include <cstddef>

#include "ctnn/budget/budget.hpp"

namespace ctnn::targets {

// clang-format off
struct stm32f446re : budget<kib(128),  kib(512)>  { static constexpr const char* name = "STM32F446RE (Cortex-M4F)"; };
struct stm32f411re : budget<kib(128),  kib(512)>  { static constexpr const char* name = "STM32F411RE (Cortex-M4F)"; };
struct stm32l476rg : budget<kib(128),  mib(1)>    { static constexpr const char* name = "STM32L476RG (Cortex-M4F)"; };
struct stm32l4r5zi : budget<kib(640),  mib(2)>    { static constexpr const char* name = "STM32L4R5ZI (Cortex-M4F)"; };
struct stm32f746ng : budget<kib(320),  mib(1)>    { static constexpr const char* name = "STM32F746NG (Cortex-M7)"; };
struct stm32h743zi : budget<kib(1024), mib(2)>    { static constexpr const char* name = "STM32H743ZI (Cortex-M7)"; };
struct nrf52840    : budget<kib(256),  mib(1)>    { static constexpr const char* name = "nRF52840 (Cortex-M4F)"; };
struct nrf5340_app : budget<kib(512),  mib(1)>    { static constexpr const char* name = "nRF5340 application core (Cortex-M33)"; };
struct samd21g18   : budget<kib(32),   kib(256)>  { static constexpr const char* name = "SAMD21G18 (Cortex-M0+)"; };
struct rp2040      : budget<kib(264),  mib(2)>    { static constexpr const char* name = "RP2040 (Cortex-M0+), 2 MiB QSPI flash of the Pico board"; };
struct imxrt1062   : budget<kib(1024), mib(8)>    { static constexpr const char* name = "i.MX RT1062 (Cortex-M7), 8 MiB QSPI flash of the Teensy 4.1 board"; };
struct stm32f103c8 : budget<kib(20),   kib(64)>   { static constexpr const char* name = "STM32F103C8 (Cortex-M3)"; };
// clang-format on

}  // namespace ctnn::targets
