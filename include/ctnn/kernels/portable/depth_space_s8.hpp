// Portable DEPTH_TO_SPACE and SPACE_TO_DEPTH, int8, specialised at compile time; the same bytes
// as reference::depth_to_space_s8 and space_to_depth_s8.
//
//   kernel<portable_set, op::depth_to_space>::run<P>(const std::int8_t* input, std::int8_t* output)
//   kernel<portable_set, op::space_to_depth>::run<P>(const std::int8_t* input, std::int8_t* output)
//
// How: one memcpy per contiguous run. DEPTH_TO_SPACE: the block x C/b^2 channels of input pixel
// (y/b, x) that output row y reads are b consecutive output pixels, so each (output row, input
// column) is one copy of b * C/b^2 bytes. SPACE_TO_DEPTH is the same run the other way round:
// b input pixels of one input row fill one block row of an output pixel's channels.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/reference/depth_space_s8.hpp"  // depth_space_params, the output shapes

namespace ctnn::kernels {

template <>
struct kernel<portable_set, op::depth_to_space> : provided_kernel {
    template <depth_space_params P>
    static constexpr linked_constants constants() { return {}; }  // memcpy runs
    template <depth_space_params P>
    static void run(const std::int8_t* input, std::int8_t* output) {
        constexpr std::array<int, 4> out = depth_to_space_output(P);
        constexpr int b = P.block, run = b * out[3], in_w = P.in[2], in_c = P.in[3];
        if constexpr (b == 1) {
            std::memcpy(output, input, static_cast<std::size_t>(P.in[0]) * P.in[1] * in_w * in_c);
        } else {
            for (int n = 0; n < out[0]; ++n) {
                for (int y = 0; y < out[1]; ++y) {
                    const std::int8_t* row = input + (n * P.in[1] + y / b) * in_w * in_c + (y % b) * run;
                    for (int x = 0; x < in_w; ++x, output += run) std::memcpy(output, row + x * in_c, run);
                }
            }
        }
    }
};

template <>
struct kernel<portable_set, op::space_to_depth> : provided_kernel {
    template <depth_space_params P>
    static constexpr linked_constants constants() { return {}; }  // memcpy runs
    template <depth_space_params P>
    static void run(const std::int8_t* input, std::int8_t* output) {
        constexpr std::array<int, 4> out = space_to_depth_output(P);
        constexpr int b = P.block, in_w = P.in[2], in_c = P.in[3], run = b * in_c;
        if constexpr (b == 1) {
            std::memcpy(output, input, static_cast<std::size_t>(P.in[0]) * P.in[1] * in_w * in_c);
        } else {
            for (int n = 0; n < out[0]; ++n) {
                for (int y = 0; y < out[1]; ++y) {
                    for (int x = 0; x < out[2]; ++x) {
                        const std::int8_t* block = input + ((n * P.in[1] + y * b) * in_w + x * b) * in_c;
                        for (int dy = 0; dy < b; ++dy, output += run) std::memcpy(output, block + dy * in_w * in_c, run);
                    }
                }
            }
        }
    }
};

}  // namespace ctnn::kernels
