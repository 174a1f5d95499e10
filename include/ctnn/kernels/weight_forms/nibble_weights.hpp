// A layer's weights as 4-bit codes, laid out at compile time: int4 weights (every value in
// [-8, 7], TFLite's INT4 tensors once unpacked) as their own two's-complement nibbles, and
// clustered weights (at most 16 distinct values per output channel, or in the whole tensor) as
// indices into a table of those values. Two codes a byte, the even tap in the low nibble; each
// channel's codes start on a byte. Flash: ceil(taps / 2) bytes a channel, plus 16 table bytes a
// channel (or 16 for the tensor, when its channels share at most 16 values); int4 needs no
// table. The folded bias and requantization are the dense kernels': the values are the same.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/zero_point_folding.hpp"

namespace ctnn::kernels::weight_forms {

enum class nibble_table : unsigned char { none, per_tensor, per_channel };

// What the 4-bit form would store, from one pass over the weights.
struct nibble_census {
    bool fits = true;           // every channel has at most 16 distinct values
    bool int4_range = true;     // every weight is in [-8, 7]
    int max_distinct = 0;       // the most distinct values of a channel
    int tensor_distinct = 0;    // distinct values of the whole tensor

    constexpr nibble_table table() const noexcept {
        return int4_range ? nibble_table::none : tensor_distinct <= 16 ? nibble_table::per_tensor : nibble_table::per_channel;
    }
    static constexpr std::size_t row_bytes(int taps) noexcept { return std::size_t(taps + 1) / 2; }
    constexpr std::size_t table_bytes(int channels) const noexcept {
        return table() == nibble_table::none ? 0 : table() == nibble_table::per_tensor ? 16 : 16 * std::size_t(channels);
    }
    constexpr std::size_t bytes(int channels, int taps) const noexcept {
        return row_bytes(taps) * std::size_t(channels) + table_bytes(channels);
    }
};

// A set of int8 values, one bit each.
struct value_set {
    std::array<std::uint64_t, 4> bits{};
    constexpr void add(int v) noexcept { bits[std::size_t(v + 128) / 64] |= std::uint64_t{1} << ((v + 128) % 64); }
    constexpr bool has(int v) const noexcept { return (bits[std::size_t(v + 128) / 64] >> ((v + 128) % 64)) & 1; }
    constexpr int size() const noexcept {
        int n = 0;
        for (std::uint64_t b : bits)
            for (; b != 0; b &= b - 1) ++n;
        return n;
    }
    constexpr void merge(const value_set& o) noexcept {
        for (std::size_t i = 0; i < 4; ++i) bits[i] |= o.bits[i];
    }
    // Its values in increasing order, as a 16-entry table (the rest 0); at most 16 values.
    constexpr std::array<std::int8_t, 16> table() const noexcept {
        std::array<std::int8_t, 16> t{};
        std::size_t n = 0;
        for (int v = -128; v < 128 && n < 16; ++v)
            if (has(v)) t[n++] = static_cast<std::int8_t>(v);
        return t;
    }
};

template <class W>
constexpr value_set channel_values(const W& w, int c, channel_weights l) noexcept {
    value_set s;
    int at = c * l.channel_stride;
    for (int k = 0; k < l.count; ++k, at += l.tap_stride) s.add(w[at]);
    return s;
}

template <class W>
constexpr nibble_census nibble_census_of(const W& w, int channels, channel_weights l) noexcept {
    nibble_census n;
    value_set all;
    for (int c = 0; c < channels; ++c) {
        const value_set s = channel_values(w, c, l);
        const int distinct = s.size();
        if (distinct > n.max_distinct) n.max_distinct = distinct;
        n.fits = n.fits && distinct <= 16;
        all.merge(s);
    }
    n.tensor_distinct = all.size();
    for (int v = -128; v < 128; ++v)
        if (all.has(v) && (v < -8 || v > 7)) n.int4_range = false;
    return n;
}

// The codes, and the tables unless the form is int4 (Table = none).
template <std::size_t CodeBytes, nibble_table Table, std::size_t TableBytes>
struct nibble_rows {
    std::array<std::uint8_t, CodeBytes> codes{};
    std::array<std::int8_t, TableBytes> tables{};
};
template <std::size_t CodeBytes, std::size_t TableBytes>
struct nibble_rows<CodeBytes, nibble_table::none, TableBytes> {
    std::array<std::uint8_t, CodeBytes> codes{};
};

template <int Channels, int Taps, nibble_table Table, class W>
constexpr auto encode_nibbles(const W& w, channel_weights l) noexcept {
    constexpr std::size_t row = nibble_census::row_bytes(Taps);
    constexpr std::size_t table_bytes = Table == nibble_table::none ? 0 : Table == nibble_table::per_tensor ? 16 : 16 * std::size_t(Channels);
    nibble_rows<row * Channels, Table, table_bytes> rows;
    value_set all;
    if constexpr (Table == nibble_table::per_tensor)
        for (int c = 0; c < Channels; ++c) all.merge(channel_values(w, c, l));
    for (int c = 0; c < Channels; ++c) {
        std::array<std::int8_t, 16> table{};
        if constexpr (Table == nibble_table::per_channel) table = channel_values(w, c, l).table();
        if constexpr (Table == nibble_table::per_tensor) table = all.table();
        if constexpr (Table != nibble_table::none) {
            const std::size_t first = Table == nibble_table::per_channel ? 16 * std::size_t(c) : 0;
            for (std::size_t i = 0; i < 16; ++i) rows.tables[first + i] = table[i];
        }
        int at = c * l.channel_stride;
        for (int k = 0; k < Taps; ++k, at += l.tap_stride) {
            const int v = w[at];
            int code = v & 15;
            if constexpr (Table != nibble_table::none) {
                code = 0;
                while (code < 15 && table[std::size_t(code)] != v) ++code;  // present: the census checked
            }
            rows.codes[std::size_t(c) * row + std::size_t(k) / 2] |= static_cast<std::uint8_t>(code << (4 * (k & 1)));
        }
    }
    return rows;
}

// One layer's census and codes (Spec::weights, Channels channels of Taps taps laid out as Layout).
template <class Spec, int Channels, channel_weights Layout>
inline constexpr nibble_census layer_nibble_census = nibble_census_of(Spec::weights, Channels, Layout);
template <class Spec, int Channels, channel_weights Layout>
inline constexpr auto layer_nibbles =
    encode_nibbles<Channels, Layout.count, layer_nibble_census<Spec, Channels, Layout>.table()>(Spec::weights, Layout);

// Weight k of a row: its code, as the value (int4) or through the table.
template <nibble_table Table>
[[gnu::always_inline]] inline std::int32_t nibble_value(unsigned code, const std::int8_t* table) noexcept {
    if constexpr (Table == nibble_table::none) return std::int32_t{static_cast<std::int8_t>(code << 4)} >> 4;
    else return table[code];
}

// acc + a row of Taps codes (from `row`) times the inputs x[0..Taps).
template <nibble_table Table, int Taps>
[[gnu::always_inline]] inline std::int32_t nibble_dot(const std::uint8_t* row, const std::int8_t* table, const std::int8_t* x,
                                                      std::int32_t acc) noexcept {
    for (int k = 0; k + 1 < Taps; k += 2) {
        const unsigned b = row[k / 2];
        acc += nibble_value<Table>(b & 15, table) * x[k] + nibble_value<Table>(b >> 4, table) * x[k + 1];
    }
    if constexpr (Taps % 2 != 0) acc += nibble_value<Table>(row[Taps / 2] & 15u, table) * x[Taps - 1];
    return acc;
}

}  // namespace ctnn::kernels::weight_forms
