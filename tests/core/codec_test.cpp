// SPEC §6: the link codec — forms of input, canonical encoding, round trips and every error class.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "shallowsim/config.h"
#include "test_util.h"

namespace shallowsim {
namespace {

using testing::ConfigOf;

std::vector<ConfigError> ErrorsOf(const std::string& link) {
  const ParseResult r = ParseLink(link);
  EXPECT_FALSE(r.ok()) << link;
  EXPECT_FALSE(r.config.has_value()) << "no partial state: " << link;
  return r.errors;
}

// The single error of a link: its key and a fragment of its message.
void ExpectError(const std::string& link, const std::string& key, const std::string& words) {
  const std::vector<ConfigError> errors = ErrorsOf(link);
  ASSERT_EQ(errors.size(), 1u) << link << " first: " << (errors.empty() ? "" : errors[0].message);
  EXPECT_EQ(errors[0].key, key) << link;
  EXPECT_NE(errors[0].message.find(words), std::string::npos) << link << " → " << errors[0].message;
}

TEST(Codec, DefaultsEncodeToVersionOnly) {
  EXPECT_EQ(EncodeLink(Config{}), "v=1");
  EXPECT_EQ(ConfigOf("v=1"), Config{});
  EXPECT_EQ(ConfigOf(""), Config{});
}

TEST(Codec, AcceptsUrlFragmentQueryAndBareForms) {
  const Config want = ConfigOf("seq_len=8192");
  EXPECT_EQ(want.scenario.seq_len, 8192);
  EXPECT_EQ(ConfigOf("https://example.org/shallowsim/#v=1&seq_len=8192"), want);
  EXPECT_EQ(ConfigOf("#v=1&seq_len=8192"), want);
  EXPECT_EQ(ConfigOf("?v=1&seq_len=8192"), want);
  EXPECT_EQ(ConfigOf("https://example.org/?x=1#seq_len=8192"), want);
}

TEST(Codec, DecodesPercentEncodingAndIgnoresEmptySegments) {
  const Config c = ConfigOf("v=1&&gpus=H200%2CH800&&seq%5Flen=%38192&");
  EXPECT_EQ(c.gpus, (std::vector<std::string>{"H200", "H800"}));
  EXPECT_EQ(c.scenario.seq_len, 8192);
}

TEST(Codec, EncodesOnlyNonDefaultsInSchemaOrder) {
  Config c;
  c.scenario.seq_len = 8192;
  c.scenario.bs = {32, 64};
  c.scenario.discount = 0.8;
  c.gpus = {"H200", "H800"};
  EXPECT_EQ(EncodeLink(c), "v=1&seq_len=8192&bs=32,64&gpus=H200,H800&discount=0.8");
}

TEST(Codec, RoundTripIsExact) {
  const std::vector<std::string> links = {
      "v=1&seq_len=8192&decode_len=100&kv_cache_rate=0.1234567890123&tp=8&dp=9",
      "v=1&bs=1,2,3,2048&ep=576,8&decode_tp=2&mbs=1&fp8_combine=0&tps_limit=20.5",
      "v=1&model=kimi-k2&n_layers=40",
      "v=1&model=deepseek-v2",
      "v=1&hw=X1,132,20,989,1979,0,141,4800,450,50,8&gpus=X1,H200",
      "v=1&hw=H200,132,20,989,1979,0,141,9999,450,50,8",
      "v=1&discount=0.3333333333333333&mem_util=1&min_ar_time=0",
      "v=1&view=sweep&sweep=n_layers:30:254:2&metric=TPS&sweep_bs=64&lang=zh",
      "v=1&view=sweep&metric=TPS,Total&sweep_ep=72,320&sweep_group=ep&tps_floor=20",
      "v=1&seq_len=8192&base=v%3D1%26seq_len%3D4096%26gpus%3DH200%2CH800",
      "v=1&base=seq_len%3D4096%26hw%3DX1%2C132%2C20%2C989%2C1979%2C0%2C141%2C4800%2C450%2C50%2C8",
  };
  for (const std::string& link : links) {
    const Config c = ConfigOf(link);
    const std::string encoded = EncodeLink(c);
    EXPECT_EQ(ConfigOf(encoded), c) << link << " → " << encoded;
    EXPECT_EQ(EncodeLink(ConfigOf(encoded)), encoded);
  }
}

TEST(Codec, NumbersRoundTripBitForBit) {
  for (double v :
       {0.1, 0.563, 1.0 / 3, 0.85, 2.220446049250313e-16, 123456.789, 0.7000000000000001}) {
    Config c;
    c.scenario.kv_cache_rate = v < 1 ? v : 0.5;
    c.scenario.tps_limit = v;
    const Config back = ConfigOf(EncodeLink(c));
    EXPECT_EQ(back.scenario.tps_limit, v);
    EXPECT_EQ(back.scenario.kv_cache_rate, c.scenario.kv_cache_rate);
  }
  EXPECT_EQ(FormatNumber(0.563), "0.563");
  EXPECT_EQ(FormatNumber(4383), "4383");
  EXPECT_EQ(FormatNumber(300), "300");
  EXPECT_EQ(FormatNumber(1200), "1200");
  EXPECT_EQ(FormatNumber(0.0001), "0.0001");
  EXPECT_EQ(FormatNumber(1e20), "1e+20");
}

TEST(Codec, BaselineIsKeptCanonical) {
  const Config c = ConfigOf("v=1&base=seq_len%3D4096%26v%3D1%26bs%3D16,32,64,128,256,512");
  EXPECT_EQ(c.view.base, "v=1&seq_len=4096");
  EXPECT_EQ(EncodeLink(c), "v=1&base=v%3D1%26seq_len%3D4096");
  EXPECT_EQ(ConfigOf(c.view.base).scenario.seq_len, 4096);
  EXPECT_EQ(ConfigOf("v=1&base="), Config{});  // empty: no comparison
}

TEST(Codec, PresetSetsTheModelAndKeysOverrideIt) {
  const Config kimi = ConfigOf("v=1&model=kimi-k2");
  EXPECT_EQ(kimi.model.n_routed_experts, 384);
  EXPECT_EQ(kimi.model.n_heads, 64);
  EXPECT_EQ(kimi.model.n_dense_layers, 1);
  EXPECT_EQ(kimi.model.dim, 7168);
  const Config over = ConfigOf("v=1&n_heads=32&model=kimi-k2");  // order does not matter
  EXPECT_EQ(over.model.n_heads, 32);
  EXPECT_EQ(over.model.n_routed_experts, 384);
  EXPECT_EQ(EncodeLink(over), "v=1&model=kimi-k2&n_heads=32");
}

TEST(Codec, ListingEveryGpuInOrderIsTheDefault) {
  const Config c = ConfigOf(
      "v=1&gpus=DGX-B300,DGX-B200,GB200-NVL72,GB300-NVL72,Rubin-NVL144,RubinU-NVL576,H200,H800,"
      "H20,H20-3E,MI300X,MI308X");
  EXPECT_EQ(c, Config{});
}

TEST(Codec, HwRowsAddAndReplace) {
  const Config c = ConfigOf(
      "v=1&hw=X1,100,10,1000,2000,0,100,3000,400,50,8&hw=H200,132,20,989,1979,0,141,9999,450,50,8");
  const std::vector<Gpu> all = ResolvedCatalog(c);
  ASSERT_EQ(all.size(), 13u);
  EXPECT_EQ(all[6].name, "H200");
  EXPECT_EQ(all[6].mem_bw, 9999);
  EXPECT_EQ(all[12].name, "X1");
  EXPECT_EQ(SelectedGpus(c).size(), 13u);
}

// ---- every error class of SPEC §6 ----

TEST(CodecErrors, UnknownKey) {
  ExpectError("v=1&foo=1", "foo", "unknown key; not a ShallowSim setting");
  ExpectError("v=1&seqlen=1", "seqlen", "unknown key; did you mean seq_len?");
  ExpectError("v=1&Decode_TP=1", "Decode_TP", "did you mean decode_tp?");
}
TEST(CodecErrors, MalformedNumbers) {
  for (const char* bad :
       {"abc", "5abc", "0x10", " 5", "5 ", "+5", "1e", ".", "1,5", "--1", "1e5e5"}) {
    ExpectError(std::string("v=1&seq_len=") + bad, "seq_len", "not a decimal number");
  }
}
TEST(CodecErrors, NaNAndInfinity) {
  ExpectError("v=1&discount=NaN", "discount", "not a decimal number");
  ExpectError("v=1&discount=Infinity", "discount", "not a decimal number");
  ExpectError("v=1&discount=inf", "discount", "not a decimal number");
  ExpectError("v=1&tps_limit=1e309", "tps_limit", "too large");
}
TEST(CodecErrors, NegativeZeroReadsAsZero) { EXPECT_EQ(ConfigOf("v=1&tps_limit=-0"), Config{}); }
TEST(CodecErrors, ZeroOrNegativeCounts) {
  for (const char* key : {"tp", "dp", "mbs", "seq_len", "n_layers", "dim", "n_heads"}) {
    ExpectError(std::string("v=1&") + key + "=0", key, "out of range");
    ExpectError(std::string("v=1&") + key + "=-3", key, "out of range");
  }
  ExpectError("v=1&bs=16,0", "bs", "item 2");
  ExpectError("v=1&ep=-8", "ep", "out of range");
  ExpectError("v=1&decode_tp=0", "decode_tp", "out of range");
}
TEST(CodecErrors, FractionalCounts) { ExpectError("v=1&tp=1.5", "tp", "whole number"); }
TEST(CodecErrors, Fractions) {
  ExpectError("v=1&discount=0", "discount", "out of range");
  ExpectError("v=1&discount=1.01", "discount", "out of range");
  ExpectError("v=1&kv_cache_rate=1.5", "kv_cache_rate", "out of range");
  ExpectError("v=1&kv_cache_rate=-0.1", "kv_cache_rate", "out of range");
  ExpectError("v=1&fp8_combine=2", "fp8_combine", "0 or 1");
}
TEST(CodecErrors, CrossFieldLimits) {
  ExpectError("v=1&n_dense_layers=62", "n_dense_layers", "exceeds n_layers");
  ExpectError("v=1&n_activated_experts=257", "n_activated_experts", "exceeds n_routed_experts");
}
TEST(CodecErrors, Lists) {
  ExpectError("v=1&bs=16,,32", "bs", "item 2 is empty");
  ExpectError("v=1&bs=", "bs", "is empty");
  std::string long_list = "v=1&bs=1";
  for (int i = 0; i < 64; ++i) long_list += ",1";
  ExpectError(long_list, "bs", "at most 64");
  ExpectError("v=1&gpus=H200,,H800", "gpus", "item 2 is empty");
  ExpectError("v=1&gpus=H200,H200", "gpus", "listed twice");
}
TEST(CodecErrors, KeyWithoutValue) { ExpectError("v=1&seq_len", "seq_len", "has no value"); }
TEST(CodecErrors, UnknownGpuAndPreset) {
  ExpectError("v=1&gpus=H300", "gpus", "unknown GPU 'H300'");
  ExpectError("v=1&model=gpt-5", "model", "allowed: deepseek-v3, kimi-k2, deepseek-v2");
}
TEST(CodecErrors, DuplicateKeys) { ExpectError("v=1&tp=2&tp=4", "tp", "more than once"); }
TEST(CodecErrors, NewerVersion) {
  ExpectError("v=2&seq_len=1", "v", "newer than this ShallowSim");
  ExpectError("v=0", "v", "not a link version");
  ExpectError("v=1.5", "v", "not a link version");
}
TEST(CodecErrors, TooLong) {
  ExpectError("v=1&seq_len=1&" + std::string(9000, 'a'), "link", "at most 8192");
  ExpectError(std::string(1 << 20, '&'), "link", "at most 8192");
}
TEST(CodecErrors, BadPercentEncoding) {
  ExpectError("v=1&seq_len=%4", "seq_len", "percent-encoding");
  ExpectError("v=1&seq_len=%zz", "seq_len", "percent-encoding");
}
TEST(CodecErrors, NonUtf8AndMarkupAreQuotedSafely) {
  const std::vector<ConfigError> errors = ErrorsOf("v=1&gpus=%FF%FE<script>");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("\\xFF\\xFE<script>"), std::string::npos) << errors[0].message;
  const std::vector<ConfigError> long_name = ErrorsOf("v=1&gpus=" + std::string(5000, 'Q'));
  ASSERT_EQ(long_name.size(), 1u);
  EXPECT_LT(long_name[0].message.size(), 400u);
}
TEST(CodecErrors, HwRows) {
  ExpectError("v=1&hw=X,1,2", "hw", "has 3 fields; expected 11");
  ExpectError("v=1&hw=X,1,0,1,1,0,1,1,1,1,8,9", "hw", "has 12 fields");
  ExpectError("v=1&hw=<img>,132,20,989,1979,0,141,4800,450,50,8", "hw", "is not allowed");
  ExpectError("v=1&hw=X,132,132,989,1979,0,141,4800,450,50,8", "hw",
              "comm_sm = 132 must be less than sm");
  ExpectError("v=1&hw=X,132,20,0,1979,0,141,4800,450,50,8", "hw", "fp16 = 0 is out of range");
  ExpectError("v=1&hw=X,132,20,989,1979,abc,141,4800,450,50,8", "hw", "fp4 'abc'");
  ExpectError(
      "v=1&hw=X,132,20,989,1979,0,141,4800,450,50,8&hw=X,132,20,989,1979,0,141,4800,450,50,8", "hw",
      "already defined");
  ExpectError("v=1&hw=" + std::string(1 << 16, 'N') + ",132,20,989,1979,0,141,4800,450,50,8",
              "link", "at most 8192");
}
TEST(CodecErrors, ViewKeys) {
  ExpectError("v=1&view=chart", "view", "allowed: prefill");
  ExpectError("v=1&lang=fr", "lang", "allowed: en, zh");
  ExpectError("v=1&metric=Speed", "metric", "allowed:");
  ExpectError("v=1&metric=TPS,TPS", "metric", "listed twice");
  ExpectError("v=1&sweep_group=gpus", "sweep_group", "allowed: gpu, ep");
  ExpectError("v=1&base=v%3D1%26base%3Dv%253D1", "base", "cannot carry a baseline");
  ExpectError("v=1&base=seq_len%3Dabc", "base", "seq_len: 'abc' is not a decimal number");
  ExpectError("v=1&sweep=seq_len:1:2", "sweep", "not key:from:to:step");
  ExpectError("v=1&sweep=gpus:1:2:1", "sweep", "cannot sweep");
  ExpectError("v=1&sweep=seq_len:100:10:1", "sweep", "must not exceed");
  ExpectError("v=1&sweep=seq_len:1:100:0", "sweep", "greater than 0");
  ExpectError("v=1&sweep=seq_len:1:100000:1", "sweep", "more than 4096 points");
  ExpectError("v=1&sweep=seq_len:0:100:1", "sweep", "out of range");
  ExpectError("v=1&sweep=n_layers:30:254:0.5", "sweep", "whole number");
}
TEST(CodecErrors, EveryProblemIsReportedOnce) {
  const std::vector<ConfigError> errors = ErrorsOf("v=1&seq_len=abc&tp=0&foo=1&bs=1,,2&discount=2");
  ASSERT_EQ(errors.size(), 5u);
  std::vector<std::string> keys;
  for (const ConfigError& e : errors) keys.push_back(e.key);
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys, (std::vector<std::string>{"bs", "discount", "foo", "seq_len", "tp"}));
}

TEST(Schema, DescribesEveryKeyOnceWithHelpInBothLanguages) {
  std::vector<std::string> keys;
  for (const Field& f : Schema()) {
    keys.emplace_back(f.key);
    EXPECT_FALSE(f.help.en.empty()) << f.key;
    EXPECT_FALSE(f.help.zh.empty()) << f.key;
    EXPECT_FALSE(f.group.empty()) << f.key;
  }
  std::vector<std::string> sorted = keys;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  for (const char* key : {"seq_len",
                          "decode_len",
                          "kv_cache_rate",
                          "tp",
                          "dp",
                          "bs",
                          "ep",
                          "decode_tp",
                          "mbs",
                          "fp8_combine",
                          "tps_limit",
                          "discount",
                          "mla_discount",
                          "min_ar_time",
                          "mla_static",
                          "prefill_a2a_static",
                          "decode_a2a_static",
                          "mem_util",
                          "gpus",
                          "hw",
                          "model",
                          "view",
                          "sweep",
                          "metric",
                          "sweep_bs",
                          "lang",
                          "mla_params_m"}) {
    EXPECT_NE(FindField(key), nullptr) << key;
  }
}

TEST(Schema, DefaultsComeFromTheStructs) {
  const Config defaults;
  EXPECT_EQ(FieldText(defaults, *FindField("seq_len")), "4383");
  EXPECT_EQ(FieldText(defaults, *FindField("bs")), "16,32,64,128,256,512");
  EXPECT_EQ(FieldText(defaults, *FindField("kv_cache_rate")), "0.563");
  EXPECT_EQ(FieldText(defaults, *FindField("sweep")), "seq_len:1024:16352:32");
  EXPECT_EQ(FieldText(defaults, *FindField("model")), "deepseek-v3");
}

}  // namespace
}  // namespace shallowsim

namespace shallowsim {
namespace {

// Links never break: every frozen v1 link decodes, and to the same config as its canonical form
// recorded when it was frozen (docs/LINKS.md).
TEST(FrozenLinks, V1LinksKeepDecodingToTheSameConfig) {
  std::ifstream in(std::string(SHALLOWSIM_GOLDEN_DIR) + "/links_v1.tsv");
  ASSERT_TRUE(in.good());
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("# ", 0) == 0) continue;  // comments; links may start with '#'
    const size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string link = line.substr(0, tab), canonical = line.substr(tab + 1);
    const Config config = testing::ConfigOf(link);
    EXPECT_EQ(config, testing::ConfigOf(canonical)) << link;
    EXPECT_EQ(EncodeLink(config), canonical) << link;
    ++checked;
  }
  EXPECT_GE(checked, 16);
}

}  // namespace
}  // namespace shallowsim
