// UNIDIRECTIONAL_SEQUENCE_LSTM on an input whose last dimension is not the weights' input size
// (4): the layer refuses it with the shapes in the message. The twin's input is 1x3x4.
#include "fail_support.hpp"

struct lstm_w {
    static constexpr int units = 2, input_size = 4;
    static constexpr bool time_major = false;
    static constexpr float cell_clip = 0.0f;
    struct hidden_quant { static constexpr float scale = 0.0078125f; static constexpr std::int32_t zero_point = 0; };
    static constexpr float cell_scale = 1.0f / 2048.0f;
    static constexpr float input_weight_scales[4] = {0.01f, 0.01f, 0.01f, 0.01f};
    static constexpr float recurrent_weight_scales[4] = {0.01f, 0.01f, 0.01f, 0.01f};
    static constexpr std::int8_t input_weights[4 * 2 * 4] = {1, 2, 3};
    static constexpr std::int8_t recurrent_weights[4 * 2 * 2] = {4, 5, 6};
    static constexpr std::int32_t bias[4 * 2] = {7, 8};
};
#ifdef CTNN_EXPECT_FAIL
using in_shape = ctnn::shape<1, 3, 5>;
#else
using in_shape = ctnn::shape<1, 3, 4>;
#endif
using model = ctnn::sequential<ctnn::input<in_shape, fail::q>, ctnn::layers::unidirectional_sequence_lstm<lstm_w, lstm_w::hidden_quant>>;
static_assert(model::output_size == 6);
static_assert(model::state_bytes >= 6);
