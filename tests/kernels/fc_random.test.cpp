// The build's FULLY_CONNECTED kernel (kernels/select.hpp: portable, or the x86_vnni set on an
// AVX-512 VNNI host) against the reference on pseudo-random data.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "ctnn/kernels/portable/fully_connected_s8.hpp"
#include "ctnn/kernels/reference/fully_connected_s8.hpp"
#include "ctnn/kernels/select.hpp"
#include "support/random_specs.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;

// Weights are a plain pointer to constant data, as the layer specs give them.
template <fully_connected_params P, std::uint32_t Seed, int ShiftLo = 0, int ShiftHi = 0>
struct random_fc_spec {
    static constexpr fully_connected_params params = P;
    static constexpr auto weight_data = test::random_int8<P.out_features * P.in_features>(Seed, -127, 127);
    static constexpr const std::int8_t* weights = weight_data.data();
    static constexpr auto bias_data = test::random_int32<P.out_features>(Seed + 101, -3000, 3000);
    static constexpr const std::int32_t* bias = bias_data.data();
    static constexpr int base_shift = test::typical_shift(P.in_features);
    static constexpr auto requant = test::random_requant<P.per_channel ? P.out_features : 1>(
        Seed + 202, base_shift - 2 + ShiftLo, base_shift + 2 + ShiftHi);
};

template <fully_connected_params P, std::uint32_t Seed, int ShiftLo = 0, int ShiftHi = 0>
void check_fc() {
    using Spec = random_fc_spec<P, Seed, ShiftLo, ShiftHi>;
    const auto in = static_cast<std::size_t>(P.batches * P.in_features);
    const auto out = static_cast<std::size_t>(P.batches * P.out_features);
    int unsaturated = 0;
    for (std::uint32_t seed = 1; seed <= 3; ++seed) {
        const std::vector<std::int8_t> buffer = test::random_input(in + 1, seed + 80);
        std::vector<std::int8_t> want(out), got(out + 2);
        reference::fully_connected_s8(P, buffer.data() + 1, Spec::weights, Spec::bias, Spec::requant.data(),
                                      want.data());
        kernel_for<op::fully_connected>::run<Spec, kernel_options{}>(buffer.data() + 1, got.data() + 1, nullptr);
        CHECK(got.front() == 0);  // nothing written outside the output
        CHECK(got.back() == 0);
        std::string mismatch;
        for (std::size_t i = 0; i < out && mismatch.empty(); ++i)
            if (got[i + 1] != want[i])
                mismatch = std::to_string(i) + ": got " + std::to_string(got[i + 1]) + ", want " +
                           std::to_string(want[i]);
        INFO("seed ", seed);
        CHECK(mismatch == "");
        for (auto v : want) unsaturated += v > P.act_min && v < P.act_max;
    }
    CHECK(unsaturated > 0);
}

TEST_CASE("fully_connected_s8 portable == reference") {
    SUBCASE("640 -> 128 (AD encoder), per tensor") {
        check_fc<fully_connected_params{.in_features = 640, .out_features = 128, .input_zero_point = -3,
                                        .output_zero_point = -128, .act_min = -128},
                 51>();
    }
    SUBCASE("128 -> 8 -> 128 (AD bottleneck), per channel") {
        check_fc<fully_connected_params{.in_features = 128, .out_features = 8, .input_zero_point = -128,
                                        .output_zero_point = 5, .per_channel = true},
                 52>();
        check_fc<fully_connected_params{.in_features = 8, .out_features = 128, .input_zero_point = 17,
                                        .output_zero_point = -7, .per_channel = true},
                 53, -3, 10>();
    }
    SUBCASE("odd sizes: 27 -> 70, relu6-like clamp") {
        check_fc<fully_connected_params{.in_features = 27, .out_features = 70, .input_zero_point = 9,
                                        .output_zero_point = -20, .act_min = -20, .act_max = 60}, 54>();
    }
    SUBCASE("batches of 3, 64 -> 12 (KWS classifier width)") {
        check_fc<fully_connected_params{.batches = 3, .in_features = 64, .out_features = 12, .input_zero_point = -128,
                                        .output_zero_point = 14}, 55>();
    }
    SUBCASE("128 -> 640 (AD decoder output), per tensor") {
        check_fc<fully_connected_params{.in_features = 128, .out_features = 640, .input_zero_point = -128,
                                        .output_zero_point = 3}, 56>();
    }
}

}  // namespace
