// Small parameter sets for the compile-fail tests.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/ctnn.hpp"

namespace fail {

struct q { static constexpr float scale = 0.1f; static constexpr std::int32_t zero_point = 0; };

template <int Out, int In>
struct dense {
    using weight_shape = ctnn::shape<Out, In>;
    static constexpr std::array<std::int8_t, Out * In> weights = [] {
        std::array<std::int8_t, Out * In> w{};
        for (int i = 0; i < Out * In; ++i) w[i] = static_cast<std::int8_t>(i % 7 - 3);
        return w;
    }();
    static constexpr std::array<float, 1> weight_scales{0.01f};
    static constexpr std::array<std::int32_t, Out> bias{};
};

}  // namespace fail
