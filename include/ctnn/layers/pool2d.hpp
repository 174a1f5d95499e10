// AVERAGE_POOL_2D and MAX_POOL_2D: windows over H and W of an NHWC int8 or int16 tensor. As in TFLite,
// the output keeps the input's quantization, so there is no requantization.
#pragma once

#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/pool2d_s8.hpp"
#include "ctnn/kernels/reference/pool2d_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/layers/options.hpp"
#include "ctnn/layers/window_geometry.hpp"
#include "ctnn/quant/activation.hpp"
#include "ctnn/quant/activation_int16.hpp"

namespace ctnn {
namespace diag {
template <class InputShape, class Window, bool Ok>
struct pooling_needs_an_nhwc_input_at_least_the_window {
    static_assert(Ok, "ctnn: pooling takes a 1xHxWxC int8 or int16 tensor, at least as large as the window with VALID "
                      "padding (template arguments: input shape, window)");
};
template <int FilterH, int FilterW, bool Fits>
struct average_pool_int16_window_too_large {
    static_assert(Fits, "ctnn: average_pool2d: an int16 window has more than 2^16 taps, so the int32 sum could overflow "
                        "(template arguments: the window's height and width)");
};
}  // namespace diag

namespace layers {
// AVERAGE_POOL_2D and MAX_POOL_2D alike.
inline constexpr operator_traits pool2d_traits = separate_output;

namespace detail {

enum class pooling { average, max };

template <pooling Kind, Window Win, Stride Str, Padding Pad, Activation Act>
struct pool2d : layer {
    template <class In>
    struct bind {
        using s = typename In::shape;
        static_assert(sizeof(diag::pooling_needs_an_nhwc_input_at_least_the_window<
                             s, Win,
                             (Int8Tensor<In> || Int16Tensor<In>) && s::rank == 4 && s::dims[0] == 1 &&
                                 (std::is_same_v<Pad, padding::same> || (Win::h <= s::dims[1] && Win::w <= s::dims[2]))>));
        static constexpr bool same = std::is_same_v<Pad, padding::same>;
        static_assert(window_in_int_range(check_window(same, s::dims[1], Win::h, Str::h, 1)) &&
                          window_in_int_range(check_window(same, s::dims[2], Win::w, Str::w, 1)),
                      "ctnn: pooling: the stride or the window is too large for int arithmetic");
        static_assert(Kind != pooling::average || average_pool_window_in_range(Win::h, Win::w),
                      "ctnn: average_pool2d: the window has more than 2^24 taps (the int32 sum could overflow)");
        static_assert(sizeof(diag::average_pool_int16_window_too_large<
                             Win::h, Win::w, Kind != pooling::average || !Int16Tensor<In> || average_pool_window_in_range_int16(Win::h, Win::w)>));
        static_assert(sizeof(diag::activation_bounds_overflow<Act, typename In::quant,
                                                              activation_range_representable<Act>(In::quant::scale)>));
        static constexpr kernels::pool_geometry geometry = [] {
            auto g = window_geometry<kernels::pool_geometry, s, Win::h, Win::w, Str, dilation<1, 1>, Pad, Act,
                                     typename In::quant>();
            g.channels = s::dims[3];
            if constexpr (Int16Tensor<In>) {  // the same clamp rule on int16's range
                const activation_range r = int16_activation_range<Act>(In::quant::scale);
                g.act_min = r.min;
                g.act_max = r.max;
            }
            g.filter_h = Win::h;
            g.filter_w = Win::w;
            return g;
        }();
        using output = tensor_type<shape<1, geometry.out_h, geometry.out_w, s::dims[3]>, typename In::quant>;
        using element = typename In::element;

        static void run_reference(const element* input, element* out) {
            if constexpr (Kind == pooling::average) {
                kernels::reference::average_pool2d(kernels::reference::runtime_value(geometry), input, out);
            } else {
                kernels::reference::max_pool2d(kernels::reference::runtime_value(geometry), input, out);
            }
        }
        using kernel = kernels::kernel_for<std::conditional_t<Kind == pooling::average, kernels::op::average_pool2d,
                                                              kernels::op::max_pool2d>>;
        static constexpr layer_facts facts = unweighted_facts(pool2d_traits, 0);

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<geometry>(); }
        template <kernel_options>
        static void run(const element* input, element* out, std::byte*) {
            kernel::template run<geometry>(input, out);
        }
    };
};

}  // namespace detail

template <Window Win, Stride Str, Padding Pad, Activation Act = act::none>
struct average_pool2d : detail::pool2d<detail::pooling::average, Win, Str, Pad, Act> {};

template <Window Win, Stride Str, Padding Pad, Activation Act = act::none>
struct max_pool2d : detail::pool2d<detail::pooling::max, Win, Str, Pad, Act> {};

}  // namespace layers
}  // namespace ctnn
