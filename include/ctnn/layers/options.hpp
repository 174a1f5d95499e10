// Small option types that layers take as template arguments.
#pragma once

#include <array>
#include <type_traits>

namespace ctnn {

template <int H, int W>
struct stride {
    static_assert(H > 0 && W > 0, "ctnn: strides must be positive");
    static constexpr int h = H, w = W;
};
template <int H, int W>
struct dilation {
    static_assert(H > 0 && W > 0, "ctnn: dilations must be positive");
    static constexpr int h = H, w = W;
};
template <int H, int W>
struct window {
    static_assert(H > 0 && W > 0, "ctnn: pooling windows must be positive");
    static constexpr int h = H, w = W;
};

namespace padding {
struct valid {};
struct same {};
}  // namespace padding

// PAD amounts, before and after, for each dimension in order: paddings<b0, a0, b1, a1, ...>.
template <int... BeforeAfter>
struct paddings {
    static_assert(sizeof...(BeforeAfter) % 2 == 0, "ctnn: paddings take a (before, after) pair per dimension");
    static_assert(((BeforeAfter >= 0) && ...), "ctnn: paddings must not be negative");
    static constexpr int rank = sizeof...(BeforeAfter) / 2;
    static constexpr std::array<int, sizeof...(BeforeAfter)> values{BeforeAfter...};
};

// TFLite's output size and leading padding for one spatial dimension.
struct spatial_extent {
    int out = 0;
    int pad_before = 0;
};

template <class Padding>
constexpr spatial_extent compute_extent(int in, int kernel, int stride, int dilation) noexcept {
    const int effective = (kernel - 1) * dilation + 1;
    if constexpr (std::is_same_v<Padding, padding::valid>) {
        return {(in - effective + stride) / stride, 0};
    } else {
        const int out = (in + stride - 1) / stride;
        const int total = (out - 1) * stride + effective - in;
        return {out, total > 0 ? total / 2 : 0};
    }
}

template <class P>
concept Padding = std::is_same_v<P, padding::valid> || std::is_same_v<P, padding::same>;

}  // namespace ctnn
