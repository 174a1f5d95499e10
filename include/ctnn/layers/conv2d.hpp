// CONV_2D: NHWC int8 input, OHWI int8 weights (per channel or per tensor), int32 bias,
// stride, dilation, SAME/VALID padding, fused activation.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/reference/conv2d_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/convolution_common.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn::layers {

template <LayerParams Params, QuantParams OutQ, class Stride, Padding Pad, Activation Act = act::none,
          class Dilation = dilation<1, 1>>
struct conv2d : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: conv2d takes an int8 tensor");
        using weight_shape = typename Params::weight_shape;
        static_assert(weight_shape::rank == 4, "ctnn: conv2d weight_shape must be <out, kh, kw, in>");
        static constexpr int out_c = weight_shape::dims[0], kh = weight_shape::dims[1], kw = weight_shape::dims[2];
        static_assert(sizeof(detail::convolution_checks<In, weight_shape, kh, kw, Stride, Dilation,
                                                        In::shape::rank == 4 && In::shape::dims[3] == weight_shape::dims[3],
                                                        std::is_same_v<Pad, padding::valid>>));
        static_assert(valid_layer_params<Params, out_c> && valid_quantization<OutQ>);

        using spec = detail::convolution_spec<In, Params, OutQ, kh, kw, out_c, Stride, Pad, Act, Dilation>;
        static constexpr auto& g = spec::geometry;
        using output = tensor_type<shape<1, g.out_h, g.out_w, out_c>, OutQ>;

        static constexpr int depth = kh * kw * g.in_c;
        static constexpr std::int64_t accumulator_bound = ctnn::accumulator_bound(
            out_c, depth, [](int c, int k) { return std::int64_t{Params::weights[c * depth + k]}; },
            [](int c) { return std::int64_t{Params::bias[c]}; }, g.input_zero_point);
        static_assert(diag::accumulator_may_overflow_int32<Params, accumulator_bound>::ok);

        using kernel = kernels::kernel_for<kernels::op::conv2d>;
        static constexpr layer_facts facts{.param_bytes = spec::param_bytes,
                                           .macs = weighted_macs(output::size, std::size(Params::weights), out_c),
                                           .widenable_weights = std::size_t(out_c) * depth,
                                           .in_place_input = -1,
                                           .is_view = false,
                                           .fusion = fusion_role::conv_rows,
                                           .scratch_bytes = kernel::template scratch_bytes<spec>};

        template <kernel_options O>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte* scratch) {
            kernel::template run<spec, O>(input, out, scratch);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) { run_reference_rows(input, out, 0, g.out_h); }

        // Output rows [y_begin, y_end) only, written from `out` on (residual fusion).
        template <kernel_options O>
        static void run_rows(const std::int8_t* input, std::int8_t* out, int y_begin, int y_end, std::byte* scratch) {
            kernel::template run_rows<spec, O>(input, out, y_begin, y_end, scratch);
        }
        static void run_reference_rows(const std::int8_t* input, std::int8_t* out, int y_begin, int y_end) {
            using kernels::reference::runtime_value;
            kernels::conv_geometry rows = runtime_value(g);  // the same taps, seen from row y_begin
            rows.out_h = y_end - y_begin;
            rows.pad_top -= y_begin * g.stride_h;
            kernels::reference::conv2d_s8(rows, input, runtime_value(spec::weights), runtime_value(spec::bias),
                                          runtime_value(spec::requant.data()), out);
        }
    };
};

}  // namespace ctnn::layers
