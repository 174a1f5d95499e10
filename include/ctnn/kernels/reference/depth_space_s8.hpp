// Reference DEPTH_TO_SPACE and SPACE_TO_DEPTH, int8 (TFLite reference_ops::DepthToSpace,
// SpaceToDepth): each moves blocks of block x block pixels between the spatial dimensions and
// the channels of an NHWC tensor. No arithmetic: the output holds the input's values.
//
// DEPTH_TO_SPACE: input N x H x W x C (C a multiple of block^2) -> N x H*b x W*b x C/b^2, where
// output pixel (y, x), channel c reads input pixel (y/b, x/b), channel ((y%b)*b + x%b) * C/b^2 + c.
// SPACE_TO_DEPTH is its inverse: N x H x W x C (H and W multiples of b) -> N x H/b x W/b x C*b^2.
#pragma once

#include <array>
#include <cstdint>

namespace ctnn::kernels {

// The input's dimensions (NHWC) and the block size; the output's follow from them.
struct depth_space_params {
    std::array<int, 4> in{1, 1, 1, 1};
    int block = 1;

    friend constexpr bool operator==(const depth_space_params&, const depth_space_params&) = default;
};

// The rules TFLite's Prepare enforces (block_size >= 1; the dimensions divide), for the layer
// and the converter alike.
constexpr bool depth_to_space_fits(int channels, int block) noexcept {
    return block >= 1 && channels % (static_cast<long long>(block) * block) == 0;
}
constexpr bool space_to_depth_fits(int height, int width, int block) noexcept {
    return block >= 1 && height % block == 0 && width % block == 0;
}

constexpr std::array<int, 4> depth_to_space_output(const depth_space_params& p) noexcept {
    return {p.in[0], p.in[1] * p.block, p.in[2] * p.block, p.in[3] / (p.block * p.block)};
}
constexpr std::array<int, 4> space_to_depth_output(const depth_space_params& p) noexcept {
    return {p.in[0], p.in[1] / p.block, p.in[2] / p.block, p.in[3] * p.block * p.block};
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

inline void depth_to_space_s8(const depth_space_params& p, const std::int8_t* input, std::int8_t* output) {
    const std::array<int, 4> out = depth_to_space_output(p);
    const int b = p.block;
    int o = 0;
    for (int n = 0; n < out[0]; ++n)
        for (int y = 0; y < out[1]; ++y)
            for (int x = 0; x < out[2]; ++x)
                for (int c = 0; c < out[3]; ++c) {
                    const int in_c = ((y % b) * b + x % b) * out[3] + c;
                    output[o++] = input[((n * p.in[1] + y / b) * p.in[2] + x / b) * p.in[3] + in_c];
                }
}

inline void space_to_depth_s8(const depth_space_params& p, const std::int8_t* input, std::int8_t* output) {
    const std::array<int, 4> out = space_to_depth_output(p);
    const int b = p.block;
    int i = 0;
    for (int n = 0; n < p.in[0]; ++n)
        for (int y = 0; y < p.in[1]; ++y)
            for (int x = 0; x < p.in[2]; ++x)
                for (int c = 0; c < p.in[3]; ++c) {
                    const int out_c = ((y % b) * b + x % b) * p.in[3] + c;
                    output[((n * out[1] + y / b) * out[2] + x / b) * out[3] + out_c] = input[i++];
                }
}

}  // namespace ctnn::kernels::reference
