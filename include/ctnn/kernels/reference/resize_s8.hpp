// Reference RESIZE_NEAREST_NEIGHBOR and RESIZE_BILINEAR, int8, on NHWC tensors (TFLite
// reference_ops::ResizeNearestNeighbor, and ResizeBilinearInteger: what TFLM runs for int8).
// Both resize H and W to a constant size; batch and channels stay.
//
// Nearest neighbour picks, per output row y, input row
//   v = (y + (half_pixel_centers ? 0.5f : 0)) * scale,   scale = in / out, or with
//   align_corners and out > 1, (in - 1) / (out - 1), all in float;
//   align_corners ? round(v) : floor(v), at most in - 1 (and, with half_pixel_centers, at least 0).
// Bilinear works in 10-bit fixed point, with no float: scale_10 = round(1024 * in / out) (or the
// align_corners ratio), the source position s = y * scale_10 (half_pixel_centers: + scale_10 / 2
// - 512), rows y0 = max(s / 1024, 0) and y1 = min(ceil(s / 1024), in - 1), weight s - 1024 * y0;
// likewise for columns; the four products in 2^20 units are summed and rounded half away from
// zero (TFLite's default, double rounding). C division throughout (truncating toward zero).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace ctnn::kernels {

struct resize_params {
    std::array<int, 4> in{1, 1, 1, 1};  // NHWC
    int out_h = 1, out_w = 1;
    bool align_corners = false, half_pixel_centers = false;

    friend constexpr bool operator==(const resize_params&, const resize_params&) = default;
};

// ---- nearest neighbour (float, as TFLite) ----------------------------------------------------

namespace detail {
// floor and round-half-away-from-zero of a float in int range, constexpr (std::floor and
// std::round are not, in C++20). Exact: a float's fraction x - trunc(x) is a float.
constexpr int floor_to_int(float v) noexcept {
    const int t = static_cast<int>(v);
    return static_cast<float>(t) > v ? t - 1 : t;
}
constexpr int round_to_int(float v) noexcept {
    const int t = static_cast<int>(v);
    const float fraction = v - static_cast<float>(t);
    if (fraction >= 0.5f) return t + 1;
    if (fraction <= -0.5f) return t - 1;
    return t;
}
}  // namespace detail

// TFLite's GetNearestNeighbor: the input row (or column) output row `v` reads.
constexpr int nearest_source(int v, int in, int out, bool align_corners, bool half_pixel_centers) noexcept {
    const float scale = (align_corners && out > 1) ? static_cast<float>(in - 1) / static_cast<float>(out - 1)
                                                   : static_cast<float>(in) / static_cast<float>(out);
    const float offset = half_pixel_centers ? 0.5f : 0.0f;
    const float position = (static_cast<float>(v) + offset) * scale;
    int source = std::min(align_corners ? detail::round_to_int(position) : detail::floor_to_int(position), in - 1);
    if (half_pixel_centers) source = std::max(0, source);
    return source;
}

// ---- bilinear (10-bit fixed point, as TFLite's ResizeBilinearInteger) --------------------------

constexpr std::int32_t bilinear_scale_10(int in, int out, bool align_corners) noexcept {
    if (align_corners && out > 1) return ((1 << 10) * (in - 1) + (out - 1) / 2) / (out - 1);
    return ((1 << 10) * in + out / 2) / out;
}

// One output row's (or column's) two source rows and the weight of the second, in 1/1024.
struct bilinear_tap {
    std::int32_t lower = 0, upper = 0;
    std::int32_t weight = 0;  // s - 1024 * lower; the lower row weighs 1024 - weight
};
constexpr bilinear_tap bilinear_source(int v, std::int32_t scale_10, bool half_pixel_centers, int in) noexcept {
    const std::int32_t s = half_pixel_centers ? v * scale_10 + scale_10 / 2 - (1 << 9) : v * scale_10;
    bilinear_tap t;
    t.lower = std::max(s / (1 << 10), std::int32_t{0});
    t.upper = std::min((s + (1 << 10) - 1) / (1 << 10), static_cast<std::int32_t>(in - 1));
    t.weight = s - (1 << 10) * t.lower;
    return t;
}

// The rules of one resized dimension: input and output sizes of 1 to 65536, which keeps TFLite's
// fixed-point positions (1024 * size) inside int32 and the portable kernel's uint16 tables valid;
// and (bilinear) every lower source row inside the input. TFLite does not check the last: from
// about out^2 > 2048 * in (e.g. 1 -> 95 rows) the rounded scale_10 puts the last rows' lower
// source past the input, and its kernel reads outside the tensor. ctnn refuses those sizes.
inline constexpr int max_resize_dim = 65536;
constexpr bool resize_sizes_fit(int in, int out) noexcept { return in >= 1 && out >= 1 && in <= max_resize_dim && out <= max_resize_dim; }
constexpr bool bilinear_reads_inside(int in, int out, bool align_corners, bool half_pixel_centers) noexcept {
    if (!resize_sizes_fit(in, out)) return false;
    return bilinear_source(out - 1, bilinear_scale_10(in, out, align_corners), half_pixel_centers, in).lower <= in - 1;  // lower grows with v
}

// One output value from its four taps, as ResizeBilinearInteger (double rounding).
constexpr std::int8_t bilinear_value(std::int8_t y0x0, std::int8_t y1x0, std::int8_t y0x1, std::int8_t y1x1, const bilinear_tap& ty,
                                     const bilinear_tap& tx) noexcept {
    const std::int64_t wy = ty.weight, wx = tx.weight;
    const std::int64_t sum = std::int64_t{y0x0} * ((1 << 10) - wy) * ((1 << 10) - wx) + std::int64_t{y1x0} * wy * ((1 << 10) - wx) +
                             std::int64_t{y0x1} * ((1 << 10) - wy) * wx + std::int64_t{y1x1} * wy * wx;
    const std::int64_t round = sum > 0 ? (1 << 19) : -(1 << 19);
    return static_cast<std::int8_t>((sum + round) / (1 << 20));
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

inline void resize_nearest_neighbor_s8(const resize_params& p, const std::int8_t* input, std::int8_t* output) {
    const int depth = p.in[3];
    for (int n = 0; n < p.in[0]; ++n) {
        const std::int8_t* image = input + n * p.in[1] * p.in[2] * depth;
        for (int y = 0; y < p.out_h; ++y) {
            const int iy = nearest_source(y, p.in[1], p.out_h, p.align_corners, p.half_pixel_centers);
            for (int x = 0; x < p.out_w; ++x) {
                const int ix = nearest_source(x, p.in[2], p.out_w, p.align_corners, p.half_pixel_centers);
                std::memcpy(output, image + (iy * p.in[2] + ix) * depth, static_cast<std::size_t>(depth));
                output += depth;
            }
        }
    }
}

inline void resize_bilinear_s8(const resize_params& p, const std::int8_t* input, std::int8_t* output) {
    const int depth = p.in[3];
    const std::int32_t scale_h = bilinear_scale_10(p.in[1], p.out_h, p.align_corners);
    const std::int32_t scale_w = bilinear_scale_10(p.in[2], p.out_w, p.align_corners);
    auto at = [&](int n, int y, int x, int c) { return input[((n * p.in[1] + y) * p.in[2] + x) * depth + c]; };
    for (int n = 0; n < p.in[0]; ++n) {
        for (int y = 0; y < p.out_h; ++y) {
            const bilinear_tap ty = bilinear_source(y, scale_h, p.half_pixel_centers, p.in[1]);
            for (int x = 0; x < p.out_w; ++x) {
                const bilinear_tap tx = bilinear_source(x, scale_w, p.half_pixel_centers, p.in[2]);
                for (int c = 0; c < depth; ++c) {
                    *output++ = bilinear_value(at(n, ty.lower, tx.lower, c), at(n, ty.upper, tx.lower, c), at(n, ty.lower, tx.upper, c),
                                               at(n, ty.upper, tx.upper, c), ty, tx);
                }
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
