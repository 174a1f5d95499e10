// A layer's weights as a bitmap of its non-zero taps and the non-zero values, laid out at
// compile time: per output channel ceil(taps / 8) mask bytes (bit k % 8 of byte k / 8 set when
// tap k is non-zero), then all channels' non-zero weights in channel and tap order, one byte
// each. The smallest lossless form of pruned int8 weights between about 12 % and 88 % zeros
// (sparse_weights.hpp takes two bytes a non-zero): flash is ceil(taps / 8) a channel plus one
// byte a non-zero weight, at least one. The walk finds each set bit (count trailing zeros), so
// no zero weight is loaded or multiplied, but it is slower than the sparse walk: `force` (the
// fewest bytes) takes it, `automatic` never does. Folded bias and requantization: the dense
// kernels'.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/zero_point_folding.hpp"

namespace ctnn::kernels::weight_forms {

constexpr std::size_t bitmap_row_bytes(int taps) noexcept { return std::size_t(taps + 7) / 8; }
constexpr std::size_t bitmap_bytes(int channels, int taps, std::size_t nonzero) noexcept {
    return bitmap_row_bytes(taps) * std::size_t(channels) + (nonzero == 0 ? 1 : nonzero);
}

template <std::size_t MaskBytes, std::size_t Values>
struct bitmap_rows {
    std::array<std::uint8_t, MaskBytes> masks{};
    std::array<std::int8_t, Values == 0 ? 1 : Values> values{};
};

template <int Channels, int Taps, std::size_t Values, class W>
constexpr bitmap_rows<bitmap_row_bytes(Taps) * Channels, Values> encode_bitmap(const W& w, channel_weights l) noexcept {
    constexpr std::size_t row = bitmap_row_bytes(Taps);
    bitmap_rows<row * Channels, Values> rows;
    std::size_t v = 0;
    for (int c = 0; c < Channels; ++c) {
        int at = c * l.channel_stride;
        for (int k = 0; k < Taps; ++k, at += l.tap_stride) {
            if (w[at] == 0) continue;
            rows.masks[std::size_t(c) * row + std::size_t(k) / 8] |= static_cast<std::uint8_t>(1u << (k % 8));
            rows.values[v++] = static_cast<std::int8_t>(w[at]);
        }
    }
    return rows;
}

// The layer's non-zero weights, from the channel sums every weighted layer has.
template <class Spec, int Channels, channel_weights Layout>
inline constexpr std::size_t layer_nonzero = [] {
    std::size_t n = std::size_t(Channels) * std::size_t(Layout.count);
    for (const auto& s : channel_sums<Spec, Channels, Layout>) n -= std::size_t(s.zeros);
    return n;
}();
template <class Spec, int Channels, channel_weights Layout>
inline constexpr auto layer_bitmap = encode_bitmap<Channels, Layout.count, layer_nonzero<Spec, Channels, Layout>>(Spec::weights, Layout);

// acc + one channel's non-zero weights (from v on; v ends past them) times input(k) of their
// taps k, the channel's mask bytes from `mask`.
template <int Taps, class Input>
[[gnu::always_inline]] inline std::int32_t bitmap_dot(const std::uint8_t* mask, const std::int8_t*& v, Input input,
                                                      std::int32_t acc) noexcept {
    for (int b = 0; b < int(bitmap_row_bytes(Taps)); ++b)
        for (unsigned m = mask[b]; m != 0; m &= m - 1) acc += std::int32_t{*v++} * input(8 * b + std::countr_zero(m));
    return acc;
}

}  // namespace ctnn::kernels::weight_forms
