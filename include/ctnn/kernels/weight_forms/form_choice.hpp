// How a layer stores its weights (dense, sparse: sparse_weights.hpp, 4-bit codes:
// nibble_weights.hpp), decided at compile time from its weights, the model's
// kernel_options::sparse_weights and the kernel set the build runs it on.
//
//   off        : dense, always.
//   force      : the form that stores the fewest weight bytes (sparse or 4-bit where either is
//                smaller than the dense int8 weights), slower or not.
//   automatic  : sparse where it stores fewer bytes and, by the set's instruction costs below,
//                runs in at most 90 % of the dense kernel's instructions; int4 weights (the
//                layer's weight_bits is 4) as 4-bit codes, unless sparse is smaller still; dense
//                otherwise. So `automatic` never makes an int8 layer slower or larger than dense
//                (the margin covers the estimate's error); an int4 layer it keeps packed.
// The decision is as good as the cost figures, which are measured, not derived.
#pragma once

#include <cstddef>
#include <type_traits>

#include "ctnn/core/weight_bits.hpp"
#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/weight_forms/bitmap_weights.hpp"
#include "ctnn/kernels/weight_forms/nibble_weights.hpp"
#include "ctnn/kernels/weight_forms/sparse_weights.hpp"
#include "ctnn/kernels/zero_point_folding.hpp"

namespace ctnn::kernels::weight_forms {

// Instructions per output value (a pixel's channel), measured under QEMU -icount on the pruned
// models' layers (docs/performance.md, "Pruned models"), without the requantization both forms
// share: the dense kernel's per weight, the sparse walk's per entry pair and the extra of its
// per-channel start.
struct sparse_costs {
    double dense_per_mac;
    double sparse_per_pair;
    double sparse_per_channel;
};

// Plain C++: on ARMv6-M (Cortex-M0+: no SIMD, multiply-accumulates of four or five instructions
// each, so skipping zeros pays from about 40 % of them), on other Arm cores built without their
// kernel set, and on hosts (vectorised dense loops against a scalar walk).
#if defined(__ARM_ARCH_6M__)
inline constexpr sparse_costs portable_costs{.dense_per_mac = 6.0, .sparse_per_pair = 20.0, .sparse_per_channel = 22.0};
#elif defined(__arm__) || defined(__thumb__)
inline constexpr sparse_costs portable_costs{.dense_per_mac = 1.5, .sparse_per_pair = 12.0, .sparse_per_channel = 30.0};
#else
inline constexpr sparse_costs portable_costs{.dense_per_mac = 0.2, .sparse_per_pair = 8.0, .sparse_per_channel = 10.0};
#endif

template <class Set>
inline constexpr sparse_costs costs_for = portable_costs;
// SMLAD over pre-widened inputs (kernels/arm_dsp/) against eight instructions a pair
// (sparse_dot.hpp): the walk pays above about 90 % zeros.
template <>
inline constexpr sparse_costs costs_for<arm_dsp_set>{.dense_per_mac = 0.8, .sparse_per_pair = 9.0, .sparse_per_channel = 30.0};
// Sixteen multiply-accumulates a VMLADAVA against the scalar walk.
template <>
inline constexpr sparse_costs costs_for<arm_mve_set>{.dense_per_mac = 0.2, .sparse_per_pair = 12.0, .sparse_per_channel = 30.0};
template <>
inline constexpr sparse_costs costs_for<x86_vnni_set>{.dense_per_mac = 0.06, .sparse_per_pair = 8.0, .sparse_per_channel = 10.0};
// The Arm DSP convolution on four pixels at a time (sparse_conv_dsp.hpp): a pair's eight
// multiply-accumulates in 18 instructions, per pixel 4.5; the patch and the start of each
// channel's walk, shared by four pixels, about 12 per pixel and channel.
inline constexpr sparse_costs dsp_four_pixel_costs{.dense_per_mac = 1.0, .sparse_per_pair = 4.6, .sparse_per_channel = 12.0};

// The decision for a layer of `weights` int8 weights over `channels` output channels, whose
// sparse form stores `pairs` entry pairs (a lower bound will do to rule it out early).
constexpr bool sparse_pays(sparsity mode, std::size_t weights, std::size_t pairs, int channels, sparse_costs k) noexcept {
    if (mode == sparsity::off) return false;
    const bool smaller = pairs * 4 + std::size_t(channels) * 2 < weights;
    if (mode == sparsity::force || !smaller) return smaller;
    const double sparse = double(pairs) * k.sparse_per_pair + double(channels) * k.sparse_per_channel;
    return sparse <= 0.9 * double(weights) * k.dense_per_mac;
}

// How a layer stores its weights: as the set's dense kernel wants them, without zeros
// (sparse_weights.hpp), or as 4-bit codes (nibble_weights.hpp: int4 or clustered weights).
enum class weight_form : unsigned char { dense, sparse, nibbles, bitmap };

constexpr const char* weight_form_name(weight_form f) noexcept {
    return f == weight_form::sparse ? "sparse" : f == weight_form::nibbles ? "nibbles" : f == weight_form::bitmap ? "bitmap" : "dense";
}

// The form `force` takes from the bytes each would store (std::size_t(-1): it cannot hold the
// layer): the fewest, in the order dense, sparse, 4-bit codes, bitmap, each only when strictly
// smaller. The converter's summary names it with the same function (tools/ctnn-convert/weight_census.cpp).
constexpr weight_form smallest_form(std::size_t dense, std::size_t sparse, std::size_t nibbles, std::size_t bitmap) noexcept {
    weight_form f = weight_form::dense;
    std::size_t least = dense;
    if (sparse < least) f = weight_form::sparse, least = sparse;
    if (nibbles < least) f = weight_form::nibbles, least = nibbles;
    if (bitmap < least) f = weight_form::bitmap;
    return f;
}

// The form for Set, from the channel sums every weighted layer has (their zero counts bound the
// sparse pairs from below, so a dense layer never pays for the census), then from the exact
// census; with `force` also the 4-bit form, whichever stores the fewest bytes. The 4-bit form
// decodes every weight, so it is never faster than dense: `automatic` takes it only for int4
// weights, which it keeps at half a byte each.
// Channels channels, laid out as Layout; Costs: the sparse kernel's, if not the set's.
template <class Set, sparsity Mode, class Spec, int Channels, channel_weights Layout, sparse_costs Costs = costs_for<Set>>
constexpr weight_form choose_form() noexcept {
    if constexpr (Mode == sparsity::off || std::is_same_v<Set, reference_set>) {
        return weight_form::dense;
    } else {
        constexpr auto& sums = channel_sums<Spec, Channels, Layout>;
        constexpr std::size_t weights = std::size_t(Channels) * std::size_t(Layout.count);
        constexpr std::size_t nonzero = [] {
            std::size_t n = weights;
            for (const auto& s : sums) n -= std::size_t(s.zeros);
            return n;
        }();
        constexpr std::size_t sparse_bytes = [] {
            if constexpr (!sparse_pays(Mode, weights, (nonzero + 1) / 2, Channels, Costs)) {
                return std::size_t(-1);
            } else {
                constexpr const sparse_census& census = layer_census<Spec, Channels, Layout>;
                return census.encodable() && sparse_pays(Mode, weights, census.pairs, Channels, Costs)
                           ? census.entry_bytes(Channels)
                           : std::size_t(-1);
            }
        }();
        if constexpr (Mode == sparsity::automatic) {
            // int4 weights (Spec::weight_bits 4: an INT4 tensor) stay packed: the model was
            // quantized to 4 bits to halve its weight flash.
            constexpr std::size_t int4_bytes = nibble_census::row_bytes(Layout.count) * std::size_t(Channels);
            if (weight_bits_of<Spec> == 4 && int4_bytes < weights && !(sparse_bytes < int4_bytes)) return weight_form::nibbles;
            return sparse_bytes != std::size_t(-1) ? weight_form::sparse : weight_form::dense;
        } else {
            constexpr const nibble_census& nibbles = layer_nibble_census<Spec, Channels, Layout>;
            constexpr std::size_t nibble_bytes = nibbles.fits ? nibbles.bytes(Channels, Layout.count) : std::size_t(-1);
            constexpr std::size_t mask_bytes = bitmap_bytes(Channels, Layout.count, nonzero);
            return smallest_form(weights, sparse_bytes, nibble_bytes, mask_bytes);
        }
    }
}

}  // namespace ctnn::kernels::weight_forms
