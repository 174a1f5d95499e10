// End-to-end benchmark of one bundled model (compiled once per model with
// -DCTNN_MODEL_HEADER / -DCTNN_MODEL_NAMESPACE): ctnn's kernels against the reference kernels
// of the same model, in the same run. Counters: MACs per second.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstring>

#include CTNN_MODEL_HEADER

#define CTNN_STR2(x) #x
#define CTNN_STR(x) CTNN_STR2(x)

namespace {

using model = CTNN_MODEL_NAMESPACE::model;
model::instance net;

void fill_input() {
    // Deterministic pseudo-random bytes; timing does not depend on them (branch-free kernels).
    std::uint32_t s = 1;
    auto* bytes = reinterpret_cast<std::uint8_t*>(net.input().data());
    for (std::size_t i = 0; i < net.input().size_bytes(); ++i) {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        bytes[i] = static_cast<std::uint8_t>(s);
    }
    if constexpr (std::is_same_v<model::input_element, float>) {
        for (auto& v : net.input()) v = static_cast<float>(static_cast<std::int8_t>(reinterpret_cast<std::uint8_t&>(v)));
    }
}

template <bool Reference>
void run(benchmark::State& state) {
    for (auto _ : state) {
        state.PauseTiming();
        fill_input();  // invoke may overwrite its input
        state.ResumeTiming();
        if constexpr (Reference) {
            net.invoke_reference();
        } else {
            net.invoke();
        }
        benchmark::DoNotOptimize(net.output().data());
    }
    state.counters["MAC/s"] = benchmark::Counter(static_cast<double>(model::macs) * static_cast<double>(state.iterations()),
                                                 benchmark::Counter::kIsRate);
}

const auto registered = [] {
    benchmark::RegisterBenchmark("model/" CTNN_STR(CTNN_MODEL_NAMESPACE) "/ctnn", run<false>)->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("model/" CTNN_STR(CTNN_MODEL_NAMESPACE) "/reference", run<true>)->Unit(benchmark::kMicrosecond);
    return true;
}();

}  // namespace
