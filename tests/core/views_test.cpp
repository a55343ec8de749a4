// SPEC §5: leaderboard, per-GPU view, frontier and sweeps.
#include "shallowsim/views.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "shallowsim/decode.h"
#include "shallowsim/sweep.h"
#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;

TEST(Leaderboard, KeepsTheBestRowPerGpuAndBatchSortedByTotal) {
  const DecodeTable decode = Decode(ConfigOf("v=1"));
  const DecodeTable board = Leaderboard(decode);
  std::map<std::pair<int, double>, double> best;
  for (const DecodeRow& r : decode.rows) {
    double& b = best[{r.gpu, r.batch}];
    b = std::max(b, r.total);
  }
  std::set<std::pair<int, double>> covered;
  for (size_t i = 0; i < board.rows.size(); ++i) {
    const DecodeRow& r = board.rows[i];
    EXPECT_EQ(r.total, best.at({r.gpu, r.batch}));
    covered.insert({r.gpu, r.batch});
    if (i) {
      EXPECT_GE(board.rows[i - 1].total, r.total);
    }
  }
  EXPECT_EQ(covered.size(), best.size());
  EXPECT_EQ(board.rows.size(), 73u);  // 70 groups, 3 of them with an exact tie (QUIRKS Q16)
}

TEST(Leaderboard, KeepsExactTiesInDecodeOrder) {
  const DecodeTable board = Leaderboard(Decode(ConfigOf("v=1&gpus=DGX-B300&bs=128")));
  ASSERT_EQ(board.rows.size(), 2u);
  EXPECT_EQ(board.rows[0].total, board.rows[1].total);
  EXPECT_EQ(board.rows[0].tp, 4);
  EXPECT_EQ(board.rows[1].tp, 8);
  EXPECT_EQ(board.rows[0].ep, 320);
}

TEST(PerGpuBest, OneRowPerBatchAndEpAboveTheLimit) {
  const DecodeTable decode = Decode(ConfigOf("v=1"));
  const DecodeTable view = PerGpuBest(decode, "GB300-NVL72", 20);
  std::set<std::pair<double, double>> seen;
  for (size_t i = 0; i < view.rows.size(); ++i) {
    const DecodeRow& r = view.rows[i];
    EXPECT_EQ(view.gpus[r.gpu], "GB300-NVL72");
    EXPECT_GT(r.tps, 20);
    EXPECT_TRUE(seen.insert({r.batch, r.ep}).second);
    if (i) {
      EXPECT_GE(view.rows[i - 1].total, r.total);
    }
  }
  EXPECT_FALSE(view.rows.empty());
}

TEST(Frontier, NoRowIsDominatedWithinItsGpu) {
  const DecodeTable decode = Decode(ConfigOf("v=1"));
  const DecodeTable frontier = Frontier(decode);
  ASSERT_FALSE(frontier.rows.empty());
  for (const DecodeRow& f : frontier.rows) {
    for (const DecodeRow& r : decode.rows) {
      if (r.gpu != f.gpu) continue;
      EXPECT_FALSE(r.tps > f.tps && r.total > f.total) << decode.gpus[f.gpu];
    }
  }
  // Every GPU with rows has a frontier, sorted by TPS ascending and Total descending.
  for (size_t i = 1; i < frontier.rows.size(); ++i) {
    if (frontier.rows[i].gpu != frontier.rows[i - 1].gpu) continue;
    EXPECT_LT(frontier.rows[i - 1].tps, frontier.rows[i].tps);
    EXPECT_GT(frontier.rows[i - 1].total, frontier.rows[i].total);
  }
}

TEST(Sweep, PointsIncludeTheEnd) {
  EXPECT_EQ(SweepPoints({"seq_len", 1024, 16352, 32}).size(), 480u);
  EXPECT_EQ(SweepPoints({"seq_len", 1024, 16352, 32}).back(), 16352);
  EXPECT_EQ(SweepPoints({"discount", 0.5, 1, 0.1}).size(), 6u);
  EXPECT_EQ(SweepPoints({"n_layers", 30, 254, 2}).size(), 113u);
}

TEST(Sweep, EachPointEqualsTheBestDecodeRowsAtThatValue) {
  const Config base = ConfigOf("v=1&gpus=GB300-NVL72,H800,H20");
  const SweepResult result = Sweep(base, {"n_activated_experts", 8, 126, 59});
  ASSERT_TRUE(result.ok());
  for (double k : {8.0, 67.0, 126.0}) {
    Config at = base;
    at.model.n_activated_experts = k;
    const DecodeTable decode = Decode(at);
    std::map<std::tuple<int, double, double>, double> best;
    for (const DecodeRow& r : decode.rows) {
      double& b = best[{r.gpu, r.batch, r.ep}];
      b = std::max(b, r.total);
    }
    size_t rows = 0;
    for (const SweepRow& s : result.table.rows) {
      if (s.index_value != k) continue;
      ++rows;
      EXPECT_EQ(s.row.total, best.at({s.row.gpu, s.row.batch, s.row.ep}));
    }
    EXPECT_EQ(rows, best.size()) << k;
  }
}

TEST(Sweep, RowsOfAPointAreSortedByTotal) {
  const SweepResult result = Sweep(ConfigOf("v=1"), {"seq_len", 1024, 2048, 512});
  ASSERT_TRUE(result.ok());
  for (size_t i = 1; i < result.table.rows.size(); ++i) {
    const SweepRow& a = result.table.rows[i - 1];
    const SweepRow& b = result.table.rows[i];
    if (a.index_value == b.index_value) {
      EXPECT_GE(a.row.total, b.row.total);
    }
  }
}

TEST(Sweep, InvalidPointsStopTheSweepWithAnError) {
  const SweepResult k = Sweep(ConfigOf("v=1"), {"n_activated_experts", 200, 300, 50});
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.errors[0].key, "n_activated_experts");
  EXPECT_NE(k.errors[0].message.find("at n_activated_experts = 300"), std::string::npos);
  EXPECT_TRUE(k.table.rows.empty());
  const SweepResult bad = Sweep(ConfigOf("v=1"), {"gpus", 1, 2, 1});
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace shallowsim
