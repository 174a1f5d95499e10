// Portable AVERAGE_POOL_2D and MAX_POOL_2D, int8 or int16, specialised at compile time; bit-exact
// with reference::average_pool2d / max_pool2d.
//
//   kernel<portable_set, op::average_pool2d>::run<G>(const T* input, T* output)   (T: std::int8_t or std::int16_t)
//   kernel<portable_set, op::max_pool2d>::run<G>(const T* input, T* output)   (T: std::int8_t or std::int16_t)
//
// The geometry is the template argument itself (it has no arrays, so it is a valid NTTP).
// input: in_h x in_w x channels, output: out_h x out_w x channels; no alignment needed.
//
// How: the window is clamped to the input once per output pixel (no per-tap tests), then
// channel-contiguous int32 sums / maxima are accumulated. The average divides by the count of
// in-bounds taps; for full windows that count is a constant, so the division becomes a multiply.
#pragma once

#include <cstdint>
#include <limits>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::portable {
namespace detail {

struct window_range {
    int y0, y1, x0, x1;  // in-bounds input rows [y0, y1) and columns [x0, x1)
};

template <pool_geometry G>
constexpr window_range clamp_window(int oy, int ox) noexcept {
    const int iy = oy * G.stride_h - G.pad_top;
    const int ix = ox * G.stride_w - G.pad_left;
    const int y0 = iy < 0 ? 0 : iy;
    const int x0 = ix < 0 ? 0 : ix;
    const int y1 = iy + G.filter_h > G.in_h ? G.in_h : iy + G.filter_h;
    const int x1 = ix + G.filter_w > G.in_w ? G.in_w : ix + G.filter_w;
    return {y0, y1, x0, x1};
}

// TFLite's rounding average: half away from zero, C division.
inline std::int32_t rounded_average(std::int32_t sum, std::int32_t n) noexcept {
    return sum > 0 ? (sum + n / 2) / n : (sum - n / 2) / n;
}

}  // namespace detail

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::average_pool2d> : provided_kernel {
    // No tables: the geometry is the template argument.
    template <pool_geometry G>
    static constexpr linked_constants constants() { return {}; }
    // Not inlined: its accumulator row stays in its own frame instead of the step function's,
    // where it would sit under every deeper kernel call (the firmware's stack peak).
    template <pool_geometry G, class T>
    [[gnu::noinline]] static void run(const T* input, T* output) {
        static_assert(G.channels > 0 && G.filter_h > 0 && G.filter_w > 0, "ctnn: average_pool2d_s8 needs a non-empty window");
        constexpr int full = G.filter_h * G.filter_w;
        alignas(16) std::int32_t sum[G.channels];
        for (int oy = 0; oy < G.out_h; ++oy) {
            for (int ox = 0; ox < G.out_w; ++ox) {
                const portable::detail::window_range r = portable::detail::clamp_window<G>(oy, ox);
                for (int c = 0; c < G.channels; ++c) sum[c] = 0;
                for (int y = r.y0; y < r.y1; ++y)
                    for (int x = r.x0; x < r.x1; ++x) {
                        const T* in = input + (y * G.in_w + x) * G.channels;
                        for (int c = 0; c < G.channels; ++c) sum[c] += in[c];
                    }
                const int n = (r.y1 - r.y0) * (r.x1 - r.x0);
                T* out = output + (oy * G.out_w + ox) * G.channels;
                if (n == full) {
                    for (int c = 0; c < G.channels; ++c)
                        out[c] = static_cast<T>(clamp(portable::detail::rounded_average(sum[c], full), G.act_min, G.act_max));
                } else {
                    for (int c = 0; c < G.channels; ++c) {
                        const std::int32_t avg = n <= 0 ? 0 : portable::detail::rounded_average(sum[c], n);
                        out[c] = static_cast<T>(clamp(avg, G.act_min, G.act_max));
                    }
                }
            }
        }
    }
};
template <>
struct kernel<portable_set, op::max_pool2d> : provided_kernel {
    // No tables: the geometry is the template argument.
    template <pool_geometry G>
    static constexpr linked_constants constants() { return {}; }
    // Not inlined: its accumulator row stays in its own frame instead of the step function's,
    // where it would sit under every deeper kernel call (the firmware's stack peak).
    template <pool_geometry G, class T>
    [[gnu::noinline]] static void run(const T* input, T* output) {
        static_assert(G.channels > 0 && G.filter_h > 0 && G.filter_w > 0, "ctnn: max_pool2d_s8 needs a non-empty window");
        // Clamping the start value once is the same as clamping the maximum at the end.
        constexpr int lowest = std::numeric_limits<T>::min(), highest = std::numeric_limits<T>::max();
        constexpr T floor = static_cast<T>(G.act_min > lowest ? G.act_min : lowest);
        constexpr T ceiling = static_cast<T>(G.act_max < highest ? G.act_max : highest);
        alignas(16) T best[G.channels];
        for (int oy = 0; oy < G.out_h; ++oy) {
            for (int ox = 0; ox < G.out_w; ++ox) {
                const portable::detail::window_range r = portable::detail::clamp_window<G>(oy, ox);
                for (int c = 0; c < G.channels; ++c) best[c] = floor;
                for (int y = r.y0; y < r.y1; ++y)
                    for (int x = r.x0; x < r.x1; ++x) {
                        const T* in = input + (y * G.in_w + x) * G.channels;
                        for (int c = 0; c < G.channels; ++c) best[c] = in[c] > best[c] ? in[c] : best[c];
                    }
                T* out = output + (oy * G.out_w + ox) * G.channels;
                for (int c = 0; c < G.channels; ++c) out[c] = best[c] < ceiling ? best[c] : ceiling;
            }
        }
    }
};
}  // namespace ctnn::kernels
