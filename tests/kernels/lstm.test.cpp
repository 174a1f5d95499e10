// UNIDIRECTIONAL_SEQUENCE_LSTM's pieces, hand-worked: the int16 sigmoid and tanh (TFLite's
// table with interpolation, checked against TFLM's LOGISTIC and TANH int16; the table itself was
// generated at compile time, see kernels/reference/logistic_tanh_s16.hpp), the Prepare-time derivations (cell scale power,
// the tanh shift, the quantized cell clip) and one cell/hidden update worked through by hand.
#include <doctest/doctest.h>

#include <cstdint>

#include "ctnn/kernels/reference/lstm_s8.hpp"

using namespace ctnn::kernels;

TEST_CASE("lstm: int16 sigmoid and tanh on Q3.12 inputs") {
    // 0 -> 1/2 and 0; +-1.0 (4096): table entry 24 (sigmoid) and 48 (tanh), no interpolation.
    CHECK(sigmoid_table_u16[24] == 47911);
    CHECK(lstm_sigmoid_s16(0) == 16384);
    CHECK(lstm_tanh_s16(0) == 0);
    CHECK(lstm_sigmoid_s16(4096) == 23956);   // (47911 * 512 + 512) >> 10: sigmoid(1) = 0.73106
    CHECK(lstm_sigmoid_s16(-4096) == 8812);   // (2^25 - 47911 * 512 + 511) >> 10: 1 - sigmoid(1)
    CHECK(lstm_tanh_s16(4096) == 24956);      // (57724 * 256 - 2^23 + 128) >> 8: tanh(1) = 0.76159
    CHECK(lstm_tanh_s16(-4096) == -24956);    // (-57724 * 256 + 2^23 + 127) >> 8, an arithmetic shift
    // Interpolated (256: 3x = 768, between entries 1 and 2) and at the int16 ends: sigmoid's
    // index stays below 255 (3 x 32767 >> 9 = 191), tanh saturates to +-32767.
    CHECK(lstm_sigmoid_s16(256) == 16896);
    CHECK(lstm_sigmoid_s16(32767) == 32757);
    CHECK(lstm_sigmoid_s16(-32768) == 11);
    CHECK(lstm_sigmoid_s16(1000) == 18374);
    CHECK(lstm_sigmoid_s16(-7777) == 4268);
    CHECK(lstm_tanh_s16(256) == 2045);
    CHECK(lstm_tanh_s16(32767) == 32767);
    CHECK(lstm_tanh_s16(-32768) == -32767);
    CHECK(lstm_tanh_s16(1000) == 7845);
    CHECK(lstm_tanh_s16(-7777) == -31330);
    // Every value above is TFLM's: LOGISTIC and TANH int16 at input scale 2^-12 (the LSTM's gates'
    // configuration: multiplier 3, no shift), run through tflm_ref on these eight inputs.
}

TEST_CASE("lstm: Prepare's cell scale power, tanh shift and quantized clip") {
    CHECK(lstm_rounded_log2(1.0f / 2048.0f) == -11);
    CHECK(lstm_rounded_log2(0.0003f) == -12);  // 2^-11.70: rounds to -12 (TFLM uses it even so)
    CHECK(lstm_rounded_log2(0.0004f) == -11);  // 2^-11.29
    // The cell's tanh: 2^p -> Q3.12 is a left shift of 12 + p, or x 3 >> -(12 + p).
    CHECK(lstm_cell_tanh_scaling(-11).multiplier == 0);
    CHECK(lstm_cell_tanh_scaling(-11).left_shift == 1);
    CHECK(lstm_cell_tanh_scaling(-15).multiplier == 3);
    CHECK(lstm_cell_tanh_scaling(-15).left_shift == 3);
    CHECK(lstm_cell_scale_in_range(1.0f / 2048.0f));
    CHECK_FALSE(lstm_cell_scale_in_range(8.0f));

    lstm_quantization q;
    q.input_scale = 0.05f;
    q.hidden_scale = 1.0f / 128.0f;
    q.cell_scale = 1.0f / 2048.0f;
    q.cell_clip = 10.0f;  // 10 * 2048
    CHECK(make_lstm_params(1, 1, 1, 1, false, q).clip);
    CHECK(make_lstm_params(1, 1, 1, 1, false, q).cell_clip == 20480);
    q.cell_clip = 100.0f;  // clamped to int16
    CHECK(make_lstm_params(1, 1, 1, 1, false, q).cell_clip == 32767);
    q.cell_clip = 0.0001f;  // 0.2048, truncated: clipping on, to 0
    CHECK(make_lstm_params(1, 1, 1, 1, false, q).clip);
    CHECK(make_lstm_params(1, 1, 1, 1, false, q).cell_clip == 0);
    q.cell_clip = 0.0f;
    CHECK_FALSE(make_lstm_params(1, 1, 1, 1, false, q).clip);
    // forget x cell -> cell: 2^-15 exactly (multiplier 2^30, shift -14).
    CHECK(make_lstm_params(1, 1, 1, 1, false, q).forget_cell.multiplier == (1 << 30));
    CHECK(make_lstm_params(1, 1, 1, 1, false, q).forget_cell.shift == -14);
}

TEST_CASE("lstm: one cell and hidden update by hand") {
    lstm_quantization q;
    q.hidden_scale = 1.0f / 128.0f;
    q.hidden_zero_point = 0;
    q.cell_scale = 1.0f / 2048.0f;
    const lstm_params p = make_lstm_params(1, 1, 1, 1, false, q);
    // c = 1.0 (2048), f = i = 1/2 (16384), g = tanh(1) (24956):
    // f * c = 2048 * 16384 * 2^-15 = 1024; i * g * 2^-30 * 2048 = 16384 * 24956 / 2^19 = 779.875 -> 780.
    const std::int16_t c = detail::lstm_cell_update(2048, 16384, 16384, 24956, p);
    CHECK(c == 1024 + 780);
    // h = tanh(c) * o at 1/128: c = 1804 / 2048 = 0.8809 (Q3.12: 3608), o = 1/2.
    const std::int16_t t = lstm_tanh_s16(1804, p.cell_tanh);
    CHECK(t == lstm_tanh_s16(3608));
    CHECK(detail::lstm_hidden(1804, 16384, p) == static_cast<std::int8_t>((t * 16384 + (1 << 22)) >> 23));
}
