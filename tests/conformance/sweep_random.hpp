// The conformance sweep's random stream and the draws every generator shares: quantization
// (activation scales from 2^-12 to 2^2, zero points at the int8 extremes), fused activations,
// shapes with size-1 dimensions, and the text of cases.txt (tests/data/conformance/README.md).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "../converter/tflite_builder.hpp"

namespace sweep {

// The schema's TensorType INT64 (the 16x8 operators' and int16 LSTM's bias).
inline constexpr std::int8_t INT64_TENSOR = 4;

using namespace test_tflite;

// splitmix64: a seeded stream, identical on every platform.
class rng {
  public:
    explicit rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int uniform(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }  // [lo, hi]
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }                                        // [0, 1)
    bool chance(double p) { return unit() < p; }
    float log_uniform(double lo_exp, double hi_exp) { return static_cast<float>(std::exp2(lo_exp + (hi_exp - lo_exp) * unit())); }
    template <class T>
    T pick(std::initializer_list<T> values) {
        return *(values.begin() + uniform(0, static_cast<int>(values.size()) - 1));
    }

  private:
    std::uint64_t state_;
};

// A generated model and a one-line description of what was drawn (for cases.txt).
struct drawn_model {
    model m;
    std::string text;
    bool float_input = false;  // QUANTIZE: the input records are float32 values on the scale's grid
    bool uint8_input = false;  // uint8 records: uniform, and mostly 0 and 255 in record 1
    bool int16_input = false;  // int16 records: uniform, and mostly -32768 and 32767 in record 1
    float input_scale = 1.0f;
    int input_zero_point = 0;
};

inline std::int32_t zero_point(rng& r) {
    if (r.chance(0.2)) return -128;
    if (r.chance(0.15)) return 127;
    if (r.chance(0.1)) return 0;
    return r.uniform(-128, 127);
}
inline float activation_scale(rng& r) { return r.log_uniform(-12, 2); }

inline std::int8_t fused_activation(rng& r) {
    constexpr std::int8_t RELU_N1_TO_1 = 2;
    return r.pick<std::int8_t>({NONE, NONE, RELU, RELU6, RELU_N1_TO_1});
}
inline const char* activation_text(std::int8_t a) {
    switch (a) {
        case NONE: return "none";
        case RELU: return "relu";
        case 2: return "relu_n1_to_1";
        case RELU6: return "relu6";
        default: return "?";
    }
}

// A list as text: dims_text({1, 2}) = "1x2", with "," between: "1,2".
inline std::string join(const std::vector<std::int32_t>& d, const char* between) {
    std::string s;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i > 0) s += between;
        s += std::to_string(d[i]);
    }
    return s;
}
inline std::string dims_text(const std::vector<std::int32_t>& d) { return d.empty() ? "scalar" : join(d, "x"); }

inline std::vector<std::int32_t> random_dims(rng& r, int rank, int max_dim) {
    std::vector<std::int32_t> s;
    for (int i = 0; i < rank; ++i) s.push_back(r.chance(0.2) ? 1 : r.uniform(1, max_dim));
    return s;
}

// A random shape of rank 1-4 with the given element count.
inline std::vector<std::int32_t> factor_shape(rng& r, int elements) {
    const int rank = r.uniform(1, 4);
    std::vector<std::int32_t> s(static_cast<std::size_t>(rank), 1);
    int left = elements;
    for (int i = 0; i < rank - 1; ++i) {
        std::vector<int> divisors;
        for (int k = 1; k <= left; ++k)
            if (left % k == 0) divisors.push_back(k);
        const int k = divisors[static_cast<std::size_t>(r.uniform(0, static_cast<int>(divisors.size()) - 1))];
        s[static_cast<std::size_t>(i)] = k;
        left /= k;
    }
    s.back() = left;
    return s;
}

}  // namespace sweep
