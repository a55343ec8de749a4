// The link as the page's form edits it (link_edit.h): the form shows FieldTexts, every edit goes
// through EditLink, and only the core writes the link.
#include "shallowsim/link_edit.h"

#include <gtest/gtest.h>

#include <map>

#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;

std::map<std::string, std::string> Texts(const std::string& link) {
  std::map<std::string, std::string> out;
  for (auto& [k, v] : FieldTexts(link)) out[k] = v;
  return out;
}

TEST(EditLink, WritesOnlyWhatDiffersFromTheDefaults) {
  EXPECT_EQ(EditLink("v=1", "seq_len", "8192"), "v=1&seq_len=8192");
  EXPECT_EQ(EditLink("#v=1&seq_len=8192", "seq_len", " 4383 "), "v=1");
  EXPECT_EQ(EditLink("v=1", "bs", " 32, 64 "), "v=1&bs=32,64");
  EXPECT_EQ(EditLink("v=1&view=decode", "discount", "0.8"), "v=1&discount=0.8&view=decode");
  EXPECT_EQ(EditLink("v=1", "gpus", "H200,H800"), "v=1&gpus=H200,H800");
}

TEST(EditLink, KeepsInvalidTextSoTheFormCanShowIt) {
  const std::string bad = EditLink("v=1", "seq_len", "abc");
  EXPECT_EQ(bad, "v=1&seq_len=abc");
  EXPECT_EQ(EditLink(bad, "decode_len", "100"), "v=1&seq_len=abc&decode_len=100");
  EXPECT_EQ(EditLink(bad, "seq_len", "8192"), "v=1&seq_len=8192");
  EXPECT_EQ(EditLink("v=1", "seq_len", "1 2"), "v=1&seq_len=1%202");
  EXPECT_EQ(Texts("v=1&seq_len=1%202&decode_len=7")["seq_len"], "1 2");
}

TEST(EditLink, APresetReplacesTheModelKeysAndIsTheirDefault) {
  EXPECT_EQ(EditLink("v=1&n_layers=40&seq_len=9", "model", "kimi-k2"),
            "v=1&seq_len=9&model=kimi-k2");
  EXPECT_EQ(EditLink("v=1&model=kimi-k2", "n_heads", "64"), "v=1&model=kimi-k2");
  EXPECT_EQ(EditLink("v=1&model=kimi-k2", "n_heads", "128"), "v=1&model=kimi-k2&n_heads=128");
  EXPECT_EQ(Texts("v=1&model=kimi-k2&seq_len=x")["n_routed_experts"], "384");
}

TEST(EditLink, HwRowsAreLinesAndBaselinesAreFragments) {
  const std::string row = "X1, 132,20,989,1979,0,141,4800,450,50,8";
  EXPECT_EQ(EditLink("v=1", "hw", row + "\n\n"), "v=1&hw=X1,132,20,989,1979,0,141,4800,450,50,8");
  EXPECT_EQ(Texts("v=1&hw=X1,132,20,989,1979,0,141,4800,450,50,8&hw=Y,1,0,1,1,0,1,1,1,1,8")["hw"],
            "X1,132,20,989,1979,0,141,4800,450,50,8\nY,1,0,1,1,0,1,1,1,1,8");
  EXPECT_EQ(EditLink("v=1&seq_len=8192", "base", "v=1&seq_len=4383"),
            "v=1&seq_len=8192&base=v%3D1");
  EXPECT_EQ(Texts("v=1&seq_len=8192&base=v%3D1%26seq_len%3D100")["base"], "v=1&seq_len=100");
  EXPECT_EQ(EditLink("v=1&seq_len=8192&base=v%3D1", "base", ""), "v=1&seq_len=8192");
}

TEST(EditLink, DropsKeysTheSchemaDoesNotKnow) {
  EXPECT_EQ(EditLink("v=1&nope=1&seq_len=9", "decode_len", "5"), "v=1&seq_len=9&decode_len=5");
}

TEST(Baseline, PinsTheConfigAndComputesItWithTheCurrentView) {
  const Config c = ConfigOf("v=1&seq_len=8192&view=decode&sort=-Total");
  EXPECT_EQ(PinnedBase(c), "v=1&seq_len=8192");
  const Config ab = ConfigOf(
      "v=1&view=decode&sort=-Total&only_gpu=X1&hw=X1,132,20,989,1979,0,141,"
      "4800,450,50,8&base=v%3D1%26seq_len%3D8192");
  EXPECT_EQ(BaselineLink(ab), "v=1&seq_len=8192&view=decode&sort=-Total");
  const std::vector<ConfigChange> changes = ConfigChanges(ab);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].key, "seq_len");
  EXPECT_EQ(changes[0].base, "8192");
  EXPECT_EQ(changes[0].current, "4383");
  EXPECT_EQ(changes[1].key, "hw");
  EXPECT_EQ(changes[1].current, "X1");
  EXPECT_TRUE(BaselineLink(ConfigOf("v=1")).empty());
}

}  // namespace
}  // namespace shallowsim
