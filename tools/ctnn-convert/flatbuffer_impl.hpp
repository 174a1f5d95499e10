// Template members of flatbuffer.hpp: scalar reads of any arithmetic type.
#pragma once

#include <bit>
#include <type_traits>

namespace ctnn_convert::fb {

template <class T>
T buffer::read(std::size_t pos, std::string_view what) const {
    static_assert(std::is_arithmetic_v<T> && (sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8));
    const std::uint64_t raw = read_unsigned(pos, sizeof(T), what);
    if constexpr (std::is_same_v<T, bool>) {
        return raw != 0;
    } else if constexpr (std::is_same_v<T, float>) {
        return std::bit_cast<float>(static_cast<std::uint32_t>(raw));
    } else if constexpr (std::is_same_v<T, double>) {
        return std::bit_cast<double>(raw);
    } else {
        // Two's complement narrowing (well defined since C++20).
        return static_cast<T>(raw);
    }
}

template <class T>
T table::scalar(int field, T default_value) const {
    const std::size_t pos = field_pos(field);
    return pos == 0 ? default_value : buf_->read<T>(pos, what_);
}

template <class T>
T vector::at(std::size_t i) const {
    return buf_->read<T>(data_ + i * element_size_, what_);
}

}  // namespace ctnn_convert::fb
