// Speed, flash and RAM choices a model makes for its kernels. A model carries them
// as a template argument (ctnn::basic_graph) and hands them to every layer's kernel.
//
//   using fast_model = ctnn::with_int16_weights<kws::model>;   // see graph/with_options.hpp
//   using unfused = ctnn::with_kernel_options<M, ctnn::kernel_options{.residual_add = ctnn::residual_fusion::off}>;
//   using dense = ctnn::with_sparsity<M, ctnn::sparsity::off>;
//
// The fields are enumerations so that error messages and symbols name the choice
// (kernel_options{ctnn::weight_storage::int8, ctnn::residual_fusion::on, ctnn::sparsity::automatic, ctnn::ram_schedule::fastest}), not {false, true}.
#pragma once

#include <cstddef>

namespace ctnn {

// Convolution and fully connected weights stored as int8 (TFLite's), or pre-widened to int16 in
// the order the Arm DSP kernels feed them to SMLAD: no SXTB16 unpacking in the inner loops, for
// twice the weight flash. The budget counts the doubled weights on every target (so a budget
// answer does not change between the host and the firmware build); kernels without a DSP path
// (portable: host, Cortex-M0+, M55) have no unpacking to save and keep int8 weights.
enum class weight_storage : bool { int8, int16 };

// A CONV_2D whose output only feeds the ADD after it runs inside that ADD, a few rows at a time
// (plan/residual_fusion.hpp): its output never exists whole, which shrinks the arena of residual
// networks. On by default; off, every tensor exists (full intermediates).
enum class residual_fusion : bool { off, on };

// How convolution, depthwise and fully connected int8 weights are stored (kernels/weight_forms/):
// dense, as the kernel set's dense kernels want them; sparse (pruned weights: per output channel
// only the non-zero weights, each with its distance from the previous one, never loaded or
// multiplied); as a bitmap of the non-zero taps and their values (the smallest form of pruned
// weights below about 88 % zeros); or as 4-bit codes (int4 weights, or clustered weights of at
// most 16 values per channel, with their table). `automatic` (the default) takes the sparse form for a layer where
// it links fewer bytes and the build's kernel set runs it in fewer instructions than the dense
// kernel, and keeps int4 weights as 4-bit codes (kernels/weight_forms/form_choice.hpp);
// `force` takes whichever form links the fewest
// bytes, slower or not; `off` keeps every layer dense. (`automatic`, not `auto`: a C++ keyword.)
enum class sparsity : unsigned char { off, automatic, force };

// The schedule's RAM: `fastest` (the default) runs every layer at its fewest instructions with
// the smallest arena for that; `smallest` also lets stride-1 convolutions (with no more output
// channels than input channels) and depthwise convolutions write over their input through a
// band of a few rows, and QUANTIZE / DEQUANTIZE at float edges convert over their input
// (plan/in_place_rows.hpp): a copy of their output more, for less arena.
// ctnn::optimize_for<Model, ctnn::smallest_ram> (graph/with_options.hpp) selects it.
// With `smallest`, ram_budget > 0 asks for the arena to fit that many bytes with the fewest
// instructions added: of the steps that lower the arena, those whose copies cost the most go
// back out of place while the arena still fits (ctnn::fastest_within sets it).
enum class ram_schedule : bool { fastest, smallest };

struct kernel_options {
    weight_storage weights = weight_storage::int8;
    residual_fusion residual_add = residual_fusion::on;
    sparsity sparse_weights = sparsity::automatic;
    ram_schedule ram = ram_schedule::fastest;
    std::size_t ram_budget = 0;  // with ram_schedule::smallest: bytes the arena must fit, or 0 (the least)

    constexpr bool int16_weights() const noexcept { return weights == weight_storage::int16; }
    constexpr bool fuse_residual_add() const noexcept { return residual_add == residual_fusion::on; }
    constexpr bool rows_in_place() const noexcept { return ram == ram_schedule::smallest; }

    friend constexpr bool operator==(const kernel_options&, const kernel_options&) = default;
};

}  // namespace ctnn
