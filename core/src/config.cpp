// The catalog a config sees: its catalog version's GPUs with its `hw=` rows applied (SPEC §1.2,
// §6).
#include "shallowsim/config.h"

#include <algorithm>

namespace shallowsim {

std::vector<Gpu> ResolvedCatalog(const Config& config) {
  std::vector<Gpu> catalog =
      IsCatalogId(config.catalog) ? BuiltinCatalog(config.catalog) : BuiltinCatalog();
  for (const Gpu& row : config.hw) {
    auto it = std::find_if(catalog.begin(), catalog.end(),
                           [&](const Gpu& g) { return g.name == row.name; });
    if (it != catalog.end()) {
      *it = row;
    } else {
      catalog.push_back(row);
    }
  }
  return catalog;
}

std::vector<Gpu> SelectedGpus(const Config& config) {
  std::vector<Gpu> catalog = ResolvedCatalog(config);
  if (config.gpus.empty()) return catalog;
  std::vector<Gpu> out;
  out.reserve(config.gpus.size());
  for (const std::string& name : config.gpus) {
    for (const Gpu& g : catalog) {
      if (g.name == name) out.push_back(g);
    }
  }
  return out;
}

std::vector<std::string> GpuNames(const std::vector<Gpu>& gpus) {
  std::vector<std::string> names;
  names.reserve(gpus.size());
  for (const Gpu& g : gpus) names.push_back(g.name);
  return names;
}

}  // namespace shallowsim
