// Small option types that layers take as template arguments, and the concepts that layers
// check them with where the layer type is named (Stride, Dilation, Window, Axes, Paddings).
#pragma once

#include <array>
#include <type_traits>

namespace ctnn {

namespace diag {
// Each names the numbers it refuses: the failing instantiation shows them.
template <int H, int W, bool Positive>
struct stride_must_be_positive {
    static_assert(Positive, "ctnn: a stride must be at least 1 in each dimension (template arguments: height, width)");
};
template <int H, int W, bool Positive>
struct dilation_must_be_positive {
    static_assert(Positive, "ctnn: a dilation must be at least 1 in each dimension (template arguments: height, width)");
};
template <int H, int W, bool Positive>
struct pooling_window_must_be_positive {
    static_assert(Positive, "ctnn: a pooling window must be at least 1 in each dimension (template arguments: height, width)");
};
}  // namespace diag

namespace detail {
// What a stride, a dilation and a pooling window are: a (height, width) pair, each at least 1,
// checked by the option itself, so the message names the option and the numbers.
template <template <int, int, bool> class MustBePositive, int H, int W>
struct positive_pair {
    static_assert(sizeof(MustBePositive<H, W, (H > 0 && W > 0)>));
    static constexpr int h = H, w = W;
};
}  // namespace detail

template <int H, int W>
struct stride : detail::positive_pair<diag::stride_must_be_positive, H, W> {};
template <int H, int W>
struct dilation : detail::positive_pair<diag::dilation_must_be_positive, H, W> {};
template <int H, int W>
struct window : detail::positive_pair<diag::pooling_window_must_be_positive, H, W> {};

namespace padding {
struct valid {};
struct same {};
}  // namespace padding

// PAD amounts, before and after, for each dimension in order: paddings<b0, a0, b1, a1, ...>.
template <int... BeforeAfter>
struct paddings {
    static_assert(sizeof...(BeforeAfter) % 2 == 0, "ctnn: paddings take a (before, after) pair per dimension");
    static_assert(((BeforeAfter >= 0) && ...), "ctnn: paddings must not be negative");
    static constexpr int rank = sizeof...(BeforeAfter) / 2;
    static constexpr std::array<int, sizeof...(BeforeAfter)> values{BeforeAfter...};
};

// The axes a reduction runs over, as TFLite lists them: negative axes count from the end,
// repeats count once (checked against the input's rank where the layer is bound).
template <int... Axes>
struct axes {
    static constexpr std::array<int, sizeof...(Axes)> values{Axes...};
};

// TFLite's output size and leading padding for one spatial dimension.
struct spatial_extent {
    int out = 0;
    int pad_before = 0;
};

// In 64 bits: check_window (below) admits in + stride - 1 == INT32_MAX, where the int sum
// in + stride would already overflow.
template <class Padding>
constexpr spatial_extent compute_extent(int in, int kernel, int stride, int dilation) noexcept {
    const long long effective = (static_cast<long long>(kernel) - 1) * dilation + 1;
    if constexpr (std::is_same_v<Padding, padding::valid>) {
        return {static_cast<int>((in - effective + stride) / stride), 0};
    } else {
        const long long out = (static_cast<long long>(in) + stride - 1) / stride;
        const long long total = (out - 1) * stride + effective - in;
        return {static_cast<int>(out), total > 0 ? static_cast<int>(total / 2) : 0};
    }
}

// Whether one spatial dimension of a window (convolution kernel or pooling filter) works out:
// the output-size arithmetic above and the kernels' tap positions (y * stride - pad + k *
// dilation) stay inside int, and with VALID padding the dilated kernel fits in the input.
// Evaluated in 64 bits, so it can judge any int arguments; layers static_assert it and the
// converter calls it, naming the option to blame.
enum class window_error {
    none,
    not_positive,              // a size, stride or dilation below 1
    dilated_kernel_too_large,  // (kernel - 1) * dilation + 1, or the span of the last window, exceeds int
    stride_too_large,          // input + stride - 1 exceeds int
    kernel_larger_than_input,  // VALID padding and the dilated kernel is larger than the input
};

inline constexpr long long max_window_extent = 2147483647;  // INT32_MAX: the kernels index with int

constexpr window_error check_window(bool same_padding, int in, int kernel, int stride, int dilation) noexcept {
    if (in < 1 || kernel < 1 || stride < 1 || dilation < 1) return window_error::not_positive;
    const long long effective = (static_cast<long long>(kernel) - 1) * dilation + 1;
    if (effective > max_window_extent) return window_error::dilated_kernel_too_large;
    if (static_cast<long long>(in) + stride - 1 > max_window_extent) return window_error::stride_too_large;
    if (!same_padding) return effective > in ? window_error::kernel_larger_than_input : window_error::none;
    const long long out = (static_cast<long long>(in) + stride - 1) / stride;
    if ((out - 1) * stride + effective > max_window_extent) return window_error::dilated_kernel_too_large;
    return window_error::none;
}

// AVERAGE_POOL_2D sums a window's taps in int32 and its kernel counts the window's area in int:
// both stay exact while the window has at most 2^24 taps (|int8| <= 128). The converter checks
// the same function.
inline constexpr long long max_average_pool_taps = 1 << 24;
constexpr bool average_pool_window_in_range(int filter_h, int filter_w) noexcept {
    return static_cast<long long>(filter_h) * filter_w <= max_average_pool_taps;
}
// int16 values (|v| <= 2^15) keep the int32 sum exact for at most 2^16 taps.
inline constexpr long long max_average_pool_taps_int16 = 1 << 16;
constexpr bool average_pool_window_in_range_int16(int filter_h, int filter_w) noexcept {
    return static_cast<long long>(filter_h) * filter_w <= max_average_pool_taps_int16;
}

// The errors of int range (a kernel larger than the input has its own diagnostic).
constexpr bool window_in_int_range(window_error e) noexcept {
    return e == window_error::none || e == window_error::kernel_larger_than_input;
}

template <class P>
concept Padding = std::is_same_v<P, padding::valid> || std::is_same_v<P, padding::same>;

namespace detail {
// Whether T is Option<h, w> with h and w at least 1. Reading them instantiates the option, so a
// non-positive one is refused in its own words (diag::stride_must_be_positive<0, 1, false>)
// where the layer that takes it is named.
template <class T, template <int, int> class Option>
inline constexpr bool is_positive_option = false;
template <template <int, int> class Option, int H, int W>
inline constexpr bool is_positive_option<Option<H, W>, Option> = Option<H, W>::h > 0 && Option<H, W>::w > 0;

template <class T>
inline constexpr bool is_axes = false;
template <int... A>
inline constexpr bool is_axes<axes<A...>> = true;

template <class T>
inline constexpr bool is_paddings = false;
template <int... BeforeAfter>
inline constexpr bool is_paddings<paddings<BeforeAfter...>> = true;
}  // namespace detail

// A convolution's or pooling's step: ctnn::stride<h, w>, both at least 1.
template <class S>
concept Stride = detail::is_positive_option<S, stride>;
// A convolution's spacing of kernel taps: ctnn::dilation<h, w>, both at least 1.
template <class D>
concept Dilation = detail::is_positive_option<D, dilation>;
// A pooling window: ctnn::window<h, w>, both at least 1.
template <class W>
concept Window = detail::is_positive_option<W, window>;

// A reduction's axes: ctnn::axes<...> (checked against the input's rank where the layer is bound).
template <class A>
concept Axes = detail::is_axes<A>;

// PAD's amounts: ctnn::paddings<...> with at least one (before, after) pair. Reading its rank
// instantiates it, so its own checks (pairs, none negative) run where the layer is named.
template <class P>
concept Paddings = detail::is_paddings<P> && (P::rank >= 1);

}  // namespace ctnn
