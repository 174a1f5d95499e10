// A layer's weights without their zeros, laid out at compile time for the sparse kernels.
//
// Per output channel, the non-zero weights in tap order, each with its step: how many taps after
// the previous one it lies (the first: after tap 0), so a kernel walks a pointer through the
// input patch and never loads or multiplies a zero weight. Steps are one byte; a gap of more than
// 255 taps takes filler entries (weight 0, step 255). Entries go in pairs, one 32-bit word each,
//   byte 0: weight a, byte 1: step a, byte 2: weight b, byte 3: step b,
// the order the Arm DSP kernel reads them in (SXTB16 takes both weights at once; see
// kernels/weight_forms/sparse_dot.hpp); a channel with an odd count ends on a filler (0, 0).
// A channel of zeros has no entries: it costs its bias only. Flash: 4 bytes a pair plus two
// bytes a channel (its pair count); the folded bias and requantization are the dense kernels'.
// The input zero point needs nothing new: it is folded into the bias over all weights
// (kernels/zero_point_folding.hpp), and a zero weight adds nothing to that sum either.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/zero_point_folding.hpp"

namespace ctnn::kernels::weight_forms {

// What the layout costs, from one pass over the weights.
struct sparse_census {
    std::size_t weights = 0;   // all weights, zeros included
    std::size_t nonzero = 0;   // non-zero weights
    std::size_t pairs = 0;     // entry pairs stored (non-zeros, fillers, odd-count padding)
    int max_channel_pairs = 0; // the largest channel's pair count
    int zero_channels = 0;     // channels with no non-zero weight

    // Bytes the sparse form stores: the entry words and a pair count per channel.
    constexpr std::size_t entry_bytes(int channels) const noexcept { return pairs * 4 + std::size_t(channels) * 2; }
    constexpr bool encodable() const noexcept { return max_channel_pairs <= 0xffff; }
};

// Entries one non-zero weight takes when it lies `distance` taps after the walk's position:
// itself and a filler for every 255 taps beyond the first 255.
constexpr int entries_for(int distance) noexcept { return 1 + (distance > 0 ? (distance - 1) / 255 : 0); }

template <class W>
constexpr sparse_census census_of(const W& w, int channels, channel_weights l) noexcept {
    sparse_census s;
    for (int c = 0; c < channels; ++c) {
        int nonzero = 0, entries = 0, position = 0;
        int at = c * l.channel_stride;
        for (int k = 0; k < l.count; ++k, at += l.tap_stride) {
            if (w[at] == 0) continue;
            ++nonzero;
            entries += entries_for(k - position);
            position = k;
        }
        const int pairs = (entries + 1) / 2;
        s.weights += std::size_t(l.count);
        s.nonzero += std::size_t(nonzero);
        s.pairs += std::size_t(pairs);
        if (pairs > s.max_channel_pairs) s.max_channel_pairs = pairs;
        s.zero_channels += nonzero == 0;
    }
    return s;
}

// The encoded weights: Pairs words, and each of the Channels channels' pair count.
template <std::size_t Pairs, int Channels>
struct sparse_rows {
    std::array<std::uint32_t, Pairs == 0 ? 1 : Pairs> entries{};
    std::array<std::uint16_t, Channels> pairs{};
};

template <std::size_t Pairs, int Channels, class W>
constexpr sparse_rows<Pairs, Channels> encode_sparse(const W& w, channel_weights l) noexcept {
    sparse_rows<Pairs, Channels> rows;
    std::size_t word = 0;
    for (int c = 0; c < Channels; ++c) {
        const std::size_t first = word;
        bool high = false;  // the next entry goes in the word's second half
        std::uint32_t pending = 0;
        auto put = [&](int weight, int step) {
            const std::uint32_t weight_byte = std::uint8_t(static_cast<std::int8_t>(weight));
            const int shift = high ? 16 : 0;
            pending |= (weight_byte << shift) | (std::uint32_t(step) << (8 + shift));
            if (high) {
                rows.entries[word++] = pending;
                pending = 0;
            }
            high = !high;
        };
        int position = 0;
        int at = c * l.channel_stride;
        for (int k = 0; k < l.count; ++k, at += l.tap_stride) {
            if (w[at] == 0) continue;
            int distance = k - position;
            for (; distance > 255; distance -= 255) put(0, 255);
            put(w[at], distance);
            position = k;
        }
        if (high) put(0, 0);
        rows.pairs[std::size_t(c)] = static_cast<std::uint16_t>(word - first);
    }
    return rows;
}

// One layer's census and encoded weights (Spec::weights, Channels channels laid out as Layout):
// one object each, whichever kernel set and option asks.
template <class Spec, int Channels, channel_weights Layout>
inline constexpr sparse_census layer_census = census_of(Spec::weights, Channels, Layout);
template <class Spec, int Channels, channel_weights Layout>
inline constexpr auto layer_rows = encode_sparse<layer_census<Spec, Channels, Layout>.pairs, Channels>(Spec::weights, Layout);

}  // namespace ctnn::kernels::weight_forms
