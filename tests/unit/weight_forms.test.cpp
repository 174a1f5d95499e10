// Weight forms (kernels/weight_forms/): the same layers stored dense, sparse or as 4-bit codes
// give the reference kernels' results bit for bit, each form stores what its layout says, and
// the choice follows ctnn::with_sparsity (the model: weight_forms_model.hpp).
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "ctnn/ctnn.hpp"
#include "weight_forms_model.hpp"


using namespace std::string_view_literals;

// The layers' forms with `force` do not depend on the kernel set (bytes decide), nor with `off`.
static_assert(forms::smallest::layer_weight_forms[0] == "nibbles"sv);  // int4: half a byte a weight
static_assert(forms::smallest::layer_weight_forms[1] == "nibbles"sv);  // 12 values a channel: codes + table
static_assert(forms::smallest::layer_weight_forms[2] == "bitmap"sv);   // 75 % zeros: a mask bit a weight, a byte a non-zero
static_assert(forms::smallest::layer_weight_forms[3] == "bitmap"sv);
static_assert(forms::smallest::layer_weight_forms[4] == ""sv);  // the reshape has no weights
static_assert(forms::smallest::layer_weight_forms[5] == "sparse"sv);   // 94 % zeros: two bytes a non-zero beat the mask
static_assert(forms::smallest::layer_weight_forms[6] == "nibbles"sv);  // 16 values in the tensor: one table
static_assert(forms::smallest::layer_weight_forms[7] == "bitmap"sv);   // zero channels, a zero column, 2:4
static_assert(forms::dense::layer_weight_forms[0] == "dense"sv && forms::dense::layer_weight_forms[7] == "dense"sv);
static_assert(forms::smallest::arena_bytes == forms::dense::arena_bytes);
// `automatic` keeps int4 weights packed on every set; clustered int8 ones it leaves dense
// (decoding a table is slower than the dense kernel).
static_assert(forms::net::layer_weight_forms[0] == "nibbles"sv);
static_assert(forms::net::layer_weight_forms[1] == "dense"sv && forms::net::layer_weight_forms[6] == "dense"sv);

// What each form stores, from its layout (kernels/weight_forms/): int4 codes only; clustered
// codes and a 16-byte table a channel, or one table for the tensor.
namespace wf = ctnn::kernels::weight_forms;
using conv_a_spec = forms::net::layer_at<1>::spec;
using conv_b_spec = forms::net::layer_at<2>::spec;
using fc_b_spec = forms::net::layer_at<7>::spec;
static_assert(sizeof(wf::conv2d_nibbles<conv_a_spec>) == 16 * 36);
static_assert(sizeof(wf::conv2d_nibbles<conv_b_spec>) == 24 * 72 + 24 * 16);
static_assert(sizeof(wf::fc_nibbles<fc_b_spec>) == 64 * 20 + 16);
static_assert(wf::conv2d_nibble_census<conv_a_spec>.int4_range);
static_assert(wf::conv2d_nibble_census<conv_b_spec>.max_distinct == 12);
static_assert(wf::fc_nibble_census<fc_b_spec>.tensor_distinct == 16);

// Sparse: two bytes a stored weight, two a channel (its pair count), an odd channel padded;
// a zero channel stores nothing. The last fc: channels 2 and 7 are zero, the others keep the
// taps t % 4 < 2, 32 of 64 weights, none more than 3 apart: 16 pairs each.
using fc_c_spec = forms::net::layer_at<8>::spec;
static_assert(wf::fc_census<fc_c_spec>.zero_channels == 2);
static_assert(wf::fc_census<fc_c_spec>.nonzero == 8 * 32);
static_assert(wf::fc_census<fc_c_spec>.pairs == 8 * 16);
static_assert(sizeof(wf::fc_rows<fc_c_spec>) == 8 * 16 * 4 + 10 * 2);
// Bitmap: 64 taps are 8 mask bytes a channel, then the 256 non-zero weights, a byte each.
static_assert(sizeof(wf::fc_bitmap<fc_c_spec>) == 10 * 8 + 8 * 32);

namespace {
template <class Model>
std::vector<std::int8_t> run(const std::array<std::int8_t, 288>& x, bool reference = false) {
    static typename Model::instance net;
    std::memcpy(net.input().data(), x.data(), x.size());
    if (reference) net.invoke_reference();
    else net.invoke();
    return {net.output().begin(), net.output().end()};
}
}  // namespace

TEST_CASE("every weight form gives the reference kernels' outputs bit for bit") {
    std::uint32_t s = 2024;
    for (int trial = 0; trial < 16; ++trial) {
        std::array<std::int8_t, 288> x{};
        for (auto& v : x) v = static_cast<std::int8_t>(forms::next(s) & 0xff);
        const auto want = run<forms::dense>(x, true);
        CHECK(run<forms::dense>(x) == want);
        CHECK(run<forms::smallest>(x) == want);
        CHECK(run<forms::net>(x) == want);  // automatic: whatever this build's set takes
    }
}

TEST_CASE("the smallest forms link fewer bytes than dense int8 weights, by what their layouts store") {
    // conv_a: 16 x 72 int8 weights -> 16 x 36 code bytes.
    CHECK(forms::dense::layer_flash_bytes[0] - forms::smallest::layer_flash_bytes[0] >= 16 * 72 - 16 * 36);
    CHECK(forms::smallest::flash_bytes < forms::dense::flash_bytes);
}
