// The model of CTNN_MODEL_HEADER behind models/model_instance.hpp (int16 weights with
// CTNN_FW_INT16_WEIGHTS).
#include "model_instance.hpp"

#include CTNN_MODEL_HEADER

namespace {
#if defined(CTNN_FW_INT16_WEIGHTS)
using model = ctnn::with_int16_weights<CTNN_MODEL_NAMESPACE::model>;  // the speed/flash option
#else
using model = CTNN_MODEL_NAMESPACE::model;
#endif
model::instance model_arena;  // the instance is the arena: the memory report finds it by name
}  // namespace

namespace fw_model {

std::span<std::byte> input() noexcept { return std::as_writable_bytes(model_arena.input()); }
std::span<const std::byte> output() noexcept { return std::as_bytes(model_arena.output()); }
void invoke() noexcept { model_arena.invoke(); }
const std::size_t arena_bytes = model::arena_bytes;

}  // namespace fw_model
