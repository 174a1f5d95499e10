// Firmware test: the weight-forms model (tests/unit/weight_forms_model.hpp) with every layer
// dense, in the smallest form (sparse, 4-bit codes or bitmap: ctnn::sparsity::force) and as the build's
// kernel set chooses (automatic), against the reference kernels, bit for bit, on 8 inputs. On
// the Arm DSP cores this runs the sparse walk's assembly; everywhere the 4-bit decoders.
// Prints the forms and flash of each variant; exits with the number of mismatches. Also runs
// the shrinking in-place model (tests/unit/in_place_model.hpp) in the smallest-RAM schedule: on
// the Arm DSP cores its 1x1 convolution runs over its input as it is.
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstdint>
#include <cstring>
#include <string_view>

#include "in_place_model.hpp"
#include "weight_forms_model.hpp"

namespace {

int failures = 0;

template <class Model>
typename Model::instance& instance() {
    static typename Model::instance net;
    return net;
}

template <class Model>
void run(const std::int8_t* x, std::int8_t* out, bool reference) {
    auto& net = instance<Model>();
    std::memcpy(net.input().data(), x, Model::input_size);
    if (reference) net.invoke_reference();
    else net.invoke();
    std::memcpy(out, net.output().data(), Model::output_size);
}

// Whether Model (its fast kernels, or its reference ones) gives other bytes than `want` for x.
template <class Model>
int differs(const std::int8_t* x, const std::int8_t* want, bool reference) {
    std::int8_t got[Model::output_size];
    run<Model>(x, got, reference);
    return std::memcmp(want, got, sizeof got) != 0;
}

template <class Model>
void describe(const char* name) {
    ctnn_fw::print(name);
    ctnn_fw::print(":");
    for (const char* form : Model::layer_weight_forms) {
        ctnn_fw::print(" ");
        ctnn_fw::print(*form != '\0' ? form : "-");
    }
    ctnn_fw::print_line(" flash_bytes:", Model::flash_bytes);
}

}  // namespace

int main() {
    describe<forms::dense>("off");
    describe<forms::net>("automatic");
    describe<forms::smallest>("force");
    std::uint32_t s = 77;
    for (int trial = 0; trial < 8; ++trial) {
        std::int8_t x[forms::net::input_size], want[forms::net::output_size];
        for (auto& v : x) v = static_cast<std::int8_t>(forms::next(s) & 0xff);
        run<forms::dense>(x, want, true);
        failures += differs<forms::dense>(x, want, false) + differs<forms::net>(x, want, false) + differs<forms::smallest>(x, want, false);
    }
    static_assert(in_place_shrink::small::in_place_rows[1] && in_place_shrink::small::arena_bytes < in_place_shrink::net::arena_bytes);
    // On the Arm DSP cores, with no band: the kernel gathers its pixels first.
    static_assert(std::string_view(in_place_shrink::net::layer_kernel_sets[1]) != "arm_dsp" || in_place_shrink::small::row_bands[1].whole);
    ctnn_fw::print_line("in place, 1x1 16 -> 8 channels: arena", in_place_shrink::net::arena_bytes);
    ctnn_fw::print_line("  smallest RAM:", in_place_shrink::small::arena_bytes);
    for (int trial = 0; trial < 4; ++trial) {
        std::int8_t x[in_place_shrink::net::input_size], want[in_place_shrink::net::output_size];
        for (auto& v : x) v = static_cast<std::int8_t>(forms::next(s) & 0xff);
        run<in_place_shrink::net>(x, want, true);
        failures += differs<in_place_shrink::small>(x, want, false) + differs<in_place_shrink::small>(x, want, true);
    }
    if (failures == 0) ctnn_fw::print("weight forms: all bit-exact\n");
    else ctnn_fw::print_line("weight forms: mismatches:", failures);
    return failures;
}
