// CONV_2D: NHWC int8 input, OHWI int8 weights (per channel or per tensor), int32 bias,
// stride, dilation, SAME/VALID padding, fused activation. With an int16 input it is TFLite's
// 16x8 CONV_2D: int16 output, an int32 or int64 bias (the accumulator's width).
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/reference/conv2d_s16.hpp"
#include "ctnn/kernels/reference/conv2d_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/conv2d_s16.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/layers/convolution_common.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn::layers {

// Weights int16-widenable; it may run inside the ADD after it, a chunk of rows at a time.
inline constexpr operator_traits conv2d_traits{
    .widenable_weights = true, .in_place_input = -1, .is_view = false, .fusion = fusion_role::conv_rows};

template <LayerParams Params, QuantParams OutQ, Stride Str, Padding Pad, Activation Act = act::none,
          Dilation Dil = dilation<1, 1>>
struct conv2d : layer {
    template <class In>
    struct bind : detail::convolution_bind<kernels::op::conv2d, kernels::op::conv2d_s16, In, Params, OutQ, Str, Pad, Act, Dil> {
        using typename bind::convolution_bind::kernel;
        using typename bind::convolution_bind::spec;
        using typename bind::convolution_bind::element;
        using bind::convolution_bind::g;
        using bind::convolution_bind::wide;
        // Every weight, stored as int16 with kernel_options::weights (weight_storage::int16).
        static constexpr layer_facts facts =
            bind::facts_with(conv2d_traits, kernel::template scratch_bytes<spec>);
        // In place by rows (plan/in_place_rows.hpp): chunks of the fewest rows whose pixels
        // are a multiple of those its kernel set computes at a time (no tail pixels).
        static constexpr plan::row_band in_place_rows =
            bind::row_band_with(plan::in_place_chunk_rows(g.out_h, g.out_w, kernel::set::residual_chunking));
        // With options O, whether its kernel may run over its input as it is (no band).
        template <kernel_options O>
        static constexpr bool in_place_whole = [] {
            if constexpr (requires { kernel::template reads_pixels_before_writing<spec, O>; })
                return bool(kernel::template reads_pixels_before_writing<spec, O>);
            else
                return false;
        }();

        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<spec, O>(); }
        template <kernel_options O>
        static void run(const element* input, element* out, std::byte* scratch) {
            kernel::template run<spec, O>(input, out, scratch);
        }
        static void run_reference(const element* input, element* out) { run_reference_rows(input, out, 0, g.out_h); }

        // Output rows [y_begin, y_end) only, written from `out` on (residual fusion).
        template <kernel_options O>
        static void run_rows(const element* input, element* out, int y_begin, int y_end, std::byte* scratch) {
            kernel::template run_rows<spec, O>(input, out, y_begin, y_end, scratch);
        }
        static void run_reference_rows(const element* input, element* out, int y_begin, int y_end) {
            using kernels::reference::runtime_value;
            kernels::conv_geometry rows = runtime_value(g);  // the same taps, seen from row y_begin
            rows.out_h = y_end - y_begin;
            rows.pad_top -= y_begin * g.stride_h;
            if constexpr (wide) {
                kernels::reference::conv2d_s16(rows, input, runtime_value(spec::weights), runtime_value(spec::bias),
                                               runtime_value(spec::requant.data()), out);
            } else {
                kernels::reference::conv2d_s8(rows, input, runtime_value(spec::weights), runtime_value(spec::bias),
                                              runtime_value(spec::requant.data()), out);
            }
        }
    };
};

}  // namespace ctnn::layers
