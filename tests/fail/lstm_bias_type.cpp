// UNIDIRECTIONAL_SEQUENCE_LSTM with int16 activations and int32 gate biases: TFLM's 16x8 LSTM
// takes int64 biases, and the layer names both types. The twin's biases are int64.
#include "fail_support.hpp"

struct q16 {
    using element = std::int16_t;
    static constexpr float scale = 1.0f / 4096.0f;
    static constexpr std::int32_t zero_point = 0;
};
#ifdef CTNN_EXPECT_FAIL
using bias_t = std::int32_t;
#else
using bias_t = std::int64_t;
#endif
struct lstm_w {
    static constexpr int units = 2, input_size = 3;
    static constexpr bool time_major = false;
    static constexpr float cell_clip = 0.0f;
    struct hidden_quant { static constexpr float scale = 1.0f / 32768.0f; static constexpr std::int32_t zero_point = 0; };
    static constexpr float cell_scale = 1.0f / 2048.0f;
    static constexpr float input_weight_scales[4] = {0.01f, 0.01f, 0.01f, 0.01f};
    static constexpr float recurrent_weight_scales[4] = {0.01f, 0.01f, 0.01f, 0.01f};
    static constexpr std::int8_t input_weights[4 * 2 * 3] = {1, 2, 3};
    static constexpr std::int8_t recurrent_weights[4 * 2 * 2] = {4, 5, 6};
    static constexpr bias_t bias[4 * 2] = {7, 8};
};
struct out16 {
    using element = std::int16_t;
    static constexpr float scale = 1.0f / 32768.0f;
    static constexpr std::int32_t zero_point = 0;
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 4, 3>, q16>, ctnn::layers::unidirectional_sequence_lstm<lstm_w, out16>>;
static_assert(model::output_size == 8);
static_assert(model::state_bytes >= 2 * 2 * 2);
