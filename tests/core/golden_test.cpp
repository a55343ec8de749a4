// Golden "diff tests" (Perfetto style): every case in tests/golden is a link and the CSV the
// original ShallowSim printed for it; the core must reproduce each value at 1e-9 relative.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "shallowsim/columns.h"
#include "shallowsim/decode.h"
#include "shallowsim/prefill.h"
#include "shallowsim/views.h"
#include "test_util.h"

namespace shallowsim {
namespace {

namespace fs = std::filesystem;
constexpr double kRel = 1e-9, kAbs = 1e-12;

struct Csv {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

std::vector<std::string> SplitCsvLine(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();  // the reference wrote CRLF
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  return cells;
}

Csv ReadCsv(const fs::path& path) {
  std::ifstream in(path);
  Csv csv;
  std::string line;
  std::getline(in, line);
  csv.header = SplitCsvLine(line);
  while (std::getline(in, line)) {
    if (!line.empty()) csv.rows.push_back(SplitCsvLine(line));
  }
  return csv;
}

std::string ReadLink(const fs::path& path) {
  std::ifstream in(path);
  std::string link;
  std::getline(in, link);
  return link;
}

bool Close(double got, double want) {
  return std::isfinite(got) &&
         std::abs(got - want) <= std::max(kAbs, kRel * std::max(std::abs(got), std::abs(want)));
}

struct Case {
  std::string name;     // file stem
  std::string command;  // prefill | decode | leaderboard
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name << "." << c.command; }

std::vector<Case> Cases() {
  std::vector<Case> cases;
  for (const auto& entry : fs::directory_iterator(SHALLOWSIM_GOLDEN_DIR)) {
    const std::string file = entry.path().filename().string();
    if (entry.path().extension() != ".csv") continue;
    const std::string stem_and_command = entry.path().stem().string();
    const size_t dot = stem_and_command.rfind('.');
    cases.push_back({stem_and_command.substr(0, dot), stem_and_command.substr(dot + 1)});
  }
  std::sort(cases.begin(), cases.end(),
            [](const Case& a, const Case& b) { return a.name < b.name; });
  return cases;
}

// Decode-shaped rows keyed like the reference checker.
std::string DecodeKey(const std::vector<std::string>& cells, const Csv& csv, bool leaderboard) {
  std::map<std::string, std::string> by_name;
  for (size_t c = 0; c < csv.header.size(); ++c) by_name[csv.header[c]] = cells[c];
  auto num = [&](const std::string& k) { return std::to_string(std::stoll(by_name[k])); };
  if (leaderboard) return by_name["GPU"] + "|" + num("BatchSize");
  return by_name["GPU"] + "|" + num("TP") + "|" + num("EP") + "|" + num("BatchSize");
}

class Golden : public ::testing::TestWithParam<Case> {};

TEST_P(Golden, MatchesReference) {
  const Case& c = GetParam();
  const fs::path dir = SHALLOWSIM_GOLDEN_DIR;
  const Config config = testing::ConfigOf(ReadLink(dir / (c.name + ".link")));
  const Csv want = ReadCsv(dir / (c.name + "." + c.command + ".csv"));

  if (c.command == "prefill") {
    const std::vector<PrefillRow> got = PrefillTable(config);
    ASSERT_EQ(got.size(), want.rows.size());
    ASSERT_EQ(want.header.size(), PrefillColumns().size());
    for (size_t r = 0; r < got.size(); ++r) {
      EXPECT_EQ(got[r].gpu, want.rows[r][0]);
      for (size_t col = 1; col < PrefillColumns().size(); ++col) {
        EXPECT_EQ(want.header[col], PrefillColumns()[col].name);
        const double w = std::stod(want.rows[r][col]);
        EXPECT_PRED2(Close, PrefillValue(got[r], col), w)
            << got[r].gpu << " " << PrefillColumns()[col].name;
      }
    }
    return;
  }

  const bool leaderboard = c.command == "leaderboard";
  ASSERT_TRUE(leaderboard || c.command == "decode") << c.command;
  const DecodeTable decode = Decode(config);
  const DecodeTable got = leaderboard ? Leaderboard(decode) : decode;
  ASSERT_EQ(got.rows.size(), want.rows.size());
  ASSERT_EQ(want.header.size(), DecodeColumns().size());
  // Rows tied on Total differ only in the TP choice: compare the columns that do not depend on it.
  const std::vector<std::string> tie_safe = {
      "GPU",          "EP",       "BatchSize", "DenseMLA", "DenseMLP", "Combine", "SharedExpert",
      "RoutedExpert", "Dispatch", "COMM_SUM",  "TPOT",     "TPS",      "Total"};
  std::multimap<std::string, const DecodeRow*> by_key;
  Csv got_csv{want.header, {}};
  for (const DecodeRow& r : got.rows) {
    std::vector<std::string> cells{got.gpus[r.gpu]};
    for (size_t col = 1; col < DecodeColumns().size(); ++col) {
      cells.push_back(std::to_string(static_cast<long long>(DecodeValue(r, col))));
    }
    by_key.emplace(DecodeKey(cells, got_csv, leaderboard), &r);
  }
  for (const auto& row : want.rows) {
    const std::string key = DecodeKey(row, want, leaderboard);
    const auto [first, last] = by_key.equal_range(key);
    ASSERT_NE(first, last) << "missing row " << key;
    bool any = false;
    std::string mismatch;
    for (auto it = first; it != last && !any; ++it) {
      bool all = true;
      for (size_t col = 1; col < DecodeColumns().size(); ++col) {
        const std::string name(DecodeColumns()[col].name);
        if (leaderboard && std::find(tie_safe.begin(), tie_safe.end(), name) == tie_safe.end()) {
          continue;
        }
        if (!Close(DecodeValue(*it->second, col), std::stod(row[col]))) {
          all = false;
          mismatch =
              name + " got " + std::to_string(DecodeValue(*it->second, col)) + " want " + row[col];
        }
      }
      any = all;
    }
    EXPECT_TRUE(any) << key << ": " << mismatch;
  }
  if (leaderboard) {
    for (size_t i = 1; i < got.rows.size(); ++i) {
      EXPECT_GE(got.rows[i - 1].total, got.rows[i].total);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.name + "_" + info.param.command;
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

TEST(GoldenFolder, HoldsEveryShippedCase) { EXPECT_EQ(Cases().size(), 8u); }

}  // namespace
}  // namespace shallowsim
