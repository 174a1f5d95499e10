// The runner behind ctnn_add_runner(): a host program for one converted model. Reads input
// records from standard input until EOF (a record: every model input's raw bytes, concatenated
// in the model's input order: int8 or uint8 bytes, little-endian float32 or int32), runs the
// model on each, and writes the output records (every output's bytes, in output order),
// concatenated, to standard output. A trailing partial record is an error (exit 2).
// A model with state (LSTM, SVDF) starts every record from its reset state, so each record is an
// independent inference (as the goldens are made: TFLM's variables reset before each Invoke);
// --carry-state keeps the state from one record to the next instead, as TFLM does across
// Invoke() calls when nobody resets it.
//
//   --reference           run every layer's reference kernel instead (a cross-check)
//   --info                print what the compiler derived (layers, MACs, flash and arena bytes)
//   --intermediates DIR   also write every layer's output for the first input to DIR/t<T>.bin
//                         (T: the .tflite tensor, for a converted model) or DIR/<k>.bin (k = 1..L,
//                         the graph's node numbers), for layer-by-layer comparison; not for
//                         convolutions fused into the next ADD (--info lists them)
//   --unfused             run the model without residual fusion, where every tensor exists
//                         (the same results; a cross-check of the fused schedule)
//   --smallest-ram        run the model in the smallest-RAM schedule (ctnn::optimize_for<M,
//                         ctnn::smallest_ram>: steps in place by rows; the same results)
//   --carry-state         do not reset stateful layers between records (see above)
//
// Built with -DCTNN_MODEL_HEADER="<name>.hpp" -DCTNN_MODEL_NAMESPACE=<ns> (see CtnnModel.cmake).
#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <span>
#include <string>
#include <type_traits>

#include <ctnn/ctnn.hpp>

#include CTNN_MODEL_HEADER

namespace {

// Built with -DCTNN_RUNNER_SPARSITY=off|automatic|force: the model with that choice of weight
// forms (ctnn::with_sparsity; ctnn_add_runner's SPARSITY).
#if defined(CTNN_RUNNER_SPARSITY)
using model = ctnn::with_sparsity<CTNN_MODEL_NAMESPACE::model, ctnn::sparsity::CTNN_RUNNER_SPARSITY>;
#else
using model = CTNN_MODEL_NAMESPACE::model;
#endif
static_assert(std::endian::native == std::endian::little, "the runner's raw float32 I/O assumes a little-endian host");

constexpr std::size_t input_bytes = model::input_record_bytes;
constexpr std::size_t output_bytes = model::output_record_bytes;
unsigned char output_buffer[output_bytes];

unsigned char input_buffer[input_bytes];

// The model without residual fusion, instantiated only when the model fuses something.
constexpr bool has_fusion = [] {
    for (const bool f : model::fused_into_next)
        if (f) return true;
    return false;
}();
constexpr ctnn::kernel_options unfused_options = [] {
    ctnn::kernel_options o = model::options;
    o.residual_add = ctnn::residual_fusion::off;
    return o;
}();
using unfused_model = std::conditional_t<has_fusion, ctnn::with_kernel_options<model, unfused_options>, model>;

// The model in the smallest-RAM schedule, instantiated only when it runs some step in place.
using smallest_ram_plan = ctnn::optimize_for<model, ctnn::smallest_ram>;
constexpr bool has_in_place = [] {
    for (const bool b : smallest_ram_plan::in_place_rows)
        if (b) return true;
    return false;
}();
using smallest_ram_model = std::conditional_t<has_in_place, smallest_ram_plan, model>;
// The host's portable kernels are the converter's: its smallest-RAM figure is the library's.
#if !CTNN_KERNELS_X86_VNNI
static_assert(smallest_ram_plan::arena_bytes == CTNN_MODEL_NAMESPACE::model::converter_arena_bytes_smallest_ram,
              "ctnn-convert and the library plan different smallest-RAM arenas");
#endif

// A converted model names the .tflite tensor of each graph tensor (model::tflite_tensors): its
// intermediates are then t<that index>.bin, which matches TFLM's whatever the graph added (further
// inputs, constant operands, operators lowered to several layers, operators folded away such as
// TFLM_DECODE); otherwise <layer>.bin. The converted type, not the with_sparsity one: same layers.
template <class M = CTNN_MODEL_NAMESPACE::model>
std::string intermediate_name(int layer) {
    // snprintf, not string concatenation: GCC 12 warns falsely (-Wrestrict) on "t" + ... + ".bin".
    char name[32];
    if constexpr (requires { M::tflite_tensors; })
        std::snprintf(name, sizeof name, "t%d.bin", M::tflite_tensors[static_cast<std::size_t>(layer)]);
    else
        std::snprintf(name, sizeof name, "%d.bin", layer);
    return name;
}

template <class M>
constexpr bool names_tflite_tensors = requires { M::tflite_tensors; };

// Reads up to n bytes, stopping only at EOF or an error.
std::size_t read_full(unsigned char* data, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        const std::size_t r = std::fread(data + got, 1, n - got, stdin);
        if (r == 0) break;
        got += r;
    }
    return got;
}

bool write_file(const std::filesystem::path& path, std::span<const std::byte> bytes) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return false;
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    return std::fclose(f) == 0 && ok;
}

// Runs Model on every input of standard input (see the top of this file).
template <class Model>
int run_all(const char* self, bool reference, bool carry_state, const std::filesystem::path& intermediates) {
    static ctnn::instance<Model> net;  // static storage: the arena is not on the stack
    if (!intermediates.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(intermediates, ec);
        if (ec) {
            std::fprintf(stderr, "%s: cannot create %s: %s\n", self, intermediates.c_str(), ec.message().c_str());
            return 2;
        }
    }

    for (std::size_t index = 0;; ++index) {
        const std::size_t got = read_full(input_buffer, input_bytes);
        if (got == 0) break;
        if (got < input_bytes) {
            std::fprintf(stderr, "%s: trailing partial input: %zu of %zu bytes after %zu complete inputs\n", self, got, input_bytes, index);
            return 2;
        }
        if (!carry_state) net.reset_state();
        net.read_inputs(input_buffer);
        ctnn::status status = ctnn::status::ok;
        if (index == 0 && !intermediates.empty()) {
            bool ok = true;
            status = net.invoke_observed([&](int layer, std::span<const std::byte> tensor) {
                if (Model::fused_into_next[static_cast<std::size_t>(layer)]) return;  // no tensor of its own
                ok = write_file(intermediates / intermediate_name(layer), tensor) && ok;
            });
            if (!ok) {
                std::fprintf(stderr, "%s: cannot write intermediates to %s\n", self, intermediates.c_str());
                return 2;
            }
        } else if (reference) {
            status = net.invoke_reference();
        } else {
            status = net.invoke();
        }
        if (status == ctnn::status::fixed_input_mismatch) {
            std::fprintf(stderr,
                         "%s: input record %zu: a fixed input (a shape-like operand given as a model input) holds other values than "
                         "the model's static shapes fix; nothing ran\n",
                         self, index);
            return 2;
        }
        net.write_outputs(output_buffer);
        if (std::fwrite(output_buffer, 1, output_bytes, stdout) != output_bytes) {
            std::fprintf(stderr, "%s: cannot write output: %s\n", self, std::strerror(errno));
            return 2;
        }
    }
    if (std::ferror(stdin)) {
        std::fprintf(stderr, "%s: cannot read input: %s\n", self, std::strerror(errno));
        return 2;
    }
    return std::fflush(stdout) == 0 ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    const char* self = argc > 0 ? argv[0] : "runner";
    std::filesystem::path intermediates;
    bool reference = false, unfused = false, carry_state = false, smallest_ram = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--reference") {
            reference = true;
        } else if (arg == "--unfused") {
            unfused = true;
        } else if (arg == "--smallest-ram") {
            smallest_ram = true;
        } else if (arg == "--carry-state") {
            carry_state = true;
        } else if (arg == "--intermediates" && i + 1 < argc) {
            intermediates = argv[++i];
        } else if (arg == "--info") {
            // What the compiler derived; the last two lines match `ctnn-convert --summary`.
            std::printf("kernel_sets: %s\n", ctnn::kernels::build_set_names.data());
            std::printf("layer_kernels:");  // the set each layer runs on (kernels/select.hpp)
            for (const char* set : model::layer_kernel_sets) std::printf(" %s", set);
            std::printf("\nlayer_weight_forms:");  // dense, sparse or nibbles (kernels/weight_forms/), - without weights
            for (const char* form : model::layer_weight_forms) std::printf(" %s", *form != '\0' ? form : "-");
            std::printf("\nlayer_flash_bytes:");
            for (const std::size_t bytes : model::layer_flash_bytes) std::printf(" %zu", bytes);
            std::printf("\n");
            std::printf("layers: %d\nmacs: %zu\narena_lower_bound: %zu\narena_offsets:", model::layer_count, model::macs,
                        model::arena_lower_bound);
            for (const std::size_t offset : model::plan.offsets) std::printf(" %zu", offset);
            std::printf("\nfused_layers:");  // convolutions that run inside the next ADD
            for (std::size_t k = 0; k < model::fused_into_next.size(); ++k)
                if (model::fused_into_next[k]) std::printf(" %zu", k);
            std::printf("\nintermediate_names: %s", names_tflite_tensors<CTNN_MODEL_NAMESPACE::model> ? "tflite_tensor" : "layer");
            std::printf("\nfused_intermediates:");  // their --intermediates names, which are not written
            for (std::size_t k = 0; k < model::fused_into_next.size(); ++k)
                if (model::fused_into_next[k]) std::printf(" %s", intermediate_name(int(k)).c_str());
            std::printf("\nin_place_layers:");  // the steps the smallest-RAM schedule runs in place
            for (std::size_t k = 0; k < smallest_ram_plan::in_place_rows.size(); ++k)
                if (smallest_ram_plan::in_place_rows[k]) std::printf(" %zu", k);
            std::printf("\narena_bytes_smallest_ram: %zu", smallest_ram_plan::arena_bytes);
            // Flash: the constants this build's kernels link (the host's), with int8 and with
            // int16 weights, and the model's in TFLite's terms (which ctnn-convert prints).
            std::printf("\nflash_bytes: %zu\nflash_bytes_int16_weights: %zu\nram_bytes: %zu\ntflite_param_bytes: %zu\narena_bytes: %zu\nstate_bytes: %zu\n",
                        model::flash_bytes, ctnn::with_int16_weights<model>::flash_bytes, model::ram_bytes,
                        model::tflite_param_bytes, model::arena_bytes, model::state_bytes);
            return 0;
        } else if (arg == "--help") {
            std::printf("usage: %s [--reference] [--unfused|--smallest-ram] [--carry-state] [--intermediates DIR] < inputs.bin > outputs.bin\n"
                        "  --reference  run the reference kernels instead of the fast ones\n"
                        "  --unfused    run without residual fusion (every tensor exists; same results)\n"
                        "  --smallest-ram  run in the smallest-RAM schedule (steps in place by rows; same results)\n"
                        "  --carry-state  keep stateful layers' state from one record to the next (default: reset)\n"
                        "  --info       print what the compiler derived (layers, MACs, flash and arena bytes)\n"
                        "input: %zu bytes per inference; output: %zu bytes per inference\n"
                        "element types: %s input, %s output\n",
                        self, input_bytes, output_bytes,
                        ctnn::element_name<typename model::input_element>(), ctnn::element_name<typename model::output_element>());
            return 0;
        } else {
            std::fprintf(stderr, "%s: unknown argument '%s' (try --help)\n", self, arg.c_str());
            return 2;
        }
    }
    if (unfused) return run_all<unfused_model>(self, reference, carry_state, intermediates);
    if (smallest_ram) return run_all<smallest_ram_model>(self, reference, carry_state, intermediates);
    return run_all<model>(self, reference, carry_state, intermediates);
}
