// Helpers shared by the core test suites.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/number_text.h"
#include "shallowsim/schema.h"

namespace shallowsim::testing {

// A config from a link; fails the test when the link does not parse.
inline Config ConfigOf(const std::string& link) {
  const ParseResult r = ParseLink(link);
  EXPECT_TRUE(r.ok()) << link << ": " << (r.errors.empty() ? "" : r.errors[0].message);
  return r.config.value_or(Config{});
}

// The one decode row a link computes; fails the test when there is not exactly one.
inline DecodeRow OnlyRow(const std::string& link) {
  const DecodeTable t = Decode(ConfigOf(link));
  EXPECT_EQ(t.rows.size(), 1u) << link;
  return t.rows.empty() ? DecodeRow{} : t.rows.front();
}

}  // namespace shallowsim::testing
