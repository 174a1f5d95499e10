// The converter's operator table (tools/ctnn-convert/operators.hpp): one entry per builtin,
// named as TFLite names it, and complete enough that no caller needs a default.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <vector>
#include <string>

#include "operators.hpp"
#include "tflite_schema.hpp"

using namespace ctnn_convert;

TEST_CASE("operator table: one entry per builtin, under TFLite's name, with every function it needs") {
    const auto table = operator_table();
    CHECK(table.size() >= 13);
    std::set<int> builtins;
    for (const operator_entry* e : table) {
        REQUIRE(e != nullptr);
        INFO("operator " << e->name);
        CHECK(builtins.insert(e->builtin).second);
        CHECK(std::string(e->name) == tfl::operator_name(e->builtin));
        CHECK(find_operator(e->builtin) == e);
        CHECK(static_cast<bool>(e->lower));
        CHECK(static_cast<bool>(e->layer_type));
        // Only a weighted layer (one with a parameters struct) stores int8 weights it could widen;
        // its MACs and bytes come from the library's rules (ctnn/layers/weighted_facts.hpp).
        CHECK((!e->traits.widenable_weights || e->params_prefix != nullptr));
    }
    CHECK(find_operator(-1) == nullptr);
}

TEST_CASE("operator table: the supported list in error messages is the table's names, sorted") {
    std::vector<std::string> names;
    for (const operator_entry* e : operator_table()) names.emplace_back(e->name);
    std::sort(names.begin(), names.end());
    std::string want;
    for (const auto& n : names) want += (want.empty() ? "" : ", ") + n;
    CHECK(supported_operators_text() == want);
    // The first few, spelled out: a sorted list, not the table's order.
    CHECK(supported_operators_text().rfind("ABS, ADD, ", 0) == 0);
}
