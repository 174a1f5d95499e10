// Firmware micro-benchmark: instructions (QEMU -icount shift=0) per layer of the build's kernels
// (kernels/select.hpp: Arm DSP, or Helium on M55) and of the portable kernels at every weighted
// layer shape of the MLPerf Tiny KWS, VWW and ResNet-8 models (shared/models/MODELS.md), with
// instructions per MAC, and per-model sums of the weighted layers (count = how many layers of the model have that shape).
#include <ctnn_fw/ctnn_fw.hpp>

#include <cstddef>
#include <cstdint>

#include "arm_specs.hpp"
#include "ctnn/kernels/select.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/fully_connected_s8.hpp"

namespace {

using namespace ctnn;
using arm_test::conv_case;
using arm_test::fc_case;

alignas(4) std::int8_t input[96 * 96 * 3];
alignas(4) std::int8_t output[48 * 48 * 16];
alignas(4) std::byte scratch[16 * 1024];  // the Arm kernels' scratch (a model's arena holds it)

struct totals {
    std::uint64_t macs = 0, arm = 0, portable = 0;
};
totals model[3];
const char* const model_names[3] = {"kws_ds_cnn", "vww_mobilenet", "ic_resnet8"};

void print_padded(const char* s, int width) {
    int n = 0;
    while (s[n]) ++n;
    ctnn_fw::print(s);
    for (; n < width; ++n) ctnn_fw::print(" ");
}
void print_u(std::uint64_t v, int width) {
    int digits = 1;
    for (std::uint64_t x = v; x >= 10; x /= 10) ++digits;
    for (; digits < width; ++digits) ctnn_fw::print(" ");
    ctnn_fw::print_udec(v);
}
// v / 1000 with three decimals.
void print_milli(std::uint64_t v) {
    print_u(v / 1000, 3);
    ctnn_fw::print(".");
    const std::uint64_t f = v % 1000;
    if (f < 100) ctnn_fw::print("0");
    if (f < 10) ctnn_fw::print("0");
    ctnn_fw::print_udec(f);
}

template <class Arm, class Portable>
void row(const char* name, int m, int count, std::uint64_t macs, Arm arm, Portable portable) {
    arm_test::fill_random(input, sizeof input, 7);
    const std::uint64_t a = ctnn_fw::measure_instructions(arm);
    const std::uint64_t p = ctnn_fw::measure_instructions(portable);
    model[m].macs += count * macs;
    model[m].arm += count * a;
    model[m].portable += count * p;
    print_padded(name, 34);
    print_u(count, 3);
    print_u(macs, 9);
    print_u(a, 10);
    print_u(p, 10);
    ctnn_fw::print("  ");
    print_milli(a * 1000 / macs);
    ctnn_fw::print("  ");
    print_milli(p * 1000 / macs);
    ctnn_fw::print("\n");
}

// Model layers: zp_in = zp_out = -128 and relu (a no-op clamp at zp_out -128), per channel.
constexpr conv_case layer(int h, int w, int ic, int oc, int k, int stride) {
    return {.in_h = h, .in_w = w, .in_c = ic, .out_c = oc, .kernel_h = k, .kernel_w = k, .stride_h = stride,
            .stride_w = stride};
}

template <conv_case C, int Seed>
void conv(const char* name, int m, int count) {
    using S = arm_test::conv_spec<C, Seed>;
    row(name, m, count, S::macs, [] { kernels::kernel_for<kernels::op::conv2d>::run<S, kernel_options{}>(input, output, scratch); },
        [] { kernels::portable::conv2d_s8<S>(input, output); });
}
template <conv_case C, int Seed>
void dw(const char* name, int m, int count) {
    using S = arm_test::depthwise_spec<C, Seed>;
    row(name, m, count, S::macs, [] { kernels::kernel_for<kernels::op::depthwise_conv2d>::run<S, kernel_options{}>(input, output); },
        [] { kernels::kernel<kernels::portable_set, kernels::op::depthwise_conv2d>::run<S, kernel_options{}>(input, output); });
}
template <fc_case C, int Seed>
void fc(const char* name, int m, int count) {
    using S = arm_test::fc_spec<C, Seed>;
    row(name, m, count, S::macs, [] { kernels::kernel_for<kernels::op::fully_connected>::run<S, kernel_options{}>(input, output, scratch); },
        [] { kernels::portable::fully_connected_s8<S>(input, output); });
}

}  // namespace

int main() {
    ctnn_fw::print("layer                             n     MACs   arm ins  port ins  arm/MAC  port/MAC\n");
    constexpr conv_case kws_first{.in_h = 49, .in_w = 10, .in_c = 1, .out_c = 64, .kernel_h = 10, .kernel_w = 4,
                                  .stride_h = 2, .stride_w = 2, .zp_in = 83};
    conv<kws_first, 1>("kws conv 49x10x1 10x4 s2 ->64", 0, 1);
    dw<layer(25, 5, 64, 64, 3, 1), 2>("kws dw 25x5x64 3x3", 0, 4);
    conv<layer(25, 5, 64, 64, 1, 1), 3>("kws pw 25x5 64->64", 0, 4);
    fc<fc_case{.batches = 1, .in = 64, .out = 12, .per_channel = false, .zp_out = 14}, 4>("kws fc 64->12", 0, 1);

    conv<layer(96, 96, 3, 8, 3, 2), 10>("vww conv 96x96x3 3x3 s2 ->8", 1, 1);
    dw<layer(48, 48, 8, 8, 3, 1), 11>("vww dw 48x48x8", 1, 1);
    conv<layer(48, 48, 8, 16, 1, 1), 12>("vww pw 48x48 8->16", 1, 1);
    dw<layer(48, 48, 16, 16, 3, 2), 13>("vww dw 48x48x16 s2", 1, 1);
    conv<layer(24, 24, 16, 32, 1, 1), 14>("vww pw 24x24 16->32", 1, 1);
    dw<layer(24, 24, 32, 32, 3, 1), 15>("vww dw 24x24x32", 1, 1);
    conv<layer(24, 24, 32, 32, 1, 1), 16>("vww pw 24x24 32->32", 1, 1);
    dw<layer(24, 24, 32, 32, 3, 2), 17>("vww dw 24x24x32 s2", 1, 1);
    conv<layer(12, 12, 32, 64, 1, 1), 18>("vww pw 12x12 32->64", 1, 1);
    dw<layer(12, 12, 64, 64, 3, 1), 19>("vww dw 12x12x64", 1, 1);
    conv<layer(12, 12, 64, 64, 1, 1), 20>("vww pw 12x12 64->64", 1, 1);
    dw<layer(12, 12, 64, 64, 3, 2), 21>("vww dw 12x12x64 s2", 1, 1);
    conv<layer(6, 6, 64, 128, 1, 1), 22>("vww pw 6x6 64->128", 1, 1);
    dw<layer(6, 6, 128, 128, 3, 1), 23>("vww dw 6x6x128", 1, 5);
    conv<layer(6, 6, 128, 128, 1, 1), 24>("vww pw 6x6 128->128", 1, 5);
    dw<layer(6, 6, 128, 128, 3, 2), 25>("vww dw 6x6x128 s2", 1, 1);
    conv<layer(3, 3, 128, 256, 1, 1), 26>("vww pw 3x3 128->256", 1, 1);
    dw<layer(3, 3, 256, 256, 3, 1), 27>("vww dw 3x3x256", 1, 1);
    conv<layer(3, 3, 256, 256, 1, 1), 28>("vww pw 3x3 256->256", 1, 1);
    fc<fc_case{.batches = 1, .in = 256, .out = 2, .per_channel = false, .zp_out = -5}, 29>("vww fc 256->2", 1, 1);

    conv<layer(32, 32, 3, 16, 3, 1), 40>("ic conv 32x32x3 3x3 ->16", 2, 1);
    conv<layer(32, 32, 16, 16, 3, 1), 41>("ic conv 32x32x16 3x3 ->16", 2, 2);
    conv<layer(32, 32, 16, 32, 3, 2), 42>("ic conv 32x32x16 3x3 s2 ->32", 2, 1);
    conv<layer(16, 16, 32, 32, 3, 1), 43>("ic conv 16x16x32 3x3 ->32", 2, 1);
    conv<layer(32, 32, 16, 32, 1, 2), 44>("ic pw 32x32x16 s2 ->32", 2, 1);
    conv<layer(16, 16, 32, 64, 3, 2), 45>("ic conv 16x16x32 3x3 s2 ->64", 2, 1);
    conv<layer(8, 8, 64, 64, 3, 1), 46>("ic conv 8x8x64 3x3 ->64", 2, 1);
    conv<layer(16, 16, 32, 64, 1, 2), 47>("ic pw 16x16x32 s2 ->64", 2, 1);
    fc<fc_case{.batches = 1, .in = 64, .out = 10, .per_channel = false, .zp_out = 24}, 48>("ic fc 64->10", 2, 1);

    ctnn_fw::print("\nweighted layers per model     MACs       arm  portable  arm/MAC  port/MAC\n");
    for (int m = 0; m < 3; ++m) {
        print_padded(model_names[m], 22);
        print_u(model[m].macs, 9);
        print_u(model[m].arm, 10);
        print_u(model[m].portable, 10);
        ctnn_fw::print("  ");
        print_milli(model[m].arm * 1000 / model[m].macs);
        ctnn_fw::print("  ");
        print_milli(model[m].portable * 1000 / model[m].macs);
        ctnn_fw::print("\n");
    }
    ctnn_fw::print_line("total arm instructions", model[0].arm + model[1].arm + model[2].arm);
    return 0;
}
