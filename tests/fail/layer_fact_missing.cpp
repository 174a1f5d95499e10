// A layer written outside the library states every fact by name: leaving out `.macs` does not
// compile, and the message names the fact.
#include "fail_support.hpp"

struct copy_layer : ctnn::layers::layer {
    template <class In>
    struct bind {
        using output = In;
        using kernel = ctnn::kernels::no_kernel;
#ifdef CTNN_EXPECT_FAIL
        static constexpr ctnn::layers::layer_facts facts{.param_bytes = 0, .widenable_weights = 0, .in_place_input = 0,
                                                         .is_view = false, .fusion = ctnn::layers::fusion_role::none,
                                                         .scratch_bytes = 0};
#else
        static constexpr ctnn::layers::layer_facts facts{.param_bytes = 0, .macs = 0, .widenable_weights = 0,
                                                         .in_place_input = 0, .is_view = false,
                                                         .fusion = ctnn::layers::fusion_role::none, .scratch_bytes = 0};
#endif
        template <ctnn::kernel_options>
        static void run(const std::int8_t* in, std::int8_t* out, std::byte*) {
            for (std::size_t i = 0; i < In::size; ++i) out[i] = in[i];
        }
        static void run_reference(const std::int8_t* in, std::int8_t* out) { run<ctnn::kernel_options{}>(in, out, nullptr); }
    };
};
using model = ctnn::sequential<ctnn::input<ctnn::shape<1, 4>, fail::q>, copy_layer>;
static_assert(model::layer_count == 1 && model::macs == 0);
