// The AVX-512 VNNI kernel set (x86-64 hosts), taken by kernels/select.hpp where kernels/isa.hpp
// enables CTNN_KERNELS_X86_VNNI: conv, fully connected and ADD.
#pragma once

#include "ctnn/kernels/x86_vnni/add.hpp"
#include "ctnn/kernels/x86_vnni/conv2d_s8.hpp"
#include "ctnn/kernels/x86_vnni/fully_connected_s8.hpp"
