// Index of the largest element (the first one on ties): the predicted class of a classifier.
#pragma once

#include <cstddef>
#include <span>

namespace ctnn {

template <class T, std::size_t N>
constexpr std::size_t argmax(std::span<T, N> values) noexcept {
    std::size_t best = 0;
    for (std::size_t i = 1; i < values.size(); ++i)
        if (values[i] > values[best]) best = i;
    return best;
}

}  // namespace ctnn
