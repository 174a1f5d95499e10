// Portable vs reference kernels at the shapes they have in the MLPerf Tiny models
// (shared/models/MODELS.md), in one run. Counters: MACs/s for convolutions, elements/s for the
// rest; after the run a table gives portable speed-up over reference per shape.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ctnn/kernels/portable/add_s8.hpp"
#include "ctnn/kernels/portable/conv2d_s8.hpp"
#include "ctnn/kernels/portable/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/portable/mean_s8.hpp"
#include "ctnn/kernels/portable/pad_s8.hpp"
#include "ctnn/kernels/portable/pool2d_s8.hpp"
#include "ctnn/kernels/reference/add_s8.hpp"
#include "ctnn/kernels/reference/conv2d_s8.hpp"
#include "ctnn/kernels/reference/depthwise_conv2d_s8.hpp"
#include "ctnn/kernels/reference/mean_s8.hpp"
#include "ctnn/kernels/reference/pad_s8.hpp"
#include "ctnn/kernels/reference/pool2d_s8.hpp"
#include "support/random_specs.hpp"

namespace {

using namespace ctnn;
using namespace ctnn::kernels;
using test::conv_case;

// Activation zero points as in the models: -128 in, -128 out, relu.
constexpr conv_case model_conv(int h, int w, int ic, int oc, int k_h, int k_w, int stride, int dm = 1) {
    return {.in_h = h, .in_w = w, .in_c = ic, .out_c = oc, .kernel_h = k_h, .kernel_w = k_w, .stride_h = stride,
            .stride_w = stride, .depth_multiplier = dm, .input_zero_point = -128, .output_zero_point = -128,
            .act_min = -128};
}

template <class Spec, bool Depthwise>
void register_conv(const std::string& name) {
    constexpr conv_geometry g = Spec::geometry;
    const double macs = 1.0 * g.out_h * g.out_w * g.out_c * g.kernel_h * g.kernel_w * (Depthwise ? 1 : g.in_c);
    auto input = std::make_shared<std::vector<std::int8_t>>(test::random_input(std::size_t(g.in_h * g.in_w * g.in_c), 1));
    auto output = std::make_shared<std::vector<std::int8_t>>(std::size_t(g.out_h * g.out_w * g.out_c));
    benchmark::RegisterBenchmark((name + "/reference").c_str(), [=](benchmark::State& state) {
        for (auto _ : state) {
            if constexpr (Depthwise)
                reference::depthwise_conv2d_s8(g, input->data(), Spec::weights.data(), Spec::bias.data(),
                                               Spec::requant.data(), output->data());
            else
                reference::conv2d_s8(g, input->data(), Spec::weights.data(), Spec::bias.data(), Spec::requant.data(),
                                     output->data());
            benchmark::DoNotOptimize(output->data());
            benchmark::ClobberMemory();
        }
        state.counters["MACs/s"] = benchmark::Counter(macs, benchmark::Counter::kIsIterationInvariantRate);
    });
    benchmark::RegisterBenchmark((name + "/portable").c_str(), [=](benchmark::State& state) {
        for (auto _ : state) {
            if constexpr (Depthwise)
                kernel<portable_set, op::depthwise_conv2d>::run<Spec, kernel_options{}>(input->data(), output->data());
            else
                portable::conv2d_s8<Spec>(input->data(), output->data());
            benchmark::DoNotOptimize(output->data());
            benchmark::ClobberMemory();
        }
        state.counters["MACs/s"] = benchmark::Counter(macs, benchmark::Counter::kIsIterationInvariantRate);
    });
}

// Element-wise and pooling kernels: `slow` and `fast` take (input, output).
template <class Slow, class Fast>
void register_pair(const std::string& name, std::size_t in_size, std::size_t out_size, double elements, Slow slow,
                   Fast fast) {
    auto input = std::make_shared<std::vector<std::int8_t>>(test::random_input(in_size, 2));
    auto output = std::make_shared<std::vector<std::int8_t>>(out_size);
    auto run = [=](auto kernel) {
        return [=](benchmark::State& state) {
            for (auto _ : state) {
                kernel(input->data(), output->data());
                benchmark::DoNotOptimize(output->data());
                benchmark::ClobberMemory();
            }
            state.counters["elem/s"] = benchmark::Counter(elements, benchmark::Counter::kIsIterationInvariantRate);
        };
    };
    benchmark::RegisterBenchmark((name + "/reference").c_str(), run(slow));
    benchmark::RegisterBenchmark((name + "/portable").c_str(), run(fast));
}

// Console output plus a closing table of reference / portable CPU time per shape (CPU time, as
// the rate counters use, so a busy machine skews the ratio less).
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs) times_[run.benchmark_name()] = run.GetAdjustedCPUTime();
        ConsoleReporter::ReportRuns(runs);
    }
    void Finalize() override {
        ConsoleReporter::Finalize();
        std::printf("\n%-34s %14s %14s %9s\n", "shape", "reference", "portable", "speed-up");
        for (const auto& [name, time] : times_) {
            const auto slash = name.rfind("/reference");
            if (slash == std::string::npos) continue;
            const std::string shape = name.substr(0, slash);
            const auto fast = times_.find(shape + "/portable");
            if (fast == times_.end()) continue;
            std::printf("%-34s %14.0f %14.0f %8.1fx\n", shape.c_str(), time, fast->second, time / fast->second);
        }
    }

private:
    std::map<std::string, double> times_;
};

using kws_conv = test::random_conv_spec<model_conv(49, 10, 1, 64, 10, 4, 2), 1>;
using kws_dw = test::random_depthwise_spec<model_conv(25, 5, 64, 64, 3, 3, 1), 2>;
using kws_pw = test::random_conv_spec<model_conv(25, 5, 64, 64, 1, 1, 1), 3>;
using vww_conv = test::random_conv_spec<model_conv(96, 96, 3, 8, 3, 3, 2), 4>;
using vww_dw = test::random_depthwise_spec<model_conv(48, 48, 8, 8, 3, 3, 1), 5>;
using vww_dw_s2 = test::random_depthwise_spec<model_conv(48, 48, 16, 16, 3, 3, 2), 6>;
using vww_pw = test::random_conv_spec<model_conv(48, 48, 8, 16, 1, 1, 1), 7>;
using vww_pw_128 = test::random_conv_spec<model_conv(6, 6, 128, 128, 1, 1, 1), 8>;
using ic_conv = test::random_conv_spec<model_conv(32, 32, 16, 16, 3, 3, 1), 9>;
using ic_conv_s2 = test::random_conv_spec<model_conv(32, 32, 16, 32, 3, 3, 2), 10>;
using ic_conv_first = test::random_conv_spec<model_conv(32, 32, 3, 16, 3, 3, 1), 11>;
using ic_shortcut = test::random_conv_spec<model_conv(32, 32, 16, 32, 1, 1, 2), 12>;

constexpr add_params ic_add = test::make_add(32 * 32 * 16, 0.0393935516f, -128, 0.104194961f, 4, 0.0509456731f, -128);
constexpr pool_geometry kws_pool = test::make_pool(25, 5, 64, 25, 5, 25, 5, false);
constexpr pool_geometry ic_pool = test::make_pool(8, 8, 64, 8, 8, 8, 8, false);
constexpr pool_geometry max_pool = test::make_pool(32, 32, 16, 2, 2, 2, 2, false);  // no model uses it
constexpr pad_params vww_pad{.in_shape = {1, 48, 48, 8}, .before = {0, 1, 1, 0}, .after = {0, 1, 1, 0}, .pad_value = -128};
constexpr mean_params mean_diff = test::make_mean(8, 8, 64, 0.127069145f, -128, 0.05f, -128);

void register_all() {
    register_conv<kws_conv, false>("conv2d/kws_49x10x1_10x4_s2_64");
    register_conv<kws_dw, true>("dwconv/kws_25x5x64_3x3");
    register_conv<kws_pw, false>("conv2d/kws_25x5x64_1x1_64");
    register_conv<vww_conv, false>("conv2d/vww_96x96x3_3x3_s2_8");
    register_conv<vww_dw, true>("dwconv/vww_48x48x8_3x3");
    register_conv<vww_dw_s2, true>("dwconv/vww_48x48x16_3x3_s2");
    register_conv<vww_pw, false>("conv2d/vww_48x48x8_1x1_16");
    register_conv<vww_pw_128, false>("conv2d/vww_6x6x128_1x1_128");
    register_conv<ic_conv_first, false>("conv2d/ic_32x32x3_3x3_16");
    register_conv<ic_conv, false>("conv2d/ic_32x32x16_3x3_16");
    register_conv<ic_conv_s2, false>("conv2d/ic_32x32x16_3x3_s2_32");
    register_conv<ic_shortcut, false>("conv2d/ic_32x32x16_1x1_s2_32");

    // ADD reads two tensors; the second is the same buffer (the kernel does not care).
    register_pair(
        "add/ic_32x32x16", ic_add.size, ic_add.size, ic_add.size,
        [](const std::int8_t* x, std::int8_t* y) { reference::add_s8(ic_add, x, x + 1, y); },
        [](const std::int8_t* x, std::int8_t* y) { portable::add_s8<ic_add>(x, x + 1, y); });
    register_pair(
        "avgpool/kws_25x5x64_global", 25 * 5 * 64, 64, 25 * 5 * 64,
        [](const std::int8_t* x, std::int8_t* y) { reference::average_pool2d(kws_pool, x, y); },
        kernel<portable_set, op::average_pool2d>::run<kws_pool, std::int8_t>);
    register_pair(
        "avgpool/ic_8x8x64_global", 8 * 8 * 64, 64, 8 * 8 * 64,
        [](const std::int8_t* x, std::int8_t* y) { reference::average_pool2d(ic_pool, x, y); },
        kernel<portable_set, op::average_pool2d>::run<ic_pool, std::int8_t>);
    register_pair(
        "maxpool/32x32x16_2x2_s2", 32 * 32 * 16, 16 * 16 * 16, 32 * 32 * 16,
        [](const std::int8_t* x, std::int8_t* y) { reference::max_pool2d(max_pool, x, y); },
        kernel<portable_set, op::max_pool2d>::run<max_pool, std::int8_t>);
    register_pair(
        "pad/48x48x8_1", 48 * 48 * 8, 50 * 50 * 8, 50 * 50 * 8,
        [](const std::int8_t* x, std::int8_t* y) { reference::pad(vww_pad, x, y); }, kernel<portable_set, op::pad>::run<vww_pad, std::int8_t>);
    register_pair(
        "mean/8x8x64", 8 * 8 * 64, 64, 8 * 8 * 64,
        [](const std::int8_t* x, std::int8_t* y) { reference::mean(mean_diff, x, y); }, kernel<portable_set, op::mean>::run<mean_diff, std::int8_t>);
}

}  // namespace

int main(int argc, char** argv) {
    register_all();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
