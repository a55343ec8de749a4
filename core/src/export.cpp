#include "shallowsim/export.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "json.h"
#include "shallowsim/calibration.h"
#include "shallowsim/catalog.h"
#include "shallowsim/columns.h"
#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/enums.h"
#include "shallowsim/model_facts.h"
#include "shallowsim/number_text.h"
#include "shallowsim/plan.h"
#include "shallowsim/prefill.h"
#include "shallowsim/reality.h"
#include "shallowsim/serve.h"
#include "shallowsim/sweep.h"
#include "shallowsim/uncertainty.h"
#include "shallowsim/views.h"

namespace shallowsim {

namespace {

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

// A Markdown table with right-aligned, padded columns.
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

// A table's cells for the writer: text for text columns, numbers for the others. One interface
// (not a template per table) keeps one copy of the writer in the wasm.
struct Cells {
  virtual ~Cells() = default;
  virtual size_t Rows() const = 0;
  virtual std::string_view Text(size_t row, size_t column) const = 0;
  virtual double Number(size_t row, size_t column) const = 0;
};

bool Finite(std::span<const Column> columns, const Cells& cells) {
  for (size_t r = 0; r < cells.Rows(); ++r) {
    for (size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].style == Style::kText) continue;
      const double v = cells.Number(r, c);
      if (std::isinf(v) || (std::isnan(v) && !columns[c].optional)) return false;
    }
  }
  return true;
}

// Writes every row; nothing when a number is not finite.
std::optional<std::string> Write(Format format, Digits digits, std::span<const Column> columns,
                                 const Cells& cells) {
  if (!Finite(columns, cells)) return std::nullopt;
  const size_t n = columns.size(), rows = cells.Rows();
  const auto cell = [&](size_t r, size_t c) {
    if (columns[c].style == Style::kText) return std::string(cells.Text(r, c));
    const double v = cells.Number(r, c);
    if (std::isnan(v)) {  // an optional column without a value
      return std::string(format == Format::kJson ? "null" : format == Format::kMarkdown ? "—" : "");
    }
    if (format == Format::kMarkdown) {
      return FormatFixed(v, columns[c].style == Style::kInteger ? 0 : 6);
    }
    return digits == Digits::kShortest ? FormatNumber(v) : FormatGeneral(v, 17);
  };
  std::string out;
  switch (format) {
    case Format::kCsv:
      for (size_t c = 0; c < n; ++c) (out += c ? "," : "") += columns[c].name;
      out += "\n";
      for (size_t r = 0; r < rows; ++r) {
        for (size_t c = 0; c < n; ++c) {
          if (c) out += ',';
          const std::string text = cell(r, c);
          // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
          if (text.find_first_of(",\"\r\n") == std::string::npos) {
            out += text;
            continue;
          }
          out += '"';
          for (char ch : text) (out += ch) += ch == '"' ? "\"" : "";
          out += '"';
        }
        out += "\n";
      }
      return out;
    case Format::kJson:
      out = "[";
      for (size_t r = 0; r < rows; ++r) {
        out += r ? ",\n {" : "\n {";
        for (size_t c = 0; c < n; ++c) {
          out += (c ? ", " : "") + json::String(columns[c].name) + ": ";
          out += columns[c].style == Style::kText ? json::String(cells.Text(r, c)) : cell(r, c);
        }
        out += "}";
      }
      out += rows == 0 ? "]\n" : "\n]\n";
      return out;
    case Format::kMarkdown: {
      std::vector<std::string> header;
      for (const Column& c : columns) header.emplace_back(c.name);
      std::vector<std::vector<std::string>> grid(rows);
      for (size_t r = 0; r < rows; ++r) {
        for (size_t c = 0; c < n; ++c) grid[r].push_back(cell(r, c));
      }
      return MarkdownGrid(header, grid);
    }
  }
  return std::nullopt;
}

struct PrefillCells final : Cells {
  const std::vector<PrefillRow>& rows;
  explicit PrefillCells(const std::vector<PrefillRow>& r) : rows(r) {}
  size_t Rows() const override { return rows.size(); }
  std::string_view Text(size_t r, size_t) const override { return rows[r].gpu; }
  double Number(size_t r, size_t c) const override { return PrefillValue(rows[r], c); }
};

// A table whose rows name their GPU by index into its `gpus` (decode, max batch, plan).
template <class Table, auto Value>
struct GpuIndexedCells final : Cells {
  const Table& t;
  explicit GpuIndexedCells(const Table& table) : t(table) {}
  size_t Rows() const override { return t.rows.size(); }
  std::string_view Text(size_t r, size_t) const override { return t.gpus[t.rows[r].gpu]; }
  double Number(size_t r, size_t c) const override { return Value(t.rows[r], c); }
};
using DecodeCells = GpuIndexedCells<DecodeTable, DecodeValue>;
using MaxBatchCells = GpuIndexedCells<MaxBatchTable, MaxBatchValue>;
struct PlanCells final : Cells {
  const PlanTable& t;
  explicit PlanCells(const PlanTable& table) : t(table) {}
  size_t Rows() const override { return t.rows.size(); }
  std::string_view Text(size_t r, size_t c) const override { return PlanText(t, t.rows[r], c); }
  double Number(size_t r, size_t c) const override { return PlanValue(t.rows[r], c); }
};

// Rows that give their own text and number cells (reality, catalog).
template <class Row, auto TextOf, auto NumberOf>
struct RowCells final : Cells {
  const std::vector<Row>& rows;
  explicit RowCells(const std::vector<Row>& r) : rows(r) {}
  size_t Rows() const override { return rows.size(); }
  std::string_view Text(size_t r, size_t c) const override { return TextOf(rows[r], c); }
  double Number(size_t r, size_t c) const override { return NumberOf(rows[r], c); }
};
using RealityCells = RowCells<RealityRow, RealityText, RealityNumber>;
using CatalogCells = RowCells<CatalogRow, CatalogText, CatalogNumber>;
using ModelCells = RowCells<ModelFacts, ModelFactText, ModelFactNumber>;

struct UncertaintyCells final : Cells {
  const std::vector<UncertaintyLine>& lines;
  explicit UncertaintyCells(const std::vector<UncertaintyLine>& l) : lines(l) {}
  size_t Rows() const override { return lines.size(); }
  std::string_view Text(size_t r, size_t c) const override {
    const UncertaintyLine& u = lines[r];
    switch (c) {
      case 0:
        return u.mode;
      case 1:
        return u.regime.model;
      case 2:
        return u.regime.family;
      case 3:
        return u.regime.batch;
      case 4:
        return u.regime.context;
      case 5:
        return u.regime.serving;
      default:
        return {};
    }
  }
  double Number(size_t r, size_t c) const override {
    return c == 6 ? lines[r].rows : lines[r].median_abs_error_pct;
  }
};

struct ServeCells final : Cells {
  const ServeTable& t;
  explicit ServeCells(const ServeTable& table) : t(table) {}
  size_t Rows() const override { return t.rows.size(); }
  std::string_view Text(size_t r, size_t c) const override { return ServeText(t, t.rows[r], c); }
  double Number(size_t r, size_t c) const override { return ServeNumber(t.rows[r], c); }
};

// The plotted series, a row per present point of each metric × GPU × EP line.
struct SeriesCells final : Cells {
  const SweepSeries& s;
  struct At {
    size_t metric, gpu, ep, point;
  };
  std::vector<At> rows;
  explicit SeriesCells(const SweepSeries& series) : s(series) {
    const size_t n_p = s.x.size(), n_e = s.eps.size();
    for (size_t m = 0; m < s.metrics.size(); ++m) {
      for (size_t g = 0; g < s.gpus.size(); ++g) {
        for (size_t e = 0; e < n_e; ++e) {
          for (size_t p = 0; p < n_p; ++p) {
            if (s.present[(g * n_e + e) * n_p + p]) rows.push_back({m, g, e, p});
          }
        }
      }
    }
  }
  size_t Rows() const override { return rows.size(); }
  std::string_view Text(size_t r, size_t c) const override {
    return c == 1 ? s.gpus[rows[r].gpu] : s.metrics[rows[r].metric];
  }
  double Number(size_t r, size_t c) const override {
    const At& a = rows[r];
    const size_t n_p = s.x.size(), n_e = s.eps.size();
    const size_t at = (a.gpu * n_e + a.ep) * n_p + a.point;
    switch (c) {
      case 0:
        return s.x[a.point];
      case 2:
        return s.eps[a.ep];
      case 3:
        return s.batch;
      case 4:
        return s.tp[at];
      default:
        return s.y[a.metric * s.gpus.size() * n_e * n_p + at];
    }
  }
};

struct SweepCells final : Cells {
  const SweepTable& t;
  explicit SweepCells(const SweepTable& table) : t(table) {}
  size_t Rows() const override { return t.rows.size(); }
  std::string_view Text(size_t r, size_t) const override { return t.gpus[t.rows[r].row.gpu]; }
  double Number(size_t r, size_t c) const override {
    return c == 0 ? t.rows[r].index_value : DecodeValue(t.rows[r].row, c - 1);
  }
};

// The seed's prefill layout: metrics as rows with a Layers column, GPUs as columns.
std::string PrefillSeedMarkdown(const std::vector<PrefillRow>& rows, const Model& model) {
  const std::span<const Column> columns = PrefillColumns();
  std::vector<std::string> header{"GPU", "Layers"};
  for (const PrefillRow& r : rows) header.push_back(r.gpu);
  header.push_back("解释");
  std::vector<std::vector<std::string>> cells;
  for (const PrefillLine& m : PrefillLayout()) {
    const size_t column = static_cast<size_t>(ColumnIndex(columns, m.metric));
    const double layers =
        m.layers == Layers::kDense ? model.n_dense_layers : model.n_sparse_layers();
    std::vector<std::string> row{std::string(m.label), FormatFixed(layers, 1)};
    for (const PrefillRow& r : rows) row.push_back(FormatFixed(PrefillValue(r, column), 6));
    row.emplace_back(m.note.zh);
    cells.push_back(std::move(row));
  }
  std::vector<std::string> summary_header{"Summary"};
  for (const PrefillRow& r : rows) summary_header.push_back(r.gpu);
  std::vector<std::vector<std::string>> summary;
  for (const PrefillLine& m : PrefillSummaryLayout()) {
    const size_t column = static_cast<size_t>(ColumnIndex(columns, m.metric));
    std::vector<std::string> row{std::string(m.label)};
    for (const PrefillRow& r : rows) row.push_back(FormatFixed(PrefillValue(r, column), 6));
    summary.push_back(std::move(row));
  }
  return MarkdownGrid(header, cells) + "\n" + MarkdownGrid(summary_header, summary);
}

}  // namespace

std::optional<Format> FormatOf(std::string_view name) {
  if (name == "md") return Format::kMarkdown;
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  return std::nullopt;
}

const std::vector<std::string_view>& ExportTables() {
  static const std::vector<std::string_view> tables = {
      "prefill", "decode", "leaderboard", "maxbatch", "frontier", "sweep",      "series",
      "plan",    "serve",  "catalog",     "reality",  "model",    "uncertainty"};
  return tables;
}

std::optional<Digits> DigitsOf(std::string_view name) {
  if (name == "17") return Digits::kSeventeen;
  if (name == "shortest") return Digits::kShortest;
  return std::nullopt;
}

Export ExportTable(const Config& config, std::string_view table, Format format, Digits digits) {
  Export out;
  std::optional<std::string> text;
  if (table == "prefill") {
    const std::vector<PrefillRow> rows = PrefillTable(config);
    const PrefillCells cells(rows);
    if (format != Format::kMarkdown) {
      text = Write(format, digits, PrefillColumns(), cells);
    } else if (Finite(PrefillColumns(), cells)) {
      text = PrefillSeedMarkdown(rows, config.model);  // the seed's layout
    }
  } else if (table == "maxbatch") {
    const MaxBatchTable t = ShownMaxBatch(config, MaxBatchTableOf(config));
    text = Write(format, digits, MaxBatchColumns(), MaxBatchCells(t));
  } else if (table == "series") {
    const SweepSeries series = SweepSeriesOf(config);
    if (!series.ok()) {
      out.errors = series.errors;
      return out;
    }
    text = Write(format, digits, FindTable("series")->columns, SeriesCells(series));
  } else if (table == "catalog") {
    text = Write(format, digits, CatalogColumns(), CatalogCells(CatalogTable(config)));
  } else if (table == "uncertainty") {
    const std::vector<UncertaintyLine> lines = ComputeUncertainty();
    text = Write(format, digits, UncertaintyColumns(), UncertaintyCells(lines));
  } else if (table == "serve") {
    text = Write(format, digits, ServeColumns(), ServeCells(Serve(config)));
  } else if (table == "model") {
    const std::vector<ModelFacts> rows = {FactsOf(config)};
    text = Write(format, digits, ModelColumns(), ModelCells(rows));
  } else if (table == "plan") {
    text = Write(format, digits, PlanColumns(), PlanCells(Plan(config)));
  } else if (table == "reality") {
    text = Write(format, digits, RealityColumns(), RealityCells(Reality(config)));
  } else if (table == "sweep") {
    const SweepResult sweep = Sweep(config, config.view.sweep);
    if (!sweep.ok()) {
      out.errors = sweep.errors;
      return out;
    }
    text = Write(format, digits, FindTable("sweep")->columns, SweepCells(sweep.table));
  } else {
    const DecodeTable t = ShownDecode(config, Decode(config), table);
    text = Write(format, digits, DecodeColumns(), DecodeCells(t));
  }
  if (!text) {
    out.errors = {OverflowError()};
  } else if (format == Format::kJson) {
    // What the rows were computed with travels with them: the canonical link, the mode and the
    // calibration (null in reference mode).
    const bool calibrated = config.mode == Mode::kCalibrated;
    std::string rows = std::move(*text);
    if (!rows.empty() && rows.back() == '\n') rows.pop_back();
    out.text = "{\"table\": " + json::String(table) +
               ",\n \"link\": " + json::String("#" + EncodeLink(config)) +
               ",\n \"mode\": " + json::String(NameOf(config.mode)) + ",\n \"calibration\": " +
               (calibrated ? json::String(CalibrationOf(config).id) : std::string("null")) +
               ",\n \"rows\": " + rows + "}\n";
  } else {
    out.text = std::move(*text);
  }
  return out;
}

}  // namespace shallowsim
