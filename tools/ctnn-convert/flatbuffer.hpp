// A bounds-checked reader for the FlatBuffers binary format, just what .tflite files use:
// tables with vtables, vectors of scalars, of tables and strings. Every read checks its byte
// range against the file, so a malformed file gives a convert_error naming the offset and what
// was being read, never an out-of-range access.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace ctnn_convert::fb {

class table;
class vector;

// The whole file. Does not own the bytes.
class buffer {
public:
    explicit buffer(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    std::size_t size() const { return bytes_.size(); }
    std::span<const std::uint8_t> bytes(std::size_t pos, std::size_t count, std::string_view what) const;

    // Little-endian scalar at `pos`, whatever the host byte order.
    std::uint64_t read_unsigned(std::size_t pos, std::size_t width, std::string_view what) const;
    template <class T>
    T read(std::size_t pos, std::string_view what) const;

    // The root table, after checking the 4-byte file identifier.
    table root(std::string_view file_identifier, std::string what) const;

    [[noreturn]] void out_of_range(std::size_t pos, std::size_t count, std::string_view what) const;

private:
    std::span<const std::uint8_t> bytes_;
};

// A table: `what` names it for error messages ("tensor #3").
class table {
public:
    table(const buffer& buf, std::size_t pos, std::string what);

    bool has(int field) const { return field_pos(field) != 0; }
    template <class T>
    T scalar(int field, T default_value) const;
    table sub_table(int field, std::string what) const;  // the field must be present
    vector vec(int field, std::size_t element_size) const;  // empty when absent
    std::string string(int field) const;                   // "" when absent
    const std::string& what() const { return what_; }
    std::size_t position() const { return pos_; }

private:
    friend class vector;
    std::size_t field_pos(int field) const;  // absolute position, 0 when absent
    std::size_t follow(std::size_t pos) const;  // target of the uoffset stored at pos

    const buffer* buf_;
    std::size_t pos_;
    std::size_t vtable_ = 0;
    std::size_t vtable_size_ = 0;
    std::size_t table_size_ = 0;
    std::string what_;
};

// A vector of fixed-size elements (scalars or offsets to tables/strings).
class vector {
public:
    vector() = default;
    vector(const buffer& buf, std::size_t data, std::size_t length, std::size_t element_size, std::string what)
        : buf_(&buf), data_(data), length_(length), element_size_(element_size), what_(std::move(what)) {}

    std::size_t size() const { return length_; }
    template <class T>
    T at(std::size_t i) const;
    table table_at(std::size_t i, std::string what) const;
    std::span<const std::uint8_t> raw() const;

private:
    const buffer* buf_ = nullptr;
    std::size_t data_ = 0;
    std::size_t length_ = 0;
    std::size_t element_size_ = 1;
    std::string what_;
};

}  // namespace ctnn_convert::fb

#include "flatbuffer_impl.hpp"
