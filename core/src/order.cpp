#include "order.h"

#include <algorithm>
#include <numeric>

namespace shallowsim::detail {

namespace {
template <class Key>
std::vector<uint32_t> Order(const std::vector<Key>& keys, bool descending) {
  std::vector<uint32_t> order(keys.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return descending ? keys[b] < keys[a] : keys[a] < keys[b];
  });
  return order;
}
}  // namespace

std::vector<uint32_t> StableOrder(const std::vector<double>& keys, bool descending) {
  return Order(keys, descending);
}
std::vector<uint32_t> StableOrder(const std::vector<std::string_view>& keys, bool descending) {
  return Order(keys, descending);
}

}  // namespace shallowsim::detail
