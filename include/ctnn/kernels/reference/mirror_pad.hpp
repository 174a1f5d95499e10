// Reference MIRROR_PAD (TFLite's MirrorPad): grows a tensor of rank <= 5 by mirroring it at
// each border. REFLECT leaves the border element out of the mirror (abc -> cb|abc|ba),
// SYMMETRIC repeats it (abc -> ba|abc|cb). Each output element is one input element; the
// tensor is seen as 5-D, lower ranks extended with leading 1s (whose padding is 0).
#pragma once

#include <array>

namespace ctnn::kernels {

enum class mirror_mode { reflect, symmetric };

struct mirror_pad_params {
    std::array<int, 5> in_shape{1, 1, 1, 1, 1};
    std::array<int, 5> before{}, after{};
    mirror_mode mode = mirror_mode::reflect;

    friend constexpr bool operator==(const mirror_pad_params&, const mirror_pad_params&) = default;
};

// TFLite's rule: REFLECT pads at most size - 1 on each side, SYMMETRIC at most size.
constexpr bool mirror_padding_fits(mirror_mode mode, int size, int before, int after) noexcept {
    const int most = mode == mirror_mode::reflect ? size - 1 : size;
    return before >= 0 && after >= 0 && before <= most && after <= most;
}

// The input index along one dimension that output index i (0 <= i < before + size + after) reads.
constexpr int mirror_source(int i, int before, int size, mirror_mode mode) noexcept {
    const int skip = mode == mirror_mode::reflect ? 1 : 0;  // the border element, left out of a reflection
    if (i < before) return before - 1 + skip - i;
    i -= before;
    if (i < size) return i;
    return size - 1 - skip - (i - size);
}

constexpr std::array<int, 5> mirror_pad_output_shape(const mirror_pad_params& p) noexcept {
    std::array<int, 5> out{};
    for (int d = 0; d < 5; ++d) out[d] = p.before[d] + p.in_shape[d] + p.after[d];
    return out;
}

namespace reference {

template <class T>
void mirror_pad(const mirror_pad_params& p, const T* input, T* output) {
    const std::array<int, 5> out = mirror_pad_output_shape(p);
    const std::array<int, 5>& in = p.in_shape;
    int o = 0;
    for (int i0 = 0; i0 < out[0]; ++i0)
        for (int i1 = 0; i1 < out[1]; ++i1)
            for (int i2 = 0; i2 < out[2]; ++i2)
                for (int i3 = 0; i3 < out[3]; ++i3)
                    for (int i4 = 0; i4 < out[4]; ++i4) {
                        const int j0 = mirror_source(i0, p.before[0], in[0], p.mode), j1 = mirror_source(i1, p.before[1], in[1], p.mode);
                        const int j2 = mirror_source(i2, p.before[2], in[2], p.mode), j3 = mirror_source(i3, p.before[3], in[3], p.mode);
                        const int j4 = mirror_source(i4, p.before[4], in[4], p.mode);
                        output[o++] = input[(((j0 * in[1] + j1) * in[2] + j2) * in[3] + j3) * in[4] + j4];
                    }
}

}  // namespace reference
}  // namespace ctnn::kernels
