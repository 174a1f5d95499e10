// What a BATCH_MATMUL kernel computes (TFLM reference_ops::BatchMatMul, int8): for every output
// batch and every (i, j),
//   acc = sum_k (lhs[i][k] - zp_lhs) * (rhs[k][j] - zp_rhs)
//   out = clamp(MBQM(acc, multiplier) + zp_out, -128, 127)
// with lhs[i][k] stored at [k][i] when adj_x and rhs[k][j] at [j][k] when adj_y. Operands of
// rank 2 to 5; the batch dimensions (all but the last two, extended with leading 1s to three)
// broadcast: a batch dimension of 1 repeats against the other operand's.
#pragma once

#include <array>
#include <cstdint>

#include "ctnn/quant/quantize_multiplier.hpp"

namespace ctnn::kernels {

inline constexpr int batch_matmul_max_rank = 5;
// Depth at which (|l - zp| <= 256) * (|r - zp| <= 256) summed, and each of the kernels' folded
// terms, could leave int32: the layer and the converter refuse deeper products.
inline constexpr int batch_matmul_max_depth = 32767;

struct batch_matmul_params {
    std::array<int, 3> batches{1, 1, 1};           // the output's batch dimensions
    std::array<int, 3> lhs_batch_stride{}, rhs_batch_stride{};  // elements per step; 0 where broadcast
    int rows = 1, cols = 1, depth = 1;
    bool adj_x = false, adj_y = false;
    std::int32_t lhs_zero_point = 0, rhs_zero_point = 0, output_zero_point = 0;
    quantized_multiplier multiplier;
    std::int32_t act_min = -128, act_max = 127;  // BATCH_MATMUL has no fused activation

    constexpr int batch_count() const noexcept { return batches[0] * batches[1] * batches[2]; }
    // Offsets of output batch n's operands.
    constexpr int lhs_offset(int n) const noexcept { return offset(n, lhs_batch_stride); }
    constexpr int rhs_offset(int n) const noexcept { return offset(n, rhs_batch_stride); }
    // Where lhs[i][k] and rhs[k][j] lie in their matrix.
    constexpr int lhs_at(int i, int k) const noexcept { return adj_x ? k * rows + i : i * depth + k; }
    constexpr int rhs_at(int k, int j) const noexcept { return adj_y ? j * depth + k : k * cols + j; }

    friend constexpr bool operator==(const batch_matmul_params&, const batch_matmul_params&) = default;

  private:
    constexpr int offset(int n, const std::array<int, 3>& stride) const noexcept {
        const int b2 = n % batches[2], b1 = n / batches[2] % batches[1], b0 = n / (batches[2] * batches[1]);
        return b0 * stride[0] + b1 * stride[1] + b2 * stride[2];
    }
};

// The shapes of a BATCH_MATMUL as TFLite's Prepare checks them, for the layer and the converter.
struct batch_matmul_shapes {
    bool ok = false;
    int rank = 0;                 // the output's: the larger operand rank
    std::array<int, 5> out{};     // its dimensions, first `rank`
    batch_matmul_params geometry;  // every field but the quantization
};
template <class LhsDims, class RhsDims>
constexpr batch_matmul_shapes batch_matmul_shape(const LhsDims& lhs, int lhs_rank, const RhsDims& rhs, int rhs_rank, bool adj_x,
                                                 bool adj_y) noexcept {
    batch_matmul_shapes s;
    if (lhs_rank < 2 || rhs_rank < 2 || lhs_rank > batch_matmul_max_rank || rhs_rank > batch_matmul_max_rank) return s;
    std::array<int, 5> l{1, 1, 1, 1, 1}, r{1, 1, 1, 1, 1};
    for (int i = 0; i < lhs_rank; ++i) l[static_cast<std::size_t>(5 - lhs_rank + i)] = lhs[static_cast<std::size_t>(i)];
    for (int i = 0; i < rhs_rank; ++i) r[static_cast<std::size_t>(5 - rhs_rank + i)] = rhs[static_cast<std::size_t>(i)];
    batch_matmul_params& g = s.geometry;
    g.adj_x = adj_x;
    g.adj_y = adj_y;
    g.rows = adj_x ? l[4] : l[3];
    g.depth = adj_x ? l[3] : l[4];
    g.cols = adj_y ? r[3] : r[4];
    if ((adj_y ? r[4] : r[3]) != g.depth) return s;
    int lstep = l[3] * l[4], rstep = r[3] * r[4];
    for (int i = 2; i >= 0; --i) {
        const auto u = static_cast<std::size_t>(i);
        if (l[u] != r[u] && l[u] != 1 && r[u] != 1) return s;
        g.batches[u] = l[u] > r[u] ? l[u] : r[u];
        g.lhs_batch_stride[u] = l[u] == 1 ? 0 : lstep;
        g.rhs_batch_stride[u] = r[u] == 1 ? 0 : rstep;
        lstep *= l[u];
        rstep *= r[u];
    }
    s.rank = lhs_rank > rhs_rank ? lhs_rank : rhs_rank;
    for (int i = 0; i < s.rank - 2; ++i) s.out[static_cast<std::size_t>(i)] = g.batches[static_cast<std::size_t>(3 - (s.rank - 2) + i)];
    s.out[static_cast<std::size_t>(s.rank - 2)] = g.rows;
    s.out[static_cast<std::size_t>(s.rank - 1)] = g.cols;
    s.ok = true;
    return s;
}

}  // namespace ctnn::kernels
