// ctnn firmware support: includes only.
#pragma once

#include <ctnn_fw/icount.hpp>
#include <ctnn_fw/memory.hpp>
#include <ctnn_fw/print.hpp>
#include <ctnn_fw/semihosting.hpp>
#include <ctnn_fw/stack.hpp>
