// Structure-aware libFuzzer target for the whole lowering (issue 18): every input is a list of
// edits applied to a valid seed model built in code (test_models.hpp and friends), so each run
// feeds the converter a well-formed .tflite file whose content is wrong in some way: shapes,
// types, scales, zero points, constant data, option fields, tensor indices, operator order,
// operator codes. The reader, the lowering, the header emitter, the summary and the arena SVG
// all run; anything but a convert_error (a crash, a sanitizer report, another exception, a
// hang caught by -timeout) is a bug. fuzz_reader.cpp mutates raw bytes instead.
#include <fuzzer/FuzzedDataProvider.h>

#include <cfloat>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <string>
#include <span>
#include <utility>

#include "arena_svg.hpp"
#include "cli.hpp"
#include "convert_error.hpp"
#include "edge_models.hpp"
#include "emit_header.hpp"
#include "options_model.hpp"
#include "residual_model.hpp"
#include "summary.hpp"
#include "test_models.hpp"

namespace {

using namespace test_tflite;

constexpr std::int32_t interesting_ints[] = {-2, -1, 0, 1, 2, 3, 4, 5, 7, 8, 12, 16, 255, 1000, 1 << 16, 1 << 20, 1 << 30, INT_MAX, INT_MIN};
constexpr float interesting_floats[] = {0.0f, -1.0f, 1.0f / 256.0f, 0.5f, 1.0f, 1e-12f, 1e-9f, 1e-40f, FLT_MIN, FLT_MAX, 1e30f, 1e-30f,
                                        std::numeric_limits<float>::infinity(), std::numeric_limits<float>::quiet_NaN()};
constexpr std::int8_t types[] = {FLOAT32, INT32, INT8, INT16, 3 /* UINT8 */, 4 /* INT64 */, 1 /* FLOAT16 */};
// Every operator the converter supports (operators.cpp's table), and their options types.
constexpr int opcodes[] = {ADD, AVERAGE_POOL_2D, CONV_2D, DEPTHWISE_CONV_2D, DEQUANTIZE, FULLY_CONNECTED, MAX_POOL_2D, RESHAPE, SOFTMAX, PAD, MEAN, QUANTIZE,
                           HARD_SWISH,
                           // data movement I: GATHER, SQUEEZE, STRIDED_SLICE, PADV2, SLICE, EXPAND_DIMS, MIRROR_PAD, BROADCAST_TO
                           36, 43, 45, 60, 65, 70, 100, 130,
                           // activations and unary math (op_activations.cpp): L2_NORMALIZATION, LOGISTIC, RELU, RELU6, TANH,
                           // LOG_SOFTMAX, RSQRT, LEAKY_RELU, ABS, ELU
                           11, 14, 19, 21, TANH, 50, 76, 98, 101, 111,
                           56 /* ARG_MAX */, 74 /* SUM */, 79 /* ARG_MIN */, 82 /* REDUCE_MAX */, 89 /* REDUCE_MIN */,
                           // weighted: TRANSPOSE_CONV, BATCH_MATMUL
                           67, 126};
constexpr std::uint8_t option_types[] = {0, Conv2DOptions, DepthwiseConv2DOptions, Pool2DOptions, FullyConnectedOptions, SoftmaxOptions,
                                         AddOptions, ReshapeOptions, PadOptions, ReducerOptions, QuantizeOptions, DequantizeOptions,
                                         HardSwishOptions,
                                         // GatherOptions, SqueezeOptions, StridedSliceOptions, PadV2Options, SliceOptions, ExpandDimsOptions,
                                         // MirrorPadOptions, BroadcastToOptions
                                         23, 30, 32, 43, 48, 52, 77, 104,
                                         12 /* L2NormOptions */, 36 /* LogSoftmaxOptions */, 75 /* LeakyReluOptions */, 78 /* AbsOptions */,
                                         40 /* ArgMaxOptions */, 57 /* ArgMinOptions */,
                                         // TransposeConvOptions, BatchMatMulOptions
                                         49, 101};

template <class T, std::size_t N>
T pick(FuzzedDataProvider& in, const T (&values)[N]) {
    return values[in.ConsumeIntegralInRange<std::size_t>(0, N - 1)];
}

std::int32_t any_int(FuzzedDataProvider& in) { return in.ConsumeBool() ? pick(in, interesting_ints) : in.ConsumeIntegral<std::int32_t>(); }
float any_float(FuzzedDataProvider& in) {
    if (in.ConsumeBool()) return pick(in, interesting_floats);
    const auto bits = in.ConsumeIntegral<std::uint32_t>();
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

template <class V>
std::size_t index_in(FuzzedDataProvider& in, const V& v) {
    return in.ConsumeIntegralInRange<std::size_t>(0, v.size() - 1);
}

// Sets field `id` of an options table to `value` (replacing a field of that id).
template <class T>
void set_field(test_fb::table& t, int id, T value) {
    std::erase_if(t.fields, [&](const test_fb::field& f) { return f.id == id; });
    t.scalar<T>(id, value);
}

void edit_tensor(FuzzedDataProvider& in, model& m) {
    if (m.tensors.empty()) return;
    tensor& t = m.tensors[index_in(in, m.tensors)];
    switch (in.ConsumeIntegralInRange(0, 8)) {
        case 0:
            if (!t.shape.empty()) t.shape[index_in(in, t.shape)] = any_int(in);
            break;
        case 1:
            if (t.shape.size() < 7) t.shape.push_back(in.ConsumeIntegralInRange(1, 4));
            break;
        case 2:
            if (!t.shape.empty()) t.shape.erase(t.shape.begin() + static_cast<std::ptrdiff_t>(index_in(in, t.shape)));
            break;
        case 3: t.type = pick(in, types); break;
        case 4:
            if (t.scale.empty()) t.scale.push_back(any_float(in));
            else t.scale[index_in(in, t.scale)] = any_float(in);
            break;
        case 5:
            if (in.ConsumeBool()) t.scale.resize(in.ConsumeIntegralInRange<std::size_t>(0, 8), 0.25f);
            else t.zero_point.resize(in.ConsumeIntegralInRange<std::size_t>(0, 8), 0);
            break;
        case 6:
            if (t.zero_point.empty()) t.zero_point.push_back(any_int(in));
            else t.zero_point[index_in(in, t.zero_point)] = in.ConsumeBool() ? any_int(in) : in.ConsumeIntegralInRange(-130, 130);
            break;
        case 7: t.quantized_dimension = in.ConsumeIntegralInRange(-1, 4); break;
        case 8:
            if (in.ConsumeBool()) t.shape_signature = t.shape;
            if (!t.shape_signature.empty()) t.shape_signature[index_in(in, t.shape_signature)] = in.ConsumeBool() ? -1 : any_int(in);
            break;
    }
}

void edit_buffer(FuzzedDataProvider& in, model& m) {
    if (m.buffers.size() < 2) return;  // only buffer 0, the empty one (the HARD_SWISH seed has no constants)
    auto& b = m.buffers[in.ConsumeIntegralInRange<std::size_t>(1, m.buffers.size() - 1)];
    switch (in.ConsumeIntegralInRange(0, 2)) {
        case 0:  // an int32 entry (bias, shape, paddings, axes)
            if (b.size() >= 4) {
                const std::size_t at = in.ConsumeIntegralInRange<std::size_t>(0, b.size() / 4 - 1) * 4;
                const std::int32_t v = any_int(in);
                std::memcpy(b.data() + at, &v, 4);
            }
            break;
        case 1:
            if (!b.empty()) b[index_in(in, b)] = in.ConsumeIntegral<std::uint8_t>();
            break;
        case 2: b.resize(in.ConsumeIntegralInRange<std::size_t>(0, b.size() + 8)); break;
    }
}

void edit_operator(FuzzedDataProvider& in, model& m) {
    if (m.ops.empty()) return;
    const std::size_t k = index_in(in, m.ops);
    op& o = m.ops[k];
    switch (in.ConsumeIntegralInRange(0, 8)) {
        case 0:  // an option field: ids 0-7 cover every options table ctnn reads
            if (in.ConsumeBool()) set_field<std::int32_t>(o.options, in.ConsumeIntegralInRange(0, 7), any_int(in));
            else set_field<std::int8_t>(o.options, in.ConsumeIntegralInRange(0, 7), static_cast<std::int8_t>(in.ConsumeIntegralInRange(-1, 6)));
            o.has_options = true;
            break;
        case 1:  // softmax beta
            set_field<float>(o.options, 0, any_float(in));
            o.has_options = true;
            break;
        case 2: o.options_type = pick(in, option_types); break;
        case 3:
            if (!o.inputs.empty()) o.inputs[index_in(in, o.inputs)] = in.ConsumeIntegralInRange(-1, static_cast<int>(m.tensors.size()));
            break;
        case 4:
            if (in.ConsumeBool() && !o.inputs.empty()) o.inputs.pop_back();
            else o.inputs.push_back(in.ConsumeIntegralInRange(-1, static_cast<int>(m.tensors.size()) - 1));
            break;
        case 5:
            if (!o.outputs.empty()) o.outputs[0] = in.ConsumeIntegralInRange(0, static_cast<int>(m.tensors.size()) - 1);
            break;
        case 6: o.opcode_index = m.code(pick(in, opcodes)); break;
        case 7: std::swap(m.ops[k], m.ops[index_in(in, m.ops)]); break;
        case 8:
            if (in.ConsumeBool() && m.ops.size() > 1) m.ops.erase(m.ops.begin() + static_cast<std::ptrdiff_t>(k));
            else m.ops.insert(m.ops.begin() + static_cast<std::ptrdiff_t>(index_in(in, m.ops)), m.ops[k]);
            break;
    }
}

void edit_model(FuzzedDataProvider& in, model& m) {
    switch (in.ConsumeIntegralInRange(0, 9)) {
        case 0:
        case 1:
        case 2: edit_tensor(in, m); break;
        case 3:
        case 4: edit_buffer(in, m); break;
        case 5:
        case 6:
        case 7: edit_operator(in, m); break;
        case 8: m.inputs = {in.ConsumeIntegralInRange(0, static_cast<int>(m.tensors.size()) - 1)}; break;
        case 9: m.outputs = {in.ConsumeIntegralInRange(0, static_cast<int>(m.tensors.size()) - 1)}; break;
    }
}

// x 1x3x5 -> HARD_SWISH -> y: the one operator no other seed has, so that its scale rules are
// fuzzed from a valid start.
model hard_swish_seed() {
    model m;
    m.add_tensor({"x", {1, 3, 5}, INT8, 0, {0.05f}, {-20}, 0, {}});
    m.add_tensor({"y", {1, 3, 5}, INT8, 0, {0.03f}, {-100}, 0, {}});
    m.ops.push_back({m.code(HARD_SWISH), {0}, {1}, HardSwishOptions, true, {}});
    m.inputs = {0};
    m.outputs = {1};
    return m;
}

// x uint8 1x2x6 -> QUANTIZE int8 -> ARG_MAX over axis 2 -> int32 1x2: the uint8 and int32 edges.
model type_edges_seed() {
    model m;
    m.add_tensor({"x", {1, 2, 6}, 3 /* UINT8 */, 0, {0.5f}, {128}, 0, {}});
    m.add_tensor({"q", {1, 2, 6}, INT8, 0, {0.25f}, {-3}, 0, {}});
    m.add_tensor({"axis", {1}, INT32, m.add_buffer(std::vector<std::int32_t>{-1}), {}, {}, 0, {}});
    m.add_tensor({"y", {1, 2}, INT32, 0, {}, {}, 0, {}});
    m.ops.push_back({m.code(QUANTIZE), {0}, {1}, 0, false, {}});
    op arg{m.code(56 /* ARG_MAX */), {1, 2}, {3}, 40 /* ArgMaxOptions */, true, {}};
    arg.options.scalar<std::int8_t>(0, INT32);
    m.ops.push_back(arg);
    m.inputs = {0};
    m.outputs = {3};
    return m;
}

constexpr int seed_count = 7;
model seed(int which) {
    switch (which) {
        case 0: return tiny_model();
        case 1: return edges_model();
        case 2: return options_model();
        case 3: return residual_model();
        case 4: return edge_cases_model();
        case 6: return type_edges_seed();
        default: return hard_swish_seed();
    }
}

// With CTNN_FUZZ_ACCEPTED_DIR set, every accepted model's header is written there, so that a
// run over a corpus (-runs=0) yields headers to compile: an accepted model must compile.
void keep_accepted(const std::string& header) {
    static const char* const dir = std::getenv("CTNN_FUZZ_ACCEPTED_DIR");
    if (dir == nullptr) return;
    static int count = 0;
    std::ofstream(std::string(dir) + "/accepted_" + std::to_string(count++) + ".hpp") << header;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    model m = seed(in.ConsumeIntegralInRange(0, seed_count - 1));
    const int edits = in.ConsumeIntegralInRange(0, 12);
    for (int i = 0; i < edits && in.remaining_bytes() > 0; ++i) edit_model(in, m);
    const std::vector<std::uint8_t> file = build(m);
    try {
        const auto ir = ctnn_convert::load_model(file);
        keep_accepted(ctnn_convert::emit_header(ir, "fuzz.tflite", "fuzz"));
        (void)ctnn_convert::summary_table(ir, "fuzz.tflite");
        (void)ctnn_convert::arena_svg(ir, "fuzz.tflite");
        (void)ctnn_convert::arena_svg(ir, "fuzz.tflite", true);  // the smallest-RAM plan too
    } catch (const ctnn_convert::convert_error&) {
    }
    return 0;
}
