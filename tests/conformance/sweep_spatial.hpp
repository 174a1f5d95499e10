// Sweep generators of the operators that rearrange or resize space: DEPTH_TO_SPACE,
// SPACE_TO_DEPTH, SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND (rank 3 and 4), RESIZE_NEAREST_NEIGHBOR
// (every align_corners / half_pixel_centers combination) and RESIZE_BILINEAR (every one TFLite
// accepts: not both), with up- and downscales, odd and size-1 dimensions and batches of 1 and 2.
// Input and output share quantization, as ctnn requires of them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"

namespace sweep {

namespace spatial {
// schema.fbs values the shared builder does not name.
constexpr int DEPTH_TO_SPACE = 5, RESIZE_BILINEAR = 23, SPACE_TO_DEPTH = 26, BATCH_TO_SPACE_ND = 37, SPACE_TO_BATCH_ND = 38,
              RESIZE_NEAREST_NEIGHBOR = 97;
constexpr std::uint8_t ResizeBilinearOptions = 15, SpaceToDepthOptions = 19, BatchToSpaceNDOptions = 24, SpaceToBatchNDOptions = 25,
                       ResizeNearestNeighborOptions = 74, DepthToSpaceOptions = 94;

inline int dim(rng& r, int max) { return r.chance(0.2) ? 1 : r.uniform(1, max); }

// One operator from tensor 0 (the input) to the last tensor, same quantization on both.
inline void one_op(model& m, const std::vector<std::int32_t>& in, const std::vector<std::int32_t>& out, float s, std::int32_t zp, op o) {
    m.tensors.insert(m.tensors.begin(), tensor{"input", in, INT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    o.outputs = {static_cast<std::int32_t>(m.tensors.size() - 1)};
    m.ops.push_back(o);
    m.inputs = {0};
    m.outputs = o.outputs;
}
}  // namespace spatial

inline drawn_model depth_space(rng& r, bool to_space) {
    drawn_model d;
    const int b = r.pick<int>({1, 2, 2, 2, 3, 3, 4});
    const int n = r.chance(0.25) ? 2 : 1, h = spatial::dim(r, 5), w = spatial::dim(r, 5), c = spatial::dim(r, 4);
    // to_space: input n x h x w x c*b*b; to depth: input n x h*b x w*b x c.
    const std::vector<std::int32_t> small{n, h, w, c * b * b}, large{n, h * b, w * b, c};
    const auto& in = to_space ? small : large;
    const auto& out = to_space ? large : small;
    op o{d.m.code(to_space ? spatial::DEPTH_TO_SPACE : spatial::SPACE_TO_DEPTH), {0}, {}, to_space ? spatial::DepthToSpaceOptions : spatial::SpaceToDepthOptions, true, {}};
    o.options.scalar<std::int32_t>(0, b);
    // Drawn in this order (the committed data's): a call's arguments have no order.
    const std::int32_t zp = zero_point(r);
    const float scale = activation_scale(r);
    spatial::one_op(d.m, in, out, scale, zp, o);
    d.text = "in " + dims_text(in) + " block_size " + std::to_string(b) + " out " + dims_text(out);
    return d;
}

inline drawn_model batch_space(rng& r, bool to_batch) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.chance(0.3) ? 3 : 4, spatial_dims = rank - 2;
    const int n = r.chance(0.3) ? 2 : 1, c = spatial::dim(r, 4);
    std::vector<std::int32_t> in{n}, out{n}, block, amounts;
    for (int i = 0; i < spatial_dims; ++i) {
        const int bk = r.pick<int>({1, 2, 2, 3, 3, 4});
        block.push_back(bk);
        if (to_batch) {
            const int size = spatial::dim(r, 7), before = r.uniform(0, 2);
            int after = r.uniform(0, 2);
            while ((size + before + after) % bk != 0) ++after;
            in.push_back(size);
            out.push_back((size + before + after) / bk);
            amounts.insert(amounts.end(), {before, after});
        } else {
            const int size = spatial::dim(r, 4), full = size * bk;
            const int before = r.uniform(0, std::min(2, full - 1)), after = r.uniform(0, std::min(2, full - 1 - before));
            in.push_back(size);
            out.push_back(full - before - after);
            amounts.insert(amounts.end(), {before, after});
        }
        (to_batch ? out[0] : in[0]) *= bk;
    }
    in.push_back(c);
    out.push_back(c);
    m.add_tensor({"block_shape", {spatial_dims}, INT32, m.add_buffer(block), {}, {}, 0, {}});
    m.add_tensor({to_batch ? "paddings" : "crops", {spatial_dims, 2}, INT32, m.add_buffer(amounts), {}, {}, 0, {}});
    op o{m.code(to_batch ? spatial::SPACE_TO_BATCH_ND : spatial::BATCH_TO_SPACE_ND), {0, 1, 2}, {},
         to_batch ? spatial::SpaceToBatchNDOptions : spatial::BatchToSpaceNDOptions, true, {}};
    // The input goes in front: the constants are tensors 1 and 2.
    // Drawn in this order (the committed data's): a call's arguments have no order.
    const std::int32_t zp = zero_point(r);
    const float scale = activation_scale(r);
    spatial::one_op(m, in, out, scale, zp, o);
    d.text = "in " + dims_text(in) + " block " + join(block, "x") + (to_batch ? " paddings " : " crops ") + join(amounts, ",") + " out " +
             dims_text(out) + " zp " + std::to_string(m.tensors[0].zero_point[0]);
    return d;
}

inline drawn_model resize(rng& r, bool bilinear) {
    drawn_model d;
    model& m = d.m;
    const int n = r.chance(0.25) ? 2 : 1, c = spatial::dim(r, 4);
    const int ih = spatial::dim(r, 6), iw = spatial::dim(r, 6);
    // Up- and downscales, odd sizes and size 1 in each dimension.
    const int oh = r.chance(0.15) ? 1 : r.uniform(1, 13), ow = r.chance(0.15) ? 1 : r.uniform(1, 13);
    bool align = r.chance(0.5), half = r.chance(0.5);
    if (bilinear && align && half) align = false;  // TFLite refuses both
    const std::vector<std::int32_t> in{n, ih, iw, c}, out{n, oh, ow, c};
    m.add_tensor({"size", {2}, INT32, m.add_buffer(std::vector<std::int32_t>{oh, ow}), {}, {}, 0, {}});
    op o{m.code(bilinear ? spatial::RESIZE_BILINEAR : spatial::RESIZE_NEAREST_NEIGHBOR), {0, 1}, {},
         bilinear ? spatial::ResizeBilinearOptions : spatial::ResizeNearestNeighborOptions, true, {}};
    const int first = bilinear ? 2 : 0;  // ResizeBilinearOptions: two deprecated fields first
    o.options.scalar<bool>(first, align).scalar<bool>(first + 1, half);
    // Drawn in this order (the committed data's): a call's arguments have no order.
    const std::int32_t zp = zero_point(r);
    const float scale = activation_scale(r);
    spatial::one_op(m, in, out, scale, zp, o);
    d.text = "in " + dims_text(in) + " out " + dims_text(out) + (align ? " align_corners" : "") + (half ? " half_pixel_centers" : "");
    return d;
}

// A large upscale near the limit where TFLite's rounded scale would read past the input:
// 2 -> 44 rows (scale_10 = 47, the last row's source 43 * 47 / 1024 = 1, the input's last) and
// 3 -> 40 columns, where random draws (at most 13 outputs) do not go.
inline drawn_model resize_bilinear_upscale(rng& r) {
    drawn_model d;
    d.m.add_tensor({"size", {2}, INT32, d.m.add_buffer(std::vector<std::int32_t>{44, 40}), {}, {}, 0, {}});
    op o{d.m.code(spatial::RESIZE_BILINEAR), {0, 1}, {}, spatial::ResizeBilinearOptions, true, {}};
    spatial::one_op(d.m, {1, 2, 3, 2}, {1, 44, 40, 2}, 0.0625f, -5, o);
    (void)r;
    d.text = "in 1x2x3x2 out 1x44x40x2 (upscale near the limit of TFLite's 10-bit scale)";
    return d;
}

}  // namespace sweep
