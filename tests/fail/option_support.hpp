// Weights for the layer-option tests. Those tests only name a layer type, never bind it, so the
// values do not matter; the parameter set only has to be one (ctnn::LayerParams).
#pragma once

#include <array>
#include <cstdint>

#include "fail_support.hpp"

namespace fail {

template <class WeightShape, int Channels>
struct weights_of {
    using weight_shape = WeightShape;
    static constexpr std::array<std::int8_t, WeightShape::size> weights{};
    static constexpr std::array<float, 1> weight_scales{0.01f};
    static constexpr std::array<std::int32_t, Channels> bias{};
};
using conv3x3 = weights_of<ctnn::shape<2, 3, 3, 1>, 2>;       // OHWI
using depthwise3x3 = weights_of<ctnn::shape<1, 3, 3, 2>, 2>;  // 1HWC

}  // namespace fail
