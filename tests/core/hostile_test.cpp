// Every hostile link yields a specific, short, printable error (or, for the few valid ones, a
// config whose tables are finite) and never partial state.
#include "hostile.h"

#include <gtest/gtest.h>

#include <cmath>

#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/prefill.h"
#include "shallowsim/views.h"

namespace shallowsim {
namespace {

class Hostile : public ::testing::TestWithParam<testing::HostileLink> {};

TEST_P(Hostile, GivesASpecificMessage) {
  const testing::HostileLink& h = GetParam();
  const ParseResult r = ParseLink(h.link);
  if (h.key == "ok") {
    ASSERT_TRUE(r.ok()) << r.errors[0].key << ": " << r.errors[0].message;
    for (const PrefillRow& row : PrefillTable(*r.config)) EXPECT_TRUE(std::isfinite(row.sum));
    for (const DecodeRow& row : Decode(*r.config).rows) EXPECT_TRUE(std::isfinite(row.total));
    return;
  }
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(r.config.has_value());
  bool found = false;
  for (const ConfigError& e : r.errors) {
    found = found || (e.key == h.key && e.message.find(h.words) != std::string::npos);
    EXPECT_LT(e.message.size() + e.key.size(), 600u) << "messages stay short";
    for (char c : e.key + e.message) {
      EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20) << "printable only";
    }
  }
  std::string all;
  for (const ConfigError& e : r.errors) all += e.key + ": " + e.message + "\n";
  EXPECT_TRUE(found) << "want " << h.key << ": …" << h.words << "…\ngot:\n" << all;
}

INSTANTIATE_TEST_SUITE_P(Links, Hostile,
                         ::testing::ValuesIn(testing::HostileLinks(SHALLOWSIM_HOSTILE_LINKS)),
                         [](const ::testing::TestParamInfo<testing::HostileLink>& info) {
                           std::string name = info.param.name;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(HostileCatalogue, HasAtLeastSixtyCases) {
  EXPECT_GE(testing::HostileLinks(SHALLOWSIM_HOSTILE_LINKS).size(), 60u);
}

TEST(HostileRaw, RawNonUtf8BytesAreEscapedInMessages) {
  const ParseResult r = ParseLink(std::string("v=1&gpus=H\xff\xfe\x01"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("'H\\xFF\\xFE\\x01'"), std::string::npos)
      << r.errors[0].message;
  const ParseResult nul = ParseLink(std::string("v=1&seq_len=5\0", 14));
  ASSERT_EQ(nul.errors.size(), 1u);
  EXPECT_NE(nul.errors[0].message.find("\\x00"), std::string::npos);
}

}  // namespace
}  // namespace shallowsim
