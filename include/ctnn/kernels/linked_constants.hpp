// The constant objects a kernel links for one layer, named by address and size: what
// Model::flash_bytes adds up. Each kernel states them next to the code that reads them, from
// the same constexpr definitions (kernels/<set>/), so the figure is what the linker places.
//
//   template <class Spec, kernel_options O>
//   static constexpr linked_constants constants() {
//       return linked_constants::of(plan::weights, plan::bias).and_shared(zp_row<K>);
//   }
//
// Owned objects belong to one kernel plan, keyed on the layer's spec: two layers with the same
// spec (identical layers) link one plan, so they share all of its objects or none, and the
// first one's address identifies the plan. Shared objects are keyed on less (a row of the input
// zero point, a model array several layers read) and count once however many layers name them.
// Addresses compare for identity only, which constant evaluation allows between any two objects.
#pragma once

#include <array>
#include <cstddef>
#include <utility>

namespace ctnn::kernels {

struct linked_object {
    const void* address = nullptr;
    std::size_t bytes = 0;
};

// A relocation that does nothing but reference an address (an object or a function), so that
// the linker keeps the section that holds it. No instruction. A macro: the operand must be a
// constant the assembler sees, at every optimisation level. (Elsewhere than on these three
// architectures an object whose every read folded away may be dropped: flash_bytes errs high.)
#if defined(__arm__) || defined(__thumb__)
#define CTNN_KEEP_LINKED(address) asm volatile(".reloc ., R_ARM_NONE, %c0" ::"i"(address))
#elif defined(__x86_64__)
#define CTNN_KEEP_LINKED(address) asm volatile(".reloc ., R_X86_64_NONE, %c0" ::"i"(address))
#elif defined(__aarch64__)
#define CTNN_KEEP_LINKED(address) asm volatile(".reloc ., R_AARCH64_NONE, %c0" ::"i"(address))
#else
#define CTNN_KEEP_LINKED(address) static_cast<void>(address)
#endif

struct linked_constants {
    static constexpr int capacity = 6;
    std::array<linked_object, capacity> owned{};
    std::array<linked_object, capacity> shared{};
    int owned_count = 0;
    int shared_count = 0;
    // How a weighted layer stores its weights ("dense", "sparse", "nibbles"; kernels/weight_forms/),
    // for reports (Model::layer_weight_forms); "" for a layer without weights.
    const char* weight_form = "";

    constexpr linked_constants with_weight_form(const char* form) const noexcept {
        linked_constants c = *this;
        c.weight_form = form;
        return c;
    }

    // The objects of a kernel plan, whole (sizeof each).
    template <class... T>
    static constexpr linked_constants of(const T&... object) noexcept {
        static_assert(sizeof...(T) <= capacity, "ctnn: linked_constants holds at most 6 objects of one plan");
        linked_constants c;
        ((c.owned[c.owned_count++] = linked_object{&object, sizeof(T)}), ...);
        return c;
    }
    // A shared object, whole. (Plain &: these are arrays and aggregates without an operator&.)
    template <class T>
    constexpr linked_constants and_shared(const T& object) const noexcept {
        return and_shared(&object, sizeof(T));
    }
    // A shared object given by its first element and its size (a model array through the
    // pointer a spec holds).
    constexpr linked_constants and_shared(const void* address, std::size_t bytes) const noexcept {
        linked_constants c = *this;
        c.shared[c.shared_count++] = linked_object{address, bytes};
        return c;
    }

    constexpr std::size_t owned_bytes() const noexcept {
        std::size_t sum = 0;
        for (int i = 0; i < owned_count; ++i) sum += owned[i].bytes;
        return sum;
    }
};

// Keeps every object of C linked, as C counts it: one R_*_NONE relocation per object, at the
// call site, which makes the linker keep the object's section however the optimiser treated
// the loads from it (it may fold a read at a known index into an immediate and leave the table
// unreferenced). No instruction. The graph gathers them in a function of their own that the
// run only references (graph/keep_constants.hpp): asm statements, even empty ones, weigh in the
// compiler's inlining decisions, and must not sit among the kernels.
template <const linked_constants& C>
[[gnu::always_inline]] inline void keep_linked() noexcept {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ([] {
            if constexpr (int(I) < C.owned_count) {
                constexpr const void* object = C.owned[I].address;
                CTNN_KEEP_LINKED(object);
            }
            if constexpr (int(I) < C.shared_count) {
                constexpr const void* object = C.shared[I].address;
                CTNN_KEEP_LINKED(object);
            }
        }(), ...);
    }(std::make_index_sequence<linked_constants::capacity>{});
}

// Bytes each layer links first: an object two layers link counts at the first of them, so
// the sum is the bytes of the distinct objects (Model::flash_bytes). Cost: per layer, one
// comparison with each distinct plan (and shared object) of the same size seen so far.
template <std::size_t N>
constexpr std::array<std::size_t, N> first_linked_bytes(const std::array<linked_constants, N>& layers) noexcept {
    std::array<linked_object, N> plans{};
    std::array<linked_object, N * linked_constants::capacity> rows{};
    std::size_t plan_count = 0, row_count = 0;
    auto known = [](const auto& seen, std::size_t count, const linked_object& o) {
        for (std::size_t i = 0; i < count; ++i)
            if (seen[i].bytes == o.bytes && seen[i].address == o.address) return true;
        return false;
    };
    std::array<std::size_t, N> bytes{};
    for (std::size_t k = 0; k < N; ++k) {
        const linked_constants& c = layers[k];
        if (c.owned_count > 0) {
            const linked_object plan{c.owned[0].address, c.owned_bytes()};
            if (!known(plans, plan_count, plan)) {
                plans[plan_count++] = plan;
                bytes[k] += plan.bytes;
            }
        }
        for (int s = 0; s < c.shared_count; ++s) {
            if (!known(rows, row_count, c.shared[s])) {
                rows[row_count++] = c.shared[s];
                bytes[k] += c.shared[s].bytes;
            }
        }
    }
    return bytes;
}

}  // namespace ctnn::kernels
