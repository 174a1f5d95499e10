// BATCH_MATMUL: int8 x int8 with per-tensor quantization and zero points on both operands, adj_x
// and adj_y, ranks 2 to 5 with broadcast batch dimensions; no fused activation. Two layer types:
// batch_matmul (both operands activations: a node with two inputs) and batch_matmul_constant
// (the right operand a constant of the model: a ConstantTensor, the converter's w:: struct).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <type_traits>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/batch_matmul_params.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/batch_matmul_s8.hpp"
#include "ctnn/kernels/reference/batch_matmul_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"
#include "ctnn/quant/qparams.hpp"
#include "ctnn/quant/requantize.hpp"

namespace ctnn {

// A constant int8 tensor of the model: its shape, quantization and values.
//   struct rhs3 {
//       using shape = ctnn::shape<2, 4, 3>;
//       struct quant { static constexpr float scale = 0.02f; static constexpr std::int32_t zero_point = -3; };
//       static constexpr std::int8_t values[24] = {...};
//   };
template <class T>
concept ConstantTensor = requires {
    typename T::shape;
    requires Shape<typename T::shape>;
    requires QuantParams<typename T::quant>;
    { T::values[0] } -> std::convertible_to<std::int8_t>;
} && std::size(T::values) == T::shape::size;

namespace diag {
template <class LhsShape, class RhsShape, bool AdjX, bool AdjY, bool Match>
struct batch_matmul_shapes_do_not_match {
    static_assert(Match, "ctnn: batch_matmul: the operands need rank 2 to 5, equal inner dimensions (lhs columns, rhs rows "
                         "after adj_x / adj_y) and batch dimensions that are equal or 1 (template arguments: lhs shape, rhs "
                         "shape, adj_x, adj_y)");
};
template <int Depth, bool InRange>
struct batch_matmul_too_deep {
    static_assert(InRange, "ctnn: batch_matmul: products deeper than 32767 could overflow the int32 accumulator "
                           "(template argument: the depth)");
};
}  // namespace diag

namespace layers {

// Its own output; nothing to widen.
inline constexpr operator_traits batch_matmul_traits = separate_output;

namespace detail {

template <class Lhs, class RhsShape, class RhsQuant, class OutQ, bool AdjX, bool AdjY, class ConstantRhs>
struct batch_matmul_bind {
    static_assert(Int8Tensor<Lhs>, "ctnn: batch_matmul takes int8 operands");
    static constexpr kernels::batch_matmul_shapes shapes = kernels::batch_matmul_shape(
        Lhs::shape::dims, Lhs::shape::rank, RhsShape::dims, RhsShape::rank, AdjX, AdjY);
    static_assert(sizeof(diag::batch_matmul_shapes_do_not_match<typename Lhs::shape, RhsShape, AdjX, AdjY, shapes.ok>));
    static_assert(sizeof(diag::batch_matmul_too_deep<shapes.geometry.depth, shapes.geometry.depth <= kernels::batch_matmul_max_depth>));
    static_assert(valid_quantization<RhsQuant> && valid_quantization<OutQ>);
    // TFLite's GetQuantizedConvolutionMultipler: s_lhs * s_rhs in float, then / s_out in double.
    static constexpr double real = per_tensor_fc_real(Lhs::quant::scale, RhsQuant::scale, OutQ::scale);
    static_assert(sizeof(diag::requantization_out_of_range<OutQ, multiplier_in_range(real)>));

    static constexpr auto output_dims = [] {
        std::array<int, std::size_t(shapes.rank)> d{};
        for (int i = 0; i < shapes.rank; ++i) d[static_cast<std::size_t>(i)] = shapes.out[static_cast<std::size_t>(i)];
        return d;
    }();
    using output = tensor_type<shape_from<output_dims>, OutQ>;

    struct spec {
        static constexpr kernels::batch_matmul_params params = [] {
            kernels::batch_matmul_params p = shapes.geometry;
            p.lhs_zero_point = Lhs::quant::zero_point;
            p.rhs_zero_point = RhsQuant::zero_point;
            p.output_zero_point = OutQ::zero_point;
            p.multiplier = quantize_multiplier(real);
            return p;
        }();
        static constexpr bool constant_rhs = !std::is_void_v<ConstantRhs>;
        static constexpr const std::int8_t* rhs = [] {
            if constexpr (constant_rhs) return std::data(ConstantRhs::values);
            else return static_cast<const std::int8_t*>(nullptr);
        }();
        static constexpr std::size_t rhs_size = RhsShape::size;
    };

    using kernel = kernels::kernel_for<kernels::op::batch_matmul>;
    static constexpr layer_facts facts{
        .param_bytes = spec::constant_rhs ? RhsShape::size : 0,
        .macs = output::size * std::size_t(shapes.geometry.depth),
        .widenable_weights = 0,
        .in_place_input = batch_matmul_traits.in_place_input,
        .is_view = batch_matmul_traits.is_view,
        .fusion = batch_matmul_traits.fusion,
        .scratch_bytes = kernel::template scratch_bytes<spec>};

    template <kernel_options O>
    static constexpr kernels::linked_constants constants() { return kernel::template constants<spec, O>(); }
};

}  // namespace detail

template <QuantParams OutQ, bool AdjX = false, bool AdjY = false>
struct batch_matmul : layer {
    template <class Lhs, class Rhs>
    struct bind : detail::batch_matmul_bind<Lhs, typename Rhs::shape, typename Rhs::quant, OutQ, AdjX, AdjY, void> {
        static_assert(Int8Tensor<Rhs>, "ctnn: batch_matmul takes int8 operands");
        using spec = typename bind::batch_matmul_bind::spec;
        using kernel = typename bind::batch_matmul_bind::kernel;
        static void run_reference(const std::int8_t* lhs, const std::int8_t* rhs, std::int8_t* out) {
            kernels::reference::batch_matmul_s8(kernels::reference::runtime_value(spec::params), lhs, rhs, out);
        }
        template <kernel_options O>
        static void run(const std::int8_t* lhs, const std::int8_t* rhs, std::int8_t* out, std::byte* scratch) {
            kernel::template run<spec, O>(lhs, rhs, out, scratch);
        }
    };
};

template <ConstantTensor Rhs, QuantParams OutQ, bool AdjX = false, bool AdjY = false>
struct batch_matmul_constant : layer {
    template <class Lhs>
    struct bind : detail::batch_matmul_bind<Lhs, typename Rhs::shape, typename Rhs::quant, OutQ, AdjX, AdjY, Rhs> {
        using spec = typename bind::batch_matmul_bind::spec;
        using kernel = typename bind::batch_matmul_bind::kernel;
        static void run_reference(const std::int8_t* lhs, std::int8_t* out) {
            using kernels::reference::runtime_value;
            kernels::reference::batch_matmul_s8(runtime_value(spec::params), lhs, runtime_value(spec::rhs), out);
        }
        template <kernel_options O>
        static void run(const std::int8_t* lhs, std::int8_t* out, std::byte* scratch) {
            kernel::template run<spec, O>(lhs, nullptr, out, scratch);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
