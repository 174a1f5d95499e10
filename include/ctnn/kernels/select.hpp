// The one kernel-selection point. Every layer names its kernel as
// `kernels::kernel_for<kernels::op::X>`: the first set in `build_sets` that provides X
// (kernels/kernel_set.hpp). The list comes from the ISA facts of kernels/isa.hpp, so a build
// turns a set off with the macros listed there; a set that lacks an operation falls back to
// the next one, explicitly, and each model reports the set each layer got (Model::layer_kernel_sets).
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <tuple>

#include "ctnn/kernels/isa.hpp"
#include "ctnn/kernels/kernel_set.hpp"
#include "ctnn/kernels/weight_forms/dispatch.hpp"
#if CTNN_KERNELS_ARM_DSP
#include "ctnn/kernels/arm_dsp/arm_dsp.hpp"
#endif
#if CTNN_KERNELS_ARM_MVE
#include "ctnn/kernels/arm_mve/arm_mve.hpp"
#endif
#if CTNN_KERNELS_X86_VNNI
#include "ctnn/kernels/x86_vnni/x86_vnni.hpp"
#endif

namespace ctnn::kernels {

template <class... Sets>
struct set_list {};

// In order of preference; reference_set provides everything, so the search always ends.
// isa.hpp turns on at most one of the extension sets.
#if CTNN_KERNELS_ARM_DSP
using build_sets = set_list<arm_dsp_set, portable_set, reference_set>;
#elif CTNN_KERNELS_ARM_MVE
using build_sets = set_list<arm_mve_set, portable_set, reference_set>;
#elif CTNN_KERNELS_X86_VNNI
using build_sets = set_list<x86_vnni_set, portable_set, reference_set>;
#else
using build_sets = set_list<portable_set, reference_set>;
#endif

namespace detail {
template <class Op, class List>
struct choose;
template <class Op, class... Sets>
struct choose<Op, set_list<Sets...>> {
    static constexpr std::size_t index = [] {
        constexpr bool provided[] = {kernel<Sets, Op>::provided...};
        std::size_t i = 0;
        while (i < sizeof...(Sets) && !provided[i]) ++i;
        return i;
    }();
    static_assert(index < sizeof...(Sets), "ctnn: no kernel set provides this operation (not even reference_set)");
    using set = std::tuple_element_t<index, std::tuple<Sets...>>;
};
}  // namespace detail

// The kernel a layer of operation Op runs, with the name of its set for reports; for the
// weighted int8 operations, the set's kernel or the sparse one (kernels/weight_forms/dispatch.hpp).
template <class Op, class List = build_sets>
struct kernel_for : with_weight_forms<typename detail::choose<Op, List>::set, Op, kernel<typename detail::choose<Op, List>::set, Op>> {
    using set = typename detail::choose<Op, List>::set;
    static constexpr const char* set_name = set::name;
};

// The build's sets in order, for reports (the runner's --info): "arm_dsp, portable, reference".
template <class... Sets>
constexpr auto set_names(set_list<Sets...>) {
    constexpr std::size_t length = ((std::char_traits<char>::length(Sets::name) + 2) + ...) - 2;
    std::array<char, length + 1> text{};
    std::size_t at = 0;
    for (const char* name : {Sets::name...}) {
        if (at != 0) text[at++] = ',', text[at++] = ' ';
        for (const char* c = name; *c != '\0'; ++c) text[at++] = *c;
    }
    return text;
}
inline constexpr auto build_set_names = set_names(build_sets{});

}  // namespace ctnn::kernels
