#include "flatbuffer.hpp"

#include "convert_error.hpp"

namespace ctnn_convert::fb {

void buffer::out_of_range(std::size_t pos, std::size_t count, std::string_view what) const {
    (void)count;
    std::string message = "offset " + std::to_string(pos) + " out of range (file is " + std::to_string(bytes_.size()) + " bytes)";
    if (!what.empty()) message += " reading " + std::string(what);
    fail(message);
}

std::span<const std::uint8_t> buffer::bytes(std::size_t pos, std::size_t count, std::string_view what) const {
    if (pos > bytes_.size() || count > bytes_.size() - pos) out_of_range(pos, count, what);
    return bytes_.subspan(pos, count);
}

std::uint64_t buffer::read_unsigned(std::size_t pos, std::size_t width, std::string_view what) const {
    const auto b = bytes(pos, width, what);
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i) value |= static_cast<std::uint64_t>(b[i]) << (8 * i);
    return value;
}

table buffer::root(std::string_view file_identifier, std::string what) const {
    if (bytes_.size() < 8) {
        fail("not a flatbuffer: file is " + std::to_string(bytes_.size()) + " bytes, too short for a header");
    }
    const auto id = bytes(4, 4, "file identifier");
    if (std::string_view(reinterpret_cast<const char*>(id.data()), 4) != file_identifier) {
        std::string shown;
        for (const auto c : id) shown += (c >= 0x20 && c < 0x7f) ? static_cast<char>(c) : '?';
        fail("not a TensorFlow Lite model: file identifier is '" + shown + "', expected '" + std::string(file_identifier) + "'");
    }
    return table(*this, read<std::uint32_t>(0, "root offset"), std::move(what));
}

table::table(const buffer& buf, std::size_t pos, std::string what) : buf_(&buf), pos_(pos), what_(std::move(what)) {
    // The table starts with a signed offset back (or forward) to its vtable.
    const auto back = buf.read<std::int32_t>(pos, what_);
    const auto vt = static_cast<std::int64_t>(pos) - back;
    if (vt < 0 || static_cast<std::uint64_t>(vt) >= buf.size()) buf.out_of_range(vt < 0 ? 0 : static_cast<std::size_t>(vt), 4, "vtable of " + what_);
    vtable_ = static_cast<std::size_t>(vt);
    vtable_size_ = buf.read<std::uint16_t>(vtable_, "vtable of " + what_);
    table_size_ = buf.read<std::uint16_t>(vtable_ + 2, "vtable of " + what_);
    if (vtable_size_ < 4 || vtable_size_ % 2 != 0) {
        fail("malformed vtable at offset " + std::to_string(vtable_) + " (size " + std::to_string(vtable_size_) + ") reading " + what_);
    }
    buf.bytes(vtable_, vtable_size_, "vtable of " + what_);
    buf.bytes(pos_, table_size_ < 4 ? 4 : table_size_, what_);
}

std::size_t table::field_pos(int field) const {
    const std::size_t slot = 4 + 2 * static_cast<std::size_t>(field);
    if (slot + 2 > vtable_size_) return 0;  // field newer than the writer's schema: absent
    const auto offset = buf_->read<std::uint16_t>(vtable_ + slot, what_);
    if (offset == 0) return 0;
    if (offset >= table_size_) {
        fail("field " + std::to_string(field) + " at table offset " + std::to_string(offset) + " lies outside its table (" +
             std::to_string(table_size_) + " bytes at offset " + std::to_string(pos_) + ") reading " + what_);
    }
    return pos_ + offset;
}

std::size_t table::follow(std::size_t pos) const {
    const std::size_t target = pos + buf_->read<std::uint32_t>(pos, what_);
    if (target >= buf_->size()) buf_->out_of_range(target, 4, what_);
    return target;
}

table table::sub_table(int field, std::string what) const {
    const std::size_t pos = field_pos(field);
    if (pos == 0) fail("missing " + what + " in " + what_);
    return table(*buf_, follow(pos), std::move(what));
}

vector table::vec(int field, std::size_t element_size) const {
    const std::size_t pos = field_pos(field);
    if (pos == 0) return vector(*buf_, 0, 0, element_size, what_);
    const std::size_t start = follow(pos);
    const std::size_t length = buf_->read<std::uint32_t>(start, what_);
    // Checked once here, so element reads cannot fail later for a well-formed vector.
    buf_->bytes(start + 4, length * element_size, what_);
    return vector(*buf_, start + 4, length, element_size, what_);
}

std::string table::string(int field) const {
    const auto v = vec(field, 1);
    const auto raw = v.raw();
    return std::string(raw.begin(), raw.end());
}

table vector::table_at(std::size_t i, std::string what) const {
    const std::size_t pos = data_ + i * element_size_;
    const std::size_t target = pos + buf_->read<std::uint32_t>(pos, what);
    if (target >= buf_->size()) buf_->out_of_range(target, 4, what);
    return table(*buf_, target, std::move(what));
}

std::span<const std::uint8_t> vector::raw() const {
    if (buf_ == nullptr || length_ == 0) return {};
    return buf_->bytes(data_, length_ * element_size_, what_);
}

}  // namespace ctnn_convert::fb
