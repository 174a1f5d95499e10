// STRIDED_SLICE and SLICE: both lower to a canonical slice, one (begin, size, stride) per
// input dimension with every index inside the input (ctnn::layers::strided_slice / slice).
// STRIDED_SLICE's operands are resolved as TFLite's kernel does (kernels/strided_slice.cc and
// strided_slice_logic.h): ellipsis_mask and new_axis_mask expanded first, then per dimension
// negative indices, clamping, begin_mask and end_mask, offset (end counted from begin), and
// shrink_axis_mask (one index, the dimension dropped). TFLM 90b983c2 runs the same arithmetic
// but ignores ellipsis_mask, new_axis_mask and offset and takes rank <= 4: the conformance
// sweep draws only what both agree on.
#include <ctnn/kernels/reference/strided_copy.hpp>  // max_movement_rank
#include <ctnn/layers/strided_slice.hpp>            // its operator_traits

#include <algorithm>
#include <bit>
#include <cmath>

#include "emit_names.hpp"
#include "lowering.hpp"
#include "movement_common.hpp"
#include "operators.hpp"
#include "text.hpp"

namespace ctnn_convert {

namespace {

constexpr int max_rank = ctnn::kernels::max_movement_rank;

int ceil_div(int a, int b) { return a / b + (a % b != 0 && ((a < 0) == (b < 0)) ? 1 : 0); }

// One dimension of TFLite's effective (ellipsis- and new-axis-expanded) slice.
struct effective_dim {
    int extent = 1;       // the input's, or 1 for a new axis
    int input_dim = -1;   // the input dimension it walks; -1 for a new axis
    int begin = 0, end = 0, stride = 1;
    bool begin_mask = false, end_mask = false, shrink = false;
};

void lower_strided_slice(lowering& x, ir_layer& l) {
    const element type = x.int8_or_int16_input(0);
    const int in = x.layer_input(l, 4, 4, type);
    const tfl_options& o = x.options(tfl::options::strided_slice, false);
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank > max_rank) x.op_fail("input " + x.tensor_label(input.tflite_index) + " has rank " + std::to_string(rank) + "; STRIDED_SLICE takes rank 1 to 5");

    std::vector<std::int32_t> operand[3];
    const char* const roles[3] = {"begin", "end", "strides"};
    for (int k = 0; k < 3; ++k) {
        const auto& data = x.constant_input(static_cast<std::size_t>(k + 1), tfl::tensor_type::int32, roles[k]);
        const int t = x.op().inputs[static_cast<std::size_t>(k + 1)];
        if (x.static_shape(t).size() != 1) x.op_fail(std::string(roles[k]) + " " + x.tensor_label(t) + " has shape " + shape_text(x.static_shape(t)) + "; it must be 1-D");
        for (std::size_t i = 0; i < data.size() / 4; ++i) operand[k].push_back(x.load_i32(data, i));
    }
    const auto& begin = operand[0];
    const auto& end = operand[1];
    const auto& strides = operand[2];
    const int n = static_cast<int>(begin.size());
    if (end.size() != begin.size() || strides.size() != begin.size()) {
        x.op_fail("begin, end and strides have " + std::to_string(begin.size()) + ", " + std::to_string(end.size()) + " and " + std::to_string(strides.size()) +
                  " entries; they must have the same count");
    }
    if (std::popcount(static_cast<unsigned>(o.ellipsis_mask)) > 1) x.op_fail("ellipsis_mask " + std::to_string(o.ellipsis_mask) + " has more than one bit set");
    const auto bit = [](int mask, int i) { return i >= 0 && i < 32 && ((static_cast<unsigned>(mask) >> i) & 1u) != 0; };

    // TFLite's expansion: new axes not under the ellipsis add dimensions; the ellipsis spans the
    // input dimensions that begin does not name.
    int added_axes = 0;
    for (int i = 0; i < n; ++i) added_axes += !bit(o.ellipsis_mask, i) && bit(o.new_axis_mask, i);
    const int effective = rank + added_axes;
    if (effective > max_rank) x.op_fail("the slice has " + std::to_string(effective) + " dimensions with its new axes; TFLite allows at most 5");
    if (n > effective) x.op_fail("begin has " + std::to_string(n) + " entries for an input of rank " + std::to_string(rank) + " with " + std::to_string(added_axes) + " new axes");
    if (o.offset && (o.ellipsis_mask != 0 || o.new_axis_mask != 0 || n != rank)) {
        x.op_fail("offset needs one begin/end/stride entry per input dimension and no ellipsis_mask or new_axis_mask");
    }
    std::vector<bool> in_ellipsis(static_cast<std::size_t>(effective), false), new_axis(static_cast<std::size_t>(effective), false);
    int ellipsis_start = effective, expanded = 0;
    for (int i = 0; i < effective;) {
        if (bit(o.ellipsis_mask, i)) {
            ellipsis_start = i;
            const int stop = std::max(i + 1, std::min(i + 1 + added_axes + rank - n, effective));
            expanded = stop - i - 1;
            for (; i < stop; ++i) in_ellipsis[static_cast<std::size_t>(i)] = true;
            continue;
        }
        new_axis[static_cast<std::size_t>(i)] = bit(o.new_axis_mask, i - expanded);
        ++i;
    }
    std::vector<effective_dim> dims(static_cast<std::size_t>(effective));
    int added = 0, skipped = 0;
    for (int i = 0; i < effective; ++i) {
        effective_dim& e = dims[static_cast<std::size_t>(i)];
        if (in_ellipsis[static_cast<std::size_t>(i)]) {
            skipped = std::max(0, i - ellipsis_start);
            e.begin_mask = e.end_mask = true;
        } else if (new_axis[static_cast<std::size_t>(i)]) {
            e.begin = 0, e.end = 1;
            ++added;
            continue;  // extent 1, no input dimension
        } else if (i >= n + expanded) {
            e.begin_mask = e.end_mask = true;
        } else {
            const int k = i - skipped;
            e.begin = begin[static_cast<std::size_t>(k)], e.end = end[static_cast<std::size_t>(k)], e.stride = strides[static_cast<std::size_t>(k)];
            e.begin_mask = bit(o.begin_mask, k), e.end_mask = bit(o.end_mask, k), e.shrink = bit(o.shrink_axis_mask, k);
        }
        e.input_dim = i - added;
        if (e.input_dim >= rank) break;  // new_axis_mask bits past begin's entries: the check below names it
        e.extent = input.shape[static_cast<std::size_t>(e.input_dim)];
    }
    // Every input dimension walked exactly once, in order (new_axis_mask bits past begin's
    // entries would leave some out).
    int walked = 0;
    for (const effective_dim& e : dims) walked += e.input_dim >= 0 && e.input_dim < rank;
    if (walked != rank || effective - added != rank) {
        x.op_fail("new_axis_mask " + std::to_string(o.new_axis_mask) + " with ellipsis_mask " + std::to_string(o.ellipsis_mask) + " and " + std::to_string(n) +
                  " begin entries does not walk each of the input's " + std::to_string(rank) + " dimensions once");
    }

    // Per dimension, TFLite's StridedSliceStartForAxis / EndForAxis, then the count of indices.
    dims64 want;
    std::vector<int> begins(static_cast<std::size_t>(rank)), sizes(static_cast<std::size_t>(rank)), steps(static_cast<std::size_t>(rank));
    for (int i = 0; i < effective; ++i) {
        const effective_dim& e = dims[static_cast<std::size_t>(i)];
        const std::string where = "dimension " + std::to_string(i) + " (extent " + std::to_string(e.extent) + ")";
        if (e.stride == 0) x.op_fail("strides " + x.tensor_label(x.op().inputs[3]) + " has a 0 for " + where + "; strides must be nonzero");
        int start = e.begin < 0 ? e.begin + e.extent : e.begin;
        start = e.stride > 0 ? std::clamp(start, 0, e.extent) : std::clamp(start, -1, e.extent - 1);
        if (e.begin_mask) start = e.stride > 0 ? 0 : e.extent - 1;
        int count = 1;
        if (e.shrink) {
            if (e.stride < 0) x.op_fail("shrink_axis_mask drops " + where + " with stride " + std::to_string(e.stride) + "; TFLite takes one index with a positive stride");
            if (!e.begin_mask && (e.begin < -e.extent || e.begin >= e.extent)) {
                x.op_fail("shrink_axis_mask takes index " + std::to_string(e.begin) + " of " + where + "; it must lie in [-extent, extent)");
            }
        } else {
            int stop = e.end + (o.offset ? start : 0);
            if (stop < 0) stop += e.extent;
            stop = e.stride > 0 ? std::clamp(stop, 0, e.extent) : std::clamp(stop, -1, e.extent - 1);
            if (e.end_mask) stop = e.stride > 0 ? e.extent : -1;
            count = ceil_div(stop - start, e.stride);
            if (count <= 0) {
                x.op_fail("the slice of " + where + " from " + std::to_string(start) + " to " + std::to_string(stop) + " by " + std::to_string(e.stride) +
                          " is empty; ctnn tensors have no empty dimensions");
            }
            // TFLite's Prepare sizes an offset slice as ceil(end / stride) in float: it must agree with what Eval copies.
            if (o.offset && static_cast<int>(std::ceil(static_cast<float>(e.end) / static_cast<float>(e.stride))) != count) {
                x.op_fail("with offset, " + where + " would be sized " + std::to_string(e.end) + " / " + std::to_string(e.stride) + " by TFLite's Prepare but copy " +
                          std::to_string(count) + " elements; the end leaves the input");
            }
            want.push_back(count);
        }
        if (e.input_dim >= 0) {
            begins[static_cast<std::size_t>(e.input_dim)] = start;
            sizes[static_cast<std::size_t>(e.input_dim)] = count;
            steps[static_cast<std::size_t>(e.input_dim)] = count == 1 ? 1 : e.stride;
        }
    }
    l.slice_begin = begins, l.slice_size = sizes, l.slice_strides = steps;
    const ir_tensor& out = x.add_output(type);
    x.expect_shape(out, want, "the sliced");
    x.check_same_quantization(input, out);
}

// SLICE: begin and size (int32 or int64), one entry per dimension; size -1 runs to the end.
void lower_slice(lowering& x, ir_layer& l) {
    const element type = x.int8_or_int16_input(0);
    const int in = x.layer_input(l, 3, 3, type);
    x.options(tfl::options::slice, false);
    const ir_tensor input = x.graph_tensor(in);
    const int rank = static_cast<int>(input.shape.size());
    if (rank > max_rank) x.op_fail("input " + x.tensor_label(input.tflite_index) + " has rank " + std::to_string(rank) + "; SLICE takes rank 1 to 5");
    const index_operand begin = constant_indices(x, 1, "begin"), size = constant_indices(x, 2, "size");
    const int begin_type = x.model().tensors[static_cast<std::size_t>(begin.tensor)].type, size_type = x.model().tensors[static_cast<std::size_t>(size.tensor)].type;
    if (begin_type != size_type) {
        x.op_fail("begin " + x.tensor_label(begin.tensor) + " is " + tfl::tensor_type_name(begin_type) + " and size " + x.tensor_label(size.tensor) + " is " +
                  tfl::tensor_type_name(size_type) + "; TFLite requires one type for both");
    }
    for (const index_operand* v : {&begin, &size}) {
        if (v->shape.size() != 1 || static_cast<int>(v->values.size()) != rank) {
            x.op_fail(std::string(v == &begin ? "begin " : "size ") + x.tensor_label(v->tensor) + " has shape " + shape_text(v->shape) + "; expected " +
                      std::to_string(rank) + " (one entry per input dimension)");
        }
    }
    dims64 want;
    for (int d = 0; d < rank; ++d) {
        const int extent = input.shape[static_cast<std::size_t>(d)];
        const int b = begin.values[static_cast<std::size_t>(d)];
        int s = size.values[static_cast<std::size_t>(d)];
        if (b < 0 || b > extent) x.op_fail("begin " + std::to_string(b) + " of dimension " + std::to_string(d) + " is outside [0, " + std::to_string(extent) + "]");
        if (s == -1) s = extent - b;
        if (s < 1 || static_cast<long long>(b) + s > extent) {
            x.op_fail("size " + std::to_string(size.values[static_cast<std::size_t>(d)]) + " from begin " + std::to_string(b) + " of dimension " + std::to_string(d) +
                      " (extent " + std::to_string(extent) + ") must be -1 or in [1, extent - begin]; ctnn tensors have no empty dimensions");
        }
        l.slice_begin.push_back(b);
        l.slice_size.push_back(s);
        want.push_back(s);
    }
    const ir_tensor& out = x.add_output(type);
    x.expect_shape(out, want, "the sliced");
    x.check_same_quantization(input, out);
}

std::string strided_slice_type(const model_ir& m, const ir_layer& l, std::size_t node) {
    return "ctnn::layers::strided_slice<ctnn::slice_begin<" + list_text(l.slice_begin) + ">, ctnn::slice_size<" + list_text(l.slice_size) +
           ">, ctnn::slice_strides<" + list_text(l.slice_strides) + ">, " + shape_type(m.tensors[node].shape) + ">";
}
std::string slice_type(const model_ir&, const ir_layer& l, std::size_t) {
    return "ctnn::layers::slice<ctnn::slice_begin<" + list_text(l.slice_begin) + ">, ctnn::slice_size<" + list_text(l.slice_size) + ">>";
}
std::string slice_options(const ir_layer& l) {
    std::string s = "begin " + list_text(l.slice_begin) + " size " + list_text(l.slice_size);
    if (!l.slice_strides.empty()) s += " strides " + list_text(l.slice_strides);
    return s;
}

}  // namespace

extern const operator_entry strided_slice_operator, slice_operator;  // external linkage: operators.cpp lists them
const operator_entry strided_slice_operator{
    .builtin = tfl::op::strided_slice, .name = "STRIDED_SLICE", .lower = lower_strided_slice, .layer_type = strided_slice_type,
    .traits = ctnn::layers::strided_slice_traits, .options_text = slice_options,
};
const operator_entry slice_operator{
    .builtin = tfl::op::slice, .name = "SLICE", .lower = lower_slice, .layer_type = slice_type, .traits = ctnn::layers::strided_slice_traits,
    .options_text = slice_options,
};

}  // namespace ctnn_convert
