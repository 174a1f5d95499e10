// Sweep generators of the int16 ("16x8") pooling, data movement and type conversion: each int8
// generator's model with its activations made int16 (zero point 0; constant int8 operands, such
// as PADV2's value, scaled by 256), and QUANTIZE / DEQUANTIZE between int16, int32 and the other
// types TFLM converts.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "sweep_graphs.hpp"
#include "sweep_movement.hpp"
#include "sweep_random.hpp"
#include "sweep_reduce.hpp"
#include "sweep_shape_ops.hpp"
#include "sweep_transpose.hpp"
#include "sweep_weighted.hpp"

namespace sweep {

// The same model with every int8 tensor int16: zero point 0, the scale kept; an int8 constant's
// values times 256 (the int16 range, ends included up to 32512).
inline drawn_model with_int16_activations(drawn_model d) {
    for (tensor& t : d.m.tensors) {
        if (t.type != INT8) continue;
        t.type = INT16;
        for (auto& zp : t.zero_point) zp = 0;
        if (t.buffer == 0) continue;
        const std::vector<std::uint8_t> bytes = d.m.buffers[t.buffer];
        std::vector<std::int16_t> wide;
        for (const std::uint8_t b : bytes) wide.push_back(static_cast<std::int16_t>(static_cast<std::int8_t>(b) * 256));
        std::vector<std::uint8_t>& out = d.m.buffers[t.buffer];
        out.resize(wide.size() * 2);
        if (!wide.empty()) std::memcpy(out.data(), wide.data(), out.size());
    }
    d.text += " (int16)";
    return d;
}

inline const char* type_text(std::int8_t t) {
    switch (t) {
        case INT8: return "int8";
        case UINT8: return "uint8";
        case INT16: return "int16";
        case INT32: return "int32";
        case FLOAT32: return "float32";
        default: return "?";
    }
}

// QUANTIZE into or out of int16 and int32: float32 -> int16, int8 -> int16 / int32, int16 ->
// int8 / int16 / int32, int32 -> int8 / int16 (TFLM's Requantize with the multiplier
// QuantizeMultiplier(s_in / s_out)). The scales keep s_in / s_out below 2^30; int32 sides get
// scales around the int16 side's times 2^-16 .. 2^-8, as a 16x8 model's int32 edges have.
inline drawn_model quantize_int16(rng& r) {
    drawn_model d;
    model& m = d.m;
    const int pair = r.uniform(0, 7);
    static constexpr std::int8_t ins[] = {FLOAT32, INT8, INT8, INT16, INT16, INT16, INT32, INT32};
    static constexpr std::int8_t outs[] = {INT16, INT16, INT32, INT8, INT16, INT32, INT8, INT16};
    const std::int8_t in_type = ins[pair], out_type = outs[pair];
    std::vector<std::int32_t> shape = random_dims(r, r.uniform(1, 4), 6);
    if (r.chance(0.2)) shape.back() = r.uniform(16, 70);
    const float s_in = activation_scale(r);
    const double ratio_exp = in_type == INT32 ? -16.0 + 8.0 * r.unit() : out_type == INT32 ? 8.0 + 8.0 * r.unit() : -8.0 + 16.0 * r.unit();
    float s_out = static_cast<float>(s_in * std::exp2(-ratio_exp));
    if (in_type != INT32 && out_type != INT32 && r.chance(0.15)) s_out = s_in;
    const std::int32_t zp_in_draw = zero_point(r);
    const std::int32_t zp_out_draw = zero_point(r);
    const std::int32_t zp_in = in_type == INT8 ? zp_in_draw : 0;
    const std::int32_t zp_out = out_type == INT8 ? zp_out_draw : 0;
    if (in_type == FLOAT32) {
        d.float_input = true;
        d.input_scale = r.chance(0.5) ? s_out : s_out * 128.0f;  // ties on the grid, or values out to saturation
        d.input_zero_point = 0;
        m.add_tensor({"input", shape, FLOAT32, 0, {}, {}, 0, {}});
    } else {
        m.add_tensor({"input", shape, in_type, 0, {s_in}, {zp_in}, 0, {}});
    }
    m.add_tensor({"output", shape, out_type, 0, {s_out}, {zp_out}, 0, {}});
    const bool options = r.chance(0.5);
    m.ops.push_back({m.code(QUANTIZE), {0}, {1}, options ? QuantizeOptions : std::uint8_t{0}, options, {}});
    m.inputs = {0};
    m.outputs = {1};
    d.text = std::string(type_text(in_type)) + " -> " + type_text(out_type) + " " + dims_text(shape) +
             (in_type == FLOAT32 ? std::string() : " scale " + scale_text(s_in) + " zp " + std::to_string(zp_in)) + " -> scale " + scale_text(s_out) +
             " zp " + std::to_string(zp_out);
    return d;
}

inline drawn_model dequantize_int16(rng& r) {
    drawn_model d;
    model& m = d.m;
    const auto shape = random_dims(r, r.uniform(1, 4), 6);
    const float s = activation_scale(r);
    m.add_tensor({"input", shape, INT16, 0, {s}, {0}, 0, {}});
    m.add_tensor({"output", shape, FLOAT32, 0, {}, {}, 0, {}});
    m.ops.push_back({m.code(DEQUANTIZE), {0}, {1}, 0, false, {}});
    m.inputs = {0};
    m.outputs = {1};
    d.text = "int16 " + dims_text(shape) + " scale " + scale_text(s) + " -> float32";
    return d;
}

}  // namespace sweep
