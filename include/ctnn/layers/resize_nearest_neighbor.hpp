// RESIZE_NEAREST_NEIGHBOR: resizes the height and width of an NHWC int8 tensor to a constant
// size by copying, for each output pixel, the input pixel TFLite's float rule picks
// (kernels/reference/resize_s8.hpp), with TFLite's align_corners and half_pixel_centers (any
// combination). No arithmetic: the output's quantization is the input's.
#pragma once

#include <cstdint>

#include "ctnn/core/shape.hpp"
#include "ctnn/core/tensor_type.hpp"
#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/portable/resize_s8.hpp"
#include "ctnn/kernels/reference/resize_s8.hpp"
#include "ctnn/kernels/reference/runtime_value.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/layers/layer_base.hpp"

namespace ctnn {
namespace diag {
template <int InHeight, int InWidth, int OutHeight, int OutWidth, bool Fits>
struct resize_size_out_of_range {
    static_assert(Fits, "ctnn: resize needs input and output heights and widths of 1 to 65536 (template arguments: input "
                        "height, width, output height, width)");
};
}  // namespace diag

namespace layers {

namespace detail {
template <class In>
inline constexpr bool resizable = Int8Tensor<In> && In::shape::rank == 4;
constexpr bool resize_fits(int in_h, int in_w, int out_h, int out_w) noexcept {
    return kernels::resize_sizes_fit(in_h, out_h) && kernels::resize_sizes_fit(in_w, out_w);
}
template <class In, int OutH, int OutW, bool Align, bool HalfPixel>
constexpr kernels::resize_params resize_geometry() noexcept {
    const auto& d = In::shape::dims;
    return {.in = {d[0], d[1], d[2], d[3]}, .out_h = OutH, .out_w = OutW, .align_corners = Align, .half_pixel_centers = HalfPixel};
}
}  // namespace detail

inline constexpr operator_traits resize_nearest_neighbor_traits = separate_output;

template <int OutH, int OutW, bool AlignCorners = false, bool HalfPixelCenters = false>
struct resize_nearest_neighbor : layer {
    template <class In>
    struct bind {
        static_assert(detail::resizable<In>, "ctnn: resize_nearest_neighbor takes an int8 NHWC tensor (rank 4)");
        static_assert(sizeof(diag::resize_size_out_of_range<In::shape::dims[1], In::shape::dims[2], OutH, OutW,
                                                             detail::resize_fits(In::shape::dims[1], In::shape::dims[2], OutH, OutW)>));
        static constexpr kernels::resize_params params = detail::resize_geometry<In, OutH, OutW, AlignCorners, HalfPixelCenters>();
        using output = tensor_type<shape<In::shape::dims[0], OutH, OutW, In::shape::dims[3]>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::resize_nearest_neighbor>;
        static constexpr layer_facts facts = unweighted_facts(resize_nearest_neighbor_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::resize_nearest_neighbor_s8(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
