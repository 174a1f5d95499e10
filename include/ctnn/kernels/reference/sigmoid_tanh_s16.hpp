// TFLite's int16 sigmoid and tanh (reference_integer_ops::Logistic / Tanh, int16 branch): a
// 256-entry table of sigmoid over [0, 10.7) in steps of 1/24, read with linear interpolation;
// tanh(x) = 2 sigmoid(2x) - 1 reads the same table at twice the resolution. The input is scaled
// by `multiplier` (3 << left_shift when the caller passes 0: the power-of-two case) and rounded
// right by `left_shift`, as TFLite does. The LSTM's gates (Q3.12 in, Q0.15 out) and its cell
// state's tanh use these.
#pragma once

#include <array>
#include <cstdint>

namespace ctnn::kernels {

// 65536 sigmoid(i / 24) as TFLite tabulates it (not every entry is the nearest
// integer, so they are data, not a formula). Read back from TFLM itself: tflm_ref on a TANH
// int16 model over 256 inputs at scale 1/6144 (input 128 i hits entry i exactly: its output is
// entry i - 32768); the last entry from the interpolated input 32639.
inline constexpr std::array<std::uint16_t, 256> sigmoid_table_u16 = {
    32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149, 40794, 41432, 42064, 42688,
    43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409,
    51865, 52311, 52745, 53169, 53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
    57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370, 60565, 60753, 60935, 61110,
    61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302, 62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186,
    63279, 63368, 63454, 63536, 63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
    64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786, 64816, 64845, 64873, 64900,
    64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079, 65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208,
    65221, 65234, 65246, 65258, 65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
    65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433, 65438, 65442, 65445, 65449,
    65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474, 65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491,
    65493, 65495, 65497, 65498, 65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
    65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523, 65523, 65524, 65524,
    65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530,
    65530, 65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
    65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65534, 65535,
};

struct s16_activation_scaling {
    std::int32_t multiplier = 0;  // 0: 3 << left_shift
    int left_shift = 0;
};

namespace detail {
constexpr std::int32_t scale_s16_input(std::int16_t x, s16_activation_scaling s) noexcept {
    std::int32_t m = s.multiplier;
    int shift = s.left_shift;
    if (m == 0) {
        m = 3 << shift;
        shift = 0;
    }
    const std::int32_t round = shift > 0 ? std::int32_t{1} << (shift - 1) : 0;
    return (std::int32_t{x} * m + round) >> shift;
}
}  // namespace detail

// Q0.15 sigmoid.
constexpr std::int16_t sigmoid_s16(std::int16_t x, s16_activation_scaling s = {}) noexcept {
    const std::int32_t v = detail::scale_s16_input(x, s);
    const std::uint32_t a = static_cast<std::uint32_t>(v < 0 ? -v : v);
    const std::uint32_t uh = a >> 9;
    std::uint32_t result;
    if (uh >= 255) {
        result = std::uint32_t{0x7FFF} << 10;
    } else {
        const std::uint32_t ua = sigmoid_table_u16[uh], ub = sigmoid_table_u16[uh + 1];
        result = (ua << 9) + (a & 0x1ff) * (ub - ua);
    }
    result = v >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
    return static_cast<std::int16_t>(result >> 10);
}

// Q0.15 tanh.
constexpr std::int16_t tanh_s16(std::int16_t x, s16_activation_scaling s = {}) noexcept {
    const std::int32_t v = detail::scale_s16_input(x, s);
    const std::uint32_t a = static_cast<std::uint32_t>(v < 0 ? -v : v);
    const std::uint32_t uh = a >> 8;
    std::int32_t result;
    if (uh >= 255) {
        result = 0xFFFF << 8;
    } else {
        const std::uint32_t ua = sigmoid_table_u16[uh], ub = sigmoid_table_u16[uh + 1];
        result = static_cast<std::int32_t>((ua << 8) + (a & 0xff) * (ub - ua));
    }
    result = v >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
    return static_cast<std::int16_t>(result >> 8);
}

}  // namespace ctnn::kernels
