// Graphs with several inputs and outputs, constant operands and fan-out (graph/sources.hpp):
// the record layout, the plan (constants take no arena bytes, outputs outlive the run, inputs
// live from step 0) and the run, checked against the reference ADD computed directly.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <cstring>

#include "ctnn/ctnn.hpp"

namespace io {

struct qa { static constexpr float scale = 0.5f; static constexpr std::int32_t zero_point = 3; };
struct qb { static constexpr float scale = 0.25f; static constexpr std::int32_t zero_point = -7; };
struct qc { static constexpr float scale = 0.125f; static constexpr std::int32_t zero_point = 0; };
struct qs { static constexpr float scale = 0.75f; static constexpr std::int32_t zero_point = -1; };
struct qt { static constexpr float scale = 1.0f; static constexpr std::int32_t zero_point = 5; };
struct offsets { static constexpr std::int8_t values[6] = {-128, -1, 0, 1, 64, 127}; };

using net = ctnn::graph<ctnn::input<ctnn::shape<1, 6>, qa>,          // tensor 0: input 0
                        ctnn::input<ctnn::shape<1, 6>, qb>,          // tensor 1: input 1
                        ctnn::constant<ctnn::shape<1, 6>, qc, offsets>,  // tensor 2: in flash
                        ctnn::node<ctnn::layers::add<qs>, 0, 1>,     // tensor 3 = a + b: an output, read again
                        ctnn::node<ctnn::layers::add<qt, ctnn::act::relu>, 3, 2>,  // tensor 4 = s + c
                        ctnn::node<ctnn::layers::add<qs>, 0, 0>,     // tensor 5 = a + a: fan-out of tensor 0
                        ctnn::outputs<4, 3, 5>>;

static_assert(net::layer_count == 5);
static_assert(net::input_count == 2 && net::input_tensors[0] == 0 && net::input_tensors[1] == 1);
static_assert(net::output_count == 3 && net::output_tensors[0] == 4 && net::output_tensors[1] == 3);
static_assert(net::input_record_bytes == 12 && net::output_record_bytes == 18);
static_assert(net::in_flash[2] && !net::in_flash[1] && !net::in_flash[3]);
// The constant has no arena bytes; the inputs live from step 0, the outputs past the last step.
static_assert(net::buffers[2].bytes == 0);
static_assert(net::buffers[1].first_step == 0 && net::buffers[1].last_step == 3);
static_assert(net::buffers[0].last_step == 5);
static_assert(net::buffers[3].last_step == 6 && net::buffers[4].last_step == 6 && net::buffers[5].last_step == 6);
// The constant's six values count in flash, once.
static_assert(net::layer_flash_bytes[1] == 6);

// The reference ADD on one pair of tensors, as the layer computes its parameters.
template <class A, class B, class Q, class Act = ctnn::act::none>
std::array<std::int8_t, 6> reference_add(const std::int8_t* a, const std::int8_t* b) {
    using bound = typename ctnn::layers::add<Q, Act>::template bind<ctnn::tensor_type<ctnn::shape<1, 6>, A>, ctnn::tensor_type<ctnn::shape<1, 6>, B>>;
    std::array<std::int8_t, 6> out{};
    bound::run_reference(a, b, out.data());
    return out;
}

}  // namespace io

TEST_CASE("several inputs and outputs, a constant operand, fan-out") {
    static io::net::instance net;
    const std::array<std::int8_t, 12> record = {-128, -5, 0, 7, 100, 127, 127, 3, -9, 0, -128, 55};
    net.read_inputs(record.data());
    CHECK(net.input<0>()[1] == -5);
    CHECK(net.input<1>()[0] == 127);
    net.invoke();

    const std::int8_t* a = record.data();
    const std::int8_t* b = record.data() + 6;
    const auto s = io::reference_add<io::qa, io::qb, io::qs>(a, b);
    const auto t = io::reference_add<io::qs, io::qc, io::qt, ctnn::act::relu>(s.data(), io::offsets::values);
    const auto u = io::reference_add<io::qa, io::qa, io::qs>(a, a);
    std::array<std::int8_t, 18> want{};
    std::memcpy(want.data(), t.data(), 6);
    std::memcpy(want.data() + 6, s.data(), 6);
    std::memcpy(want.data() + 12, u.data(), 6);
    std::array<std::int8_t, 18> got{};
    net.write_outputs(got.data());
    CHECK(got == want);
    for (int i = 0; i < 6; ++i) {
        CHECK(net.output<0>()[i] == t[i]);
        CHECK(net.output<1>()[i] == s[i]);
    }
    // The reference kernels agree.
    net.read_inputs(record.data());
    net.invoke_reference();
    std::array<std::int8_t, 18> ref{};
    net.write_outputs(ref.data());
    CHECK(ref == want);
}

namespace io {
// Parts along the outermost axis are views of the input's bytes: no copy, no arena bytes.
using halves = ctnn::graph<ctnn::input<ctnn::shape<4, 2>, qa>,
                           ctnn::node<ctnn::layers::split_part<0, 0, 2>, 0>,
                           ctnn::node<ctnn::layers::split_part<0, 2, 2>, 0>,
                           ctnn::node<ctnn::layers::split_part<1, 1, 1>, 0>,  // a column: copied
                           ctnn::outputs<2, 1, 3>>;
static_assert(halves::layer_at<1>::facts.is_view && halves::layer_at<2>::facts.is_view && !halves::layer_at<3>::facts.is_view);
static_assert(halves::plan.offsets[1] == halves::plan.offsets[0] && halves::plan.offsets[2] == halves::plan.offsets[0] + 4);
static_assert(halves::arena_bytes == 8 + 4);  // the input, and the copied column
}  // namespace io

TEST_CASE("split parts: views where the part is one aligned run, copies elsewhere") {
    static io::halves::instance net;
    const std::array<std::int8_t, 8> x = {1, 2, 3, 4, 5, 6, 7, 8};
    net.read_inputs(x.data());
    net.invoke();
    static_assert(io::halves::output_record_bytes == 12);
    std::array<std::int8_t, 12> got{};
    net.write_outputs(got.data());
    CHECK(got == std::array<std::int8_t, 12>{5, 6, 7, 8, 1, 2, 3, 4, 2, 4, 6, 8});
}

namespace io {
// A concatenation along the outermost axis: its inputs are written inside its output.
using stacked = ctnn::graph<ctnn::input<ctnn::shape<2, 4>, qa>,
                            ctnn::input<ctnn::shape<3, 4>, qa>,
                            ctnn::node<ctnn::layers::concatenation<0>, 0, 1>>;
static_assert(stacked::joined[2]);
static_assert(stacked::plan.offsets[0] == stacked::plan.offsets[2] && stacked::plan.offsets[1] == stacked::plan.offsets[2] + 8);
static_assert(stacked::arena_bytes == 20);
// Along an inner axis, or with a constant among the inputs, it copies.
using side_by_side = ctnn::graph<ctnn::input<ctnn::shape<2, 4>, qa>, ctnn::input<ctnn::shape<2, 4>, qa>,
                                 ctnn::node<ctnn::layers::concatenation<1>, 0, 1>>;
static_assert(!side_by_side::joined[2] && side_by_side::arena_bytes == 32);
struct row { static constexpr std::int8_t values[4] = {9, 8, 7, 6}; };
using with_constant = ctnn::graph<ctnn::input<ctnn::shape<2, 4>, qa>, ctnn::constant<ctnn::shape<1, 4>, qa, row>,
                                  ctnn::node<ctnn::layers::concatenation<0>, 0, 1>>;
static_assert(!with_constant::joined[2] && with_constant::arena_bytes == 8 + 12);
}  // namespace io

TEST_CASE("concatenation: inputs written in place along the outermost axis, copies elsewhere") {
    static io::stacked::instance net;
    std::array<std::int8_t, 20> in{};
    for (int i = 0; i < 20; ++i) in[static_cast<std::size_t>(i)] = static_cast<std::int8_t>(i - 10);
    net.read_inputs(in.data());
    net.invoke();
    for (int i = 0; i < 20; ++i) CHECK(net.output()[static_cast<std::size_t>(i)] == i - 10);
    static io::with_constant::instance c;
    c.read_inputs(in.data());
    c.invoke();
    CHECK(c.output()[7] == -3);
    CHECK(c.output()[8] == 9);
    CHECK(c.output()[11] == 6);
}

namespace io {

// A shape-like operand given as a model input (TFLM's TRANSPOSE_CONV tests feed the output shape
// so): its values are fixed by the static shapes, it stays in the record, and invoke() refuses
// other values.
struct out_shape { static constexpr std::int32_t values[4] = {1, 2, 3, 6}; };
using with_fixed = ctnn::graph<ctnn::fixed_input<ctnn::shape<4>, ctnn::int32, out_shape>,  // tensor 0: input 0
                               ctnn::input<ctnn::shape<1, 6>, qa>,                          // tensor 1: input 1
                               ctnn::node<ctnn::layers::add<qs>, 1, 1>>;
static_assert(with_fixed::input_record_bytes == 16 + 6);
static_assert(with_fixed::input_flash_bytes == 16 && with_fixed::flash_bytes == 16 + with_fixed::layer_flash_bytes[0] + with_fixed::layer_flash_bytes[1]);
static_assert(ctnn::detail::has_fixed_inputs<with_fixed> && !ctnn::detail::has_fixed_inputs<net>);

}  // namespace io

TEST_CASE("fixed inputs: invoke() runs when they hold the static values, refuses other values") {
    static io::with_fixed::instance m;
    std::array<std::byte, 22> record{};
    const std::int32_t shape[4] = {1, 2, 3, 6};
    std::memcpy(record.data(), shape, 16);
    const std::array<std::int8_t, 6> a = {-128, -5, 0, 7, 100, 127};
    std::memcpy(record.data() + 16, a.data(), 6);
    m.read_inputs(record.data());
    CHECK(m.invoke() == ctnn::status::ok);
    const auto want = io::reference_add<io::qa, io::qa, io::qs>(a.data(), a.data());
    for (int i = 0; i < 6; ++i) CHECK(m.output()[i] == want[i]);

    // One value off: nothing runs (the output's bytes stay what they were: here the new input's,
    // which the planner let the ADD overwrite).
    const std::int32_t wrong[4] = {1, 2, 4, 6};
    std::memcpy(record.data(), wrong, 16);
    const std::array<std::int8_t, 6> b = {1, 1, 1, 1, 1, 1};
    std::memcpy(record.data() + 16, b.data(), 6);
    m.read_inputs(record.data());
    std::array<std::int8_t, 6> before{};
    std::copy(m.output().begin(), m.output().end(), before.begin());
    CHECK(m.invoke() == ctnn::status::fixed_input_mismatch);
    CHECK(m.invoke_reference() == ctnn::status::fixed_input_mismatch);
    for (int i = 0; i < 6; ++i) CHECK(m.output()[i] == before[i]);
    // The right values again: it runs.
    std::memcpy(record.data(), shape, 16);
    m.read_inputs(record.data());
    CHECK(m.invoke() == ctnn::status::ok);
    const auto want_b = io::reference_add<io::qa, io::qa, io::qs>(b.data(), b.data());
    for (int i = 0; i < 6; ++i) CHECK(m.output()[i] == want_b[i]);
}
