// The one writer per format (SPEC §7): a table of a config as CSV (17 significant digits),
// Markdown (6 decimals; prefill in the seed's layout) or JSON. The CLI prints it and the page
// downloads it, so both give the same bytes for the same link, table and digits: the CLI writes
// SPEC §7's 17 significant digits unless asked (--digits shortest); the page's downloads write
// the shortest text that reads back to the same double (1.86, not 1.8600000000000001).
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

// How CSV and JSON spell a number; both read back bit for bit. Markdown keeps 6 decimals.
enum class Digits { kSeventeen, kShortest };
// "17", "shortest"
std::optional<Digits> DigitsOf(std::string_view name);

struct Export {
  std::string text;                 // set only when errors is empty
  std::vector<ConfigError> errors;  // a sweep point that fails, or OverflowError()
  bool ok() const { return errors.empty(); }
};

// The tables a config can be written as: prefill, decode, leaderboard, maxbatch, frontier
// (the rows the view keys select, in their order: views.h) and sweep (the link's sweep=).
const std::vector<std::string_view>& ExportTables();
// `table` must be one of ExportTables() and `config` valid.
Export ExportTable(const Config& config, std::string_view table, Format format,
                   Digits digits = Digits::kSeventeen);

}  // namespace shallowsim
