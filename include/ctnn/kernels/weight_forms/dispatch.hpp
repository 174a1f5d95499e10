// The weight forms of CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED (int8): kernel_for<Op>
// (kernels/select.hpp) is `with_weight_forms<Set, Op, kernel<Set, Op>>`, which runs the layer on
// the form form_choice.hpp takes for it: the set's dense kernel, the sparse walk
// (sparse_weights.hpp), the 4-bit codes (nibble_weights.hpp) or the bitmap of non-zeros
// (bitmap_weights.hpp). Every other operation, and every
// reference kernel, is the set's kernel unchanged. The constants name the form for reports
// (linked_constants::weight_form, Model::layer_weight_forms).
#pragma once

#include <cstddef>
#include <cstdint>

#include "ctnn/kernels/kernel_options.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/weight_forms/conv2d_s8.hpp"
#include "ctnn/kernels/weight_forms/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/weight_forms/fully_connected_s8.hpp"
#include "ctnn/kernels/weight_forms/form_choice.hpp"

namespace ctnn::kernels {

template <class Set, class Op, class Dense>
struct with_weight_forms : Dense {};

template <class Set, class Dense>
struct with_weight_forms<Set, op::fully_connected, Dense> : Dense {
    template <class Spec, kernel_options O>
    static constexpr weight_forms::weight_form form = weight_forms::choose_form<Set, O.sparse_weights, Spec, weight_forms::fc_layout<Spec>::channels,
                                                                    weight_forms::fc_layout<Spec>::layout>();

    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte* scratch) {
        if constexpr (form<Spec, O> == weight_forms::weight_form::sparse) weight_forms::fully_connected_s8<Spec>(input, output);
        else if constexpr (form<Spec, O> == weight_forms::weight_form::nibbles) weight_forms::fully_connected_s8_nibbles<Spec>(input, output);
        else if constexpr (form<Spec, O> == weight_forms::weight_form::bitmap) weight_forms::fully_connected_s8_bitmap<Spec>(input, output);
        else Dense::template run<Spec, O>(input, output, scratch);
    }
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() {
        constexpr weight_forms::weight_form f = form<Spec, O>;
        linked_constants c;
        if constexpr (f == weight_forms::weight_form::sparse) c = weight_forms::fully_connected_constants<Spec, weight_forms::fc_rows<Spec>>();
        else if constexpr (f == weight_forms::weight_form::nibbles) c = weight_forms::fully_connected_constants<Spec, weight_forms::fc_nibbles<Spec>>();
        else if constexpr (f == weight_forms::weight_form::bitmap) c = weight_forms::fully_connected_constants<Spec, weight_forms::fc_bitmap<Spec>>();
        else c = Dense::template constants<Spec, O>();
        return c.with_weight_form(weight_forms::weight_form_name(f));
    }
};

template <class Set, class Dense>
struct with_weight_forms<Set, op::conv2d, Dense> : Dense {
    template <class Spec, kernel_options O>
    static constexpr weight_forms::weight_form form =
        weight_forms::choose_form<Set, O.sparse_weights, Spec, weight_forms::conv2d_layout<Spec>::channels,
                                  weight_forms::conv2d_layout<Spec>::layout, weight_forms::conv_costs<Set, Spec>>();
    template <class Spec, kernel_options O>
    using channels = std::conditional_t<
        form<Spec, O> == weight_forms::weight_form::sparse, weight_forms::conv2d_channels,
        std::conditional_t<form<Spec, O> == weight_forms::weight_form::bitmap, weight_forms::conv2d_bitmap_channels,
                           weight_forms::conv2d_nibble_channels>>;

    // The dense kernel's in-place fact (plan/in_place_rows.hpp) holds for the dense form only:
    // the other forms compute pixel by pixel from the input.
    template <class Spec, kernel_options O>
    static constexpr bool reads_pixels_before_writing = [] {
        if constexpr (form<Spec, O> == weight_forms::weight_form::dense && requires { Dense::template reads_pixels_before_writing<Spec, O>; })
            return bool(Dense::template reads_pixels_before_writing<Spec, O>);
        else
            return false;
    }();

    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output, std::byte* scratch) {
        if constexpr (form<Spec, O> != weight_forms::weight_form::dense)
            weight_forms::conv2d_s8_rows<Spec, channels<Spec, O>>(input, output, 0, Spec::geometry.out_h);
        else
            Dense::template run<Spec, O>(input, output, scratch);  // its whole-tensor schedule, not its rows'
    }
    template <class Spec, kernel_options O>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end, std::byte* scratch) {
        if constexpr (form<Spec, O> != weight_forms::weight_form::dense)
            weight_forms::conv2d_s8_rows<Spec, channels<Spec, O>>(input, output, y_begin, y_end);
        else
            Dense::template run_rows<Spec, O>(input, output, y_begin, y_end, scratch);
    }
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() {
        constexpr weight_forms::weight_form f = form<Spec, O>;
        linked_constants c;
        if constexpr (f != weight_forms::weight_form::dense) c = weight_forms::conv2d_constants<Spec, channels<Spec, O>>();
        else c = Dense::template constants<Spec, O>();
        return c.with_weight_form(weight_forms::weight_form_name(f));
    }
};

template <class Set, class Dense>
struct with_weight_forms<Set, op::depthwise_conv2d, Dense> : Dense {
    template <class Spec, kernel_options O>
    static constexpr weight_forms::weight_form form = weight_forms::choose_form<Set, O.sparse_weights, Spec, weight_forms::depthwise_layout<Spec>::channels,
                                                                    weight_forms::depthwise_layout<Spec>::layout>();

    template <class Spec, kernel_options O>
    static void run(const std::int8_t* input, std::int8_t* output) {
        if constexpr (form<Spec, O> == weight_forms::weight_form::sparse) weight_forms::depthwise_conv2d_s8<Spec>(input, output);
        else if constexpr (form<Spec, O> == weight_forms::weight_form::nibbles) weight_forms::depthwise_conv2d_s8_nibbles<Spec>(input, output);
        else if constexpr (form<Spec, O> == weight_forms::weight_form::bitmap) weight_forms::depthwise_conv2d_s8_bitmap<Spec>(input, output);
        else Dense::template run<Spec, O>(input, output);
    }
    template <class Spec, kernel_options O>
    static void run_rows(const std::int8_t* input, std::int8_t* output, int y_begin, int y_end) {
        if constexpr (form<Spec, O> == weight_forms::weight_form::sparse) weight_forms::depthwise_conv2d_s8<Spec>(input, output, y_begin, y_end);
        else if constexpr (form<Spec, O> == weight_forms::weight_form::nibbles) weight_forms::depthwise_conv2d_s8_nibbles<Spec>(input, output, y_begin, y_end);
        else if constexpr (form<Spec, O> == weight_forms::weight_form::bitmap) weight_forms::depthwise_conv2d_s8_bitmap<Spec>(input, output, y_begin, y_end);
        else Dense::template run_rows<Spec, O>(input, output, y_begin, y_end);
    }
    template <class Spec, kernel_options O>
    static constexpr linked_constants constants() {
        constexpr weight_forms::weight_form f = form<Spec, O>;
        linked_constants c;
        if constexpr (f == weight_forms::weight_form::sparse) c = weight_forms::depthwise_conv2d_constants<Spec, weight_forms::depthwise_rows<Spec>>();
        else if constexpr (f == weight_forms::weight_form::nibbles) c = weight_forms::depthwise_conv2d_constants<Spec, weight_forms::depthwise_nibbles<Spec>>();
        else if constexpr (f == weight_forms::weight_form::bitmap) c = weight_forms::depthwise_conv2d_constants<Spec, weight_forms::depthwise_bitmap<Spec>>();
        else c = Dense::template constants<Spec, O>();
        return c.with_weight_form(weight_forms::weight_form_name(f));
    }
};

}  // namespace ctnn::kernels
