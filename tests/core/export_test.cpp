// The one writer per format (export.h), the rows a view shows (views.h: only_*, tps_floor,
// sort), numbers as text (number_text.h) and the schema description (describe.h).
#include "shallowsim/export.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <sstream>

#include "shallowsim/columns.h"
#include "shallowsim/decode.h"
#include "shallowsim/describe.h"
#include "shallowsim/views.h"
#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(NumberText, MatchesPrintfFormsWhateverTheLocale) {
  EXPECT_EQ(FormatGeneral(0.1, 17), "0.10000000000000001");
  EXPECT_EQ(FormatGeneral(1234.5, 17), "1234.5");
  EXPECT_EQ(FormatGeneral(2.5e-7, 17), "2.4999999999999999e-07");
  EXPECT_EQ(FormatFixed(1.5, 6), "1.500000");
  EXPECT_EQ(FormatFixed(128, 0), "128");
  EXPECT_EQ(FormatNumber(0.0001), "0.0001");
  EXPECT_EQ(FormatNumber(1e-5), "1e-05");
  EXPECT_EQ(FormatNumber(1e20), "1e+20");
}

TEST(NumberText, ReadsDecimalsOnly) {
  EXPECT_EQ(ReadDecimal("8192"), 8192);
  EXPECT_EQ(ReadDecimal("-0"), 0);
  EXPECT_EQ(ReadDecimal("2.5e3"), 2500);
  EXPECT_EQ(ReadDecimal("1e-999"), 0);  // too small reads as 0, as strtod
  EXPECT_TRUE(std::isinf(*ReadDecimal("1e999")));
  for (const char* bad : {"", "+1", " 1", "0x10", "inf", "nan", "1e", ".", "1,5"}) {
    EXPECT_FALSE(ReadDecimal(bad).has_value()) << bad;
  }
}

TEST(Export, CsvHasTheSpecColumnsAndOneLinePerRow) {
  const Export e = ExportTable(ConfigOf("v=1"), "decode", Format::kCsv);
  ASSERT_TRUE(e.ok());
  const std::vector<std::string> lines = Lines(e.text);
  ASSERT_EQ(lines.size(), 856u);  // header + 855 rows (SPEC §4 defaults)
  EXPECT_EQ(lines[0],
            "GPU,TP,EP,BatchSize,DenseMLA,DenseMLP,SparseMLA,Combine,SharedExpert,RoutedExpert,"
            "Dispatch,COMP_SUM,COMM_SUM,Delta,TPOT,TPOT_O,TPS,TPS_O,Total,Total_O,Comm_Impact");
}

TEST(Export, JsonAndMarkdownWriteTheSameRows) {
  const Config c = ConfigOf("v=1&gpus=H200&bs=64&ep=72&decode_tp=1");
  const Export json = ExportTable(c, "decode", Format::kJson);
  const Export md = ExportTable(c, "decode", Format::kMarkdown);
  ASSERT_TRUE(json.ok() && md.ok());
  // What the rows were computed with, then the rows.
  const std::string head =
      "{\"table\": \"decode\",\n \"link\": \"#v=1&bs=64&ep=72&decode_tp=1&gpus=H200\",\n"
      " \"mode\": \"reference\",\n \"calibration\": null,\n \"rows\": [\n";
  EXPECT_EQ(
      json.text.rfind(head + " {\"GPU\": \"H200\", \"TP\": 1, \"EP\": 72, \"BatchSize\": 64, ", 0),
      0u)
      << json.text;
  EXPECT_EQ(json.text.substr(json.text.size() - 5), "}\n]}\n");
  const Export cal = ExportTable(ConfigOf("v=1&mode=calibrated&cal=2026-12b&gpus=H200&bs=64&ep=72"),
                                 "decode", Format::kJson);
  EXPECT_NE(cal.text.find("\"mode\": \"calibrated\",\n \"calibration\": \"2026-12b\""),
            std::string::npos)
      << cal.text.substr(0, 200);
  const std::vector<std::string> md_lines = Lines(md.text);
  ASSERT_EQ(md_lines.size(), 3u);
  EXPECT_NE(md_lines[2].find("| H200 |   1 |  72 |        64 | 0.246971 |"), std::string::npos)
      << md_lines[2];
}

TEST(Export, EmptyTablesAreValidInEveryFormat) {
  const Config c = ConfigOf("v=1&mem_util=0.01");
  const std::string json = ExportTable(c, "decode", Format::kJson).text;
  EXPECT_EQ(json.substr(json.size() - 12), "\"rows\": []}\n") << json;
  EXPECT_EQ(Lines(ExportTable(c, "decode", Format::kCsv).text).size(), 1u);
  EXPECT_EQ(Lines(ExportTable(c, "leaderboard", Format::kMarkdown).text).size(), 2u);
}

TEST(ShownRows, FiltersKeepOnlyTheAskedRows) {
  const Config c = ConfigOf("v=1&only_gpu=H200,H20&only_ep=72&only_bs=64,128");
  const DecodeTable all = Decode(c);
  const DecodeTable shown = ShownDecode(c, all, "decode");
  size_t expected = 0;
  for (const DecodeRow& r : all.rows) {
    const std::string& g = all.gpus[r.gpu];
    expected += (g == "H200" || g == "H20") && r.ep == 72 && (r.batch == 64 || r.batch == 128);
  }
  EXPECT_EQ(shown.rows.size(), expected);
  EXPECT_GT(expected, 0u);
  for (const DecodeRow& r : shown.rows) EXPECT_EQ(r.ep, 72);
}

TEST(ShownRows, SortIsStableAndEitherWay) {
  const Config down = ConfigOf("v=1&sort=-Total");
  const DecodeTable d = ShownDecode(down, Decode(down), "decode");
  for (size_t i = 1; i < d.rows.size(); ++i) ASSERT_GE(d.rows[i - 1].total, d.rows[i].total);
  const Config up = ConfigOf("v=1&sort=GPU");
  const DecodeTable u = ShownDecode(up, Decode(up), "decode");
  for (size_t i = 1; i < u.rows.size(); ++i)
    ASSERT_LE(u.gpus[u.rows[i - 1].gpu], u.gpus[u.rows[i].gpu]);
  // Among equal GPUs the table's own order (EP first) stays.
  EXPECT_EQ(u.gpus[u.rows[0].gpu], "DGX-B200");
  EXPECT_EQ(u.rows[0].ep, 8);
}

TEST(ShownRows, TheFloorRulesRowsOutBeforeTheLeaderboardPicksButOnlyMarksTheFrontier) {
  const Config c = ConfigOf("v=1&tps_floor=40");
  const DecodeTable all = Decode(c);
  const DecodeTable board = ShownDecode(c, all, "leaderboard");
  ASSERT_FALSE(board.rows.empty());
  for (const DecodeRow& r : board.rows) EXPECT_GE(r.tps, 40);
  EXPECT_EQ(ShownDecode(c, all, "frontier").rows.size(), Frontier(all).rows.size());
  bool below = false;
  for (const DecodeRow& r : Frontier(all).rows) below |= r.tps < 40;
  EXPECT_TRUE(below);  // the floor matters: the unfiltered frontier has rows under it
}

TEST(ShownRows, TheCliAppliesTheSameKeys) {
  const Config c = ConfigOf("v=1&only_gpu=GB300-NVL72&sort=-TPS");
  const std::vector<std::string> lines = Lines(ExportTable(c, "leaderboard", Format::kCsv).text);
  ASSERT_GT(lines.size(), 1u);
  for (size_t i = 1; i < lines.size(); ++i) EXPECT_EQ(lines[i].rfind("GB300-NVL72,", 0), 0u);
}

TEST(Describe, NamesEveryKeyColumnViewAndHwField) {
  const std::string json = DescribeJson();
  const auto has = [&](std::string_view word) {
    return json.find("\"" + std::string(word) + "\"") != std::string::npos;
  };
  for (const Field& f : Schema()) EXPECT_TRUE(has(f.key)) << f.key;
  for (const TableInfo& t : Tables()) {
    for (const Column& c : t.columns) EXPECT_TRUE(has(c.name)) << c.name;
  }
  for (const ViewInfo& v : Views()) EXPECT_TRUE(has(v.key)) << v.key;
  for (const HwField& h : HwFields()) EXPECT_TRUE(has(h.key)) << h.key;
}

TEST(Schema, ViewKeysValidateLikeTheRest) {
  for (const auto& [link, key] : std::vector<std::pair<std::string, std::string>>{
           {"v=1&sort=-Nope", "sort"},
           {"v=1&sort=--Total", "sort"},
           {"v=1&only_gpu=B9000", "only_gpu"},
           {"v=1&only_ep=0", "only_ep"},
           {"v=1&cols=GPU,GPU", "cols"},
       }) {
    const ParseResult r = ParseLink(link);
    ASSERT_FALSE(r.ok()) << link;
    EXPECT_EQ(r.errors[0].key, key) << link;
  }
  // Empty filter lists mean "no filter" and are not written.
  EXPECT_EQ(EncodeLink(ConfigOf("v=1&only_ep=&only_gpu=&cols=&sort=")), "v=1");
  EXPECT_EQ(EncodeLink(ConfigOf("v=1&sort=-Total&only_ep=72")), "v=1&sort=-Total&only_ep=72");
}

}  // namespace
}  // namespace shallowsim
