// Graphs beyond one input and one output (graph/sources.hpp), and operators mapped to user
// layers (custom_ops.hpp): what the converter writes for them, and what it rejects.
#include <doctest/doctest.h>

#include "run_converter.hpp"
#include "tflite_builder.hpp"

using namespace test_tflite;
using test_run::convert;

namespace {

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// a, b: inputs [1, 4]; s = a + b; t = s + c (c constant); outputs t, s.
model two_inputs_model() {
    model m;
    m.add_tensor({"a", {1, 4}, INT8, 0, {0.5f}, {1}, 0, {}});                                                         // 0
    m.add_tensor({"b", {1, 4}, INT8, 0, {0.25f}, {-2}, 0, {}});                                                       // 1
    m.add_tensor({"c", {1, 4}, INT8, m.add_buffer(std::vector<std::int8_t>{1, -2, 3, -128}), {0.125f}, {0}, 0, {}});  // 2
    m.add_tensor({"s", {1, 4}, INT8, 0, {0.5f}, {0}, 0, {}});                                                         // 3
    m.add_tensor({"t", {1, 4}, INT8, 0, {1.0f}, {3}, 0, {}});                                                         // 4
    op add1{m.code(ADD), {0, 1}, {3}, AddOptions, true, {}};
    add1.options.scalar<std::int8_t>(0, NONE);
    op add2{m.code(ADD), {3, 2}, {4}, AddOptions, true, {}};
    add2.options.scalar<std::int8_t>(0, NONE);
    m.ops = {add1, add2};
    m.inputs = {0, 1};
    m.outputs = {4, 3};
    return m;
}

}  // namespace

TEST_CASE("graphs: two inputs, a constant operand, two outputs") {
    const auto r = convert(build(two_inputs_model()));
    REQUIRE(r.status == 0);
    const std::string& h = r.out;
    CHECK(contains(h, "// tensor 0: model input 0 1x4 int8\n    ctnn::input<ctnn::shape<1, 4>, q::t0>,"));
    CHECK(contains(h, "// tensor 1: model input 1 1x4\n    ctnn::input<ctnn::shape<1, 4>, q::t1>,"));
    CHECK(contains(h, "ctnn::node<ctnn::layers::add<q::t2, ctnn::act::none>, 0, 1>,"));
    // The constant comes just before the operator that reads it; its values are in w::.
    CHECK(contains(h, "// tensor 3: constant 1x4 'c', read by operator #1\n    ctnn::constant<ctnn::shape<1, 4>, q::t3, w::c3>,"));
    CHECK(contains(h, "struct c3 {\n    static constexpr std::int8_t values[4] = {\n        1, -2, 3, -128,\n    };\n};"));
    CHECK(contains(h, "ctnn::node<ctnn::layers::add<q::t4, ctnn::act::none>, 2, 3>,"));
    CHECK(contains(h, "ctnn::outputs<4, 2>\n> {"));
    CHECK(contains(h, "static constexpr int tflite_tensors[5] = {0, 1, 3, 2, 4};"));

    const auto s = convert(build(two_inputs_model()), {"--summary"});
    REQUIRE(s.status == 0);
    CHECK(contains(s.out, "input 0: tensor 0, 1x4 int8 (4 bytes) at arena offset "));
    CHECK(contains(s.out, "input 1: tensor 1, 1x4 int8 (4 bytes) at arena offset "));
    CHECK(contains(s.out, "output 0: tensor 4, 1x4 int8 (4 bytes)\noutput 1: tensor 2, 1x4 int8 (4 bytes)\n"));
    CHECK(contains(s.out, "total: 2 layers,"));
}

TEST_CASE("graphs: a constant operand of another type is named") {
    model m = two_inputs_model();
    m.tensors[2].type = INT32;
    m.buffers[m.tensors[2].buffer] = std::vector<std::uint8_t>(16, 0);
    const auto r = convert(build(m));
    CHECK(r.status == 2);
    CHECK(contains(r.err, "operator #1 ADD: tensor 'c' is int32; expected int8"));
}

namespace {
model custom_model(std::vector<std::uint8_t> options) {
    model m;
    m.add_tensor({"x", {1, 3}, INT8, 0, {0.5f}, {0}, 0, {}});
    m.add_tensor({"y", {1, 3}, INT8, 0, {0.25f}, {7}, 0, {}});
    m.opcodes.push_back({CUSTOM, -1, "MY_OP"});
    op o{0, {0}, {1}, 0, false, {}};
    o.custom_options = std::move(options);
    m.ops = {o};
    m.inputs = {0};
    m.outputs = {1};
    return m;
}
}  // namespace

TEST_CASE("custom operators: mapped to a user layer, its options passed through") {
    const auto plain = convert(build(custom_model({9, 200})));
    CHECK(plain.status == 2);
    CHECK(contains(plain.err, "operator #0 CUSTOM: unsupported custom operator 'MY_OP'; supported: "));
    CHECK(contains(plain.err, "map it to a layer of your own with --custom MY_OP=TYPE (docs/custom-operators.md)"));

    const auto r = convert(build(custom_model({9, 200})), {"--custom", "MY_OP=user::my_layer", "--include", "user/my_layer.hpp"});
    REQUIRE(r.status == 0);
    CHECK(contains(r.out, "#include \"user/my_layer.hpp\"  // user layers (ctnn-convert --custom)\n"));
    CHECK(contains(r.out, "ctnn::node<user::my_layer<w::op1>, 0>"));
    CHECK(contains(r.out, "    struct quant { static constexpr float scale = 0.25f; static constexpr std::int32_t zero_point = 7; };\n"
                          "    using output = ctnn::tensor_type<ctnn::shape<1, 3>, quant>;\n"
                          "    static constexpr const char* custom_code = \"MY_OP\";\n"
                          "    static constexpr std::size_t options_size = 2;\n"));
    CHECK(contains(r.out, "        9, 200,\n"));
}

TEST_CASE("custom operators: bad mappings are command-line errors") {
    const auto bytes = build(custom_model({}));
    const auto no_eq = convert(bytes, {"--custom", "MY_OP"});
    CHECK(no_eq.status == 2);
    CHECK(contains(no_eq.err, "custom operator mapping 'MY_OP' is not OP=TYPE"));
    const auto bad_type = convert(bytes, {"--custom", "MY_OP=my layer"});
    CHECK(bad_type.status == 2);
    CHECK(contains(bad_type.err, "'my layer' is not a C++ type name"));
}
