// Reference REDUCE_MAX / REDUCE_MIN over any axes of an int8 tensor (TFLite's ReduceGeneric
// with max or min: no requantization, input and output share quantization) and ARG_MAX /
// ARG_MIN over one axis of an int8 or float32 tensor (TFLite's ArgMinMax: the index of the
// first largest or smallest value, as int32; a strict comparison, so ties keep the lower index).
#pragma once

#include <cstdint>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/reduction.hpp"

namespace ctnn::kernels::reference {

constexpr std::int8_t reduce_step(bool max, std::int8_t current, std::int8_t in) noexcept {
    return max ? (in > current ? in : current) : (in < current ? in : current);
}

constexpr void reduce_s8(const reduce_params& p, const std::int8_t* input, std::int8_t* output) noexcept {
    const int count = p.count();
    const reduction_walk walk(p.axes());
    const int outputs = p.output_count();
    for (int o = 0; o < outputs; ++o) {
        const int base = walk.kept_offset(o);
        std::int8_t value = p.max ? -128 : 127;  // TFLite's init value: the type's lowest (highest)
        for (int r = 0; r < count; ++r) value = reduce_step(p.max, value, input[base + walk.reduced_offset(r)]);
        output[o] = value;
    }
}

// int8 or float32 values (TFLM's ARG_MAX runs both).
template <class T>
constexpr void arg_s8(const arg_params& p, const T* input, std::int32_t* output) noexcept {
    for (int o = 0; o < p.outer; ++o) {
        for (int i = 0; i < p.inner; ++i) {
            const T* row = input + o * p.axis * p.inner + i;
            T best = row[0];
            std::int32_t index = 0;
            for (int a = 1; a < p.axis; ++a) {
                const T v = row[a * p.inner];
                if (p.max ? v > best : v < best) {
                    best = v;
                    index = a;
                }
            }
            output[o * p.inner + i] = index;
        }
    }
}

}  // namespace ctnn::kernels::reference
