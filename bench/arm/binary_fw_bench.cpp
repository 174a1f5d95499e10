// Firmware micro-benchmark: instructions (QEMU -icount shift=0) per element of MUL through the
// Arm DSP kernel and the portable one, for equal shapes, a per-channel row, a scalar and an
// outer-product broadcast (kernels/arm_dsp/mul_s8.hpp); and of the portable ADD, SUB,
// SQUARED_DIFFERENCE, MAXIMUM and PRELU at equal shapes, for reference.
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstdint>

#include "ctnn/ctnn.hpp"

namespace {

using namespace ctnn;

struct q1 { static constexpr float scale = 0.05f; static constexpr std::int32_t zero_point = -3; };
struct q2 { static constexpr float scale = 0.02f; static constexpr std::int32_t zero_point = 10; };
struct qo { static constexpr float scale = 0.07f; static constexpr std::int32_t zero_point = 5; };

alignas(4) std::int8_t a[16 * 16 * 32], b[16 * 16 * 32], out[16 * 16 * 32];

void fill() {
    std::uint32_t s = 7;
    for (auto& v : a) v = static_cast<std::int8_t>((s = s * 1103515245u + 12345u) >> 16);
    for (auto& v : b) v = static_cast<std::int8_t>((s = s * 1103515245u + 12345u) >> 16);
}

// Instructions per element x 1000.
void print_per_element(std::uint64_t instructions, int elements) {
    const std::uint64_t milli = instructions * 1000 / static_cast<std::uint64_t>(elements);
    ctnn_fw::print_udec(milli / 1000);
    ctnn_fw::print(".");
    const std::uint64_t f = milli % 1000;
    if (f < 100) ctnn_fw::print("0");
    if (f < 10) ctnn_fw::print("0");
    ctnn_fw::print_udec(f);
}

template <class Op, class L, class A, class B>
void row(const char* name) {
    using bound = typename L::template bind<A, B>;
    fill();
    const std::uint64_t fast = ctnn_fw::measure_instructions([] {
        kernels::kernel_for<Op>::template run<bound::params, bound::geometry>(a, b, out);
    });
    const std::uint64_t portable = ctnn_fw::measure_instructions([] {
        kernels::kernel<kernels::portable_set, Op>::template run<bound::params, bound::geometry>(a, b, out);
    });
    ctnn_fw::print(name);
    ctnn_fw::print(": build's kernel (");
    ctnn_fw::print(kernels::kernel_for<Op>::set_name);
    ctnn_fw::print(") ");
    print_per_element(fast, static_cast<int>(bound::output::size));
    ctnn_fw::print(" instructions/element, portable ");
    print_per_element(portable, static_cast<int>(bound::output::size));
    ctnn_fw::print("\n");
}

template <int... D>
using t1 = tensor_type<shape<D...>, q1>;
template <int... D>
using t2 = tensor_type<shape<D...>, q2>;

}  // namespace

int main() {
    using namespace ctnn::layers;
    namespace op = ctnn::kernels::op;
    row<op::mul, mul<qo>, t1<1, 16, 16, 32>, t2<1, 16, 16, 32>>("MUL 1x16x16x32 same shape");
    row<op::mul, mul<qo, act::relu>, t1<1, 16, 16, 32>, t2<1, 16, 16, 32>>("MUL 1x16x16x32 same shape, relu");
    row<op::mul, mul<qo>, t1<1, 16, 16, 32>, t2<32>>("MUL 1x16x16x32 by a 32-channel row");
    row<op::mul, mul<qo>, t1<1, 16, 16, 32>, t2<1>>("MUL 1x16x16x32 by a scalar");
    row<op::mul, mul<qo>, t1<64, 1>, t2<1, 128>>("MUL 64x1 by 1x128 (outer)");
    row<op::add_broadcast, add<qo>, t1<1, 16, 16, 32>, t2<32>>("ADD 1x16x16x32 + a 32-channel row");
    row<op::sub, sub<qo>, t1<1, 16, 16, 32>, t2<1, 16, 16, 32>>("SUB 1x16x16x32 same shape");
    row<op::squared_difference, squared_difference<qo>, t1<1, 16, 16, 32>, t2<1, 16, 16, 32>>("SQUARED_DIFFERENCE 1x16x16x32");
    row<op::maximum, maximum<qo>, t1<1, 16, 16, 32>, t2<1, 16, 16, 32>>("MAXIMUM 1x16x16x32");
    row<op::prelu, prelu<qo>, t1<1, 16, 16, 32>, t2<1, 1, 32>>("PRELU 1x16x16x32, alpha 1x1x32");
    ctnn_fw::print("total\n");
    return 0;
}
