// DEPTHWISE_CONV_2D: each input channel ic feeds output channels ic * M .. ic * M + M - 1,
// M the depth multiplier (output channels / input channels). Weights 1HWC.
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/reference/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/convolution_common.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn::layers {

template <LayerParams Params, QuantParams OutQ, class Stride, Padding Pad, Activation Act = act::none,
          class Dilation = dilation<1, 1>>
struct depthwise_conv2d : layer {
    template <class In>
    struct bind {
        static_assert(Int8Tensor<In>, "ctnn: depthwise_conv2d takes an int8 tensor");
        using weight_shape = typename Params::weight_shape;
        static_assert(weight_shape::rank == 4 && weight_shape::dims[0] == 1,
                      "ctnn: depthwise_conv2d weight_shape must be <1, kh, kw, out>");
        static constexpr int out_c = weight_shape::dims[3], kh = weight_shape::dims[1], kw = weight_shape::dims[2];
        static_assert(sizeof(detail::convolution_checks<In, weight_shape, kh, kw, Stride, Dilation,
                                                        In::shape::rank == 4 && out_c % In::shape::dims[3] == 0,
                                                        std::is_same_v<Pad, padding::valid>>));
        static_assert(valid_layer_params<Params, out_c> && valid_quantization<OutQ>);

        using spec = detail::convolution_spec<In, Params, OutQ, kh, kw, out_c, Stride, Pad, Act, Dilation>;
        static constexpr auto& g = spec::geometry;
        using output = tensor_type<shape<1, g.out_h, g.out_w, out_c>, OutQ>;

        static constexpr std::int64_t accumulator_bound = ctnn::accumulator_bound(
            out_c, kh * kw, [](int c, int k) { return std::int64_t{Params::weights[k * out_c + c]}; },
            [](int c) { return std::int64_t{Params::bias[c]}; }, g.input_zero_point);
        static_assert(diag::accumulator_may_overflow_int32<Params, accumulator_bound>::ok);

        using kernel = kernels::kernel_for<kernels::op::depthwise_conv2d>;
        static constexpr layer_facts facts{.param_bytes = spec::param_bytes,
                                           .macs = weighted_macs(output::size, std::size(Params::weights), out_c),
                                           .widenable_weights = 0,  // no kernel widens them
                                           .in_place_input = -1,
                                           .is_view = false,
                                           .fusion = fusion_role::none,
                                           .scratch_bytes = 0};

        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            using kernels::reference::runtime_value;
            kernels::reference::depthwise_conv2d_s8(runtime_value(g), input, runtime_value(spec::weights),
                                                    runtime_value(spec::bias), runtime_value(spec::requant.data()), out);
        }
        template <kernel_options O>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<spec, O>(input, out);
        }
    };
};

}  // namespace ctnn::layers
