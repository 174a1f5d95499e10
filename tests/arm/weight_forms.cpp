// Firmware test: the weight-forms model (tests/unit/weight_forms_model.hpp) with every layer
// dense, in the smallest form (sparse, 4-bit codes or bitmap: ctnn::sparsity::force) and as the build's
// kernel set chooses (automatic), against the reference kernels, bit for bit, on 8 inputs. On
// the Arm DSP cores this runs the sparse walk's assembly; everywhere the 4-bit decoders.
// Prints the forms and flash of each variant; exits with the number of mismatches.
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstdint>
#include <cstring>

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
        std::int8_t x[forms::net::input_size], want[forms::net::output_size], got[forms::net::output_size];
        for (auto& v : x) v = static_cast<std::int8_t>(forms::next(s) & 0xff);
        run<forms::dense>(x, want, true);
        run<forms::dense>(x, got, false);
        failures += std::memcmp(want, got, sizeof got) != 0;
        run<forms::net>(x, got, false);
        failures += std::memcmp(want, got, sizeof got) != 0;
        run<forms::smallest>(x, got, false);
        failures += std::memcmp(want, got, sizeof got) != 0;
    }
    if (failures == 0) ctnn_fw::print("weight forms: all bit-exact\n");
    else ctnn_fw::print_line("weight forms: mismatches:", failures);
    return failures;
}
