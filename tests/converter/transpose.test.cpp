// TRANSPOSE in the converter: a constant int32 permutation of a rank 1-5 int8 tensor (TFLite
// Micro's Prepare), and each rejection with the operator, the tensor and the rule.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "expect_rejected.hpp"
#include "run_converter.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;
using test_run::expect_rejected;

namespace {

constexpr int TRANSPOSE = 39;
constexpr std::uint8_t TransposeOptions = 26;

// x (in) -> TRANSPOSE(perm) -> y (out).
model transpose_model(std::vector<std::int32_t> in, std::vector<std::int32_t> perm, std::vector<std::int32_t> out) {
    model m;
    const auto rank = static_cast<std::int32_t>(perm.size());
    m.add_tensor({"x", in, INT8, 0, {0.05f}, {-3}, 0, {}});
    m.add_tensor({"perm", {rank}, INT32, m.add_buffer(perm), {}, {}, 0, {}});
    m.add_tensor({"y", out, INT8, 0, {0.05f}, {-3}, 0, {}});
    m.ops.push_back({m.code(TRANSPOSE), {0, 1}, {2}, TransposeOptions, true, {}});
    m.inputs = {0};
    m.outputs = {2};
    return m;
}

}  // namespace

TEST_CASE("transpose: NCHW -> NHWC converts, with or without TransposeOptions") {
    const auto r = convert(build(transpose_model({1, 3, 4, 5}, {0, 2, 3, 1}, {1, 4, 5, 3})));
    INFO("stderr: " << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("ctnn::layers::transpose<ctnn::permutation<0, 2, 3, 1>>") != std::string::npos);
    auto bare = transpose_model({2, 3}, {1, 0}, {3, 2});
    bare.ops[0].options_type = 0;
    bare.ops[0].has_options = false;
    CHECK(convert(build(bare)).status == 0);
    CHECK(convert(build(transpose_model({2, 1, 3, 1, 2}, {4, 3, 2, 1, 0}, {2, 1, 3, 1, 2}))).status == 0);
}

TEST_CASE("transpose: rank, permutation and output rules") {
    expect_rejected(transpose_model({1, 2, 1, 2, 1, 2}, {0, 1, 2, 3, 4, 5}, {1, 2, 1, 2, 1, 2}),
                    "operator #0 TRANSPOSE: input tensor 'x' has rank 6; TFLite Micro transposes tensors of rank 1 to 5");
    expect_rejected(transpose_model({2, 3, 4}, {0, 1}, {2, 3, 4}),
                    "operator #0 TRANSPOSE: permutation tensor 'perm' has shape 2; expected 3 (one entry per input dimension)");
    expect_rejected(transpose_model({2, 3, 4}, {0, 3, 1}, {2, 3, 4}),
                    "operator #0 TRANSPOSE: permutation tensor 'perm' [0, 3, 1] has entry 3 at position 1; entries must be in [0, 3)");
    expect_rejected(transpose_model({2, 3, 4}, {0, -1, 1}, {2, 3, 4}),
                    "operator #0 TRANSPOSE: permutation tensor 'perm' [0, -1, 1] has entry -1 at position 1; entries must be in [0, 3)");
    expect_rejected(transpose_model({2, 3, 3}, {0, 1, 1}, {2, 3, 3}),
                    "operator #0 TRANSPOSE: permutation tensor 'perm' [0, 1, 1] names an input dimension twice; ctnn needs each of 0 .. 2 exactly once");
    expect_rejected(transpose_model({2, 3, 4}, {2, 0, 1}, {2, 3, 4}),
                    "operator #0 TRANSPOSE: output tensor 'y' has shape 2x3x4, but the computed shape is 4x2x3");
    auto requant = transpose_model({2, 3}, {1, 0}, {3, 2});
    requant.tensors[2].scale = {0.1f};
    expect_rejected(requant, "operator #0 TRANSPOSE: input and output quantization differ (scale 0.0500000007 zp -3 vs scale 0.100000001 zp -3); ctnn requires them equal");
    auto options = transpose_model({2, 3}, {1, 0}, {3, 2});
    options.ops[0].options_type = AddOptions;
    expect_rejected(options, "operator #0 TRANSPOSE: builtin options are AddOptions; expected TransposeOptions");
    auto variable = transpose_model({2, 3}, {1, 0}, {3, 2});
    variable.tensors[1].buffer = 0;
    expect_rejected(variable, "operator #0 TRANSPOSE: permutation tensor 'perm' is not a constant; ctnn needs it at compile time");
}
