// BATCH_MATMUL: int8 lhs x int8 rhs, each quantized per tensor with any zero point, adj_x and
// adj_y, ranks 2 to 5 with broadcast batch dimensions. The rhs is an activation (a node with two
// inputs) or a constant of the model (batch_matmul_constant and a w:: struct of its values).
#include <ctnn/kernels/batch_matmul_params.hpp>
#include <ctnn/layers/batch_matmul.hpp>  // its operator_traits
#include <ctnn/quant/requantize.hpp>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

void lower_batch_matmul(lowering& x, ir_layer& l) {
    x.expect_inputs(2, 2);
    const int lhs = x.activation_input(0, element::int8);
    const tfl_options& o = x.options(tfl::options::batch_matmul, false);
    l.adj_x = o.adj_x;
    l.adj_y = o.adj_y;
    const ir_tensor a = x.graph_tensor(lhs);
    const int rhs_index = x.op().inputs[1];
    std::vector<int> rhs_shape;
    quantization rhs_q;
    if (rhs_index >= 0 && x.is_constant(x.model().tensors[static_cast<std::size_t>(rhs_index)])) {
        const auto& data = x.constant_input(1, tfl::tensor_type::int8, "rhs");
        rhs_shape = x.static_shape(rhs_index);
        const auto& q = x.model().tensors[static_cast<std::size_t>(rhs_index)].quantization;
        if (q && q->scale.size() > 1) {
            x.op_fail("rhs " + x.tensor_label(rhs_index) + " is quantized per channel (" + std::to_string(q->scale.size()) +
                      " scales); BATCH_MATMUL takes one scale and zero point per operand");
        }
        rhs_q = x.per_tensor_quantization(rhs_index);
        l.rhs_shape = rhs_shape;
        l.rhs_q = rhs_q;
        l.rhs.resize(data.size());
        for (std::size_t i = 0; i < data.size(); ++i) l.rhs[i] = static_cast<std::int8_t>(data[i]);
        l.inputs = {lhs};
    } else {
        const int rhs = x.activation_input(1, element::int8);
        const ir_tensor b = x.graph_tensor(rhs);
        rhs_shape = b.shape;
        rhs_q = b.q;
        l.inputs = {lhs, rhs};
    }
    const std::string operands = "lhs " + x.tensor_label(a.tflite_index) + " " + shape_text(a.shape) + (l.adj_x ? " (adj_x)" : "") + " and rhs " +
                                 x.tensor_label(rhs_index) + " " + shape_text(rhs_shape) + (l.adj_y ? " (adj_y)" : "");
    const auto rank_ok = [](std::size_t r) { return r >= 2 && r <= std::size_t(ctnn::kernels::batch_matmul_max_rank); };
    if (!rank_ok(a.shape.size()) || !rank_ok(rhs_shape.size())) x.op_fail(operands + ": both operands need rank 2 to 5");
    std::array<int, 5> ld{}, rd{};
    for (std::size_t i = 0; i < a.shape.size(); ++i) ld[i] = a.shape[i];
    for (std::size_t i = 0; i < rhs_shape.size(); ++i) rd[i] = rhs_shape[i];
    const ctnn::kernels::batch_matmul_shapes s = ctnn::kernels::batch_matmul_shape(
        ld, static_cast<int>(a.shape.size()), rd, static_cast<int>(rhs_shape.size()), l.adj_x, l.adj_y);
    if (!s.ok) {
        const std::size_t lr = a.shape.size(), rr = rhs_shape.size();
        const int columns = l.adj_x ? a.shape[lr - 2] : a.shape[lr - 1], rows = l.adj_y ? rhs_shape[rr - 1] : rhs_shape[rr - 2];
        if (columns != rows) {
            x.op_fail(operands + " do not multiply: the lhs has " + std::to_string(columns) + " columns, the rhs " + std::to_string(rows) + " rows");
        }
        x.op_fail(operands + " do not broadcast: each pair of batch dimensions must be equal or have a 1");
    }
    if (s.geometry.depth > ctnn::kernels::batch_matmul_max_depth) {
        x.op_fail(operands + ": the products are " + std::to_string(s.geometry.depth) + " deep; ctnn's int32 accumulator takes at most " +
                  std::to_string(ctnn::kernels::batch_matmul_max_depth));
    }
    const ir_tensor& out = x.add_output(element::int8);
    x.expect_shape(out, dims64(s.out.begin(), s.out.begin() + s.rank), "the operands'");
    x.check_multiplier(ctnn::per_tensor_fc_real(a.q.scale, rhs_q.scale, out.q.scale), "the effective output scale",
                       "lhs scale " + float_text(a.q.scale) + " x rhs scale " + float_text(rhs_q.scale) + " / output scale " + float_text(out.q.scale) +
                           "; output " + x.tensor_label(out.tflite_index));
}

std::string rhs_name(std::size_t node) { return "rhs" + std::to_string(node); }

std::string batch_matmul_type(const model_ir&, const ir_layer& l, std::size_t node) {
    const std::string adj = std::string(l.adj_x ? ", true" : ", false") + (l.adj_y ? ", true" : ", false");
    if (!l.rhs_shape.empty()) return "ctnn::layers::batch_matmul_constant<w::" + rhs_name(node) + ", " + q_name(node) + adj + ">";
    return "ctnn::layers::batch_matmul<" + q_name(node) + adj + ">";
}

// A constant rhs: its shape, quantization and values in namespace w, named by the layer type.
std::string batch_matmul_constants(const ir_layer& l, std::size_t node) {
    if (l.rhs_shape.empty()) return "";
    std::string s = "// operator #" + std::to_string(l.op_index) + " " + l.op_name + ": constant rhs " + shape_text(l.rhs_shape) + "\n";
    s += "struct " + rhs_name(node) + " {\n    using shape = " + shape_type(l.rhs_shape) + ";\n";
    s += "    struct quant {\n        static constexpr float scale = " + float_literal(l.rhs_q.scale) +
         ";\n        static constexpr std::int32_t zero_point = " + std::to_string(l.rhs_q.zero_point) + ";\n    };\n";
    s += "    static constexpr std::int8_t values[" + std::to_string(l.rhs.size()) + "] = {";
    for (std::size_t i = 0; i < l.rhs.size(); ++i) s += (i % 24 == 0 ? "\n        " : " ") + std::to_string(int{l.rhs[i]}) + ",";
    s += "\n    };\n};\n\n";
    return s;
}

std::string batch_matmul_options(const ir_layer& l) {
    std::string s = l.adj_x ? "adj_x" : "";
    if (l.adj_y) s += std::string(s.empty() ? "" : " ") + "adj_y";
    if (!l.rhs_shape.empty()) s += std::string(s.empty() ? "" : " ") + "constant rhs " + shape_text(l.rhs_shape);
    return s;
}

}  // namespace

extern const operator_entry batch_matmul_operator;  // external linkage: operators.cpp lists it
const operator_entry batch_matmul_operator{
    .builtin = tfl::op::batch_matmul, .name = "BATCH_MATMUL", .lower = lower_batch_matmul, .layer_type = batch_matmul_type,
    .traits = ctnn::layers::batch_matmul_traits, .constants = batch_matmul_constants, .options_text = batch_matmul_options,
};

}  // namespace ctnn_convert
