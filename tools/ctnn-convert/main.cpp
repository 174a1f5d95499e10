// ctnn-convert: .tflite -> C++ header for ctnn. See cli.cpp for the options.
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"

int main(int argc, char** argv) {
    try {
        const std::vector<std::string> args(argv + 1, argv + argc);
        const int status = ctnn_convert::run_cli(args, std::cout, std::cerr);
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "ctnn-convert: error: cannot write to standard output\n";
            return 2;
        }
        return status;
    } catch (...) {
        std::cerr << "ctnn-convert: error: unexpected failure\n";
        return 2;
    }
}
