// FULLY_CONNECTED int8 on sparse weights (sparse_weights.hpp): each output is its folded bias
// plus the walk over its row's non-zero weights; a row of zeros costs its bias only, an input
// no row uses is never read. And on 4-bit codes (nibble_weights.hpp), decoded as they are read. Bit-exact with the dense kernels: the folded bias and the
// requantization are theirs (kernels/portable/fully_connected_s8.hpp).
#pragma once

#include <cstdint>
#include <iterator>

#include "ctnn/kernels/linked_constants.hpp"
#include "ctnn/kernels/portable/detail/requantize.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"
#include "ctnn/kernels/weight_forms/bitmap_weights.hpp"
#include "ctnn/kernels/weight_forms/nibble_weights.hpp"
#include "ctnn/kernels/weight_forms/sparse_dot.hpp"
#include "ctnn/kernels/weight_forms/sparse_weights.hpp"

namespace ctnn::kernels::weight_forms {

template <class Spec>
struct fc_layout {
    static constexpr int channels = Spec::params.out_features;
    static constexpr channel_weights layout{Spec::params.in_features, Spec::params.in_features, 1};
};

// Its weights in each form, made only for the form a layer takes.
template <class Spec>
inline constexpr const sparse_census& fc_census = layer_census<Spec, fc_layout<Spec>::channels, fc_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& fc_rows = layer_rows<Spec, fc_layout<Spec>::channels, fc_layout<Spec>::layout>;
template <class Spec>
inline constexpr const nibble_census& fc_nibble_census = layer_nibble_census<Spec, fc_layout<Spec>::channels, fc_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& fc_nibbles = layer_nibbles<Spec, fc_layout<Spec>::channels, fc_layout<Spec>::layout>;
template <class Spec>
inline constexpr const auto& fc_bitmap = layer_bitmap<Spec, fc_layout<Spec>::channels, fc_layout<Spec>::layout>;

// One output's requantization, as the dense kernels do it.
template <class Spec>
[[gnu::always_inline]] inline std::int8_t fc_requantize(std::int32_t acc, int o) noexcept {
    constexpr auto& p = Spec::params;
    if constexpr (portable::detail::row_requantization)
        return portable::detail::requantize_one<portable::detail::fc_requant<Spec>, p.act_min, p.act_max>(acc, o);
    else
        return portable::detail::requantize(acc, std::data(Spec::requant)[p.per_channel ? o : 0], p.output_zero_point,
                                            p.act_min, p.act_max);
}

template <class Spec>
void fully_connected_s8(const std::int8_t* __restrict input, std::int8_t* __restrict output) {
    constexpr auto& p = Spec::params;
    constexpr const auto& rows = fc_rows<Spec>;
    const std::int32_t* const bias = portable::detail::fc_bias<Spec>.data();
    for (int b = 0; b < p.batches; ++b) {
        const std::int8_t* const x = input + b * p.in_features;
        std::int8_t* const out = output + b * p.out_features;
        const std::uint32_t* e = rows.entries.data();
        for (int o = 0; o < p.out_features; ++o) {
            const int pairs = rows.pairs[std::size_t(o)];
            const std::int32_t acc = sparse_dot(e, pairs, x, bias[o]);
            e += pairs;
            out[o] = fc_requantize<Spec>(acc, o);
        }
    }
}

// The same on 4-bit codes (nibble_weights.hpp).
template <class Spec>
void fully_connected_s8_nibbles(const std::int8_t* __restrict input, std::int8_t* __restrict output) {
    constexpr auto& p = Spec::params;
    constexpr nibble_table table = fc_nibble_census<Spec>.table();
    constexpr std::size_t row = nibble_census::row_bytes(p.in_features);
    const std::int32_t* const bias = portable::detail::fc_bias<Spec>.data();
    for (int b = 0; b < p.batches; ++b) {
        const std::int8_t* const x = input + b * p.in_features;
        std::int8_t* const out = output + b * p.out_features;
        for (int o = 0; o < p.out_features; ++o) {
            const std::int8_t* t = nullptr;
            if constexpr (table == nibble_table::per_channel) t = fc_nibbles<Spec>.tables.data() + 16 * o;
            if constexpr (table == nibble_table::per_tensor) t = fc_nibbles<Spec>.tables.data();
            const std::int32_t acc = nibble_dot<table, p.in_features>(fc_nibbles<Spec>.codes.data() + row * std::size_t(o), t, x, bias[o]);
            out[o] = fc_requantize<Spec>(acc, o);
        }
    }
}

// The same on the bitmap of non-zeros (bitmap_weights.hpp).
template <class Spec>
void fully_connected_s8_bitmap(const std::int8_t* __restrict input, std::int8_t* __restrict output) {
    constexpr auto& p = Spec::params;
    constexpr std::size_t row = bitmap_row_bytes(p.in_features);
    const std::int32_t* const bias = portable::detail::fc_bias<Spec>.data();
    for (int b = 0; b < p.batches; ++b) {
        const std::int8_t* const x = input + b * p.in_features;
        std::int8_t* const out = output + b * p.out_features;
        const std::int8_t* v = fc_bitmap<Spec>.values.data();
        for (int o = 0; o < p.out_features; ++o) {
            const std::int32_t acc = bitmap_dot<p.in_features>(fc_bitmap<Spec>.masks.data() + row * std::size_t(o), v,
                                                               [x](int k) { return std::int32_t{x[k]}; }, bias[o]);
            out[o] = fc_requantize<Spec>(acc, o);
        }
    }
}

// What fully_connected_s8 reads: the entries, the folded bias, the requantization table (the
// plan's on 64-bit hosts, the layer's multipliers on 32-bit targets).
// Weights: the entries (Weights = sparse), the codes and tables (nibbles) or the masks and values (bitmap).
template <class Spec, const auto& Weights>
constexpr linked_constants fully_connected_constants() {
    if constexpr (portable::detail::row_requantization)
        return linked_constants::of(Weights, portable::detail::fc_bias<Spec>, portable::detail::fc_requant<Spec>);
    else
        return linked_constants::of(Weights, portable::detail::fc_bias<Spec>, Spec::requant);
}

}  // namespace ctnn::kernels::weight_forms
