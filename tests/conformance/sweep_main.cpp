// One operator's conformance sweep (tests/data/conformance/README.md): every model of the operator,
// converted by ctnn-convert, run on every committed input record and compared byte for byte
// with TFLM's output. On the host each model runs through the kernels the build selects and
// through the reference kernels; as firmware, through the target's kernel set. Prints one line
// per failing record and ends with "conformance <op>: N passed, N failed"; exit status 1 if
// anything failed.
//
// Built with -DCTNN_SWEEP_CASES="<generated header>" that includes every model's header and
// defines `sweep_cases` (see tests/conformance/CMakeLists.txt) and CTNN_SWEEP_OP (the name).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>

#include <ctnn/ctnn.hpp>

#if defined(CTNN_SWEEP_FIRMWARE)
#include <ctnn_fw/ctnn_fw.hpp>
#else
#include <cstdio>
#endif

namespace sweep {

void say(const char* text) {
#if defined(CTNN_SWEEP_FIRMWARE)
    ctnn_fw::print(text);
#else
    std::fputs(text, stdout);
#endif
}
void say_number(long long n) {
#if defined(CTNN_SWEEP_FIRMWARE)
    ctnn_fw::print_dec(n);
#else
    std::printf("%lld", n);
#endif
}

struct tally {
    int passed = 0, failed = 0;
};

// Runs every record of `inputs` through Model (fast kernels, and on the host the reference
// kernels too) and counts each record that matches `expected` byte for byte.
template <class Model>
void run_model(const char* name, const std::uint8_t* inputs, std::size_t input_bytes, const std::uint8_t* expected,
               std::size_t expected_bytes, tally& t) {
    static ctnn::instance<Model> net;  // static storage: the arena is not on the stack
#if !defined(CTNN_SWEEP_FIRMWARE) && !CTNN_KERNELS_X86_VNNI
    // The host's portable kernels are the converter's: its plan (in the header) must be the
    // compiled model's, tensor for tensor.
    static_assert(Model::arena_bytes == Model::converter_arena_bytes, "ctnn-convert and the library plan different arenas");
    static_assert(ctnn::optimize_for<Model, ctnn::smallest_ram>::arena_bytes == Model::converter_arena_bytes_smallest_ram,
                  "ctnn-convert and the library plan different smallest-RAM arenas");
    static_assert([] {
        for (std::size_t t = 0; t < std::size(Model::converter_arena_offsets); ++t)
            if (Model::plan.offsets[t] != Model::converter_arena_offsets[t]) return false;
        return true;
    }(), "ctnn-convert and the library place a tensor differently");
#endif
    constexpr std::size_t in_record = Model::input_record_bytes;   // every input, in model order
    constexpr std::size_t out_record = Model::output_record_bytes;  // every output, likewise
    alignas(16) static std::uint8_t got[out_record];
    const std::size_t records = input_bytes / in_record;
    if (input_bytes % in_record != 0 || expected_bytes != records * out_record || records == 0) {
        say("FAIL ");
        say(name);
        say(": test data does not match the model's input and output sizes\n");
        ++t.failed;
        return;
    }
    for (std::size_t r = 0; r < records; ++r) {
        const std::uint8_t* want = expected + r * out_record;
#if defined(CTNN_SWEEP_FIRMWARE)
        constexpr int paths = 1;
#else
        constexpr int paths = 2;
#endif
        for (int path = 0; path < paths; ++path) {
            net.reset_state();  // every record an independent inference, as the data was made
            net.read_inputs(inputs + r * in_record);
            if (path == 0) net.invoke();
            else net.invoke_reference();
            net.write_outputs(got);
            if (std::memcmp(got, want, out_record) == 0) {
                ++t.passed;
                continue;
            }
            ++t.failed;
            std::size_t first = 0, differing = 0;
            for (std::size_t i = out_record; i-- > 0;) {
                if (got[i] != want[i]) {
                    first = i;
                    ++differing;
                }
            }
            say("FAIL ");
            say(name);
            say(path == 0 ? " (kernels) record " : " (reference kernels) record ");
            say_number(static_cast<long long>(r));
            say(": ");
            say_number(static_cast<long long>(differing));
            say(" of ");
            say_number(static_cast<long long>(out_record));
            say(" bytes differ, first at byte ");
            say_number(static_cast<long long>(first));
            say(": got ");
            say_number(got[first]);
            say(", TFLM ");
            say_number(want[first]);
            say("\n");
        }
    }
}

struct model_case {
    const char* name;
    void (*run)(const char*, const std::uint8_t*, std::size_t, const std::uint8_t*, std::size_t, tally&);
    const std::uint8_t* inputs;
    std::size_t input_bytes;
    const std::uint8_t* expected;
    std::size_t expected_bytes;
};

}  // namespace sweep

#include CTNN_SWEEP_CASES

int main() {
    sweep::tally t;
    for (const sweep::model_case& c : sweep_cases) c.run(c.name, c.inputs, c.input_bytes, c.expected, c.expected_bytes, t);
    sweep::say("conformance " CTNN_SWEEP_OP ": ");
    sweep::say_number(t.passed);
    sweep::say(" passed, ");
    sweep::say_number(t.failed);
    sweep::say(" failed\n");
    return t.failed == 0 && t.passed > 0 ? 0 : 1;
}
