// CONV_2D int8 on sparse weights (sparse_weights.hpp): the portable driver gathers each output
// pixel's receptive field into a patch (padded taps read zp_in, kernels/portable/conv2d_s8.hpp),
// and each output channel walks its non-zero weights over it. A channel of zeros costs its
// bias; an input channel or kernel tap no weight uses is copied into the patch but never
// multiplied. Or each output channel decodes its 4-bit codes (nibble_weights.hpp) over the patch.
// Bit-exact with the dense kernels: same folded bias, same requantization.
#pragma once

#include <cstdint>
#include <iterator>
#include <type_traits>

#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/detail/channel_plan.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/kernels/weight_forms/form_choice.hpp"
#include "ctnn/kernels/weight_forms/bitmap_weights.hpp"
#include "ctnn/kernels/weight_forms/nibble_weights.hpp"
#include "ctnn/kernels/weight_forms/sparse_conv_dsp.hpp"
#include "ctnn/kernels/weight_forms/sparse_dot.hpp"
#include "ctnn/kernels/weight_forms/sparse_weights.hpp"

namespace ctnn::kernels::weight_forms {

template <class Spec>
struct conv2d_layout {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr int channels = g.out_c;
    static constexpr channel_weights layout = portable::detail::ohwi_layout(g);
    using dense = portable::detail::channel_plan<Spec, layout>;  // folded bias, requantization table

    [[gnu::always_inline]] static std::int8_t requantize(std::int32_t acc, int oc) noexcept {
        if constexpr (portable::detail::row_requantization)
            return portable::detail::requantize_one<dense::requant, g.act_min, g.act_max>(acc, oc);
        else
            return portable::detail::requantize(acc, std::data(Spec::requant)[oc], g.output_zero_point, g.act_min, g.act_max);
    }
    template <const auto& Weights>
    static constexpr linked_constants constants() {
        if constexpr (portable::detail::row_requantization)
            return linked_constants::of(Weights, dense::bias, dense::requant);
        else
            return linked_constants::of(Weights, dense::bias, Spec::requant);
    }
};

// Its weights in each form, made only for the form a layer takes.
template <class Spec>
inline constexpr const sparse_census& conv2d_census = layer_census<Spec, conv2d_layout<Spec>::channels, conv2d_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& conv2d_rows = layer_rows<Spec, conv2d_layout<Spec>::channels, conv2d_layout<Spec>::layout>;
template <class Spec>
inline constexpr const nibble_census& conv2d_nibble_census = layer_nibble_census<Spec, conv2d_layout<Spec>::channels, conv2d_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& conv2d_nibbles = layer_nibbles<Spec, conv2d_layout<Spec>::channels, conv2d_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& conv2d_bitmap = layer_bitmap<Spec, conv2d_layout<Spec>::channels, conv2d_layout<Spec>::layout>;

// The step from a patch to the pixel's output channels (the portable driver's Channels).
struct conv2d_channels {
    template <class Spec>
    [[gnu::always_inline]] static void pixel(const std::int8_t* x, std::int8_t* out) {
        using plan = conv2d_layout<Spec>;
        constexpr conv_geometry g = plan::g;
        constexpr const auto& rows = conv2d_rows<Spec>;
        const std::int32_t* const bias = plan::dense::bias.data();
        const std::uint32_t* e = rows.entries.data();
        for (int oc = 0; oc < g.out_c; ++oc) {
            const int pairs = rows.pairs[std::size_t(oc)];
            const std::int32_t acc = sparse_dot(e, pairs, x, bias[oc]);
            e += pairs;
            out[oc] = plan::requantize(acc, oc);
        }
    }
    template <class Spec>
    static constexpr linked_constants constants() {
        return conv2d_layout<Spec>::template constants<conv2d_rows<Spec>>();
    }
};

// The step on 4-bit codes (nibble_weights.hpp).
struct conv2d_nibble_channels {
    template <class Spec>
    [[gnu::always_inline]] static void pixel(const std::int8_t* x, std::int8_t* out) {
        using plan = conv2d_layout<Spec>;
        constexpr conv_geometry g = plan::g;
        constexpr nibble_table table = conv2d_nibble_census<Spec>.table();
        constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
        constexpr std::size_t row = nibble_census::row_bytes(depth);
        const std::int32_t* const bias = plan::dense::bias.data();
        for (int oc = 0; oc < g.out_c; ++oc) {
            const std::int8_t* t = nullptr;
            if constexpr (table == nibble_table::per_channel) t = conv2d_nibbles<Spec>.tables.data() + 16 * oc;
            if constexpr (table == nibble_table::per_tensor) t = conv2d_nibbles<Spec>.tables.data();
            const std::int32_t acc = nibble_dot<table, depth>(conv2d_nibbles<Spec>.codes.data() + row * std::size_t(oc), t, x, bias[oc]);
            out[oc] = plan::requantize(acc, oc);
        }
    }
    template <class Spec>
    static constexpr linked_constants constants() {
        return conv2d_layout<Spec>::template constants<conv2d_nibbles<Spec>>();
    }
};

// The step on the bitmap of non-zeros (bitmap_weights.hpp).
struct conv2d_bitmap_channels {
    template <class Spec>
    [[gnu::always_inline]] static void pixel(const std::int8_t* x, std::int8_t* out) {
        using plan = conv2d_layout<Spec>;
        constexpr conv_geometry g = plan::g;
        constexpr int depth = g.kernel_h * g.kernel_w * g.in_c;
        constexpr std::size_t row = bitmap_row_bytes(depth);
        const std::int32_t* const bias = plan::dense::bias.data();
        const std::int8_t* v = conv2d_bitmap<Spec>.values.data();
        for (int oc = 0; oc < g.out_c; ++oc) {
            const std::int32_t acc = bitmap_dot<depth>(conv2d_bitmap<Spec>.masks.data() + row * std::size_t(oc), v,
                                                       [x](int k) { return std::int32_t{x[k]}; }, bias[oc]);
            out[oc] = plan::requantize(acc, oc);
        }
    }
    template <class Spec>
    static constexpr linked_constants constants() {
        return conv2d_layout<Spec>::template constants<conv2d_bitmap<Spec>>();
    }
};

// What the sparse convolution costs on Set (form_choice.hpp).
template <class Set, class Spec>
inline constexpr sparse_costs conv_costs =
    std::is_same_v<Set, arm_dsp_set> && four_pixel_patch_fits<Spec> ? dsp_four_pixel_costs : costs_for<Set>;

// Output rows [y_begin, y_end) with the step Channels (conv2d_channels or conv2d_nibble_channels);
// sparse layers on the Arm DSP cores four pixels at a time where the patch fits
// (sparse_conv_dsp.hpp).
template <class Spec, class Channels>
void conv2d_s8_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
#if CTNN_KERNELS_ARM_DSP
    if constexpr (std::is_same_v<Channels, conv2d_channels> && four_pixel_patch_fits<Spec>) {
        conv2d_s8_rows_four<Spec, conv2d_rows<Spec>, conv2d_layout<Spec>::dense::bias>(input, output, y_begin, y_end);
        return;
    }
#endif
    portable::conv2d_s8_rows_with<Spec, Channels>(input, output, y_begin, y_end);
}

template <class Spec, class Channels>
constexpr linked_constants conv2d_constants() {
#if CTNN_KERNELS_ARM_DSP
    if constexpr (std::is_same_v<Channels, conv2d_channels> && four_pixel_patch_fits<Spec>) {
        constexpr conv_geometry g = Spec::geometry;
        return linked_constants::of(conv2d_rows<Spec>, conv2d_layout<Spec>::dense::bias, four_pixel_requant<Spec>)
            .and_shared(portable::detail::filled_row<g.in_c, g.input_zero_point>);
    }
#endif
    return portable::detail::conv2d_constants<Spec, Channels>();
}

}  // namespace ctnn::kernels::weight_forms
