#include "weight_census.hpp"

#include <algorithm>
#include <vector>

#include <ctnn/kernels/weight_forms/bitmap_weights.hpp>
#include <ctnn/kernels/weight_forms/form_choice.hpp>
#include <ctnn/kernels/weight_forms/nibble_weights.hpp>
#include <ctnn/kernels/weight_forms/sparse_weights.hpp>


namespace ctnn_convert {

namespace {

namespace wf = ctnn::kernels::weight_forms;
using ctnn::kernels::channel_weights;

// Weights whose channels one layout describes: w[c * channel_stride + k * tap_stride].
struct weight_slice {
    std::vector<std::int8_t> w;
    int channels;
    channel_weights layout;
};

weight_census count(const std::vector<weight_slice>& slices, int zero_point, bool has_forms) {
    weight_census c;
    wf::sparse_census sparse;
    wf::nibble_census nibbles;
    wf::value_set all;
    for (const weight_slice& s : slices) {
        // The sparse form keeps what differs from the zero point: its census sees only which.
        std::vector<std::int8_t> kept;
        if (zero_point != 0)
            for (const std::int8_t v : s.w) kept.push_back(v != zero_point ? 1 : 0);
        const wf::sparse_census part = wf::census_of(zero_point != 0 ? kept : s.w, s.channels, s.layout);
        sparse.weights += part.weights;
        sparse.nonzero += part.nonzero;
        sparse.pairs += part.pairs;
        sparse.max_channel_pairs = std::max(sparse.max_channel_pairs, part.max_channel_pairs);
        sparse.zero_channels += part.zero_channels;
        const wf::nibble_census n = wf::nibble_census_of(s.w, s.channels, s.layout);  // distinct counts: the zero point shifts none
        nibbles.fits = nibbles.fits && n.fits;
        nibbles.max_distinct = std::max(nibbles.max_distinct, n.max_distinct);
        for (int ch = 0; ch < s.channels; ++ch) all.merge(wf::channel_values(s.w, ch, s.layout));
        c.channels += s.channels;
        c.taps = s.layout.count;
    }
    nibbles.tensor_distinct = all.size();
    for (int v = -128; v < 128; ++v)
        if (all.has(v) && (v - zero_point < -8 || v - zero_point > 7)) nibbles.int4_range = false;

    c.weights = sparse.weights;
    c.zeros = sparse.weights - sparse.nonzero;
    c.max_distinct = nibbles.max_distinct;
    c.tensor_distinct = nibbles.tensor_distinct;
    c.dense_bytes = c.weights;  // one int8 each
    c.sparse_bytes = sparse.entry_bytes(c.channels);
    c.bitmap_bytes = wf::bitmap_bytes(c.channels, c.taps, sparse.nonzero);
    if (nibbles.fits) {
        c.four_bit_bytes = nibbles.bytes(c.channels, c.taps);
        const wf::nibble_table t = nibbles.table();
        c.four_bit = t == wf::nibble_table::none ? "int4" : t == wf::nibble_table::per_tensor ? "per-tensor" : "per-channel";
    }
    if (has_forms) {
        // The rule of choose_form with sparsity::force (form_choice.hpp), from the same bytes.
        constexpr std::size_t none = std::size_t(-1);
        c.force = wf::weight_form_name(wf::smallest_form(c.weights, sparse.encodable() ? c.sparse_bytes : none,
                                                         c.four_bit_bytes.value_or(none), c.bitmap_bytes));
    }
    return c;
}

}  // namespace

std::optional<weight_census> census_of_layer(const model_ir& m, const ir_layer& l) {
    if (!l.rhs.empty()) {  // BATCH_MATMUL with a constant rhs [..., K, N] (adj_y: [..., N, K]): a channel is an output column
        const std::size_t r = l.rhs_shape.size();
        const int rows = l.rhs_shape[r - 2], cols = l.rhs_shape[r - 1];
        const int k = l.adj_y ? cols : rows, n = l.adj_y ? rows : cols;
        const std::size_t per_batch = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
        std::vector<weight_slice> slices;
        for (std::size_t at = 0; at < l.rhs.size(); at += per_batch) {
            std::vector<std::int8_t> w(l.rhs.begin() + static_cast<std::ptrdiff_t>(at), l.rhs.begin() + static_cast<std::ptrdiff_t>(at + per_batch));
            slices.push_back({std::move(w), n, l.adj_y ? channel_weights{k, k, 1} : channel_weights{k, 1, n}});
        }
        return count(slices, l.rhs_q.zero_point, false);
    }
    if (!l.params) return std::nullopt;
    const ir_params& p = *l.params;
    const auto& ws = p.weight_shape;
    // Weight forms exist for the int8 (not 16x8) CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED.
    const bool int8 = !l.inputs.empty() && m.tensors[static_cast<std::size_t>(l.inputs[0])].type == element::int8;
    const bool forms = int8 && (l.op_name == "CONV_2D" || l.op_name == "DEPTHWISE_CONV_2D" || l.op_name == "FULLY_CONNECTED");
    if (l.op_name == "DEPTHWISE_CONV_2D") {  // 1HWC: a channel is an output channel (of any depth multiplier), its taps KH x KW apart by C
        return count({{p.weights, ws[3], channel_weights{ws[1] * ws[2], 1, ws[3]}}}, 0, forms);
    }
    // OHWI (CONV_2D, TRANSPOSE_CONV) or [O, I]: a channel's weights contiguous.
    int taps = 1;
    for (std::size_t d = 1; d < ws.size(); ++d) taps *= ws[d];
    return count({{p.weights, ws[0], channel_weights{taps, taps, 1}}}, 0, forms);
}

}  // namespace ctnn_convert
