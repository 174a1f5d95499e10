// Data movement I in the converter (STRIDED_SLICE, SLICE, SQUEEZE, EXPAND_DIMS, GATHER,
// BROADCAST_TO, PADV2, MIRROR_PAD): the layer each lowers to, TFLite's index rules resolved at
// convert time (masks, ellipsis, new axes, offset), and each rejection, exit 2, naming the
// operator, the tensor and the rule.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "expect_rejected.hpp"
#include "run_converter.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;
using test_run::expect_rejected;

namespace {

constexpr int GATHER = 36, SQUEEZE = 43, STRIDED_SLICE = 45, PADV2 = 60, SLICE = 65, EXPAND_DIMS = 70, MIRROR_PAD = 100, BROADCAST_TO = 130;
constexpr std::uint8_t GatherOptions = 23, SqueezeOptions = 30, StridedSliceOptions = 32, MirrorPadOptions = 77;
constexpr std::int8_t INT64 = 4;

// x (int8, `in`) -> OP(x, constants...) -> y (int8, `out`); constants are int32 unless given.
struct one_op {
    model m;
    int y = 0;
    one_op(int builtin, const std::vector<std::int32_t>& in, const std::vector<std::int32_t>& out, std::uint8_t options_type = 0) {
        m.add_tensor({"x", in, INT8, 0, {0.5f}, {-3}, 0, {}});
        y = m.add_tensor({"y", out, INT8, 0, {0.5f}, {-3}, 0, {}});
        m.ops.push_back({m.code(builtin), {0}, {y}, options_type, options_type != 0, {}});
        m.inputs = {0};
        m.outputs = {y};
    }
    one_op& constant(const char* name, const std::vector<std::int32_t>& shape, const std::vector<std::int32_t>& values) {
        m.ops[0].inputs.push_back(m.add_tensor({name, shape, INT32, m.add_buffer(values), {}, {}, 0, {}}));
        return *this;
    }
    one_op& constant64(const char* name, const std::vector<std::int32_t>& shape, const std::vector<std::int64_t>& values) {
        m.ops[0].inputs.push_back(m.add_tensor({name, shape, INT64, m.add_buffer(values), {}, {}, 0, {}}));
        return *this;
    }
    test_fb::table& options() { return m.ops[0].options; }
};

one_op strided_slice(const std::vector<std::int32_t>& in, const std::vector<std::int32_t>& out, const std::vector<std::int32_t>& begin,
                     const std::vector<std::int32_t>& end, const std::vector<std::int32_t>& strides, std::vector<std::int32_t> masks = {0, 0, 0, 0, 0},
                     bool offset = false) {
    one_op o(STRIDED_SLICE, in, out, StridedSliceOptions);
    const std::int32_t n = static_cast<std::int32_t>(begin.size());
    o.constant("begin", {n}, begin).constant("end", {n}, end).constant("strides", {n}, strides);
    for (int i = 0; i < 5; ++i) o.options().scalar<std::int32_t>(i, masks[static_cast<std::size_t>(i)]);
    o.options().scalar<bool>(5, offset);
    return o;
}

std::string converted(const model& m) {
    const auto r = convert(build(m));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    return r.out;
}
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("movement: STRIDED_SLICE lowers to the canonical slice, TFLite's masks and indices resolved") {
    // x[-1:0:-2, ::, 1] of 5x4x3: begin -1 -> 4, end 0 exclusive, backwards: 4, 2; dim 1 whole
    // (begin and end masks); dim 2 shrunk at index 1.
    const auto plain = strided_slice({5, 4, 3}, {2, 4}, {-1, 0, 1}, {0, 0, 2}, {-2, 1, 1}, {0b010, 0b010, 0, 0, 0b100});
    CHECK(contains(converted(plain.m), "ctnn::layers::strided_slice<ctnn::slice_begin<4, 0, 1>, ctnn::slice_size<2, 4, 1>, ctnn::slice_strides<-2, 1, 1>, "
                                       "ctnn::shape<2, 4>>"));
    // x[..., 1:3] of 2x3x4 (ellipsis first): the ellipsis spans dims 0 and 1.
    const auto ellipsis = strided_slice({2, 3, 4}, {2, 3, 2}, {0, 1}, {0, 3}, {1, 1}, {0, 0, 0b01, 0, 0});
    CHECK(contains(converted(ellipsis.m), "ctnn::slice_begin<0, 0, 1>, ctnn::slice_size<2, 3, 2>, ctnn::slice_strides<1, 1, 1>, ctnn::shape<2, 3, 2>>"));
    // x[:, tf.newaxis, 2] of 3x4: a new axis of 1 in the output, dim 1 shrunk.
    const auto new_axis = strided_slice({3, 4}, {3, 1}, {0, 0, 2}, {0, 0, 3}, {1, 1, 1}, {0b001, 0b001, 0, 0b010, 0b100});
    CHECK(contains(converted(new_axis.m), "ctnn::slice_begin<0, 2>, ctnn::slice_size<3, 1>, ctnn::slice_strides<1, 1>, ctnn::shape<3, 1>>"));
    // offset: end is a size counted from begin.
    const auto offset = strided_slice({6}, {2}, {1}, {4}, {2}, {0, 0, 0, 0, 0}, true);
    CHECK(contains(converted(offset.m), "ctnn::slice_begin<1>, ctnn::slice_size<2>, ctnn::slice_strides<2>, ctnn::shape<2>>"));
}

TEST_CASE("movement: STRIDED_SLICE rejections") {
    expect_rejected(strided_slice({4}, {4}, {0}, {4}, {0}).m,
                    "operator #0 STRIDED_SLICE: strides tensor 'strides' has a 0 for dimension 0 (extent 4); strides must be nonzero");
    expect_rejected(strided_slice({4}, {1}, {3}, {1}, {1}).m,
                    "operator #0 STRIDED_SLICE: the slice of dimension 0 (extent 4) from 3 to 1 by 1 is empty; ctnn tensors have no empty dimensions");
    expect_rejected(strided_slice({4, 2}, {2}, {4, 0}, {5, 2}, {1, 1}, {0, 0, 0, 0, 0b01}).m,
                    "operator #0 STRIDED_SLICE: shrink_axis_mask takes index 4 of dimension 0 (extent 4); it must lie in [-extent, extent)");
    expect_rejected(strided_slice({4, 2}, {2}, {1, 0}, {2, 2}, {-1, 1}, {0, 0, 0, 0, 0b01}).m,
                    "operator #0 STRIDED_SLICE: shrink_axis_mask drops dimension 0 (extent 4) with stride -1; TFLite takes one index with a positive stride");
    expect_rejected(strided_slice({6}, {2}, {0}, {6}, {2}).m, "operator #0 STRIDED_SLICE: output tensor 'y' has shape 2, but the sliced shape is 3");
}

TEST_CASE("movement: SLICE, SQUEEZE, EXPAND_DIMS") {
    one_op slice(SLICE, {3, 4}, {2, 3});
    slice.constant("begin", {2}, {1, 1}).constant("size", {2}, {-1, 3});
    CHECK(contains(converted(slice.m), "ctnn::layers::slice<ctnn::slice_begin<1, 1>, ctnn::slice_size<2, 3>>"));
    one_op too_long(SLICE, {3, 4}, {2, 4});
    too_long.constant("begin", {2}, {1, 1}).constant("size", {2}, {2, 4});
    expect_rejected(too_long.m,
                    "operator #0 SLICE: size 4 from begin 1 of dimension 1 (extent 4) must be -1 or in [1, extent - begin]; ctnn tensors have no empty dimensions");
    one_op mixed(SLICE, {3, 4}, {2, 3});
    mixed.constant("begin", {2}, {1, 1}).constant64("size", {2}, {-1, 3});
    expect_rejected(mixed.m, "operator #0 SLICE: begin tensor 'begin' is int32 and size tensor 'size' is int64; TFLite requires one type for both");

    one_op squeeze(SQUEEZE, {1, 3, 1, 2}, {3, 1, 2}, SqueezeOptions);
    squeeze.options().vec<std::int32_t>(0, {-4});
    CHECK(contains(converted(squeeze.m), "ctnn::layers::reshape<ctnn::shape<3, 1, 2>>"));
    one_op wide(SQUEEZE, {1, 3, 1, 2}, {1, 1, 2}, SqueezeOptions);
    wide.options().vec<std::int32_t>(0, {1});
    expect_rejected(wide.m, "operator #0 SQUEEZE: squeeze_dims entry 1 names dimension 1 of input tensor 'x' 1x3x1x2, of size 3; only dimensions of 1 can go");

    one_op expand(EXPAND_DIMS, {3, 2}, {3, 2, 1});
    expand.constant64("axis", {}, {-1});
    CHECK(contains(converted(expand.m), "ctnn::layers::reshape<ctnn::shape<3, 2, 1>>"));
    one_op far(EXPAND_DIMS, {3, 2}, {3, 2, 1});
    far.constant("axis", {1}, {3});
    expect_rejected(far.m, "operator #0 EXPAND_DIMS: axis 3 (tensor 'axis') is outside [-3, 2] for input 3x2");
}

TEST_CASE("movement: GATHER, BROADCAST_TO") {
    one_op gather(GATHER, {3, 4}, {3, 2, 2}, GatherOptions);
    gather.constant("indices", {2, 2}, {3, 0, 1, 1});
    gather.options().scalar<std::int32_t>(0, -1);
    CHECK(contains(converted(gather.m), "ctnn::layers::gather<1, ctnn::gather_indices<3, 0, 1, 1>, ctnn::shape<3, 2, 2>>"));
    one_op outside(GATHER, {3, 4}, {2, 4}, GatherOptions);
    outside.constant("indices", {2}, {0, 3});
    expect_rejected(outside.m, "operator #0 GATHER: indices tensor 'indices' hold 3 at position 1; indices must lie in [0, 3) (axis 0 of input 3x4)");
    one_op batched(GATHER, {3, 4}, {3, 1}, GatherOptions);
    batched.constant("indices", {3, 1}, {0, 1, 2});
    batched.options().scalar<std::int32_t>(0, 1).scalar<std::int32_t>(1, 1);
    expect_rejected(batched.m, "operator #0 GATHER: unsupported option: batch_dims 1; ctnn gathers with batch_dims 0");

    one_op broadcast(BROADCAST_TO, {3, 1}, {2, 3, 4});
    broadcast.constant("shape", {3}, {2, 3, 4});
    CHECK(contains(converted(broadcast.m), "ctnn::layers::broadcast_to<ctnn::shape<2, 3, 4>>"));
    one_op not_one(BROADCAST_TO, {3, 2}, {2, 3, 4});
    not_one.constant("shape", {3}, {2, 3, 4});
    expect_rejected(not_one.m, "operator #0 BROADCAST_TO: input tensor 'x' 3x2 does not broadcast to shape [2, 3, 4] (tensor 'shape'): dimension 1 is 2, neither 1 nor 4");
}

TEST_CASE("movement: PADV2, MIRROR_PAD") {
    one_op pad(PADV2, {2, 3}, {3, 5});
    pad.constant("paddings", {2, 2}, {1, 0, 2, 0});
    pad.m.ops[0].inputs.push_back(pad.m.add_tensor({"value", {}, INT8, pad.m.add_buffer(std::vector<std::int8_t>{-7}), {0.5f}, {-3}, 0, {}}));
    CHECK(contains(converted(pad.m), "ctnn::layers::pad<ctnn::paddings<1, 0, 2, 0>, ctnn::fill_value<-7>>"));
    auto requantized = pad;
    requantized.m.tensors.back().zero_point = {0};
    expect_rejected(requantized.m, "operator #0 PADV2: constant value tensor 'value' is quantized with scale 0.5 zp 0, the output tensor 'y' with scale 0.5 "
                                   "zp -3; TFLite requires them equal");

    one_op mirror(MIRROR_PAD, {2, 3}, {4, 5}, MirrorPadOptions);
    mirror.constant("paddings", {2, 2}, {1, 1, 0, 2});
    mirror.options().scalar<std::int8_t>(0, 1);
    CHECK(contains(converted(mirror.m), "ctnn::layers::mirror_pad<ctnn::paddings<1, 1, 0, 2>, ctnn::mirror_mode::symmetric>"));
    one_op reflect(MIRROR_PAD, {2, 3}, {4, 5}, MirrorPadOptions);
    reflect.constant("paddings", {2, 2}, {2, 0, 0, 2});
    expect_rejected(reflect.m, "operator #0 MIRROR_PAD: padding of dimension 0 is 2, 0; REFLECT pads at most the extent - 1 = 1 on each side, none negative");
}

TEST_CASE("movement: input and output quantization must agree") {
    one_op squeeze(SQUEEZE, {1, 3}, {3}, SqueezeOptions);
    squeeze.m.tensors[1].scale = {0.25f};
    expect_rejected(squeeze.m, "operator #0 SQUEEZE: input and output quantization differ (scale 0.5 zp -3 vs scale 0.25 zp -3); ctnn requires them equal");
}
