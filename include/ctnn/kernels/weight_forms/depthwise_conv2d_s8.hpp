// DEPTHWISE_CONV_2D int8 on sparse weights (sparse_weights.hpp): per output channel only its
// non-zero kernel taps, walked in tap order (a step counts taps); a channel of zeros costs its
// bias. Or each channel's taps as 4-bit codes (nibble_weights.hpp). Tap pointers and padding as the portable kernel's (padded taps read zp_in); folded bias
// and requantization as the dense kernels', so the results are bit-exact with them.
#pragma once

#include <cstdint>
#include <iterator>

#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/detail/channel_plan.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/kernels/weight_forms/bitmap_weights.hpp"
#include "ctnn/kernels/weight_forms/nibble_weights.hpp"
#include "ctnn/kernels/weight_forms/sparse_weights.hpp"

namespace ctnn::kernels::weight_forms {

template <class Spec>
struct depthwise_layout {
    static constexpr conv_geometry g = Spec::geometry;
    static constexpr int channels = g.out_c;
    static constexpr channel_weights layout = portable::detail::depthwise_layout(g);
    using dense = portable::detail::channel_plan<Spec, layout>;

    [[gnu::always_inline]] static std::int8_t requantize(std::int32_t acc, int oc) noexcept {
        if constexpr (portable::detail::row_requantization)
            return portable::detail::requantize_one<dense::requant, g.act_min, g.act_max>(acc, oc);
        else
            return portable::detail::requantize(acc, std::data(Spec::requant)[oc], g.output_zero_point, g.act_min, g.act_max);
    }
};

// Its weights in each form, made only for the form a layer takes.
template <class Spec>
inline constexpr const sparse_census& depthwise_census = layer_census<Spec, depthwise_layout<Spec>::channels, depthwise_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& depthwise_rows = layer_rows<Spec, depthwise_layout<Spec>::channels, depthwise_layout<Spec>::layout>;
template <class Spec>
inline constexpr const nibble_census& depthwise_nibble_census = layer_nibble_census<Spec, depthwise_layout<Spec>::channels, depthwise_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& depthwise_nibbles = layer_nibbles<Spec, depthwise_layout<Spec>::channels, depthwise_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& depthwise_bitmap = layer_bitmap<Spec, depthwise_layout<Spec>::channels, depthwise_layout<Spec>::layout>;

// Every output pixel: the input rows of its taps (padded taps read zp_in), then
// pixel(taps, out) writes its output channels.
// Output rows [y_begin, y_end) only, written from `output` on.
template <class Spec, class Pixel>
[[gnu::always_inline]] inline void depthwise_pixels(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, Pixel pixel) {
    constexpr conv_geometry g = Spec::geometry;
    for (int oy = y_begin; oy < y_end; ++oy) {
        for (int ox = 0; ox < g.out_w; ++ox) {
            const std::int8_t* xs[g.kernel_h * g.kernel_w];
            portable::detail::depthwise_taps<Spec>(input, oy, ox, xs);
            pixel(xs, output + ((oy - y_begin) * g.out_w + ox) * g.out_c);
        }
    }
}

template <class Spec>
[[gnu::always_inline]] inline void depthwise_conv2d_s8_rows(const std::int8_t* __restrict input, std::int8_t* __restrict output, int y_begin, int y_end) {
    using plan = depthwise_layout<Spec>;
    constexpr conv_geometry g = plan::g;
    constexpr int multiplier = g.depth_multiplier;
    constexpr const auto& rows = depthwise_rows<Spec>;
    const std::int32_t* const bias = plan::dense::bias.data();
    depthwise_pixels<Spec>(input, output, y_begin, y_end, [bias](const std::int8_t* const* xs, std::int8_t* out) {
        const std::uint32_t* e = rows.entries.data();
        for (int oc = 0; oc < plan::g.out_c; ++oc) {
            const int ic = oc / multiplier;
            std::int32_t acc = bias[oc];
            int tap = 0;
            for (int j = rows.pairs[std::size_t(oc)]; j > 0; --j) {
                const std::uint32_t t = *e++;
                tap += (t >> 8) & 0xff;
                acc += std::int32_t{static_cast<std::int8_t>(t)} * xs[tap][ic];
                tap += t >> 24;
                // A padding entry (weight 0, step 0) re-reads the same tap: in range.
                acc += std::int32_t{static_cast<std::int8_t>(t >> 16)} * xs[tap][ic];
            }
            out[oc] = plan::requantize(acc, oc);
        }
    });
}

// The same on 4-bit codes (nibble_weights.hpp): each channel's taps decoded in order.
template <class Spec>
[[gnu::always_inline]] inline void depthwise_conv2d_s8_nibbles_rows(const std::int8_t* __restrict input, std::int8_t* __restrict output, int y_begin, int y_end) {
    using plan = depthwise_layout<Spec>;
    constexpr conv_geometry g = plan::g;
    constexpr int taps = g.kernel_h * g.kernel_w;
    constexpr nibble_table table = depthwise_nibble_census<Spec>.table();
    constexpr std::size_t row = nibble_census::row_bytes(taps);
    const std::int32_t* const bias = plan::dense::bias.data();
    depthwise_pixels<Spec>(input, output, y_begin, y_end, [bias](const std::int8_t* const* xs, std::int8_t* out) {
        for (int oc = 0; oc < plan::g.out_c; ++oc) {
            const int ic = oc / plan::g.depth_multiplier;
            const std::uint8_t* const codes = depthwise_nibbles<Spec>.codes.data() + row * std::size_t(oc);
            const std::int8_t* t = nullptr;
            if constexpr (table == nibble_table::per_channel) t = depthwise_nibbles<Spec>.tables.data() + 16 * oc;
            if constexpr (table == nibble_table::per_tensor) t = depthwise_nibbles<Spec>.tables.data();
            std::int32_t acc = bias[oc];
            for (int k = 0; k < taps; ++k) acc += nibble_value<table>((codes[k / 2] >> (4 * (k & 1))) & 15u, t) * xs[k][ic];
            out[oc] = plan::requantize(acc, oc);
        }
    });
}

// The same on the bitmap of non-zero taps (bitmap_weights.hpp).
template <class Spec>
[[gnu::always_inline]] inline void depthwise_conv2d_s8_bitmap_rows(const std::int8_t* __restrict input, std::int8_t* __restrict output, int y_begin, int y_end) {
    using plan = depthwise_layout<Spec>;
    constexpr conv_geometry g = plan::g;
    constexpr int taps = g.kernel_h * g.kernel_w;
    constexpr std::size_t row = bitmap_row_bytes(taps);
    const std::int32_t* const bias = plan::dense::bias.data();
    depthwise_pixels<Spec>(input, output, y_begin, y_end, [bias](const std::int8_t* const* xs, std::int8_t* out) {
        const std::int8_t* v = depthwise_bitmap<Spec>.values.data();
        for (int oc = 0; oc < plan::g.out_c; ++oc) {
            const int ic = oc / plan::g.depth_multiplier;
            const std::int32_t acc = bitmap_dot<taps>(depthwise_bitmap<Spec>.masks.data() + row * std::size_t(oc), v,
                                                      [xs, ic](int k) { return std::int32_t{xs[k][ic]}; }, bias[oc]);
            out[oc] = plan::requantize(acc, oc);
        }
    });
}

// Each form's entry points: the whole tensor (constant bounds), and a range of rows (in place
// by rows), so the whole-tensor one pays for no bounds.
template <class Spec>
void depthwise_conv2d_s8(const std::int8_t* input, std::int8_t* output) { depthwise_conv2d_s8_rows<Spec>(input, output, 0, Spec::geometry.out_h); }
template <class Spec>
void depthwise_conv2d_s8(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) { depthwise_conv2d_s8_rows<Spec>(input, output, y_begin, y_end); }
template <class Spec>
void depthwise_conv2d_s8_nibbles(const std::int8_t* input, std::int8_t* output) { depthwise_conv2d_s8_nibbles_rows<Spec>(input, output, 0, Spec::geometry.out_h); }
template <class Spec>
void depthwise_conv2d_s8_nibbles(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) { depthwise_conv2d_s8_nibbles_rows<Spec>(input, output, y_begin, y_end); }
template <class Spec>
void depthwise_conv2d_s8_bitmap(const std::int8_t* input, std::int8_t* output) { depthwise_conv2d_s8_bitmap_rows<Spec>(input, output, 0, Spec::geometry.out_h); }
template <class Spec>
void depthwise_conv2d_s8_bitmap(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) { depthwise_conv2d_s8_bitmap_rows<Spec>(input, output, y_begin, y_end); }

// What it reads: the entries, the folded bias, the requantization table or multipliers, and the
// row of zp_in padded taps read.
template <class Spec, const auto& Weights>
constexpr linked_constants depthwise_conv2d_constants() {
    using plan = depthwise_layout<Spec>;
    linked_constants c;
    if constexpr (portable::detail::row_requantization)
        c = linked_constants::of(Weights, plan::dense::bias, plan::dense::requant);
    else
        c = linked_constants::of(Weights, plan::dense::bias, Spec::requant);
    return c.and_shared(portable::detail::filled_row<plan::g.in_c, plan::g.input_zero_point>);
}

}  // namespace ctnn::kernels::weight_forms
