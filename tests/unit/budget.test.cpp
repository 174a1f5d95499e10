// Budgets and targets: the non-failing side (the failing side lives in tests/fail).
#include <doctest/doctest.h>

#include "ctnn/budget/budget.hpp"
#include "ctnn/budget/targets.hpp"

namespace {
struct model_64k {
    static constexpr std::size_t ram_bytes = 64 * 1024;
    static constexpr std::size_t flash_bytes = 300 * 1024;
};
}  // namespace

static_assert(ctnn::targets::stm32f446re::ram_bytes == 131072);
static_assert(ctnn::targets::stm32f446re::flash_bytes == 524288);
static_assert(ctnn::fits<model_64k, ctnn::targets::stm32f446re>);
static_assert(!ctnn::fits_within<model_64k, ctnn::targets::samd21g18>);
// Reserving 80 KiB of the F446's 128 KiB for the rest of the firmware leaves 48 KiB: too little.
static_assert(!ctnn::fits_within<model_64k, ctnn::reserve<ctnn::targets::stm32f446re, ctnn::kib(80), 0>>);
static_assert(ctnn::reserve<ctnn::targets::nrf52840, ctnn::kib(56), ctnn::kib(24)>::ram_bytes == 200 * 1024);

TEST_CASE("budgets of the bundled targets") {
    CHECK(ctnn::targets::rp2040::ram_bytes == 264 * 1024);
    CHECK(ctnn::targets::stm32h743zi::flash_bytes == 2 * 1024 * 1024);
    CHECK(ctnn::fits_within<model_64k, ctnn::targets::nrf52840>);
    CHECK_FALSE(ctnn::fits_within<model_64k, ctnn::targets::stm32f103c8>);
}
