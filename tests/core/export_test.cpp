// The one writer per format (export.h), the rows a view shows (views.h: only_*, tps_floor,
// sort), numbers as text (number_text.h) and the schema description (describe.h).
#include "shallowsim/export.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
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

// Downloads write the shortest text that reads back to the same double: 1.86, not
// 1.8600000000000001; 0.1 + 0.2 needs all 17 digits, and a third needs 16.
TEST(NumberText, FormatNumberIsTheShortestRoundTrip) {
  EXPECT_EQ(FormatNumber(1.86), "1.86");
  EXPECT_EQ(FormatNumber(0.1), "0.1");
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(FormatNumber(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(FormatNumber(2.5e-7), "2.5e-07");
  EXPECT_EQ(FormatNumber(-12.75), "-12.75");
  // Every value reads back exactly, and no shorter precision would.
  for (const double v :
       {1.86, 0.1 + 0.2, 1.0 / 3.0, 123456.789, 9.87654321e-12, 4.0 / 7.0, 1e300 / 7}) {
    const std::string text = FormatNumber(v);
    EXPECT_EQ(*ReadDecimal(text), v) << text;
    int digits = 0;
    for (const char ch : text.substr(0, text.find('e'))) digits += ch >= '0' && ch <= '9';
    for (int p = 1; p < 17; ++p) {
      if (*ReadDecimal(FormatGeneral(v, p)) == v) {
        EXPECT_LE(digits - (text.rfind("0.", 0) == 0 ? 1 : 0), p) << text << " vs %." << p << "g";
        break;
      }
    }
  }
}

// The fast path (one printf, 128-bit comparisons) against the definition: the fewest digits of
// %g that read back. Random doubles over 1e-12 … 1e40, both signs, and numbers near the edges: a
// power of two (the double below is closer), a power of ten, a midpoint between two doubles.
TEST(NumberText, ShortestMatchesTheDefinitionOnRandomDoubles) {
  const auto definition = [](double v) {
    if (v == std::floor(v) && std::abs(v) < 1e15) return FormatFixed(v, 0);
    for (int p = 1; p < 17; ++p) {
      if (*ReadDecimal(FormatGeneral(v, p)) == v) return FormatGeneral(v, p);
    }
    return FormatGeneral(v, 17);
  };
  std::mt19937_64 random(20261204);
  std::vector<double> values = {std::ldexp(1.0, 40),
                                std::nextafter(std::ldexp(1.0, 40), 0),
                                std::ldexp(1.0, -20),
                                std::nextafter(1e5, 1e6),
                                std::nextafter(1e5, 0),
                                9.5,
                                0.95,
                                123456789012345.6,
                                5e-324,
                                1.7976931348623157e308};
  for (int i = 0; i < 200000; ++i) {
    const double mantissa = std::uniform_real_distribution<double>(1, 10)(random);
    const int exponent = std::uniform_int_distribution<int>(-12, 40)(random);
    double v = mantissa * std::pow(10.0, exponent);
    if (i % 3 == 0) v = std::round(v * 1000) / 1000;  // few digits, as prices and inputs are
    if (i % 2 == 0) v = -v;
    values.push_back(v);
  }
  int wrong = 0;
  for (const double v : values) {
    if (FormatNumber(v) != definition(v) && ++wrong <= 5) {
      ADD_FAILURE() << FormatGeneral(v, 17) << ": " << FormatNumber(v) << " vs " << definition(v);
    }
  }
  EXPECT_EQ(wrong, 0);
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

TEST(Export, CsvAndJsonWriteSeventeenDigitsOrTheShortestRoundTrip) {
  // The planner's price column: Rubin-NVL144's survey price is 1.81 USD per GPU-hour. The CLI's
  // default is SPEC §7's 17 significant digits; the page's downloads ask for the shortest text.
  const Config c = ConfigOf("v=1&view=plan&gpus=Rubin-NVL144&serving=agg");
  for (const Format f : {Format::kCsv, Format::kJson}) {
    const Export spec = ExportTable(c, "plan", f);
    const Export shortest = ExportTable(c, "plan", f, Digits::kShortest);
    ASSERT_TRUE(spec.ok() && shortest.ok());
    EXPECT_NE(spec.text.find("1.8100000000000001"), std::string::npos) << spec.text;
    EXPECT_NE(shortest.text.find("1.81,"), std::string::npos) << shortest.text;
    EXPECT_EQ(shortest.text.find("1.8100000000000001"), std::string::npos);
    EXPECT_LT(shortest.text.size(), spec.text.size());
  }
  EXPECT_EQ(DigitsOf("shortest"), Digits::kShortest);
  EXPECT_EQ(DigitsOf("17"), Digits::kSeventeen);
  EXPECT_FALSE(DigitsOf("16").has_value());
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
