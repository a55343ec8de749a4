// The one writer per format (SPEC §7): a table of a config as CSV (17 significant digits),
// Markdown (6 decimals; prefill in the seed's layout) or JSON. The CLI prints it and the page
// downloads it, so both give the same bytes for the same link and table.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shallowsim/config.h"

namespace shallowsim {

enum class Format { kMarkdown, kCsv, kJson };
// "md", "csv", "json"
std::optional<Format> FormatOf(std::string_view name);

struct Export {
  std::string text;                 // set only when errors is empty
  std::vector<ConfigError> errors;  // a sweep point that fails, or OverflowError()
  bool ok() const { return errors.empty(); }
};

// The tables a config can be written as: prefill, decode, leaderboard, maxbatch, frontier
// (the rows the view keys select, in their order: views.h) and sweep (the link's sweep=).
const std::vector<std::string_view>& ExportTables();
// `table` must be one of ExportTables() and `config` valid.
Export ExportTable(const Config& config, std::string_view table, Format format);

}  // namespace shallowsim
