// The hardware as the tables use it: every GPU of the resolved catalog (the built-in rows and the
// link's hw= rows) with its figures, where they come from, and warnings for entries the model would
// treat in a way their owner may not expect.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shallowsim/config.h"

namespace shallowsim {

// Where a built-in GPU's figures in catalog version `catalog` come from and which disagree with
// the published ones (empty for a GPU that version does not have). docs/HARDWARE.md has the
// sources in full.
std::string_view CatalogSource(std::string_view catalog, std::string_view gpu);

// What is physically odd about a GPU's figures, as the model would use them (empty: nothing):
// FP4 on a GPU whose compute per SM is of a generation without FP4 tensor cores (below CDNA4's);
// a gpu_per_node the model does not distinguish; FP8 per SM outside every known GPU; FP16 above
// FP8.
std::vector<std::string> GpuWarnings(const Gpu& gpu);

struct CatalogRow {
  Gpu gpu;
  std::string origin;  // "catalog" ("catalog <id>" for a version other than the reference's),
                       // "hw= (added)", "hw= (replaces the catalog's)"
  double price = 0;    // USD per GPU-hour (plan.h PriceOf)
  std::string price_source;
  std::string source;
  std::string warnings;  // joined with "; "
};
std::vector<CatalogRow> CatalogTable(const Config& config);

// Column c of CatalogColumns() (columns.h): text of a text column, else its number.
std::string_view CatalogText(const CatalogRow& row, size_t column);
double CatalogNumber(const CatalogRow& row, size_t column);

}  // namespace shallowsim
