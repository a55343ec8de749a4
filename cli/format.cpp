#include "format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace shallowsim::cli {

namespace {

std::string Digits17(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

constexpr double kText = std::numeric_limits<double>::quiet_NaN();

void AddRow(TextTable& t, std::vector<std::string> text, std::vector<double> numbers) {
  t.text.push_back(std::move(text));
  t.numbers.push_back(std::move(numbers));
}

// Columns a UTF-8 string takes in a terminal: CJK (3-byte sequences) count two.
size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;
    width += (c & 0xF0) == 0xE0 ? 2 : 1;
  }
  return width;
}

// Markdown table with right-aligned, padded columns.
std::string MarkdownGrid(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& cells) {
  std::vector<size_t> width(header.size(), 3);
  for (size_t c = 0; c < header.size(); ++c) width[c] = std::max(width[c], DisplayWidth(header[c]));
  for (const auto& row : cells) {
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], DisplayWidth(row[c]));
  }
  auto line = [&](const std::vector<std::string>& row) {
    std::string out = "|";
    for (size_t c = 0; c < row.size(); ++c) {
      out += " " + std::string(width[c] - DisplayWidth(row[c]), ' ') + row[c] + " |";
    }
    return out + "\n";
  };
  std::string out = line(header);
  out += "|";
  for (size_t c = 0; c < header.size(); ++c) out += " " + std::string(width[c] - 1, '-') + ": |";
  out += "\n";
  for (const auto& row : cells) out += line(row);
  return out;
}

}  // namespace

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

TextTable PrefillText(const std::vector<PrefillRow>& rows) {
  TextTable t;
  t.columns.assign(kPrefillColumns.begin(), kPrefillColumns.end());
  t.integer_column.assign(t.columns.size(), false);
  for (const PrefillRow& row : rows) {
    std::vector<std::string> text{row.gpu};
    std::vector<double> numbers{kText};
    for (size_t c = 1; c < kPrefillColumns.size(); ++c) {
      numbers.push_back(PrefillValue(row, c));
      text.push_back(Digits17(numbers.back()));
    }
    AddRow(t, std::move(text), std::move(numbers));
  }
  return t;
}

namespace {
void AddDecodeColumns(TextTable& t) {
  t.columns.insert(t.columns.end(), kDecodeColumns.begin(), kDecodeColumns.end());
  for (size_t c = 0; c < kDecodeColumns.size(); ++c) t.integer_column.push_back(c >= 1 && c <= 3);
}
void AppendDecodeCells(const DecodeRow& row, const std::vector<std::string>& gpus,
                       std::vector<std::string>& text, std::vector<double>& numbers) {
  text.push_back(gpus[row.gpu]);
  numbers.push_back(kText);
  for (size_t c = 1; c < kDecodeColumns.size(); ++c) {
    numbers.push_back(DecodeValue(row, c));
    text.push_back(Digits17(numbers.back()));
  }
}
}  // namespace

TextTable DecodeText(const DecodeTable& table) {
  TextTable t;
  AddDecodeColumns(t);
  for (const DecodeRow& row : table.rows) {
    std::vector<std::string> text;
    std::vector<double> numbers;
    AppendDecodeCells(row, table.gpus, text, numbers);
    AddRow(t, std::move(text), std::move(numbers));
  }
  return t;
}

TextTable SweepText(const SweepTable& table) {
  TextTable t;
  t.columns.push_back("index_value");
  t.integer_column.push_back(false);
  AddDecodeColumns(t);
  for (const SweepRow& r : table.rows) {
    std::vector<std::string> text{Digits17(r.index_value)};
    std::vector<double> numbers{r.index_value};
    AppendDecodeCells(r.row, table.gpus, text, numbers);
    AddRow(t, std::move(text), std::move(numbers));
  }
  return t;
}

TextTable MaxBatchText(const MaxBatchTable& table) {
  TextTable t;
  t.columns.assign(kMaxBatchColumns.begin(), kMaxBatchColumns.end());
  t.integer_column = {false, true, true, true};
  for (const MaxBatchRow& r : table.rows) {
    AddRow(t, {table.gpus[r.gpu], Digits17(r.ep), Digits17(r.tp), Digits17(r.max_batch)},
           {kText, r.ep, r.tp, r.max_batch});
  }
  return t;
}

bool AllFinite(const TextTable& t) {
  for (size_t r = 0; r < t.numbers.size(); ++r) {
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const double v = t.numbers[r][c];
      if (std::isinf(v) || (std::isnan(v) && t.columns[c] != "GPU")) return false;
    }
  }
  return true;
}

bool Render(const TextTable& t, Format format, std::string* out) {
  if (!AllFinite(t)) return false;
  out->clear();
  switch (format) {
    case Format::kCsv: {
      for (size_t c = 0; c < t.columns.size(); ++c) *out += (c ? "," : "") + t.columns[c];
      *out += "\n";
      for (const auto& row : t.text) {
        for (size_t c = 0; c < row.size(); ++c) *out += (c ? "," : "") + row[c];
        *out += "\n";
      }
      return true;
    }
    case Format::kJson: {
      *out += "[";
      for (size_t r = 0; r < t.text.size(); ++r) {
        *out += r ? ",\n {" : "\n {";
        for (size_t c = 0; c < t.columns.size(); ++c) {
          *out += (c ? ", " : "") + JsonString(t.columns[c]) + ": ";
          *out += std::isnan(t.numbers[r][c]) ? JsonString(t.text[r][c]) : t.text[r][c];
        }
        *out += "}";
      }
      *out += t.text.empty() ? "]\n" : "\n]\n";
      return true;
    }
    case Format::kMarkdown: {
      std::vector<std::vector<std::string>> cells;
      for (size_t r = 0; r < t.text.size(); ++r) {
        std::vector<std::string> row;
        for (size_t c = 0; c < t.columns.size(); ++c) {
          const double v = t.numbers[r][c];
          row.push_back(std::isnan(v) ? t.text[r][c] : Fixed(v, t.integer_column[c] ? 0 : 6));
        }
        cells.push_back(std::move(row));
      }
      *out = MarkdownGrid(t.columns, cells);
      return true;
    }
  }
  return false;
}

std::string PrefillMarkdown(const std::vector<PrefillRow>& rows, const Model& model) {
  struct Metric {
    const char* label;
    size_t column;
    bool dense;
    const char* note;
  };
  // The seed's rows (seed/shallowsim-metrics.md), in its order and with its labels.
  static constexpr Metric kMetrics[] = {
      {"MLA", 1, true, "Dense层MLA耗时"},
      {"DenseMLP", 2, true, "Dense层MLP耗时"},
      {"TP_MLA", 3, false, "MoE层MLA耗时"},
      {"Shared Expert", 4, false, "Shared Expert计算时间"},
      {"Combine", 5, false, "MoE all2all"},
      {"Overlap1", 6, false, "combine阶段通信剩余"},
      {"Routed Expert", 7, false, "Routed Expert计算时间"},
      {"Dispatch", 8, false, "MoE all2all"},
      {"Overlap2", 9, false, "dispatch阶段通信剩余"},
  };
  std::vector<std::string> header{"GPU", "Layers"};
  for (const PrefillRow& r : rows) header.push_back(r.gpu);
  header.push_back("解释");
  std::vector<std::vector<std::string>> cells;
  for (const Metric& m : kMetrics) {
    std::vector<std::string> row{
        m.label, Fixed(m.dense ? model.n_dense_layers : model.n_sparse_layers(), 1)};
    for (const PrefillRow& r : rows) row.push_back(Fixed(PrefillValue(r, m.column), 6));
    row.push_back(m.note);
    cells.push_back(std::move(row));
  }
  std::string out = MarkdownGrid(header, cells);

  std::vector<std::string> summary_header{"Summary"};
  for (const PrefillRow& r : rows) summary_header.push_back(r.gpu);
  std::vector<std::vector<std::string>> summary;
  const std::pair<const char*, size_t> kSummary[] = {
      {"Compute (ms)", 10}, {"Comm (ms)", 11}, {"Sum (ms)", 12}, {"PrefillTPS (tok/s/GPU)", 13}};
  for (const auto& [label, column] : kSummary) {
    std::vector<std::string> row{label};
    for (const PrefillRow& r : rows) row.push_back(Fixed(PrefillValue(r, column), 6));
    summary.push_back(std::move(row));
  }
  return out + "\n" + MarkdownGrid(summary_header, summary);
}

std::string SchemaJson() {
  const Config defaults;
  std::string out = "{\n \"version\": " + std::to_string(kLinkVersion) + ",\n \"fields\": [";
  const char* kinds[] = {"int",    "float",       "bool",    "int_list", "name_list",
                         "choice", "choice_list", "hw_rows", "sweep",    "link"};
  bool first = true;
  for (const Field& f : Schema()) {
    out += first ? "\n  {" : ",\n  {";
    first = false;
    out += "\"key\": " + JsonString(f.key);
    out += ", \"kind\": " + JsonString(kinds[static_cast<int>(f.kind)]);
    out += ", \"group\": " + JsonString(f.group);
    out += ", \"default\": " + JsonString(FieldText(defaults, f));
    if (f.kind == FieldKind::kInt || f.kind == FieldKind::kFloat || f.kind == FieldKind::kBool ||
        f.kind == FieldKind::kIntList) {
      out += ", \"min\": " + FormatNumber(f.min) + ", \"max\": " + FormatNumber(f.max);
      out += std::string(", \"min_exclusive\": ") + (f.min_exclusive ? "true" : "false");
    }
    out += ", \"unit\": " + JsonString(f.unit);
    out += ", \"help\": {\"en\": " + JsonString(f.help_en) + ", \"zh\": " + JsonString(f.help_zh) +
           "}";
    const std::vector<std::string> choices = Choices(f);
    if (!choices.empty()) {
      out += ", \"choices\": [";
      for (size_t i = 0; i < choices.size(); ++i) out += (i ? ", " : "") + JsonString(choices[i]);
      out += "]";
    }
    out += "}";
  }
  out += "\n ]\n}\n";
  return out;
}

}  // namespace shallowsim::cli
