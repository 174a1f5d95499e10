// Reference AVERAGE_POOL_2D and MAX_POOL_2D, int8 or int16 (the readable oracle; TFLite's int16
// kernels are the int8 ones on wider values).
//
// No requantization: input and output share scale and zero point. Only in-bounds taps count:
//   average: sum the values (int32), n = number of in-bounds taps,
//            avg = sum > 0 ? (sum + n/2) / n : (sum - n/2) / n   (C division, toward zero)
//   max:     the largest in-bounds value (starting from the type's lowest)
// then clamp to [act_min, act_max] (TFLite reference_integer_ops::AveragePool / MaxPool).
//
// input: in_h x in_w x channels; output: out_h x out_w x channels.
#pragma once

#include <cstdint>
#include <limits>

#include "ctnn/kernels/geometry.hpp"
#include "ctnn/kernels/reference/window.hpp"
#include "ctnn/quant/fixed_point.hpp"

namespace ctnn::kernels::reference {

template <class T>  // std::int8_t or std::int16_t
void average_pool2d(const pool_geometry& g, const T* input, T* output) {
    for (int oy = 0; oy < g.out_h; ++oy) {
        for (int ox = 0; ox < g.out_w; ++ox) {
            for (int c = 0; c < g.channels; ++c) {
                std::int32_t sum = 0;
                std::int32_t n = 0;
                for_each_tap_inside(walk_of(g), oy, ox, [&](int iy, int ix, int, int) {
                    sum += input[(iy * g.in_w + ix) * g.channels + c];
                    ++n;
                });
                // A window entirely in the padding has no value; TFLite rejects such models.
                const std::int32_t avg = n == 0 ? 0 : (sum > 0 ? (sum + n / 2) / n : (sum - n / 2) / n);
                output[(oy * g.out_w + ox) * g.channels + c] =
                    static_cast<T>(clamp(avg, g.act_min, g.act_max));
            }
        }
    }
}

template <class T>  // std::int8_t or std::int16_t
void max_pool2d(const pool_geometry& g, const T* input, T* output) {
    for (int oy = 0; oy < g.out_h; ++oy) {
        for (int ox = 0; ox < g.out_w; ++ox) {
            for (int c = 0; c < g.channels; ++c) {
                std::int32_t best = std::numeric_limits<T>::min();
                for_each_tap_inside(walk_of(g), oy, ox, [&](int iy, int ix, int, int) {
                    const std::int32_t x = input[(iy * g.in_w + ix) * g.channels + c];
                    if (x > best) best = x;
                });
                output[(oy * g.out_w + ox) * g.channels + c] =
                    static_cast<T>(clamp(best, g.act_min, g.act_max));
            }
        }
    }
}

}  // namespace ctnn::kernels::reference
