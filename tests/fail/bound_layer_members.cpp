// A bound layer without `facts` (here a layer from before the protocol, with loose members) is
// refused in our words, naming the node and what is missing.
#include "fail_support.hpp"

struct loose_layer : ctnn::layers::layer {
    template <class In>
    struct bind {
        using output = In;
        using kernel = ctnn::kernels::no_kernel;
#ifdef CTNN_EXPECT_FAIL
        static constexpr std::size_t macs = 0;
#else
        static constexpr ctnn::layers::layer_facts facts{.param_bytes = 0, .macs = 0, .widenable_weights = 0,
                                                         .in_place_input = -1, .is_view = true,
                                                         .fusion = ctnn::layers::fusion_role::none, .scratch_bytes = 0};
#endif
        template <ctnn::kernel_options>
        static void run(const std::int8_t*, std::int8_t*, std::byte*) {}
        static void run_reference(const std::int8_t*, std::int8_t*) {}
    };
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 4>, fail::q>, loose_layer>;
static_assert(model::layer_count == 1);
