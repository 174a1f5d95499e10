// A small hand-written classifier: 8 features -> 16 (ReLU) -> 4 -> softmax. Written the way
// the converter writes a model, so it also shows what a generated header looks like.
#pragma once

#include <cstdint>

#include <ctnn/ctnn.hpp>

namespace hello {

namespace q {
struct features { static constexpr float scale = 0.05f;      static constexpr std::int32_t zero_point = 0; };
struct hidden   { static constexpr float scale = 0.04f;      static constexpr std::int32_t zero_point = -128; };
struct logits   { static constexpr float scale = 0.1f;       static constexpr std::int32_t zero_point = 5; };
struct probs    { static constexpr float scale = 1.0f / 256; static constexpr std::int32_t zero_point = -128; };
}  // namespace q

namespace w {
struct dense1 {
    using weight_shape = ctnn::shape<16, 8>;
    static constexpr std::int8_t weights[16 * 8] = {
         12, -40,  33,   7, -18,  90, -64,  21,   -5,  61, -27,  44,  80, -11,   3, -70,
         55,  14, -93,  36,   9, -48,  72, -16,   28, -85,  47, -30,  66,   2, -57,  19,
        -99,  38,  25, -62,  41, -14,  88, -33,    6,  77, -51,  13, -24,  59,  31, -82,
         70, -21,  -8,  95, -39,  17, -66,  50,  -44,  26,  63, -75,  11, -97,  34,  58,
         15,  83, -29, -52,  46,  -3,  91, -19,  -68,  37,  20, -86,  74,  -9,  43, -26,
         -1, -56,  79,  24, -35,  67, -12,  92,   39, -77,  52,  10, -61,  84, -23,  -4,
         57,  29, -45,  68, -90,  18,  -7,  35,  -16,  49, -81,  62,  27, -38,  96, -53,
         81,  -2,  36, -73,  23,  54, -42,  -6,   -37,  71,  14, -59,  98, -20,  -49,  8,
    };
    static constexpr float weight_scales[16] = {0.010f, 0.012f, 0.009f, 0.011f, 0.010f, 0.013f, 0.008f, 0.012f,
                                                0.010f, 0.011f, 0.009f, 0.014f, 0.010f, 0.012f, 0.011f, 0.009f};
    static constexpr std::int32_t bias[16] = {120, -340, 55, 800, -90, 10, 430, -610,
                                              275, -15, 660, -205, 95, 380, -450, 30};
};
struct dense2 {
    using weight_shape = ctnn::shape<4, 16>;
    static constexpr std::int8_t weights[4 * 16] = {
         45, -23,  67,  12, -89,  34,  56, -78,  90, -11,  22, -33,  44, -55,  66, -77,
        -14,  88, -25,  39,  71, -62,  18,  53, -47,  26,  -9,  83, -36,  61, -50,  15,
         31,  -6,  74, -58,  20,  93, -41,   8,  65, -87,  49,  -2,  77, -19,  38, -64,
        -72,  51,  10, -95,  42,  -7,  85, -31,  -4,  60, -93,  28,  13, -46,  99,  -37,
    };
    static constexpr float weight_scales[1] = {0.011f};
    static constexpr std::int32_t bias[4] = {250, -120, 40, -310};
};
}  // namespace w

using model = ctnn::sequential<
    ctnn::input<ctnn::shape<1, 8>, q::features>,
    ctnn::layers::fully_connected<w::dense1, q::hidden, ctnn::act::relu>,  // 8 -> 16, per-channel
    ctnn::layers::fully_connected<w::dense2, q::logits>,                   // 16 -> 4, per-tensor
    ctnn::layers::softmax<q::probs>>;

// Fits the smallest bundled target with room to spare; a miss would stop the build here.
static_assert(ctnn::fits<model, ctnn::targets::samd21g18>);

// One input per class-ish pattern, quantized with q::features (0.05 per step).
inline constexpr std::int8_t sample[8] = {20, -10, 35, 5, -25, 60, -40, 15};

}  // namespace hello
