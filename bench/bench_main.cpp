// Google Benchmark main that also prints, for every benchmark pair ".../ctnn" and
// ".../reference" measured in this run, how many times faster ctnn is.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>

namespace {

class ratio_reporter : public benchmark::ConsoleReporter {
  public:
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs) {
            if (r.run_type != Run::RT_Iteration || r.iterations == 0) continue;
            const std::string name = r.benchmark_name();
            const auto slash = name.rfind('/');
            times_[name.substr(0, slash)][name.substr(slash + 1)] = r.GetAdjustedRealTime();
        }
    }
    void Finalize() override {
        ConsoleReporter::Finalize();
        std::printf("\n%-50s %12s\n", "speed-up of ctnn over the reference kernels", "ratio");
        for (const auto& [name, times] : times_) {
            const auto ctnn = times.find("ctnn");
            const auto reference = times.find("reference");
            if (ctnn == times.end() || reference == times.end() || ctnn->second <= 0) continue;
            std::printf("%-50s %11.1fx\n", name.c_str(), reference->second / ctnn->second);
        }
    }

  private:
    std::map<std::string, std::map<std::string, double>> times_;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
