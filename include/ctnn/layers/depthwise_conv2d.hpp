// DEPTHWISE_CONV_2D: each input channel ic feeds output channels ic * M .. ic * M + M - 1,
// M the depth multiplier (output channels / input channels). Weights 1HWC. With an int16 input
// it is TFLite's 16x8 DEPTHWISE_CONV_2D: int16 output, an int64 bias (int64 accumulators).
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/reference/depthwise_conv2d_s16.hpp"
#include "ctnn/kernels/reference/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s16.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/layers/convolution_common.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn::layers {

// Its 1HWC weights stay int8 (the Arm kernel extends them itself).
inline constexpr operator_traits depthwise_conv2d_traits = separate_output;

template <LayerParams Params, QuantParams OutQ, Stride Str, Padding Pad, Activation Act = act::none,
          Dilation Dil = dilation<1, 1>>
struct depthwise_conv2d : layer {
    template <class In>
    struct bind : detail::convolution_bind<kernels::op::depthwise_conv2d, kernels::op::depthwise_conv2d_s16, In, Params, OutQ, Str,
                                           Pad, Act, Dil> {
        using typename bind::convolution_bind::kernel;
        using typename bind::convolution_bind::spec;
        using typename bind::convolution_bind::element;
        using bind::convolution_bind::wide;
        // No kernel widens the weights, nor needs scratch.
        static constexpr layer_facts facts = bind::facts_with(depthwise_conv2d_traits, 0);
        // In place by rows (plan/in_place_rows.hpp), one row per call; int8 only (the 16x8
        // kernels have no row ranges).
        static constexpr plan::row_band in_place_rows = wide ? plan::row_band{} : bind::row_band_with(1);

        static void run_reference(const element* input, element* out) {
            using kernels::reference::runtime_value;
            if constexpr (wide) {
                kernels::reference::depthwise_conv2d_s16(runtime_value(spec::geometry), input, runtime_value(spec::weights),
                                                         runtime_value(spec::bias), runtime_value(spec::requant.data()), out);
            } else {
                run_reference_rows(input, out, 0, spec::geometry.out_h);
            }
        }
        // Output rows [y_begin, y_end) only, written from `out` on (in place by rows); int8.
        static void run_reference_rows(const element* input, element* out, int y_begin, int y_end) requires(!wide) {
            using kernels::reference::runtime_value;
            kernels::conv_geometry rows = runtime_value(spec::geometry);  // the same taps, seen from row y_begin
            rows.out_h = y_end - y_begin;
            rows.pad_top -= y_begin * rows.stride_h;
            kernels::reference::depthwise_conv2d_s8(rows, input, runtime_value(spec::weights), runtime_value(spec::bias),
                                                    runtime_value(spec::requant.data()), out);
        }
        template <kernel_options O>
        static void run_rows(const element* input, element* out, int y_begin, int y_end, std::byte*) requires(!wide) {
            kernel::template run_rows<spec, O>(input, out, y_begin, y_end);
        }
        // The constant objects its kernel links (kernels/linked_constants.hpp).
        template <kernel_options O>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<spec, O>(); }
        template <kernel_options O>
        static void run(const element* input, element* out, std::byte*) {
            kernel::template run<spec, O>(input, out);
        }
    };
};

}  // namespace ctnn::layers
