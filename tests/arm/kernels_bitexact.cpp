// Firmware test: the build's kernels (kernels/select.hpp: the Arm DSP set on Cortex-M4, M7 and
// M33, the Helium set on M55) against the reference kernels, bit for bit, over many
// geometries with pseudo-random data (odd channel counts, non-square kernels, strides and
// dilations, SAME/VALID, depth multiplier 2, clamps, mixed-sign per-channel shifts, a zero
// multiplier, zero points across the range). Convolution and fully connected cases run twice:
// with int8 weights and with int16 weights (kernel_options::int16_weights), which take other
// weight layouts and assembly loops. Prints every case and the first mismatches; exits with
// the number of failing cases.
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstddef>
#include <cstdint>

#include "arm_specs.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"
#include "ctnn/kernels/reference/conv2d_s8.hpp"
#include "ctnn/kernels/reference/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/reference/fully_connected_s8.hpp"

namespace {

using namespace ctnn;
using arm_test::conv_case;
using arm_test::fc_case;

constexpr int max_bytes = 64 * 1024;
alignas(4) std::int8_t input[max_bytes + 8];
alignas(4) std::int8_t want[max_bytes];
alignas(4) std::int8_t got[max_bytes + 8];
// The kernels' scratch (in a model, the arena plan places it).
constexpr std::size_t max_scratch = 16 * 1024;
alignas(4) std::byte scratch[max_scratch];
int failures = 0;
constexpr kernel_options int16_weights{.weights = weight_storage::int16};

// Compares n bytes; the output starts at `offset` (misaligned outputs are allowed) and the
// bytes after it must stay untouched.
void check(const char* kind, int index, int n, int offset, bool int16_weights = false) {
    int bad = 0;
    for (int i = 0; i < n; ++i) {
        if (got[offset + i] == want[i]) continue;
        if (bad < 5) {
            ctnn_fw::print("  mismatch at ");
            ctnn_fw::print_dec(i);
            ctnn_fw::print(": got ");
            ctnn_fw::print_dec(got[offset + i]);
            ctnn_fw::print(", want ");
            ctnn_fw::print_dec(want[i]);
            ctnn_fw::print("\n");
        }
        ++bad;
    }
    for (int i = 0; i < 4; ++i) bad += got[offset + n + i] == 0x55 ? 0 : 1;
    ctnn_fw::print(kind);
    ctnn_fw::print(int16_weights ? " (int16 weights) case " : " case ");
    ctnn_fw::print_dec(index);
    ctnn_fw::print(bad ? ": FAIL, mismatches " : ": ok, outputs ");
    ctnn_fw::print_dec(bad ? bad : n);
    ctnn_fw::print("\n");
    failures += bad ? 1 : 0;
}

// offset: misalignment of input and output (0..3): tensors may start at any byte.
template <class Spec, bool Depthwise, kernel_options O = kernel_options{}>
void conv_test(int index, int offset) {
    using conv = kernels::kernel_for<kernels::op::conv2d>;
    constexpr kernels::conv_geometry g = Spec::geometry;
    constexpr int in_n = g.in_h * g.in_w * g.in_c, out_n = g.out_h * g.out_w * g.out_c;
    static_assert(in_n <= max_bytes && out_n <= max_bytes);
    arm_test::fill_random(input + offset, in_n, index + 1);
    for (auto& v : got) v = 0x55;
    if constexpr (Depthwise) {
        kernels::reference::depthwise_conv2d_s8(g, input + offset, Spec::weights, Spec::bias, Spec::requant.data(), want);
        kernels::kernel_for<kernels::op::depthwise_conv2d>::run<Spec, O>(input + offset, got + offset);
#if CTNN_KERNELS_ARM_DSP
        // Both Arm DSP bodies, whatever compact_depthwise chose: the layer shape's own and the
        // shared compact one, whole and in three uneven row ranges (in place by rows).
        if constexpr (g.depth_multiplier == 1) {
            check("depthwise", index, out_n, offset);
            using dw = kernels::arm_dsp::depthwise_multiplier_one;
            const bool compact = kernels::arm_dsp::detail::compact_depthwise(g);
            for (auto& v : got) v = 0x55;
            if (compact)
                dw::run<Spec, false>(input + offset, got + offset);
            else
                dw::run<Spec, true>(input + offset, got + offset);
            check(compact ? "depthwise (the shape's own body)" : "depthwise (compact body)", index, out_n, offset);
            for (auto& v : got) v = 0x55;
            const int cuts[] = {0, g.out_h / 3, g.out_h - g.out_h / 4, g.out_h};
            for (int r = 0; r < 3; ++r) {
                std::int8_t* rows = got + offset + cuts[r] * g.out_w * g.out_c;
                dw::run_rows<Spec, false>(input + offset, rows, cuts[r], cuts[r + 1]);
            }
            check("depthwise rows (the shape's own body)", index, out_n, offset);
            for (auto& v : got) v = 0x55;
            for (int r = 0; r < 3; ++r) {
                std::int8_t* rows = got + offset + cuts[r] * g.out_w * g.out_c;
                dw::run_rows<Spec, true>(input + offset, rows, cuts[r], cuts[r + 1]);
            }
            check("depthwise rows (compact body)", index, out_n, offset);
            return;
        }
#endif
    } else {
        kernels::reference::conv2d_s8(g, input + offset, Spec::weights, Spec::bias, Spec::requant.data(), want);
        static_assert(conv::scratch_bytes<Spec> <= max_scratch);
        conv::run<Spec, O>(input + offset, got + offset, scratch);
    }
    check(Depthwise ? "depthwise" : "conv2d", index, out_n, offset, O.int16_weights());
    if constexpr (!Depthwise) {
        // The same rows in three uneven ranges (residual fusion computes chunks of rows).
        for (auto& v : got) v = 0x55;
        const int cuts[] = {0, g.out_h / 3, g.out_h - g.out_h / 4, g.out_h};
        for (int r = 0; r < 3; ++r)
            conv::run_rows<Spec, O>(input + offset, got + offset + cuts[r] * g.out_w * g.out_c, cuts[r], cuts[r + 1],
                                    scratch);
        check("conv2d rows", index, out_n, offset, O.int16_weights());
    }
}

template <class Spec, kernel_options O = kernel_options{}>
void fc_test(int index, int offset) {
    constexpr auto p = Spec::params;
    arm_test::fill_random(input + offset, p.batches * p.in_features, index + 1);
    for (auto& v : got) v = 0x55;
    kernels::reference::fully_connected_s8(p, input + offset, Spec::weights, Spec::bias, Spec::requant.data(), want);
    using fc = kernels::kernel_for<kernels::op::fully_connected>;
    static_assert(fc::scratch_bytes<Spec> <= max_scratch);
    fc::run<Spec, O>(input + offset, got + offset, scratch);
    check("fully_connected", index, p.batches * p.out_features, offset, O.int16_weights());
}

template <conv_case C, std::uint32_t Seed>
using conv = arm_test::conv_spec<C, Seed>;
template <conv_case C, std::uint32_t Seed>
using dw = arm_test::depthwise_spec<C, Seed>;

// clang-format off
constexpr conv_case conv_cases[] = {
    {.in_h = 5, .in_w = 5, .in_c = 64, .out_c = 64, .kernel_h = 1, .kernel_w = 1},                     // KWS pointwise
    {.in_h = 7, .in_w = 7, .in_c = 3, .out_c = 5, .kernel_h = 1, .kernel_w = 1, .zp_in = 0, .zp_out = 3},
    {.in_h = 9, .in_w = 9, .in_c = 17, .out_c = 5, .kernel_h = 1, .kernel_w = 1, .stride_h = 2, .stride_w = 2},
    {.in_h = 9, .in_w = 8, .in_c = 17, .out_c = 3, .kernel_h = 1, .kernel_w = 1, .stride_h = 2, .stride_w = 2, .same = false, .zp_in = 37},
    {.in_h = 8, .in_w = 8, .in_c = 16, .out_c = 16, .kernel_h = 3, .kernel_w = 3},                     // ResNet 3x3
    {.in_h = 9, .in_w = 7, .in_c = 5, .out_c = 3, .kernel_h = 3, .kernel_w = 3, .stride_h = 2, .stride_w = 2, .zp_in = 127},
    {.in_h = 49, .in_w = 10, .in_c = 1, .out_c = 64, .kernel_h = 10, .kernel_w = 4, .stride_h = 2, .stride_w = 2, .zp_in = 83}, // KWS first
    {.in_h = 13, .in_w = 13, .in_c = 3, .out_c = 8, .kernel_h = 3, .kernel_w = 3, .stride_h = 2, .stride_w = 2}, // VWW first
    {.in_h = 11, .in_w = 12, .in_c = 3, .out_c = 17, .kernel_h = 2, .kernel_w = 5, .same = false, .zp_in = -5, .zp_out = 9},
    {.in_h = 10, .in_w = 9, .in_c = 4, .out_c = 6, .kernel_h = 3, .kernel_w = 3, .dilation_h = 2, .dilation_w = 2},
    {.in_h = 10, .in_w = 9, .in_c = 6, .out_c = 4, .kernel_h = 3, .kernel_w = 2, .stride_w = 2, .dilation_h = 2, .zp_in = 0},
    {.in_h = 6, .in_w = 6, .in_c = 8, .out_c = 7, .kernel_h = 3, .kernel_w = 3, .zp_out = -10, .act_min = -10, .act_max = 90},
    {.in_h = 4, .in_w = 5, .in_c = 1, .out_c = 1, .kernel_h = 1, .kernel_w = 1, .zp_in = 0, .zp_out = 0},
    // shifts of both signs (small data so that left shifts do not just saturate)
    {.in_h = 6, .in_w = 5, .in_c = 2, .out_c = 12, .kernel_h = 1, .kernel_w = 1, .zp_in = 0, .weight_max = 1, .shift_lo = -4, .shift_hi = 1, .absolute_shifts = true, .bias_max = 20},
    {.in_h = 5, .in_w = 5, .in_c = 4, .out_c = 12, .kernel_h = 3, .kernel_w = 3, .zp_in = 0, .weight_max = 2, .shift_lo = -6, .shift_hi = 2, .absolute_shifts = true, .bias_max = 50},
    {.in_h = 5, .in_w = 5, .in_c = 8, .out_c = 4, .kernel_h = 3, .kernel_w = 3, .zero_multiplier = 2}, // reference arithmetic
    {.in_h = 7, .in_w = 6, .in_c = 9, .out_c = 3, .kernel_h = 3, .kernel_w = 3, .shift_lo = -20, .shift_hi = -16}, // large right shifts
    {.in_h = 3, .in_w = 3, .in_c = 128, .out_c = 9, .kernel_h = 1, .kernel_w = 1, .shift_lo = -2, .shift_hi = 2},
    {.in_h = 1, .in_w = 1, .in_c = 5, .out_c = 2, .kernel_h = 1, .kernel_w = 1},
    {.in_h = 12, .in_w = 11, .in_c = 32, .out_c = 32, .kernel_h = 3, .kernel_w = 3, .stride_h = 2, .stride_w = 2, .zp_in = -1, .zp_out = 4},
    {.in_h = 4, .in_w = 5, .in_c = 32, .out_c = 8, .kernel_h = 1, .kernel_w = 1},                      // 20 pixels: a group of two
    {.in_h = 7, .in_w = 5, .in_c = 24, .out_c = 6, .kernel_h = 3, .kernel_w = 3, .zp_in = 5},          // offset weights, ReLU-style
    // packed fields (rows back to back): words across row ends, with 1, 2 and 3 bytes in the first row
    {.in_h = 9, .in_w = 9, .in_c = 5, .out_c = 6, .kernel_h = 3, .kernel_w = 1, .zp_in = -7},
    {.in_h = 7, .in_w = 7, .in_c = 6, .out_c = 10, .kernel_h = 3, .kernel_w = 3, .stride_h = 2, .stride_w = 2, .same = false, .zp_in = 21, .zp_out = 3},
};
constexpr conv_case dw_cases[] = {
    {.in_h = 25, .in_w = 5, .in_c = 64, .out_c = 64, .kernel_h = 3, .kernel_w = 3},                    // KWS depthwise
    {.in_h = 12, .in_w = 12, .in_c = 8, .out_c = 8, .kernel_h = 3, .kernel_w = 3, .zp_in = 0},
    {.in_h = 9, .in_w = 9, .in_c = 16, .out_c = 16, .kernel_h = 3, .kernel_w = 3, .stride_h = 2, .stride_w = 2},
    {.in_h = 8, .in_w = 7, .in_c = 5, .out_c = 5, .kernel_h = 3, .kernel_w = 3, .zp_in = 45, .zp_out = 7},
    {.in_h = 7, .in_w = 7, .in_c = 17, .out_c = 17, .kernel_h = 3, .kernel_w = 3, .stride_h = 2, .stride_w = 2, .same = false},
    {.in_h = 6, .in_w = 5, .in_c = 3, .out_c = 3, .kernel_h = 5, .kernel_w = 3},
    {.in_h = 6, .in_w = 6, .in_c = 1, .out_c = 1, .kernel_h = 3, .kernel_w = 3},
    {.in_h = 6, .in_w = 6, .in_c = 3, .out_c = 6, .kernel_h = 3, .kernel_w = 3, .depth_multiplier = 2},
    {.in_h = 9, .in_w = 10, .in_c = 12, .out_c = 12, .kernel_h = 3, .kernel_w = 3, .dilation_h = 2, .dilation_w = 2},
    {.in_h = 6, .in_w = 6, .in_c = 8, .out_c = 8, .kernel_h = 3, .kernel_w = 3, .zp_out = -20, .act_min = -20, .act_max = 60},
    {.in_h = 5, .in_w = 4, .in_c = 8, .out_c = 8, .kernel_h = 3, .kernel_w = 3, .zp_in = 0, .weight_max = 3, .shift_lo = -5, .shift_hi = 2, .absolute_shifts = true, .bias_max = 30},
    {.in_h = 5, .in_w = 4, .in_c = 8, .out_c = 8, .kernel_h = 3, .kernel_w = 3, .zero_multiplier = 5},
    {.in_h = 6, .in_w = 6, .in_c = 128, .out_c = 128, .kernel_h = 3, .kernel_w = 3, .stride_h = 2, .stride_w = 2},
    // pixel pairs: one-pixel-wide outputs (pairs down a column), and a wide window whose pairs straddle both borders
    {.in_h = 7, .in_w = 1, .in_c = 8, .out_c = 8, .kernel_h = 3, .kernel_w = 3, .zp_in = -3},       // column pairs, all on the border
    {.in_h = 11, .in_w = 1, .in_c = 12, .out_c = 12, .kernel_h = 3, .kernel_w = 1, .stride_h = 2, .zp_in = 9}, // column pairs inside
    {.in_h = 8, .in_w = 1, .in_c = 6, .out_c = 6, .kernel_h = 3, .kernel_w = 1, .same = false},      // 6 rows: pairs only
    {.in_h = 5, .in_w = 13, .in_c = 20, .out_c = 20, .kernel_h = 3, .kernel_w = 5, .stride_w = 2, .zp_in = 11},
    {.in_h = 5, .in_w = 13, .in_c = 12, .out_c = 12, .kernel_h = 2, .kernel_w = 5, .stride_w = 2, .same = false},
};
constexpr fc_case fc_cases[] = {
    {.batches = 1, .in = 64, .out = 12, .per_channel = false, .zp_out = 14},
    {.batches = 1, .in = 256, .out = 2, .per_channel = false, .zp_out = -5},
    {.batches = 3, .in = 17, .out = 5, .zp_in = 3},
    {.batches = 1, .in = 3, .out = 1, .zp_in = 0},
    {.batches = 2, .in = 640, .out = 9, .per_channel = false, .zp_in = 81, .zp_out = -128, .act_min = -128},
    {.batches = 1, .in = 30, .out = 7, .zp_out = -100, .act_min = -100, .act_max = 100, .shift_lo = -1, .shift_hi = 1},
    {.batches = 2, .in = 8, .out = 6, .zp_in = 0, .shift_lo = 9, .shift_hi = 11},  // shifts around 0
    // ReLU-style per-tensor layers (AD): the assembly requantization, 2 and 4 words per loop
    {.batches = 1, .in = 128, .out = 16, .per_channel = false, .zp_out = -128, .act_min = -128},
    {.batches = 2, .in = 24, .out = 8, .per_channel = false, .zp_in = -128, .zp_out = -128, .act_min = -128},
};
// clang-format on

template <std::size_t... I>
void run_conv(std::index_sequence<I...>) {
    (conv_test<conv<conv_cases[I], 1000 + I>, false>(int(I), int(I % 4)), ...);
    (conv_test<conv<conv_cases[I], 1000 + I>, false, int16_weights>(int(I), int((I + 2) % 4)), ...);
}
template <std::size_t... I>
void run_dw(std::index_sequence<I...>) {
    (conv_test<dw<dw_cases[I], 2000 + I>, true>(int(I), int(I % 4)), ...);
}
template <std::size_t... I>
void run_fc(std::index_sequence<I...>) {
    (fc_test<arm_test::fc_spec<fc_cases[I], 3000 + I>>(int(I), int((I + 1) % 4)), ...);
    (fc_test<arm_test::fc_spec<fc_cases[I], 3000 + I>, int16_weights>(int(I), int((I + 3) % 4)), ...);
}

}  // namespace

int main() {
    run_conv(std::make_index_sequence<std::size(conv_cases)>{});
    run_dw(std::make_index_sequence<std::size(dw_cases)>{});
    run_fc(std::make_index_sequence<std::size(fc_cases)>{});
    ctnn_fw::print(failures ? "arm kernels: FAILED cases " : "arm kernels: all bit-exact, failing cases ");
    ctnn_fw::print_dec(failures);
    ctnn_fw::print("\n");
    return failures;
}
