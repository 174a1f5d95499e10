// One part of a tensor along one axis (SPLIT, SPLIT_V, UNPACK): `outer` runs, run o taking
// `size` elements from offset o * `inner` + `begin` of the input (inner: the elements from the
// axis on; begin, size: the part's, in elements). The values are only moved.
#pragma once

#include <cstddef>

#include "ctnn/plan/buffer.hpp"

namespace ctnn::kernels {

struct split_params {
    int outer = 1;
    int inner = 0;
    int begin = 0;
    int size = 0;
};

// Part [begin, begin + size) of dimension `axis` of a tensor of dimensions dims[0..rank).
constexpr split_params split_part_params(const int* dims, int rank, int axis, int begin, int size) noexcept {
    split_params p;
    int after = 1;
    for (int d = axis + 1; d < rank; ++d) after *= dims[d];
    for (int d = 0; d < axis; ++d) p.outer *= dims[d];
    p.inner = dims[axis] * after;
    p.begin = begin * after;
    p.size = size * after;
    return p;
}

// The part is one run of the input that starts on an arena-aligned byte: a view of the input's
// bytes (layers/split.hpp), no copy. The library and the converter decide with this one rule.
constexpr bool split_part_is_view(const split_params& p, std::size_t element_bytes) noexcept {
    return p.outer == 1 && (std::size_t(p.begin) * element_bytes) % plan::arena_alignment == 0;
}

}  // namespace ctnn::kernels
