// libFuzzer entry point: the .tflite reader and validator on arbitrary bytes. Anything but a
// convert_error (a crash, a sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <span>

#include "cli.hpp"
#include "convert_error.hpp"
#include "emit_header.hpp"
#include "summary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto model = ctnn_convert::load_model(std::span<const std::uint8_t>(data, size));
        // A model that passes validation must also be printable.
        (void)ctnn_convert::emit_header(model, "fuzz.tflite", "fuzz");
        (void)ctnn_convert::summary_table(model, "fuzz.tflite");
    } catch (const ctnn_convert::convert_error&) {
    }
    return 0;
}
