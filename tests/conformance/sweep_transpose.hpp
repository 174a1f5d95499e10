// Sweep generator of TRANSPOSE (data movement): every rank TFLite Micro takes (1 to 5), random permutations
// (the identity, swaps of size-1 dimensions and the NCHW -> NHWC of exported models among them).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sweep_random.hpp"

namespace sweep {

// schema.fbs: BuiltinOperator TRANSPOSE, BuiltinOptions TransposeOptions.
inline constexpr int TRANSPOSE = 39;
inline constexpr std::uint8_t TransposeOptions = 26;

inline drawn_model transpose(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int rank = r.uniform(1, 5);  // TFLite Micro's Prepare: 1D-5D
    const int max_dim = rank <= 2 ? 40 : rank == 3 ? 12 : rank == 4 ? 7 : 5;
    std::vector<std::int32_t> in = random_dims(r, rank, max_dim);
    std::vector<std::int32_t> perm(static_cast<std::size_t>(rank));
    for (int i = 0; i < rank; ++i) perm[static_cast<std::size_t>(i)] = i;
    if (rank == 4 && r.chance(0.2)) {
        perm = {0, 2, 3, 1};  // NCHW -> NHWC, as exported models start
    } else if (!r.chance(0.1)) {  // else the identity
        for (int i = rank - 1; i > 0; --i) std::swap(perm[static_cast<std::size_t>(i)], perm[static_cast<std::size_t>(r.uniform(0, i))]);
    }
    std::vector<std::int32_t> out;
    for (const std::int32_t p : perm) out.push_back(in[static_cast<std::size_t>(p)]);
    const float s = activation_scale(r);
    const std::int32_t zp = zero_point(r);
    const bool options = r.chance(0.8);
    m.add_tensor({"input", in, INT8, 0, {s}, {zp}, 0, {}});
    m.add_tensor({"perm", {rank}, INT32, m.add_buffer(perm), {}, {}, 0, {}});
    m.add_tensor({"output", out, INT8, 0, {s}, {zp}, 0, {}});
    m.ops.push_back({m.code(TRANSPOSE), {0, 1}, {2}, options ? TransposeOptions : std::uint8_t{0}, options, {}});
    m.inputs = {0};
    m.outputs = {2};
    d.text = "in " + dims_text(in) + " perm " + join(perm, ",") + " out " + dims_text(out);
    return d;
}

}  // namespace sweep
