// AVERAGE_POOL_2D and MAX_POOL_2D: windows over an NHWC int8 or int16 tensor, quantization unchanged.
#include <ctnn/layers/options.hpp>

#include <ctnn/layers/pool2d.hpp>  // its operator_traits

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

template <bool average>
void lower_pool(lowering& x, ir_layer& l) {
    const element type = x.int8_or_int16_input(0);
    const int in = x.layer_input(l, 1, 1, type);
    x.spatial_options(l, x.options(tfl::options::pool2d, true), true);
    if (average && !ctnn::average_pool_window_in_range(l.filter_h, l.filter_w)) {
        x.op_fail("filter " + std::to_string(l.filter_h) + "x" + std::to_string(l.filter_w) + " has more than 2^24 taps; ctnn's int32 sum of a window could overflow");
    }
    if (average && type == element::int16 && !ctnn::average_pool_window_in_range_int16(l.filter_h, l.filter_w)) {
        x.op_fail("filter " + std::to_string(l.filter_h) + "x" + std::to_string(l.filter_w) + " has more than 2^16 taps; ctnn's int32 sum of an int16 window could overflow");
    }
    const ir_tensor input = x.nhwc_input(in);
    const ir_tensor& out = x.window_layer_output(l, input, l.filter_h, l.filter_w, input.shape[3], true, type);
    x.check_same_quantization(input, out);
    x.check_activation(l.act, out);
}

template <bool average>
std::string pool_type(const model_ir&, const ir_layer& l, std::size_t) {
    const char* const layer = average ? "average_pool2d" : "max_pool2d";
    return std::string("ctnn::layers::") + layer + "<ctnn::window<" + std::to_string(l.filter_h) + ", " + std::to_string(l.filter_w) + ">, " +
           stride_type(l) + ", " + padding_type(l) + ", " + act_type(l.act) + ">";
}

std::string pool_options(const ir_layer& l) {
    const auto pair = [](int a, int b) { return std::to_string(a) + "x" + std::to_string(b); };
    return "window " + pair(l.filter_h, l.filter_w) + " stride " + pair(l.stride_h, l.stride_w) + " " + (l.same_padding ? "SAME" : "VALID") + " " +
           activation_text(l.act);
}

}  // namespace

extern const operator_entry average_pool_2d_operator, max_pool_2d_operator;  // external linkage: operators.cpp lists it
const operator_entry average_pool_2d_operator{
    .builtin = tfl::op::average_pool_2d, .name = "AVERAGE_POOL_2D", .lower = lower_pool<true>, .layer_type = pool_type<true>,
    .traits = ctnn::layers::pool2d_traits, .options_text = pool_options,
};

const operator_entry max_pool_2d_operator{
    .builtin = tfl::op::max_pool_2d, .name = "MAX_POOL_2D", .lower = lower_pool<false>, .layer_type = pool_type<false>,
    .traits = ctnn::layers::pool2d_traits, .options_text = pool_options,
};

}  // namespace ctnn_convert
