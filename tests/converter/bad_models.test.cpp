// Bad input that looks valid (issue 18): structurally sound .tflite files whose content breaks
// a rule ctnn's layers enforce at compile time, or that TFLite itself rejects. Each must be
// rejected at convert time with exit status 2 and exactly the message given here, in the one
// format "ctnn-convert: error: FILE: operator #K NAME: ..." (model-level errors name no
// operator). The edge cases the converter accepts are compiled by the edge_cases self-check
// (edge_models.hpp, tests/converter/CMakeLists.txt).
#include <doctest/doctest.h>

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cmath>
#include <limits>

#include "edge_models.hpp"
#include "expect_rejected.hpp"
#include "run_converter.hpp"
#include "test_models.hpp"

using namespace test_tflite;
using test_run::convert;
using test_run::expect_rejected;

namespace {

void expect_accepted(const model& m) {
    const auto r = convert(build(m));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
}

// The tiny model's CONV_2D (operator #0) with other options.
op conv_with(const model& m, std::int8_t padding, int stride_h, int stride_w, int dilation_h, int dilation_w) {
    op o{m.ops[0].opcode_index, m.ops[0].inputs, m.ops[0].outputs, Conv2DOptions, true, {}};
    o.options.scalar<std::int8_t>(0, padding).scalar<std::int32_t>(1, stride_w).scalar<std::int32_t>(2, stride_h).scalar<std::int8_t>(3, RELU);
    o.options.scalar<std::int32_t>(4, dilation_w).scalar<std::int32_t>(5, dilation_h);
    return o;
}

// The tiny model's AVERAGE_POOL_2D (operator #3) with other options.
op pool_with(const model& m, std::int8_t padding, int stride, int filter_h, int filter_w) {
    op o{m.ops[3].opcode_index, m.ops[3].inputs, m.ops[3].outputs, Pool2DOptions, true, {}};
    o.options.scalar<std::int8_t>(0, padding).scalar<std::int32_t>(1, stride).scalar<std::int32_t>(2, stride);
    o.options.scalar<std::int32_t>(3, filter_w).scalar<std::int32_t>(4, filter_h);
    return o;
}

// The tiny model's RESHAPE (operator #4) asks for `shape` through its shape operand.
void set_reshape_shape(model& m, const std::vector<std::int32_t>& shape) {
    m.tensors[tiny::reshape_shape].shape = {static_cast<std::int32_t>(shape.size())};
    m.tensors[tiny::reshape_shape].buffer = m.add_buffer(shape);
}

}  // namespace

TEST_CASE("bad models: the kernel does not fit, with the blame on the right option") {
    auto big = tiny_model();
    big.ops[3] = pool_with(big, VALID, 2, 5, 2);
    expect_rejected(big, "operator #3 AVERAGE_POOL_2D: filter height 5 does not fit the input height 4 with VALID padding");
    auto dilated = tiny_model();
    dilated.ops[0] = conv_with(dilated, VALID, 1, 1, 1, 2);
    expect_rejected(dilated, "operator #0 CONV_2D: kernel width 3 with dilation_w_factor 2 (spanning 5) does not fit the input width 4 with VALID padding");
    auto huge_dilation = tiny_model();
    huge_dilation.ops[0] = conv_with(huge_dilation, SAME, 1, 1, 1 << 30, 1);
    expect_rejected(huge_dilation, "operator #0 CONV_2D: kernel height 3 with dilation_h_factor 1073741824 spans 2147483649 input rows, "
                                   "more than the 2147483647 ctnn's int window arithmetic allows");
    auto huge_stride = tiny_model();
    huge_stride.ops[0] = conv_with(huge_stride, VALID, INT_MAX, 1, 1, 1);
    expect_rejected(huge_stride, "operator #0 CONV_2D: unsupported option: stride_h 2147483647 is too large: the input height 4 plus the "
                                 "stride exceeds 2147483647 (ctnn's window arithmetic is int)");
    auto huge_filter = tiny_model();
    huge_filter.opcodes[huge_filter.ops[3].opcode_index] = {MAX_POOL_2D, -1, ""};
    huge_filter.ops[3] = pool_with(huge_filter, SAME, 2, 2, INT_MAX);
    expect_rejected(huge_filter, "operator #3 MAX_POOL_2D: filter width 2147483647 and stride_w 2 reach past index 2147483647 with SAME "
                                 "padding; ctnn's window arithmetic is int");
    auto many_taps = tiny_model();  // the int32 sum of an average over more than 2^24 taps could overflow
    many_taps.ops[3] = pool_with(many_taps, SAME, 2, 4097, 4096);
    expect_rejected(many_taps, "operator #3 AVERAGE_POOL_2D: filter 4097x4096 has more than 2^24 taps; ctnn's int32 sum of a window could overflow");
}

TEST_CASE("bad models: convolutions and pools run on batch 1 only") {
    auto m = tiny_model();
    m.tensors[tiny::input].shape = {2, 4, 4, 2};
    m.tensors[tiny::input].shape_signature.clear();
    expect_rejected(m, "operator #0 CONV_2D: input tensor 'input' has batch 2 (shape 2x4x4x2); ctnn runs CONV_2D on batch 1 only");
}

TEST_CASE("bad models: the accumulator proof (a bias of INT32_MAX)") {
    auto m = tiny_model();
    m.tensors[tiny::conv_b].buffer = m.add_buffer(std::vector<std::int32_t>{INT_MAX, 0, 0});
    expect_rejected(m, "operator #0 CONV_2D: the int32 accumulator could overflow: with weights tensor 'conv/w', bias tensor 'conv/b' and "
                       "input zero point -1 some int8 input reaches magnitude 2147637952, more than 2147483647");
}

TEST_CASE("bad models: effective requantization scales out of range") {
    const std::string limit = " is out of range; ctnn, like TFLite, needs a finite value below 2^30 (a left shift of at most 30 bits)";
    auto denormal = tiny_model();
    denormal.tensors[tiny::conv_out].scale = {1e-40f};
    expect_rejected(denormal, "operator #0 CONV_2D: the effective output scale of channel 0 5.00002684e+37 (input scale 0.5 x weight scale 0.00999999978 "
                              "/ output scale 9.9999461e-41; weights tensor 'conv/w', output tensor 'conv/out')" + limit);
    auto huge_input = tiny_model();
    huge_input.tensors[tiny::input].scale = {1e30f};
    expect_rejected(huge_input, "operator #0 CONV_2D: the effective output scale of channel 0 3.99999997e+28 (input scale 1.00000002e+30 x weight scale "
                                "0.00999999978 / output scale 0.25; weights tensor 'conv/w', output tensor 'conv/out')" + limit);
    auto flt_max = tiny_model();
    flt_max.tensors[tiny::fc_w].scale = {FLT_MAX};
    expect_rejected(flt_max, "operator #5 FULLY_CONNECTED: the effective output scale 5.10423512e+38 (input scale 0.300000012 x weight scale "
                             "3.40282347e+38 / output scale 0.200000003; weights tensor 'fc/w', output tensor 'fc/out')" + limit);
    auto infinite = tiny_model();  // s_in * s_w overflows in float: TFLite's per-tensor FULLY_CONNECTED product
    infinite.tensors[tiny::reshape_out].scale = {1e10f};
    infinite.tensors[tiny::pool_out].scale = {1e10f};
    infinite.tensors[tiny::add_out].scale = {1e10f};
    infinite.tensors[tiny::fc_w].scale = {1e30f};
    expect_rejected(infinite, "operator #5 FULLY_CONNECTED: the effective output scale inf (input scale 1e+10 x weight scale 1.00000002e+30 / output "
                              "scale 0.200000003; weights tensor 'fc/w', output tensor 'fc/out')" + limit);
    auto shift31 = tiny_model();  // 0.5 * 0.01 / s_out just below 2^30 rounds to a shift of 31
    shift31.tensors[tiny::conv_out].scale = {0.5f * 0.01f / 1073741824.0f};
    const auto r = convert(build(shift31));
    CHECK(r.status == 2);
    CHECK(r.err.find("operator #0 CONV_2D: the effective output scale of channel 0 ") != std::string::npos);
    auto add = tiny_model();
    add.tensors[tiny::add_out].scale = {1e-20f};
    expect_rejected(add, "operator #2 ADD: the output rescaling factor 2 max(s1, s2) / (2^20 s_out) = 4.76837173e+13 (input scales 0.25 and 0.125, "
                         "output scale 9.99999968e-21 (tensor 'add/out'))" + limit);
}

TEST_CASE("bad models: a fused activation whose bounds leave int32 (RELU6 with output scale 1e-12)") {
    auto m = tiny_model();
    m.ops[2].options = {};
    m.ops[2].options.scalar<std::int8_t>(0, RELU6);
    m.tensors[tiny::add_out].scale = {1e-12f};
    expect_rejected(m, "operator #2 ADD: fused activation RELU6 with output scale 9.99999996e-13 (tensor 'add/out'): its bounds divided by the scale "
                       "do not fit in int32 (TFLite rejects this too)");
}

TEST_CASE("bad models: softmax beta out of range") {
    auto small = tiny_model();
    small.ops[6].options = {};
    small.ops[6].options.scalar<float>(0, 1e-9f);
    expect_rejected(small, "operator #6 SOFTMAX: unsupported option: softmax beta 9.99999972e-10 with input scale 0.200000003 (tensor 'fc/out') "
                           "gives the input multiplier beta x scale x 2^26 = 0.0134217726; TFLite needs it greater than 1");
    auto denormal = tiny_model();
    denormal.ops[6].options = {};
    denormal.ops[6].options.scalar<float>(0, 1e-40f);
    expect_rejected(denormal, "operator #6 SOFTMAX: unsupported option: softmax beta 9.9999461e-41 with input scale 0.200000003 (tensor 'fc/out') "
                              "gives the input multiplier beta x scale x 2^26 = 1.34217007e-33; TFLite needs it greater than 1");
    auto infinite = tiny_model();
    infinite.ops[6].options = {};
    infinite.ops[6].options.scalar<float>(0, std::numeric_limits<float>::infinity());
    expect_rejected(infinite, "operator #6 SOFTMAX: unsupported option: softmax beta inf; must be positive and finite");
}

TEST_CASE("bad models: element counts beyond a 32-bit address space, never printed wrapped") {
    auto big = tiny_model();
    big.tensors[tiny::conv_out].shape = {1, 65536, 65536, 3};
    expect_rejected(big, "operator #0 CONV_2D: tensor 'conv/out' is too large (shape [1, 65536, 65536, 3]): ctnn tensors have at most 2147483647 "
                         "bytes (32-bit indexing)");
    expect_rejected(wide_fc_model(), "operator #0 FULLY_CONNECTED: output tensor 'out' has shape 1x16, but the computed shape is 2147483647x16");
    expect_rejected(huge_arena_model(), "model's activation tensors total 3221225472 bytes, more than the 2147483647 ctnn plans an arena for (32-bit sizes)");
}

TEST_CASE("bad models: model-level errors name no operator") {
    auto zero = tiny_model();
    zero.tensors[tiny::input].scale = {0.0f};
    expect_rejected(zero, "model input tensor 'input' has scale 0; scales must be positive and finite");
    auto nan = tiny_model();
    nan.tensors[tiny::input].scale = {std::numeric_limits<float>::quiet_NaN()};
    expect_rejected(nan, "model input tensor 'input' has scale nan; scales must be positive and finite");
    auto zp = tiny_model();
    zp.tensors[tiny::input].zero_point = {300};
    expect_rejected(zp, "model input tensor 'input' has zero point 300, outside the int8 range");
}

TEST_CASE("bad models: rank 0 never crashes (FULLY_CONNECTED with keep_num_dims)") {
    expect_rejected(scalar_fc_model(), "model input tensor 'x' is a scalar (rank 0); ctnn tensors have at least one dimension");
    auto to_scalar = tiny_model();  // the FULLY_CONNECTED after it reads a rank-0 tensor
    to_scalar.tensors[tiny::reshape_out].shape = {};
    to_scalar.ops[5].options.scalar<bool>(2, true);
    expect_rejected(to_scalar, "operator #4 RESHAPE: tensor 'reshape/out' is a scalar (rank 0); ctnn tensors have at least one dimension");
}

TEST_CASE("bad models: RESHAPE checks its shape operand as TFLite does") {
    auto count = tiny_model();
    set_reshape_shape(count, {1, 13});
    expect_rejected(count, "operator #4 RESHAPE: shape operand tensor 'reshape/shape' [1, 13] has 13 elements, the input tensor 'pool/out' 1x2x2x3 has 12");
    auto two = tiny_model();
    set_reshape_shape(two, {-1, -1});
    expect_rejected(two, "operator #4 RESHAPE: shape operand tensor 'reshape/shape' [-1, -1] has more than one -1 entry; at most one dimension can be inferred");
    auto permuted = tiny_model();
    set_reshape_shape(permuted, {12, 1});
    expect_rejected(permuted, "operator #4 RESHAPE: output tensor 'reshape/out' has shape 1x12, but the shape operand's shape is 12x1");
    auto zero = tiny_model();
    set_reshape_shape(zero, {0, 12});
    expect_rejected(zero, "operator #4 RESHAPE: shape operand tensor 'reshape/shape' [0, 12] has entry 0 at position 0; entries must be positive or -1");
    auto indivisible = tiny_model();
    set_reshape_shape(indivisible, {5, -1});
    expect_rejected(indivisible, "operator #4 RESHAPE: shape operand tensor 'reshape/shape' [5, -1]: the -1 entry cannot be inferred: the input "
                                 "tensor 'pool/out''s 12 elements do not divide by 5");
    auto option = tiny_model();  // no shape input: ReshapeOptions.new_shape decides
    option.ops[4].inputs = {tiny::pool_out};
    option.ops[4].options = {};
    option.ops[4].options.vec<std::int32_t>(0, {1, 13});
    expect_rejected(option, "operator #4 RESHAPE: new_shape option [1, 13] has 13 elements, the input tensor 'pool/out' 1x2x2x3 has 12");
    auto dynamic = tiny_model();
    dynamic.tensors[tiny::reshape_shape].type = INT8;
    expect_rejected(dynamic, "operator #4 RESHAPE: shape operand tensor 'reshape/shape' is a int8 tensor of shape 2; ctnn needs a 1-D int32 constant");

    auto inferred = tiny_model();
    set_reshape_shape(inferred, {-1, 12});
    expect_accepted(inferred);
    auto option_ok = tiny_model();
    option_ok.ops[4].inputs = {tiny::pool_out};
    expect_accepted(option_ok);
}

TEST_CASE("bad models: PAD takes tensors of rank 1 to 4") {
    auto m = edges_model();
    m.tensors[0].shape = {1, 1, 2, 2, 4};
    m.tensors[1].shape = {1, 1, 2, 2, 4};
    expect_rejected(m, "operator #1 PAD: input tensor 'q' has rank 5; ctnn pads tensors of rank 1 to 4");
}

TEST_CASE("edge cases the converter accepts (each also compiles: the edge_cases self-check)") {
    for (const auto& edge : edge_models()) {
        INFO(edge.first);
        expect_accepted(edge.second);
    }
}
