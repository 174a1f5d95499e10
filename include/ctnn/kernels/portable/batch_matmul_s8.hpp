// BATCH_MATMUL int8, specialised at compile time; bit-exact with reference::batch_matmul_s8.
//
// Spec requirements (all static constexpr):
//   params       : kernels::batch_matmul_params
//   constant_rhs : bool; when true, rhs (const std::int8_t*) and rhs_size (elements): the model's
//                  constant right-hand side, transposed at compile time
//
// Two drivers:
// - batch_matmul_s8 (the portable kernel, no scratch: the host's arena is the converter's plan).
//   A constant rhs is stored transposed ([matrix][j][k]) with its column terms at compile time,
//   so that, with both zero points out of the sum,
//     sum (l - zl)(r - zr) = sum l r + (depth zl zr - zl sum_k r) - zr sum_k l,
//   the inner loop is a plain int8 dot product; an rhs activation is read in place,
//   sum (l - zl)(r - zr) with compile-time strides.
// - batch_matmul_s8_with<Spec, Dot> (kernel sets with a faster int8 dot product: Arm DSP): the
//   same folding for both kinds of rhs, an rhs activation transposed into the arena scratch
//   (unless adj_y already stores it so) once per distinct rhs matrix with its column terms, an
//   adj_x lhs row gathered into the scratch: every dot product runs over contiguous bytes.
// The folded terms are added modulo 2^32: a partial sum may pass int32 for the deepest products,
// the total does not (batch_matmul_max_depth).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/batch_matmul_params.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"

namespace ctnn::kernels::portable {

namespace detail {
// The constant rhs, [matrix][j][k].
template <class Spec>
inline constexpr auto batch_matmul_rhs_t = [] {
    constexpr auto& p = Spec::params;
    constexpr std::size_t size = Spec::constant_rhs ? Spec::rhs_size : 1;
    std::array<std::int8_t, size> t{};
    if constexpr (Spec::constant_rhs) {
        constexpr int matrix = p.depth * p.cols;
        for (int m = 0; m < static_cast<int>(size) / matrix; ++m)
            for (int j = 0; j < p.cols; ++j)
                for (int k = 0; k < p.depth; ++k) t[static_cast<std::size_t>(m * matrix + j * p.depth + k)] = Spec::rhs[m * matrix + p.rhs_at(k, j)];
    }
    return t;
}();
// depth zl zr - zl sum_k r, per column j of an rhs matrix given as [j][k].
constexpr std::int32_t column_term(const batch_matmul_params& p, const std::int8_t* column) noexcept {
    std::int32_t sum = 0;
    for (int k = 0; k < p.depth; ++k) sum += column[k];
    return p.depth * p.lhs_zero_point * p.rhs_zero_point - p.lhs_zero_point * sum;
}
template <class Spec>
inline constexpr auto batch_matmul_column_terms = [] {
    constexpr auto& p = Spec::params;
    constexpr std::size_t size = Spec::constant_rhs ? Spec::rhs_size / std::size_t(p.depth) : 1;
    std::array<std::int32_t, size> t{};
    if constexpr (Spec::constant_rhs)
        for (std::size_t c = 0; c < size; ++c) t[c] = column_term(p, batch_matmul_rhs_t<Spec>.data() + c * std::size_t(p.depth));
    return t;
}();

// The arena scratch: an adj_x lhs row (depth bytes), then for an rhs activation its transposed
// matrix (unless adj_y) and its column terms; each part word aligned.
struct batch_matmul_scratch {
    std::size_t row = 0, matrix = 0, terms = 0, bytes = 0;
};
template <class Spec>
constexpr batch_matmul_scratch batch_matmul_scratch_layout() noexcept {
    constexpr auto& p = Spec::params;
    const auto up = [](std::size_t n) { return (n + 3) / 4 * 4; };
    batch_matmul_scratch s;
    s.row = 0;
    s.matrix = p.adj_x ? up(std::size_t(p.depth)) : 0;
    const bool transpose = !Spec::constant_rhs && !p.adj_y;
    s.terms = s.matrix + (transpose ? up(std::size_t(p.depth) * std::size_t(p.cols)) : 0);
    s.bytes = s.terms + (Spec::constant_rhs ? 0 : std::size_t(p.cols) * sizeof(std::int32_t));
    return s;
}
}  // namespace detail

// The scratch driver, with the dot product of the kernel set's choice (portable/detail/dot_policy.hpp).
template <class Spec, class Dot>
void batch_matmul_s8_with(const std::int8_t* lhs, const std::int8_t* rhs, std::int8_t* output, std::byte* scratch) {
    constexpr auto& p = Spec::params;
    constexpr int depth = p.depth;
    static_assert(p.rows > 0 && p.cols > 0 && depth > 0 && depth <= batch_matmul_max_depth, "ctnn: batch_matmul_s8 needs 1..32767 deep products");
    constexpr detail::batch_matmul_scratch s = detail::batch_matmul_scratch_layout<Spec>();
    auto* const row_buffer = reinterpret_cast<std::int8_t*>(scratch + s.row);
    auto* const matrix_buffer = reinterpret_cast<std::int8_t*>(scratch + s.matrix);
    auto* const terms_buffer = reinterpret_cast<std::int32_t*>(scratch + s.terms);
    int transposed = -1;  // the rhs offset whose matrix the scratch holds
    for (int n = 0; n < p.batch_count(); ++n) {
        const std::int8_t* const l = lhs + p.lhs_offset(n);
        const int r_offset = p.rhs_offset(n);
        const std::int8_t* columns;
        const std::int32_t* terms;
        if constexpr (Spec::constant_rhs) {
            columns = detail::batch_matmul_rhs_t<Spec>.data() + r_offset;
            terms = detail::batch_matmul_column_terms<Spec>.data() + r_offset / depth;
        } else {
            const std::int8_t* const r = rhs + r_offset;
            columns = p.adj_y ? r : matrix_buffer;
            terms = terms_buffer;
            if (r_offset != transposed) {
                transposed = r_offset;
                if constexpr (!p.adj_y)
                    for (int j = 0; j < p.cols; ++j)
                        for (int k = 0; k < depth; ++k) matrix_buffer[j * depth + k] = r[k * p.cols + j];
                for (int j = 0; j < p.cols; ++j) terms_buffer[j] = detail::column_term(p, columns + j * depth);
            }
        }
        std::int8_t* const out = output + n * p.rows * p.cols;
        for (int i = 0; i < p.rows; ++i) {
            const std::int8_t* row = l + i * depth;
            if constexpr (p.adj_x) {
                for (int k = 0; k < depth; ++k) row_buffer[k] = l[k * p.rows + i];
                row = row_buffer;
            }
            std::int32_t sum = 0;
            for (int k = 0; k < depth; ++k) sum += row[k];
            const auto row_term = static_cast<std::uint32_t>(-p.rhs_zero_point * sum);
            for (int j = 0; j < p.cols; ++j) {
                const auto acc = static_cast<std::int32_t>(static_cast<std::uint32_t>(Dot::template dot<depth>(row, columns + j * depth)) +
                                                           static_cast<std::uint32_t>(terms[j]) + row_term);
                out[i * p.cols + j] = detail::requantize(acc, p.multiplier, p.output_zero_point, p.act_min, p.act_max);
            }
        }
    }
}

// The portable kernel: no scratch (see above).
template <class Spec>
void batch_matmul_s8(const std::int8_t* lhs, const std::int8_t* rhs, std::int8_t* output) {
    constexpr auto& p = Spec::params;
    constexpr int depth = p.depth;
    static_assert(p.rows > 0 && p.cols > 0 && depth > 0 && depth <= batch_matmul_max_depth, "ctnn: batch_matmul_s8 needs 1..32767 deep products");
    // Steps between lhs[i][k] and lhs[i][k + 1], rhs[k][j] and rhs[k + 1][j].
    constexpr int lhs_k_step = p.adj_x ? p.rows : 1, rhs_k_step = p.adj_y ? 1 : p.cols;
    for (int n = 0; n < p.batch_count(); ++n) {
        const std::int8_t* const l = lhs + p.lhs_offset(n);
        const int r_offset = p.rhs_offset(n);
        std::int8_t* const out = output + n * p.rows * p.cols;
        for (int i = 0; i < p.rows; ++i) {
            const std::int8_t* const row = l + p.lhs_at(i, 0);
            if constexpr (Spec::constant_rhs) {
                const std::int8_t* const columns = detail::batch_matmul_rhs_t<Spec>.data() + r_offset;
                const std::int32_t* const terms = detail::batch_matmul_column_terms<Spec>.data() + r_offset / depth;
                std::int32_t sum = 0;
                for (int k = 0; k < depth; ++k) sum += row[k * lhs_k_step];
                const auto row_term = static_cast<std::uint32_t>(-p.rhs_zero_point * sum);
                for (int j = 0; j < p.cols; ++j) {
                    const std::int8_t* const column = columns + j * depth;
                    std::int32_t dot = 0;
                    for (int k = 0; k < depth; ++k) dot += std::int32_t{row[k * lhs_k_step]} * column[k];
                    const auto acc = static_cast<std::int32_t>(static_cast<std::uint32_t>(dot) + static_cast<std::uint32_t>(terms[j]) + row_term);
                    out[i * p.cols + j] = detail::requantize(acc, p.multiplier, p.output_zero_point, p.act_min, p.act_max);
                }
            } else {
                const std::int8_t* const r = rhs + r_offset;
                for (int j = 0; j < p.cols; ++j) {
                    const std::int8_t* const column = r + p.rhs_at(0, j);
                    std::int32_t acc = 0;
                    for (int k = 0; k < depth; ++k)
                        acc += (std::int32_t{row[k * lhs_k_step]} - p.lhs_zero_point) * (std::int32_t{column[k * rhs_k_step]} - p.rhs_zero_point);
                    out[i * p.cols + j] = detail::requantize(acc, p.multiplier, p.output_zero_point, p.act_min, p.act_max);
                }
            }
        }
    }
}

template <class Spec>
inline constexpr linked_constants batch_matmul_constants = [] {
    if constexpr (Spec::constant_rhs)
        return linked_constants::of(detail::batch_matmul_rhs_t<Spec>, detail::batch_matmul_column_terms<Spec>);
    else
        return linked_constants{};
}();

}  // namespace ctnn::kernels::portable

namespace ctnn::kernels {
template <>
struct kernel<portable_set, op::batch_matmul> : scratchless_kernel {
    // rhs: the second operand, or nullptr when Spec::constant_rhs.
    template <class Spec, kernel_options>
    static void run(const std::int8_t* lhs, const std::int8_t* rhs, std::int8_t* output, std::byte*) {
        portable::batch_matmul_s8<Spec>(lhs, rhs, output);
    }
    // A constant rhs, transposed, and its column terms (the model's own array is not read).
    template <class Spec, kernel_options>
    static constexpr linked_constants constants() { return portable::batch_matmul_constants<Spec>; }
};
}  // namespace ctnn::kernels
