#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <filesystem>

#include "run_converter.hpp"

int main(int argc, char** argv) {
    const int status = doctest::Context(argc, argv).run();
    std::error_code ignored;
    std::filesystem::remove_all(test_run::scratch_dir(), ignored);  // files the tests wrote
    return status;
}
