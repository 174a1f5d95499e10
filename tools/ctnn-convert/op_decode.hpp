// TFLM's compressed models: the DECODE operator (custom code "TFLM_DECODE") whose decode type
// is the look-up table (LUT). The converter evaluates it at conversion time, so the weights and
// biases it feeds become ordinary constants and the operator leaves the graph; ctnn then
// chooses its own storage for them (docs/weight-forms.md). docs/tflite-to-firmware.md lists
// what is accepted and why the rest is refused.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "tflite_model.hpp"

namespace ctnn_convert {

inline constexpr const char* decode_custom_code = "TFLM_DECODE";

// The dense tensor, as TFLM's LUT decoder writes it, of `count` elements of `element_bytes`
// each, from the bit-packed indices `encoded` and `ancillary` (the 16-byte DECODE common
// metadata, then the value tables). `channels` tables (1: one for the whole tensor); they run
// along the first axis (channel c owns elements [c*count/channels, (c+1)*count/channels)), or,
// with `channels_last`, along the last (element e belongs to channel e % channels).
// Throws convert_error naming the rule broken.
std::vector<std::uint8_t> decode_lut(std::span<const std::uint8_t> encoded, std::span<const std::uint8_t> ancillary, std::size_t count,
                                     std::size_t channels, bool channels_last, std::size_t element_bytes);

bool has_decode(const tfl_model& m);

// `m` with every DECODE evaluated: each output gets a buffer of its decoded values and each
// DECODE operator is marked `folded` (the lowering skips it; operator numbers stay the file's).
// Throws convert_error "operator #K TFLM_DECODE: ..." for anything it cannot do exactly.
tfl_model fold_decode(const tfl_model& m);

}  // namespace ctnn_convert
