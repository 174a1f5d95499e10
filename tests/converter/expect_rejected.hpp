// The converter's answer to a model it must refuse: exit 2, nothing on stdout, and one line on
// stderr in the one format, `ctnn-convert: error: FILE.tflite: MESSAGE`, ending in `message`.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "run_converter.hpp"
#include "tflite_builder.hpp"

namespace test_run {

inline void expect_rejected(const test_tflite::model& m, const std::string& message) {
    const auto r = convert(test_tflite::build(m));
    INFO("stderr: " << r.err);
    CHECK(r.status == 2);
    CHECK(r.err.rfind("ctnn-convert: error: ", 0) == 0);
    const std::string tail = ".tflite: " + message + "\n";
    CHECK(r.err.size() >= tail.size());
    CHECK(r.err.compare(r.err.size() - std::min(tail.size(), r.err.size()), tail.size(), tail) == 0);
    CHECK(r.err.find("#-1") == std::string::npos);
    CHECK(r.out.empty());
}

}  // namespace test_run
