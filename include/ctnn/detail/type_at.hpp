// Indexed access into a pack of types without recursive instantiation. Boost.Hana's
// basic_tuple indexes through a multiple-inheritance lookup, so node K of a 30-layer model
// costs one lookup, not K nested instantiations.
#pragma once

#include <cstddef>

#include <boost/hana/at.hpp>
#include <boost/hana/basic_tuple.hpp>
#include <boost/hana/type.hpp>

namespace ctnn::detail {

template <std::size_t I, class... Ts>
using type_at = typename decltype(+boost::hana::at_c<I>(boost::hana::make_basic_tuple(boost::hana::type_c<Ts>...)))::type;

}  // namespace ctnn::detail
