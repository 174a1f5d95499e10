// Reference SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND, int8 (TFLite reference_ops::SpaceToBatchND,
// BatchToSpaceND), on NHWC tensors; a rank-3 NHC tensor is N x H x 1 x C with block width 1.
//
// SPACE_TO_BATCH_ND pads H and W (before/after) and splits the padded image into block_h x
// block_w interleaved sub-images, stacked along the batch: output batch
// (sy * block_w + sx) * N + n holds padded pixels (y * block_h + sy, x * block_w + sx) of image n.
// BATCH_TO_SPACE_ND is its inverse, cropping instead of padding. No arithmetic.
//
// SPACE_TO_BATCH_ND's padding is raw 0, not the zero point: TFLM's kernel fills with
// SpaceToBatchParams::output_offset, which its Prepare never sets (TFLM 90b983c2; checked with
// tflm_ref on a model with zero point 5). TFLite's own kernel fills with the zero point: the two
// agree when it is 0.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

namespace ctnn::kernels {

// in: the input's NHWC dimensions; before_h/before_w: the padding (SPACE_TO_BATCH_ND) or crop
// (BATCH_TO_SPACE_ND) at the top and left; out: the output's NHWC dimensions.
struct batch_space_params {
    std::array<int, 4> in{1, 1, 1, 1};
    std::array<int, 4> out{1, 1, 1, 1};
    int block_h = 1, block_w = 1;
    int before_h = 0, before_w = 0;
    std::int8_t pad_value = 0;  // SPACE_TO_BATCH_ND's fill

    friend constexpr bool operator==(const batch_space_params&, const batch_space_params&) = default;
};

// TFLite's rules for one spatial dimension (ResizeOutputTensor in kernels/space_to_batch_nd.cc
// and batch_to_space_nd.cc): block >= 1, paddings or crops >= 0; SPACE_TO_BATCH_ND: the padded
// size divides by the block; BATCH_TO_SPACE_ND: the crops leave a positive size (ctnn's
// shapes have no empty dimension). In 64 bits: any int arguments.
constexpr bool space_to_batch_dim_fits(int in, int block, int before, int after) noexcept {
    if (block < 1 || before < 0 || after < 0) return false;
    const long long padded = static_cast<long long>(in) + before + after;
    return padded % block == 0 && padded / block <= 2147483647LL;
}
constexpr bool batch_to_space_dim_fits(int in, int block, int before, int after) noexcept {
    if (block < 1 || before < 0 || after < 0) return false;
    const long long out = static_cast<long long>(in) * block - before - after;
    return out >= 1 && out <= 2147483647LL;
}

}  // namespace ctnn::kernels

namespace ctnn::kernels::reference {

inline void space_to_batch_nd_s8(const batch_space_params& p, const std::int8_t* input, std::int8_t* output) {
    const int depth = p.in[3];
    for (int ob = 0; ob < p.out[0]; ++ob) {
        const int n = ob % p.in[0];
        const int sx = (ob / p.in[0]) % p.block_w, sy = (ob / p.in[0]) / p.block_w;
        for (int y = 0; y < p.out[1]; ++y) {
            for (int x = 0; x < p.out[2]; ++x) {
                std::int8_t* o = output + ((ob * p.out[1] + y) * p.out[2] + x) * depth;
                const int iy = y * p.block_h + sy - p.before_h, ix = x * p.block_w + sx - p.before_w;
                if (iy < 0 || iy >= p.in[1] || ix < 0 || ix >= p.in[2]) {
                    std::memset(o, static_cast<unsigned char>(p.pad_value), static_cast<std::size_t>(depth));
                } else {
                    std::memcpy(o, input + ((n * p.in[1] + iy) * p.in[2] + ix) * depth, static_cast<std::size_t>(depth));
                }
            }
        }
    }
}

inline void batch_to_space_nd_s8(const batch_space_params& p, const std::int8_t* input, std::int8_t* output) {
    const int depth = p.in[3];
    for (int ib = 0; ib < p.in[0]; ++ib) {
        const int ob = ib % p.out[0], offset = ib / p.out[0];
        for (int y = 0; y < p.in[1]; ++y) {
            const int oy = y * p.block_h + offset / p.block_w - p.before_h;
            if (oy < 0 || oy >= p.out[1]) continue;
            for (int x = 0; x < p.in[2]; ++x) {
                const int ox = x * p.block_w + offset % p.block_w - p.before_w;
                if (ox < 0 || ox >= p.out[2]) continue;
                std::memcpy(output + ((ob * p.out[1] + oy) * p.out[2] + ox) * depth, input + ((ib * p.in[1] + y) * p.in[2] + x) * depth,
                            static_cast<std::size_t>(depth));
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
