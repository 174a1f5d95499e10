// The walk every reference reduction takes over its input (MEAN, SUM, REDUCE_MAX, REDUCE_MIN):
// output o's kept-dimension indices come from o, each reduced position r adds its
// reduced-dimension indices (both in row-major order).
#pragma once

#include <cstddef>

#include "ctnn/kernels/geometry.hpp"

namespace ctnn::kernels::reference {

class reduction_walk {
  public:
    constexpr explicit reduction_walk(const reduction& p) noexcept : p_(p) {
        for (int d = p.rank - 1, s = 1; d >= 0; --d) {
            stride_[d] = s;
            s *= p.dims[static_cast<std::size_t>(d)];
        }
    }
    // The offset of output o's first input value.
    constexpr int kept_offset(int o) const noexcept { return offset(o, false); }
    // What reduced position r (0 .. count - 1) adds to it.
    constexpr int reduced_offset(int r) const noexcept { return offset(r, true); }

  private:
    constexpr int offset(int index, bool reduced) const noexcept {
        int at = 0;
        for (int d = p_.rank - 1, rest = index; d >= 0; --d) {
            if (p_.reduced[static_cast<std::size_t>(d)] != reduced) continue;
            at += rest % p_.dims[static_cast<std::size_t>(d)] * stride_[d];
            rest /= p_.dims[static_cast<std::size_t>(d)];
        }
        return at;
    }

    reduction p_;
    int stride_[6] = {};
};

}  // namespace ctnn::kernels::reference
