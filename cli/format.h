// Text output of the CLI: markdown, CSV and JSON renderings of core tables (SPEC §7).
#pragma once

#include <string>
#include <vector>

#include "shallowsim/config.h"
#include "shallowsim/sweep.h"
#include "shallowsim/table.h"

namespace shallowsim::cli {

enum class Format { kMarkdown, kCsv, kJson };

// A table as text cells plus the numbers behind them (NaN for text cells such as GPU names).
struct TextTable {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> text;  // 17 significant digits for numbers
  std::vector<std::vector<double>> numbers;    // parallel to text; used by md and json
  std::vector<bool> integer_column;            // printed without decimals in md
};

TextTable PrefillText(const std::vector<PrefillRow>& rows);
TextTable DecodeText(const DecodeTable& table);
TextTable MaxBatchText(const MaxBatchTable& table);
TextTable SweepText(const SweepTable& table);

// False when a number is not finite (NaN marks text cells, allowed only in the GPU column).
bool AllFinite(const TextTable& table);
// Renders a table; false when a number is not finite (nothing is rendered then).
bool Render(const TextTable& table, Format format, std::string* out);
// The seed's prefill layout: metrics as rows with a Layers column, GPUs as columns.
std::string PrefillMarkdown(const std::vector<PrefillRow>& rows, const Model& model);
std::string SchemaJson();
std::string JsonString(std::string_view text);

}  // namespace shallowsim::cli
