// Tensor lifetimes from a model's entries: the one rule the library's graph and the converter's
// summary both apply (their plans must agree byte for byte).
//
// Entry K is tensor K, produced at step K. A model input is written before the run: live from
// step 0. A constant is in flash: no arena bytes, and neither is a view of one. A tensor lives
// until its last reader; a model output until after the last step (step `count`).
//
// A concatenation whose output is its inputs one after the other (`joins`: every dimension
// before the axis is 1) costs nothing when each input can live inside it: then every input is
// placed in the output's bytes at its offset (a view pointing forward, alias_of > the input)
// and the concatenation runs no code (joined[K]). An input can when it is computed or a model
// input (not a constant), is no view itself, is not placed in another concatenation, appears
// once, and starts on an aligned byte; otherwise the concatenation copies.
#pragma once

#include <cstddef>

#include "ctnn/plan/buffer.hpp"

namespace ctnn::plan {

enum class entry_kind { computed, input, constant };

struct entry_use {
    entry_kind kind = entry_kind::computed;
    std::size_t bytes = 0;
    int alias_of = -1;     // the input whose bytes this entry is (a view), or -1
    int in_place_of = -1;  // the input this entry may overwrite when it dies here, or -1
    std::size_t alias_offset = 0;  // a view of a part: where in alias_of's bytes it starts
    bool joins = false;            // a concatenation whose inputs may live inside its output
};

// b[k] for every entry k < count; in_flash[k]: the entry's bytes are a constant's (it or what it
// views). inputs_of(k) returns the tensors entry k reads (a range of ints, each < k).
template <class InputsOf>
constexpr void tensor_lifetimes(const entry_use* e, int count, InputsOf inputs_of, const int* outputs, int output_count, buffer* b,
                                bool* in_flash, bool* joined) noexcept {
    for (int k = 0; k < count; ++k) {
        joined[k] = false;
        const entry_use& u = e[k];
        in_flash[k] = u.kind == entry_kind::constant || (u.alias_of >= 0 && in_flash[u.alias_of]);
        const int first = u.kind == entry_kind::computed ? k : 0;
        b[k] = {in_flash[k] ? 0 : u.bytes, first, first, in_flash[k] ? -1 : u.alias_of, u.in_place_of, in_flash[k] ? 0 : u.alias_offset};
        for (const int i : inputs_of(k))
            if (b[i].last_step < k) b[i].last_step = k;
    }
    for (int o = 0; o < output_count; ++o) b[outputs[o]].last_step = count;

    for (int k = 0; k < count; ++k) {
        if (!e[k].joins) continue;
        bool fits = true;
        std::size_t at = 0;
        int seen = 0;
        for (const int i : inputs_of(k)) {
            int before = 0;
            for (const int j : inputs_of(k))
                if (before++ < seen && j == i) fits = false;  // the same tensor twice
            fits = fits && !in_flash[i] && e[i].kind != entry_kind::constant && b[i].alias_of < 0 && !joined[i] &&
                   at % arena_alignment == 0;
            at += b[i].bytes;
            ++seen;
        }
        if (!fits || at != b[k].bytes) continue;
        joined[k] = true;
        at = 0;
        for (const int i : inputs_of(k)) {
            b[i].alias_of = k;
            b[i].alias_offset = at;
            b[i].in_place_of = -1;
            at += b[i].bytes;
        }
    }
}

}  // namespace ctnn::plan
