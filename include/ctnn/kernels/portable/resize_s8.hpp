// Portable RESIZE_NEAREST_NEIGHBOR and RESIZE_BILINEAR, int8, specialised at compile time; the
// same bytes as reference::resize_nearest_neighbor_s8 and resize_bilinear_s8.
//
//   kernel<portable_set, op::resize_nearest_neighbor>::run<P>(const std::int8_t* input, std::int8_t* output)
//   kernel<portable_set, op::resize_bilinear>::run<P>(const std::int8_t* input, std::int8_t* output)
//
// How. Nearest neighbour: TFLite's float source positions are computed once, at compile time,
// into a row table and a column table (flash: 2 bytes per output row and column); each output
// pixel is one memcpy of its channels (sizes up to 65536: uint16 indices), and an output row whose source row is the previous
// one's is a copy of that row. Bilinear: the fixed-point scales are constants and each row's and
// column's taps are a few integer operations; the four products fit int32 (|int8| * 2048 * 2048
// <= 2^29: weights lie in [-512, 1536]), which gives the int64 sum of the reference exactly.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/resize_s8.hpp"  // resize_params, nearest_source, bilinear_source

namespace ctnn::kernels {

namespace portable {
// The source row of each output row and the source column of each output column.
template <resize_params P>
struct nearest_plan {
    static constexpr std::array<std::uint16_t, P.out_h> rows = [] {
        std::array<std::uint16_t, P.out_h> t{};
        for (int y = 0; y < P.out_h; ++y) t[y] = static_cast<std::uint16_t>(nearest_source(y, P.in[1], P.out_h, P.align_corners, P.half_pixel_centers));
        return t;
    }();
    static constexpr std::array<std::uint16_t, P.out_w> cols = [] {
        std::array<std::uint16_t, P.out_w> t{};
        for (int x = 0; x < P.out_w; ++x) t[x] = static_cast<std::uint16_t>(nearest_source(x, P.in[2], P.out_w, P.align_corners, P.half_pixel_centers));
        return t;
    }();
};
}  // namespace portable

template <>
struct kernel<portable_set, op::resize_nearest_neighbor> : provided_kernel {
    template <resize_params P>
    static constexpr linked_constants constants() {
        return linked_constants::of(portable::nearest_plan<P>::rows, portable::nearest_plan<P>::cols);
    }
    template <resize_params P>
    static void run(const std::int8_t* input, std::int8_t* output) {
        using plan = portable::nearest_plan<P>;
        constexpr int depth = P.in[3], row = P.out_w * depth, image = P.in[1] * P.in[2] * depth;
        for (int n = 0; n < P.in[0]; ++n, input += image) {
            for (int y = 0; y < P.out_h; ++y, output += row) {
                if (y > 0 && plan::rows[y] == plan::rows[y - 1]) {
                    std::memcpy(output, output - row, row);
                    continue;
                }
                const std::int8_t* source = input + plan::rows[y] * P.in[2] * depth;
                for (int x = 0; x < P.out_w; ++x) std::memcpy(output + x * depth, source + plan::cols[x] * depth, depth);
            }
        }
    }
};

template <>
struct kernel<portable_set, op::resize_bilinear> : provided_kernel {
    template <resize_params P>
    static constexpr linked_constants constants() { return {}; }  // taps computed in place
    template <resize_params P>
    static void run(const std::int8_t* input, std::int8_t* output) {
        constexpr int depth = P.in[3], in_row = P.in[2] * depth, image = P.in[1] * in_row;
        constexpr std::int32_t scale_h = bilinear_scale_10(P.in[1], P.out_h, P.align_corners);
        constexpr std::int32_t scale_w = bilinear_scale_10(P.in[2], P.out_w, P.align_corners);
        for (int n = 0; n < P.in[0]; ++n, input += image) {
            for (int y = 0; y < P.out_h; ++y) {
                const bilinear_tap ty = bilinear_source(y, scale_h, P.half_pixel_centers, P.in[1]);
                const std::int8_t* r0 = input + ty.lower * in_row;
                const std::int8_t* r1 = input + ty.upper * in_row;
                const std::int32_t wy1 = ty.weight, wy0 = (1 << 10) - wy1;
                for (int x = 0; x < P.out_w; ++x) {
                    const bilinear_tap tx = bilinear_source(x, scale_w, P.half_pixel_centers, P.in[2]);
                    const std::int32_t wx1 = tx.weight, wx0 = (1 << 10) - wx1;
                    const std::int8_t* a = r0 + tx.lower * depth;
                    const std::int8_t* b = r0 + tx.upper * depth;
                    const std::int8_t* c = r1 + tx.lower * depth;
                    const std::int8_t* d = r1 + tx.upper * depth;
                    for (int k = 0; k < depth; ++k) {
                        const std::int32_t top = a[k] * wx0 + b[k] * wx1, bottom = c[k] * wx0 + d[k] * wx1;
                        const std::int32_t sum = top * wy0 + bottom * wy1;
                        *output++ = static_cast<std::int8_t>((sum + (sum > 0 ? (1 << 19) : -(1 << 19))) / (1 << 20));
                    }
                }
            }
        }
    }
};

}  // namespace ctnn::kernels
