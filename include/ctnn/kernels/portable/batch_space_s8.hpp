// Portable SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND, int8, specialised at compile time; the same
// bytes as reference::space_to_batch_nd_s8 and batch_to_space_nd_s8.
//
//   kernel<portable_set, op::space_to_batch_nd>::run<P>(const std::int8_t* input, std::int8_t* output)
//   kernel<portable_set, op::batch_to_space_nd>::run<P>(const std::int8_t* input, std::int8_t* output)
//
// How: the output is written front to back, one output row at a time. SPACE_TO_BATCH_ND fills a
// row that lies in the padding with one memset, else copies one pixel's channels per memcpy and
// fills the padded pixels at its ends; BATCH_TO_SPACE_ND copies pixels of one input row (a
// single memcpy for the whole row when the block is 1 wide, so that its pixels are contiguous).
#pragma once

#include <cstdint>
#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/batch_space_s8.hpp"  // batch_space_params

namespace ctnn::kernels {

template <>
struct kernel<portable_set, op::space_to_batch_nd> : provided_kernel {
    template <batch_space_params P>
    static constexpr linked_constants constants() { return {}; }  // memcpy and memset runs
    template <batch_space_params P>
    static void run(const std::int8_t* input, std::int8_t* output) {
        constexpr int depth = P.in[3], row = P.out[2] * depth;
        constexpr auto fill = static_cast<unsigned char>(P.pad_value);
        for (int ob = 0; ob < P.out[0]; ++ob) {
            const int n = ob % P.in[0];
            const int sx = (ob / P.in[0]) % P.block_w, sy = (ob / P.in[0]) / P.block_w;
            for (int y = 0; y < P.out[1]; ++y, output += row) {
                const int iy = y * P.block_h + sy - P.before_h;
                if (iy < 0 || iy >= P.in[1]) {
                    std::memset(output, fill, row);
                    continue;
                }
                const std::int8_t* source = input + (n * P.in[1] + iy) * P.in[2] * depth;
                for (int x = 0; x < P.out[2]; ++x) {
                    const int ix = x * P.block_w + sx - P.before_w;
                    if (ix < 0 || ix >= P.in[2]) std::memset(output + x * depth, fill, depth);
                    else std::memcpy(output + x * depth, source + ix * depth, depth);
                }
            }
        }
    }
};

template <>
struct kernel<portable_set, op::batch_to_space_nd> : provided_kernel {
    template <batch_space_params P>
    static constexpr linked_constants constants() { return {}; }  // memcpy runs
    template <batch_space_params P>
    static void run(const std::int8_t* input, std::int8_t* output) {
        constexpr int depth = P.in[3], row = P.out[2] * depth;
        for (int ob = 0; ob < P.out[0]; ++ob) {
            for (int oy = 0; oy < P.out[1]; ++oy, output += row) {
                const int sy = (oy + P.before_h) % P.block_h, y = (oy + P.before_h) / P.block_h;
                if constexpr (P.block_w == 1) {
                    const int ib = sy * P.out[0] + ob;
                    std::memcpy(output, input + ((ib * P.in[1] + y) * P.in[2] + P.before_w) * depth, row);
                } else {
                    for (int ox = 0; ox < P.out[2]; ++ox) {
                        const int sx = (ox + P.before_w) % P.block_w, x = (ox + P.before_w) / P.block_w;
                        const int ib = (sy * P.block_w + sx) * P.out[0] + ob;
                        std::memcpy(output + ox * depth, input + ((ib * P.in[1] + y) * P.in[2] + x) * depth, depth);
                    }
                }
            }
        }
    }
};

}  // namespace ctnn::kernels
