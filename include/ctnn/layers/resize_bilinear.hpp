// RESIZE_BILINEAR: resizes the height and width of an NHWC int8 tensor to a constant size by
// bilinear interpolation in TFLite's 10-bit fixed point (ResizeBilinearInteger,
// kernels/reference/resize_s8.hpp), with align_corners or half_pixel_centers (not both, as
// TFLite's Prepare requires). The output's quantization is the input's.
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
#include "ctnn/layers/resize_nearest_neighbor.hpp"  // the shared size rule and geometry

namespace ctnn {
namespace diag {
template <bool AlignCorners, bool HalfPixelCenters>
struct resize_bilinear_takes_align_corners_or_half_pixel_centers {
    static_assert(!(AlignCorners && HalfPixelCenters), "ctnn: resize_bilinear takes align_corners or half_pixel_centers, not both (TFLite's rule)");
};
template <int InSize, int OutSize, bool AlignCorners, bool HalfPixelCenters, bool Inside>
struct resize_bilinear_reads_outside_the_input {
    static_assert(Inside, "ctnn: resize_bilinear: at this upscale TFLite's rounded fixed-point scale puts the last output rows' source "
                          "past the input (its kernel reads outside the tensor) (template arguments: input size, output size, "
                          "align_corners, half_pixel_centers)");
};
}  // namespace diag

namespace layers {

inline constexpr operator_traits resize_bilinear_traits = separate_output;

template <int OutH, int OutW, bool AlignCorners = false, bool HalfPixelCenters = false>
struct resize_bilinear : layer {
    template <class In>
    struct bind {
        static_assert(detail::resizable<In>, "ctnn: resize_bilinear takes an int8 NHWC tensor (rank 4)");
        static_assert(sizeof(diag::resize_bilinear_takes_align_corners_or_half_pixel_centers<AlignCorners, HalfPixelCenters>));
        static_assert(sizeof(diag::resize_size_out_of_range<In::shape::dims[1], In::shape::dims[2], OutH, OutW,
                                                             detail::resize_fits(In::shape::dims[1], In::shape::dims[2], OutH, OutW)>));
        static_assert(sizeof(diag::resize_bilinear_reads_outside_the_input<
                             In::shape::dims[1], OutH, AlignCorners, HalfPixelCenters,
                             kernels::bilinear_reads_inside(In::shape::dims[1], OutH, AlignCorners, HalfPixelCenters)>));
        static_assert(sizeof(diag::resize_bilinear_reads_outside_the_input<
                             In::shape::dims[2], OutW, AlignCorners, HalfPixelCenters,
                             kernels::bilinear_reads_inside(In::shape::dims[2], OutW, AlignCorners, HalfPixelCenters)>));
        static constexpr kernels::resize_params params = detail::resize_geometry<In, OutH, OutW, AlignCorners, HalfPixelCenters>();
        using output = tensor_type<shape<In::shape::dims[0], OutH, OutW, In::shape::dims[3]>, typename In::quant>;
        using kernel = kernels::kernel_for<kernels::op::resize_bilinear>;
        static constexpr layer_facts facts = unweighted_facts(resize_bilinear_traits, 0);

        template <kernel_options>
        static constexpr kernels::linked_constants constants() { return kernel::template constants<params>(); }
        template <kernel_options>
        static void run(const std::int8_t* input, std::int8_t* out, std::byte*) {
            kernel::template run<params>(input, out);
        }
        static void run_reference(const std::int8_t* input, std::int8_t* out) {
            kernels::reference::resize_bilinear_s8(kernels::reference::runtime_value(params), input, out);
        }
    };
};

}  // namespace layers
}  // namespace ctnn
