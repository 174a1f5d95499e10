// The constant data of a weighted layer, as the converter (or a person) writes it:
//
//   struct conv1 {
//       using weight_shape = ctnn::shape<O, KH, KW, I>;   // FC: <O, I>; depthwise: <1, KH, KW, O>
//       static constexpr std::int8_t weights[...] = {...}; // TFLite's layout
//       static constexpr float weight_scales[...] = {...}; // one per output channel, or one
//       static constexpr std::int32_t bias[O] = {...};     // 16x8 layers: std::int64_t, or int32
//       static constexpr int weight_bits = 4;              // optional: int4 weights (each in [-8, 7],
//   };                                                     // a .tflite INT4 tensor), kept 4-bit in flash
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/weight_bits.hpp"
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
template <class P, std::size_t Count, std::size_t ShapeSize>
struct weights_count_does_not_match_weight_shape {
    static_assert(Count == ShapeSize, "ctnn: weights count does not match weight_shape (template arguments: the "
                                      "parameters, the weights count, the shape's element count)");
};
template <class P, std::size_t Count, std::size_t Channels>
struct bias_count_differs_from_output_channels {
    static_assert(Count == Channels, "ctnn: bias count must equal the output channels (template arguments: the "
                                     "parameters, the bias count, the output channels)");
};
template <class P, std::size_t Count, std::size_t Channels>
struct weight_scales_count_differs_from_output_channels {
    static_assert(Count == 1 || Count == Channels,
                  "ctnn: per-channel weight_scales count must equal the output channels, or be 1 for per-tensor "
                  "(template arguments: the parameters, the scales count, the output channels)");
};
template <class P, int FirstBad>
struct weight_scale_must_be_positive_and_finite {
    static_assert(FirstBad < 0, "ctnn: every weight scale must be positive and finite (template arguments: the "
                                "parameters, the index of the first bad scale)");
};

template <class P>
constexpr int first_bad_weight_scale() {
    int i = 0;
    for (float s : P::weight_scales) {
        if (!valid_scale(s)) return i;
        ++i;
    }
    return -1;
}

template <class P, int Bits, int FirstBad>
struct int4_weights_outside_minus_8_to_7 {
    static_assert((Bits == 4 || Bits == 8) && FirstBad < 0,
                  "ctnn: weight_bits is 4 (int4 weights, each in [-8, 7]) or 8 (template arguments: the parameters, "
                  "weight_bits, the index of the first weight outside [-8, 7])");
};

template <class P>
constexpr int first_weight_outside_int4() {
    if constexpr (weight_bits_of<P> == 4) {
        int i = 0;
        for (const auto w : P::weights) {
            if (w < -8 || w > 7) return i;
            ++i;
        }
    }
    return -1;
}

template <class P, std::size_t Channels>
struct invalid_layer_params {
    static constexpr bool ok =
        sizeof(weights_count_does_not_match_weight_shape<P, std::size(P::weights), P::weight_shape::size>) &&
        sizeof(bias_count_differs_from_output_channels<P, std::size(P::bias), Channels>) &&
        sizeof(weight_scales_count_differs_from_output_channels<P, std::size(P::weight_scales), Channels>) &&
        sizeof(weight_scale_must_be_positive_and_finite<P, first_bad_weight_scale<P>()>) &&
        sizeof(int4_weights_outside_minus_8_to_7<P, weight_bits_of<P>, first_weight_outside_int4<P>()>);
};

}  // namespace diag

template <class P, std::size_t Channels>
inline constexpr bool valid_layer_params = diag::invalid_layer_params<P, Channels>::ok;

}  // namespace ctnn
