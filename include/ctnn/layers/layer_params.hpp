// The constant data of a weighted layer, as the converter (or a person) writes it:
//
//   struct conv1 {
//       using weight_shape = ctnn::shape<O, KH, KW, I>;   // FC: <O, I>; depthwise: <1, KH, KW, O>
//       static constexpr std::int8_t weights[...] = {...}; // TFLite's layout
//       static constexpr float weight_scales[...] = {...}; // one per output channel, or one
//       static constexpr std::int32_t bias[O] = {...};
//   };
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

#include "ctnn/core/shape.hpp"
#include "ctnn/quant/qparams.hpp"

namespace ctnn {

template <class P>
concept LayerParams = requires {
    typename P::weight_shape;
    requires Shape<typename P::weight_shape>;
    { P::weights[0] } -> std::convertible_to<std::int8_t>;
    { P::weight_scales[0] } -> std::convertible_to<float>;
    { P::bias[0] } -> std::convertible_to<std::int32_t>;
};

namespace diag {

// Checks the counts of a parameter struct against its declared shape; `Channels` is the
// number of output channels the layer derives from that shape.
template <class P, std::size_t Channels>
struct invalid_layer_params {
    static_assert(std::size(P::weights) == P::weight_shape::size,
                  "ctnn: weights count does not match weight_shape");
    static_assert(std::size(P::bias) == Channels, "ctnn: bias count must equal the output channels");
    static_assert(std::size(P::weight_scales) == 1 || std::size(P::weight_scales) == Channels,
                  "ctnn: per-channel weight_scales count must equal the output channels (or be 1: per tensor)");
    static constexpr bool ok = [] {
        for (float s : P::weight_scales)
            if (!valid_scale(s)) return false;
        return true;
    }();
    static_assert(ok, "ctnn: every weight scale must be positive and finite");
};

}  // namespace diag

template <class P, std::size_t Channels>
inline constexpr bool valid_layer_params = diag::invalid_layer_params<P, Channels>::ok;

template <class P>
inline constexpr std::size_t param_storage_bytes =
    std::size(P::weights) * sizeof(std::int8_t) + std::size(P::bias) * sizeof(std::int32_t);

}  // namespace ctnn
