#include "shallowsim/views.h"

#include <algorithm>
#include <map>
#include <utility>

#include "order.h"
#include "shallowsim/columns.h"

namespace shallowsim {

namespace {
void SortByTotalDescending(std::vector<DecodeRow>& rows) {
  std::vector<double> totals;
  totals.reserve(rows.size());
  for (const DecodeRow& r : rows) totals.push_back(r.total);
  detail::Permute(rows, detail::StableOrder(totals, /*descending=*/true));
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
    std::vector<double> tps;
    for (const DecodeRow& r : rows) tps.push_back(r.tps);
    detail::Permute(rows, detail::StableOrder(tps, /*descending=*/true));
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

namespace shallowsim {

namespace {

bool Allowed(const std::vector<double>& only, double v) {
  return only.empty() || std::find(only.begin(), only.end(), v) != only.end();
}
bool AllowedGpu(const std::vector<std::string>& only, const std::string& name) {
  return only.empty() || std::find(only.begin(), only.end(), name) != only.end();
}

// Stable order of rows by a column (GPU: by name); "-" in front: descending.
template <class Row, class Value>
void SortRows(std::vector<Row>& rows, const std::vector<std::string>& gpus,
              std::span<const Column> columns, const std::string& sort, Value value) {
  if (sort.empty()) return;
  const bool descending = sort[0] == '-';
  const int c = ColumnIndex(columns, descending ? std::string_view(sort).substr(1) : sort);
  if (c < 0) return;  // a column this table lacks: its own order
  if (c == 0) {
    std::vector<std::string_view> names;
    for (const Row& r : rows) names.push_back(gpus[r.gpu]);
    detail::Permute(rows, detail::StableOrder(names, descending));
  } else {
    std::vector<double> keys;
    for (const Row& r : rows) keys.push_back(value(r, static_cast<size_t>(c)));
    detail::Permute(rows, detail::StableOrder(keys, descending));
  }
}

}  // namespace

bool FiltersRows(const View& v) {
  return !v.only_gpu.empty() || !v.only_ep.empty() || !v.only_tp.empty() || !v.only_bs.empty() ||
         v.tps_floor > 0;
}

View Unfiltered(View v) {
  v.only_gpu.clear();
  v.only_ep.clear();
  v.only_tp.clear();
  v.only_bs.clear();
  v.tps_floor = 0;
  v.sort.clear();
  return v;
}

DecodeTable ShownDecode(const Config& config, const DecodeTable& decode, std::string_view view) {
  const View& v = config.view;
  const bool floor = view != "frontier";
  DecodeTable kept{decode.gpus, {}};
  kept.rows.reserve(decode.rows.size());
  for (const DecodeRow& r : decode.rows) {
    if (!AllowedGpu(v.only_gpu, decode.gpus[r.gpu]) || !Allowed(v.only_ep, r.ep) ||
        !Allowed(v.only_tp, r.tp) || !Allowed(v.only_bs, r.batch) ||
        (floor && r.tps < v.tps_floor)) {
      continue;
    }
    kept.rows.push_back(r);
  }
  DecodeTable out = view == "leaderboard" ? Leaderboard(kept)
                    : view == "frontier"  ? Frontier(kept)
                                          : std::move(kept);
  SortRows(out.rows, out.gpus, DecodeColumns(), v.sort,
           [](const DecodeRow& r, size_t c) { return DecodeValue(r, c); });
  return out;
}

MaxBatchTable ShownMaxBatch(const Config& config, const MaxBatchTable& table) {
  const View& v = config.view;
  MaxBatchTable out{table.gpus, {}};
  for (const MaxBatchRow& r : table.rows) {
    if (AllowedGpu(v.only_gpu, table.gpus[r.gpu]) && Allowed(v.only_ep, r.ep) &&
        Allowed(v.only_tp, r.tp)) {
      out.rows.push_back(r);
    }
  }
  SortRows(out.rows, out.gpus, MaxBatchColumns(), v.sort, MaxBatchValue);
  return out;
}

PlanTable ShownPlan(const Config& config, const PlanTable& table) {
  const View& v = config.view;
  PlanTable out{table.gpus, {}, table.misses};
  for (const PlanRow& r : table.rows) {
    if (AllowedGpu(v.only_gpu, table.gpus[r.gpu])) out.rows.push_back(r);
  }
  SortRows(out.rows, out.gpus, PlanColumns(), v.sort, PlanValue);
  return out;
}

}  // namespace shallowsim
