// Stable orders of rows by one key. Internal to the core: every table sorts through these two
// functions, so the wasm carries one sort, not one per row type and direction.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace shallowsim::detail {

// The indexes 0..n-1 ordered by keys[i] (descending when asked), equal keys in index order.
std::vector<uint32_t> StableOrder(const std::vector<double>& keys, bool descending);
std::vector<uint32_t> StableOrder(const std::vector<std::string_view>& keys, bool descending);

// rows reordered: rows[order[0]], rows[order[1]], …
template <class Row>
void Permute(std::vector<Row>& rows, const std::vector<uint32_t>& order) {
  std::vector<Row> out;
  out.reserve(order.size());
  for (uint32_t i : order) out.push_back(rows[i]);
  rows = std::move(out);
}

}  // namespace shallowsim::detail
