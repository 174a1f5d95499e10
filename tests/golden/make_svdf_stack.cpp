// Writes the SVDF / FULLY_CONNECTED stack of keyword_scrambled_8bit (its operators 1..12, tensors
// 0..50) as a model of its own whose outputs are every one of those operators' outputs, and its
// int8 input records: TFLite's QUANTIZE int16 -> int8 (Requantize) of the model's golden inputs.
// tests/data/keyword_scrambled_8bit/README.md says how the data was made.
//
//   make_svdf_stack MODEL.tflite INPUTS.bin OUT.tflite OUT_INPUTS.bin
//
// Not part of the build (the data is committed); built by hand after the converter:
//   c++ -std=c++20 -Iinclude -Itools/ctnn-convert -Itests/converter tests/golden/make_svdf_stack.cpp
//       build/tools/ctnn-convert/libctnn_convert_core.a -o make_svdf_stack
#include <cstdio>
#include <fstream>
#include <iterator>
#include <ctnn/kernels/reference/requantize.hpp>
#include "tflite_model.hpp"
#include "tflite_builder.hpp"
using namespace ctnn_convert;
int main(int, char** argv) {
  std::ifstream f(argv[1], std::ios::binary); std::vector<std::uint8_t> b{std::istreambuf_iterator<char>(f), {}};
  auto src = read_tflite(b);
  test_tflite::model m;
  m.buffers = src.buffers;
  for (int i = 0; i <= 50; ++i) {
    auto& t = src.tensors[i];
    test_tflite::tensor o{t.name.empty() ? "t" + std::to_string(i) : t.name, t.shape, (std::int8_t)t.type, t.buffer, t.quantization->scale, t.quantization->zero_point, 0, {}};
    o.is_variable = t.is_variable;
    m.add_tensor(o);
  }
  for (int k = 1; k <= 12; ++k) {
    auto& op = src.operators[k];
    test_tflite::op o{m.code(op.builtin_code), op.inputs, op.outputs, (std::uint8_t)(op.builtin_code == 27 ? 6 : 8), true, {}};
    if (op.builtin_code == 27) o.options.scalar<std::int32_t>(0, op.options.rank).scalar<std::int8_t>(1, (std::int8_t)op.options.activation);
    else o.options.scalar<std::int8_t>(0, (std::int8_t)op.options.activation);
    m.ops.push_back(o);
  }
  m.inputs = {0}; m.outputs = {5, 8, 13, 16, 21, 24, 29, 32, 37, 42, 47, 50};
  auto bytes = test_tflite::build(m);
  std::ofstream(argv[3], std::ios::binary).write((const char*)bytes.data(), bytes.size());
  // inputs
  std::ifstream fi(argv[2], std::ios::binary); std::vector<std::uint8_t> in{std::istreambuf_iterator<char>(fi), {}};
  auto p = ctnn::kernels::make_requantize_params(src.tensors[52].quantization->scale[0], 0, src.tensors[0].quantization->scale[0],
     (int)src.tensors[0].quantization->zero_point[0], ctnn::quantized_element<std::int8_t>);
  std::vector<std::int8_t> out(in.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) { std::int16_t v = (std::int16_t)(in[2*i] | (in[2*i+1] << 8)); out[i] = ctnn::kernels::reference::requantize<std::int8_t>(p, v); }
  std::ofstream(argv[4], std::ios::binary).write((const char*)out.data(), out.size());
}
