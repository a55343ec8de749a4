#include "shallowsim/prefill.h"

#include "engine/prefill_row.h"

namespace shallowsim {

PrefillRow Prefill(const Model& m, const Gpu& gpu, const Scenario& s) {
  Config c;
  c.model = m;
  c.scenario = s;
  return engine::PrefillRowOf(engine::MethodOf(c), gpu);
}

PrefillRow PrefillOf(const Config& config, const Gpu& gpu) {
  return engine::PrefillRowOf(engine::MethodOf(config), gpu);
}

std::vector<PrefillRow> PrefillTable(const Config& config) {
  const engine::Method method = engine::MethodOf(config);
  std::vector<PrefillRow> rows;
  for (const Gpu& gpu : SelectedGpus(config)) rows.push_back(engine::PrefillRowOf(method, gpu));
  return rows;
}

}  // namespace shallowsim
