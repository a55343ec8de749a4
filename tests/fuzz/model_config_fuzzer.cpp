// libFuzzer target: import a config.json (model_config.h), then compute with the model. Invariants
// checked on each input: no crash or sanitizer report; a failed import has errors, each one
// line keyed model-config; an imported config is valid, its link reads back as the same config,
// and its facts and rows are finite.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/model_config.h"
#include "shallowsim/model_facts.h"
#include "shallowsim/prefill.h"
#include "shallowsim/table.h"

using namespace shallowsim;

namespace {
void Check(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ParseResult r = ImportModelConfig(text, Config{});
  Check(r.ok() == r.config.has_value());
  if (!r.ok()) {
    for (const ConfigError& e : r.errors) {
      Check(e.key == "model-config" && !e.message.empty());
      for (char c : e.message) Check(static_cast<unsigned char>(c) >= 0x20);
    }
    return 0;
  }
  Config c = *r.config;
  Check(Validate(c).empty());
  const ParseResult again = ParseLink(EncodeLink(c));
  Check(again.ok() && *again.config == c);

  const ModelFacts f = FactsOf(c);
  Check(std::isfinite(f.total_params_b) && std::isfinite(f.active_params_b) &&
        std::isfinite(f.kv_bytes_per_token) && std::isfinite(f.weights_gb));
  // A few rows on one GPU keep each input fast.
  c.gpus = {"H800"};
  c.scenario.bs = {64};
  c.scenario.ep = {72};
  c.scenario.decode_tp = {1};
  for (const PrefillRow& row : PrefillTable(c)) {
    for (size_t col = 1; col < kPrefillWidth; ++col) Check(std::isfinite(PrefillValue(row, col)));
  }
  for (const DecodeRow& row : Decode(c).rows) {
    for (size_t col = 1; col < kDecodeWidth; ++col) Check(std::isfinite(DecodeValue(row, col)));
  }
  return 0;
}
