// Reference TRANSPOSE, int8 or int16: output dimension i is input dimension perm[i] (TFLite
// reference_ops::Transpose). No arithmetic: every byte is copied once.
//
// Shapes up to rank 6 (transpose_max_rank), lower ranks as they are: in_shape[0..rank).
#pragma once

#include <array>
#include <cstdint>

namespace ctnn::kernels {

// The largest rank TFLite's reference Transpose handles (the layer takes it), and the largest
// TFLite Micro's Prepare accepts (1D-5D: the converter's rule, as the model must run there).
inline constexpr int transpose_max_rank = 6;
inline constexpr int tflite_micro_transpose_max_rank = 5;

struct transpose_params {
    int rank = 0;
    std::array<int, transpose_max_rank> in_shape{};
    std::array<int, transpose_max_rank> perm{};
};

// TFLite's Prepare takes any entries in [0, rank); ctnn also needs each input dimension named
// once (a permutation), so that every output byte has one source. The layer and the converter
// both ask these.
constexpr bool transpose_rank_supported(int rank) noexcept { return rank >= 1 && rank <= transpose_max_rank; }
constexpr bool tflite_micro_transpose_rank_supported(int rank) noexcept { return rank >= 1 && rank <= tflite_micro_transpose_max_rank; }
template <std::size_t N>
constexpr bool transpose_is_permutation(const std::array<int, N>& perm, int rank) noexcept {
    std::array<bool, N> seen{};
    for (int i = 0; i < rank; ++i) {
        const int p = perm[static_cast<std::size_t>(i)];
        if (p < 0 || p >= rank || seen[static_cast<std::size_t>(p)]) return false;
        seen[static_cast<std::size_t>(p)] = true;
    }
    return true;
}

constexpr std::array<int, transpose_max_rank> transpose_output_shape(const transpose_params& p) noexcept {
    std::array<int, transpose_max_rank> out{};
    for (int i = 0; i < p.rank; ++i) out[static_cast<std::size_t>(i)] = p.in_shape[static_cast<std::size_t>(p.perm[static_cast<std::size_t>(i)])];
    return out;
}

namespace reference {

// Walks the output in order; each output index's input offset is the sum, over output
// dimensions i, of index[i] times the input stride of dimension perm[i].
template <class T>  // std::int8_t or std::int16_t: only moved
void transpose(const transpose_params& p, const T* input, T* output) {
    const auto n = static_cast<std::size_t>(p.rank);
    std::array<long, transpose_max_rank> in_stride{};
    long s = 1;
    for (std::size_t d = n; d-- > 0;) {
        in_stride[d] = s;
        s *= p.in_shape[d];
    }
    const std::array<int, transpose_max_rank> out = transpose_output_shape(p);
    const long total = s;
    std::array<int, transpose_max_rank> index{};
    for (long o = 0; o < total; ++o) {
        long from = 0;
        for (std::size_t i = 0; i < n; ++i) from += index[i] * in_stride[static_cast<std::size_t>(p.perm[i])];
        output[o] = input[from];
        for (std::size_t i = n; i-- > 0;) {  // next output index, last dimension fastest
            if (++index[i] < out[i]) break;
            index[i] = 0;
        }
    }
}

}  // namespace reference
}  // namespace ctnn::kernels
