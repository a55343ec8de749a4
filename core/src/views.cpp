#include "shallowsim/views.h"

#include <algorithm>
#include <map>
#include <utility>

namespace shallowsim {

namespace {
void SortByTotalDescending(std::vector<DecodeRow>& rows) {
  std::stable_sort(rows.begin(), rows.end(),
                   [](const DecodeRow& a, const DecodeRow& b) { return a.total > b.total; });
}
}  // namespace

DecodeTable Leaderboard(const DecodeTable& decode) {
  std::map<std::pair<int, double>, double> best;  // (gpu, batch) → largest Total
  for (const DecodeRow& r : decode.rows) {
    auto [it, inserted] = best.emplace(std::make_pair(r.gpu, r.batch), r.total);
    if (!inserted && r.total > it->second) it->second = r.total;
  }
  DecodeTable out{decode.gpus, {}};
  for (const DecodeRow& r : decode.rows) {
    if (r.total == best.at({r.gpu, r.batch})) out.rows.push_back(r);
  }
  SortByTotalDescending(out.rows);
  return out;
}

DecodeTable PerGpuBest(const DecodeTable& decode, std::string_view gpu, double tps_limit) {
  DecodeTable out{decode.gpus, {}};
  std::map<std::pair<double, double>, size_t> best;  // (batch, ep) → index in out.rows
  for (const DecodeRow& r : decode.rows) {
    if (decode.gpus[r.gpu] != gpu || !(r.tps > tps_limit)) continue;
    auto [it, inserted] = best.emplace(std::make_pair(r.batch, r.ep), out.rows.size());
    if (inserted) {
      out.rows.push_back(r);
    } else if (r.total > out.rows[it->second].total) {
      out.rows[it->second] = r;
    }
  }
  SortByTotalDescending(out.rows);
  return out;
}

DecodeTable Frontier(const DecodeTable& decode) {
  DecodeTable out{decode.gpus, {}};
  for (int g = 0; g < static_cast<int>(decode.gpus.size()); ++g) {
    std::vector<DecodeRow> rows;
    for (const DecodeRow& r : decode.rows) {
      if (r.gpu == g) rows.push_back(r);
    }
    // Highest TPS first (stable), then keep rows whose Total beats every faster row.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const DecodeRow& a, const DecodeRow& b) { return a.tps > b.tps; });
    std::vector<DecodeRow> frontier;
    double best_total = -1;
    for (const DecodeRow& r : rows) {
      if (r.total > best_total) {
        frontier.push_back(r);
        best_total = r.total;
      }
    }
    out.rows.insert(out.rows.end(), frontier.rbegin(), frontier.rend());
  }
  return out;
}

}  // namespace shallowsim
