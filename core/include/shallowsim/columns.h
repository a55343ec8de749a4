// The columns of every table: name, unit, how numbers look, which way is better, meaning and
// formula. The CLI's headers, the writers (export.h) and the page's headers, tooltips and A/B
// colours all read these descriptors.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "shallowsim/bilingual.h"

namespace shallowsim {

enum class Style {
  kText,      // a name (GPU)
  kInteger,   // a count: printed without decimals in Markdown
  kDecimal,   // a measure
  kFraction,  // a share (0..1), shown as a percentage on screen
};
enum class Better { kNone, kHigher, kLower };  // kNone: an identity column, never a % change

struct Column {
  std::string_view name;
  std::string_view unit;
  Style style = Style::kDecimal;
  Better better = Better::kNone;
  int decimals = 3;  // on screen (exports keep full precision)
  Text meaning;
  std::string_view formula;
  bool optional = false;  // may have no value (written empty in CSV, null in JSON, — in Markdown)
};

struct TableInfo {
  std::string_view key;             // prefill, decode, maxbatch, sweep (the page's tables name one)
  std::span<const Column> columns;  // in the order the CLI, the exports and SPEC §7 use
  // On screen: the leading columns, frozen at the left, then the rest in export order. Empty =
  // export order.
  std::vector<std::string_view> headline;
};

std::span<const TableInfo> Tables();
const TableInfo* FindTable(std::string_view key);
std::span<const Column> PrefillColumns();
std::span<const Column> DecodeColumns();
std::span<const Column> MaxBatchColumns();
std::span<const Column> RealityColumns();
std::span<const Column> PlanColumns();
std::span<const Column> CatalogColumns();
std::span<const Column> ModelColumns();
std::span<const Column> ServeColumns();
std::span<const Column> UncertaintyColumns();
// Index of a column by name, or -1.
int ColumnIndex(std::span<const Column> columns, std::string_view name);

// The seed's prefill layout (seed/shallowsim-metrics.md): metrics as rows with a Layers column
// and a note, GPUs as columns, then the summary rows.
enum class Layers { kDense, kSparse, kNone };
struct PrefillLine {
  std::string_view metric;  // a prefill column
  std::string_view label;   // as the seed writes it
  Layers layers;
  Text note;
};
std::span<const PrefillLine> PrefillLayout();         // the per-layer rows
std::span<const PrefillLine> PrefillSummaryLayout();  // Compute, Comm, Sum, PrefillTPS

}  // namespace shallowsim
