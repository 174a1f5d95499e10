// A tiny FlatBuffers writer for tests: describe tables as values, serialize front to back
// (parents first, children appended after them, so every uoffset points forward as the
// format requires). Enough to synthesize .tflite files, well-formed or deliberately broken.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace test_fb {

struct table;

struct field {
    enum class kind { scalar, table, vector, string, table_vector } k = kind::scalar;
    int id = 0;
    std::vector<std::uint8_t> bytes;  // scalar value, vector payload or string
    std::size_t element_count = 0;    // vectors
    std::shared_ptr<table> child;
    std::vector<table> children;
};

struct table {
    std::vector<field> fields;

    template <class T>
    table& scalar(int id, T value) {
        field f;
        f.id = id;
        f.bytes.resize(sizeof(T));
        std::memcpy(f.bytes.data(), &value, sizeof(T));  // tests run on little-endian hosts
        fields.push_back(std::move(f));
        return *this;
    }
    template <class T>
    table& vec(int id, const std::vector<T>& values) {
        field f;
        f.k = field::kind::vector;
        f.id = id;
        f.element_count = values.size();
        f.bytes.resize(values.size() * sizeof(T));
        if (!values.empty()) std::memcpy(f.bytes.data(), values.data(), f.bytes.size());
        fields.push_back(std::move(f));
        return *this;
    }
    table& str(int id, const std::string& s) {
        field f;
        f.k = field::kind::string;
        f.id = id;
        f.bytes.assign(s.begin(), s.end());
        fields.push_back(std::move(f));
        return *this;
    }
    table& sub(int id, const table& t) {
        field f;
        f.k = field::kind::table;
        f.id = id;
        f.child = std::make_shared<table>(t);
        fields.push_back(std::move(f));
        return *this;
    }
    table& tables(int id, const std::vector<table>& ts) {
        field f;
        f.k = field::kind::table_vector;
        f.id = id;
        f.children = ts;
        fields.push_back(std::move(f));
        return *this;
    }
};

class writer {
public:
    // A whole file: root offset, 4-byte identifier, then the root table.
    std::vector<std::uint8_t> finish(const table& root, const char* identifier) {
        buf_.assign(8, 0);
        std::memcpy(buf_.data() + 4, identifier, 4);
        const std::size_t pos = write_table(root);
        put32(0, static_cast<std::uint32_t>(pos));
        return buf_;
    }

private:
    void align4() { align(4); }
    void align(std::size_t n) {
        while (buf_.size() % n != 0) buf_.push_back(0);
    }
    void put32(std::size_t at, std::uint32_t v) { std::memcpy(buf_.data() + at, &v, 4); }
    void append32(std::uint32_t v) {
        const std::size_t at = buf_.size();
        buf_.resize(at + 4);
        put32(at, v);
    }

    std::size_t write_table(const table& t) {
        align4();
        int max_id = -1;
        for (const auto& f : t.fields) max_id = std::max(max_id, f.id);
        // Inline layout: 4-byte vtable offset, then each field (scalars at their size, offsets 4 bytes),
        // each aligned to its width as FlatBuffers verifiers require.
        std::vector<std::uint16_t> slot(static_cast<std::size_t>(max_id + 1), 0);
        std::size_t size = 4, table_align = 4;
        std::vector<std::size_t> at(t.fields.size());
        for (std::size_t i = 0; i < t.fields.size(); ++i) {
            const auto& f = t.fields[i];
            const std::size_t width = f.k == field::kind::scalar ? f.bytes.size() : 4;
            while (size % width != 0) ++size;
            table_align = std::max(table_align, width);
            at[i] = size;
            slot[static_cast<std::size_t>(f.id)] = static_cast<std::uint16_t>(size);
            size += width;
        }
        const std::size_t vtable = buf_.size();
        const auto push16 = [&](std::uint16_t v) {
            buf_.push_back(static_cast<std::uint8_t>(v & 0xff));
            buf_.push_back(static_cast<std::uint8_t>(v >> 8));
        };
        push16(static_cast<std::uint16_t>(4 + 2 * slot.size()));
        push16(static_cast<std::uint16_t>(size));
        for (const auto s : slot) push16(s);
        align(table_align);
        const std::size_t pos = buf_.size();
        buf_.resize(pos + size, 0);
        const std::int32_t back = static_cast<std::int32_t>(pos - vtable);
        std::memcpy(buf_.data() + pos, &back, 4);
        for (std::size_t i = 0; i < t.fields.size(); ++i) {
            const auto& f = t.fields[i];
            if (f.k == field::kind::scalar) std::memcpy(buf_.data() + pos + at[i], f.bytes.data(), f.bytes.size());
        }
        for (std::size_t i = 0; i < t.fields.size(); ++i) {
            const auto& f = t.fields[i];
            if (f.k == field::kind::scalar) continue;
            const std::size_t child = write_child(f);
            put32(pos + at[i], static_cast<std::uint32_t>(child - (pos + at[i])));
        }
        return pos;
    }

    std::size_t write_child(const field& f) {
        switch (f.k) {
            case field::kind::table: return write_table(*f.child);
            case field::kind::vector:
            case field::kind::string: {
                align4();
                // Elements wider than the length word (int64 zero points) start 8-aligned.
                if (f.element_count > 0 && f.bytes.size() / f.element_count == 8 && buf_.size() % 8 == 0) append32(0);
                const std::size_t pos = buf_.size();
                append32(static_cast<std::uint32_t>(f.k == field::kind::string ? f.bytes.size() : f.element_count));
                buf_.insert(buf_.end(), f.bytes.begin(), f.bytes.end());
                if (f.k == field::kind::string) buf_.push_back(0);
                return pos;
            }
            case field::kind::table_vector: {
                align4();
                const std::size_t pos = buf_.size();
                append32(static_cast<std::uint32_t>(f.children.size()));
                const std::size_t elements = buf_.size();
                buf_.resize(elements + 4 * f.children.size(), 0);
                for (std::size_t i = 0; i < f.children.size(); ++i) {
                    const std::size_t child = write_table(f.children[i]);
                    put32(elements + 4 * i, static_cast<std::uint32_t>(child - (elements + 4 * i)));
                }
                return pos;
            }
            case field::kind::scalar: break;
        }
        return 0;
    }

    std::vector<std::uint8_t> buf_;
};

}  // namespace test_fb
