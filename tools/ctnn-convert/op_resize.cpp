// RESIZE_NEAREST_NEIGHBOR and RESIZE_BILINEAR: an int8 NHWC tensor resized to a constant int32
// size [2] (height, width), with align_corners and half_pixel_centers from the options.
#include <ctnn/kernels/reference/resize_s8.hpp>  // the rules, shared with the layers

#include <ctnn/layers/resize_bilinear.hpp>  // its operator_traits
#include <ctnn/layers/resize_nearest_neighbor.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

using tfl::tensor_type;

// schema.fbs BuiltinOperator values.
constexpr int resize_bilinear_builtin = 23, resize_nearest_neighbor_builtin = 97;

struct resize_geometry {
    ir_tensor input;
    int out[2];  // height, width
};

// Reads the input, the options and the size; checks the output.
resize_geometry resize_inputs(lowering& x, ir_layer& l, int options_type) {
    const int in = x.layer_input(l, 2, 2);
    const tfl_options& o = x.options(options_type, false);
    l.align_corners = o.align_corners;
    l.half_pixel_centers = o.half_pixel_centers;
    const ir_tensor input = x.graph_tensor(in);
    x.require_rank(input, 4, "input");
    const auto& data = x.constant_input(1, tensor_type::int32, "size");
    const int size_index = x.op().inputs[1];
    const auto sshape = x.static_shape(size_index);
    if (sshape != std::vector<int>{2}) x.op_fail("size " + x.tensor_label(size_index) + " has shape " + shape_text(sshape) + "; expected 2");
    const int h = x.load_i32(data, 0), w = x.load_i32(data, 1);
    const char* axis[] = {"height", "width"};
    for (int d = 0; d < 2; ++d) {
        const int from = input.shape[static_cast<std::size_t>(d + 1)], to = d == 0 ? h : w;
        if (!ctnn::kernels::resize_sizes_fit(from, to)) {
            x.op_fail("resizing " + std::string(axis[d]) + " " + std::to_string(from) + " (input " + x.tensor_label(input.tflite_index) + ") to " +
                      std::to_string(to) + " (size " + x.tensor_label(size_index) + "): ctnn resizes sizes of 1 to 65536");
        }
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, {input.shape[0], h, w, input.shape[3]});
    x.check_same_quantization(input, out);
    return {input, {h, w}};
}

void lower_resize_nearest_neighbor(lowering& x, ir_layer& l) { resize_inputs(x, l, tfl::options::resize_nearest_neighbor); }

void lower_resize_bilinear(lowering& x, ir_layer& l) {
    const resize_geometry g = resize_inputs(x, l, tfl::options::resize_bilinear);
    if (l.align_corners && l.half_pixel_centers) x.op_fail("unsupported options: align_corners with half_pixel_centers; TFLite allows one of them");
    const char* axis[] = {"height", "width"};
    for (int d = 1; d <= 2; ++d) {
        const int from = g.input.shape[static_cast<std::size_t>(d)], to = g.out[d - 1];
        if (!ctnn::kernels::bilinear_reads_inside(from, to, l.align_corners, l.half_pixel_centers)) {
            x.op_fail("resizing " + std::string(axis[d - 1]) + " " + std::to_string(from) + " to " + std::to_string(to) +
                      ": TFLite's rounded 10-bit scale puts the last output rows' source past the input, where its kernel reads outside "
                      "the tensor; ctnn refuses this upscale");
        }
    }
}

std::string resize_type(const char* layer, const model_ir& m, const ir_layer& l, std::size_t node) {
    const auto& s = m.tensors[node].shape;
    return std::string("ctnn::layers::") + layer + "<" + std::to_string(s[1]) + ", " + std::to_string(s[2]) + ", " +
           (l.align_corners ? "true" : "false") + ", " + (l.half_pixel_centers ? "true" : "false") + ">";
}
std::string resize_options(const ir_layer& l) {
    std::string s = l.align_corners ? "align_corners" : "";
    if (l.half_pixel_centers) s += std::string(s.empty() ? "" : " ") + "half_pixel_centers";
    return s;
}

}  // namespace

extern const operator_entry resize_nearest_neighbor_operator, resize_bilinear_operator;  // external linkage: operators.cpp lists them
const operator_entry resize_nearest_neighbor_operator{
    .builtin = resize_nearest_neighbor_builtin, .name = "RESIZE_NEAREST_NEIGHBOR", .lower = lower_resize_nearest_neighbor,
    .layer_type = [](const model_ir& m, const ir_layer& l, std::size_t node) { return resize_type("resize_nearest_neighbor", m, l, node); },
    .traits = ctnn::layers::resize_nearest_neighbor_traits, .options_text = resize_options,
};
const operator_entry resize_bilinear_operator{
    .builtin = resize_bilinear_builtin, .name = "RESIZE_BILINEAR", .lower = lower_resize_bilinear,
    .layer_type = [](const model_ir& m, const ir_layer& l, std::size_t node) { return resize_type("resize_bilinear", m, l, node); },
    .traits = ctnn::layers::resize_bilinear_traits, .options_text = resize_options,
};

}  // namespace ctnn_convert
