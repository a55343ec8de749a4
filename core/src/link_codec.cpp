// The share-link codec (SPEC §6): a fragment → a validated config, a config → its canonical
// fragment. docs/LINKS.md states how it may change.
#include <algorithm>
#include <cmath>
#include <map>

#include "shallowsim/calibration.h"
#include "shallowsim/number_text.h"
#include "shallowsim/plan.h"
#include "shallowsim/schema.h"
#include "text.h"

namespace shallowsim {

namespace {

using K = FieldKind;
using text::PercentDecode;
using text::Show;
using text::ShowKey;
using text::Split;
using text::TooMany;

// Parses a number, or explains why not.
std::optional<double> ParseNumber(std::string_view text, std::string* why) {
  if (text.empty()) {
    *why = "is empty; expected a number";
    return std::nullopt;
  }
  const std::optional<double> v = ReadDecimal(text);
  if (!v) {
    *why = Show(text) + " is not a decimal number";
    return std::nullopt;
  }
  if (!std::isfinite(*v)) {
    *why = Show(text) + " is too large";
    return std::nullopt;
  }
  return v;
}

// One `hw=` row; errors name the row and the field.
std::optional<Gpu> ParseHwRow(std::string_view row, size_t index,
                              std::vector<ConfigError>& errors) {
  const std::span<const HwField> fields = HwFields();
  const std::vector<std::string_view> parts = Split(row, ',');
  const std::string where = "row " + std::to_string(index + 1) + ": ";
  if (parts.size() != fields.size()) {
    std::string names = "NAME";
    for (const HwField& h : fields.subspan(1)) names += "," + std::string(h.key);
    errors.push_back({"hw", where + "has " + std::to_string(parts.size()) + " fields; expected " +
                                std::to_string(fields.size()) + " (" + names + ")"});
    return std::nullopt;
  }
  Gpu g;
  g.name = std::string(parts[0]);
  bool ok = true;
  for (size_t i = 1; i < fields.size(); ++i) {
    std::string why;
    if (const std::optional<double> v = ParseNumber(parts[i], &why)) {
      g.*fields[i].member = *v;
    } else {
      errors.push_back({"hw", where + std::string(fields[i].key) + " " + why});
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return g;
}

// Sets one key from its (decoded) link text; syntax errors only, ranges are Validate's.
void SetFromText(Config& c, const Field& f, const std::string& key, const std::string& value,
                 std::vector<ConfigError>& errors) {
  auto error = [&](std::string message) { errors.push_back({key, std::move(message)}); };
  std::string why;
  switch (f.kind) {
    case K::kInt:
    case K::kFloat:
    case K::kBool:
      if (const std::optional<double> v = ParseNumber(value, &why)) {
        SetNumber(c, f, *v);
      } else {
        error(why);
      }
      return;
    case K::kIntList: {
      if (value.empty() && f.may_be_empty) {
        MutableList(c, f).clear();
        return;
      }
      const std::vector<std::string_view> parts = Split(value, ',');
      if (parts.size() > kMaxListItems) return error(TooMany(parts.size(), kMaxListItems, "items"));
      std::vector<double> items;
      bool ok = true;
      for (size_t i = 0; i < parts.size(); ++i) {
        if (const std::optional<double> v = ParseNumber(parts[i], &why)) {
          items.push_back(*v);
        } else {
          error("item " + std::to_string(i + 1) + " " + why);
          ok = false;
        }
      }
      if (ok) MutableList(c, f) = std::move(items);
      return;
    }
    case K::kNameList:
    case K::kChoiceList: {
      std::vector<std::string>& names = MutableNames(c, f);
      if (value.empty() && f.may_be_empty) {
        names.clear();
        return;
      }
      const std::vector<std::string_view> parts = Split(value, ',');
      if (parts.size() > kMaxListItems) return error(TooMany(parts.size(), kMaxListItems, "items"));
      bool ok = true;
      for (size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].empty()) {
          error("item " + std::to_string(i + 1) + " is empty");
          ok = false;
        }
      }
      if (ok) names.assign(parts.begin(), parts.end());
      return;
    }
    case K::kChoice:
      if (!SetChoice(c, f, value)) {
        error(Show(value) + " is not known; allowed: " + text::Join(Choices(f), ", "));
      }
      return;
    case K::kSort:
      *MutableText(c, f) = value;
      return;
    case K::kPrices:
      // Kept in canonical form (numbers as links write them); names and ranges are Validate's.
      if (const std::optional<std::vector<PriceEntry>> prices = ParsePrices(value, &why)) {
        *MutableText(c, f) = PricesText(*prices);
      } else {
        error(why);
      }
      return;
    case K::kLink: {
      // The baseline is a whole link of its own, validated and kept in canonical form; an
      // empty value means no baseline.
      if (value.empty()) return;
      const ParseResult inner = ParseLink(value);
      for (const ConfigError& e : inner.errors) error(e.key + ": " + e.message);
      if (!inner.ok()) return;
      if (!inner.config->view.base.empty())
        return error("a baseline cannot carry a baseline of its own");
      c.view.base = EncodeLink(*inner.config);
      return;
    }
    case K::kSweep: {
      const std::vector<std::string_view> parts = Split(value, ':');
      if (parts.size() != 4) {
        return error(Show(value) + " is not key:from:to:step (e.g. seq_len:1024:16352:32)");
      }
      SweepSpec s;
      s.param = std::string(parts[0]);
      bool ok = true;
      double* targets[3] = {&s.from, &s.to, &s.step};
      const char* names[3] = {"from", "to", "step"};
      for (int i = 0; i < 3; ++i) {
        if (const std::optional<double> v = ParseNumber(parts[i + 1], &why)) {
          *targets[i] = *v;
        } else {
          error(std::string(names[i]) + " " + why);
          ok = false;
        }
      }
      if (ok) c.view.sweep = s;
      return;
    }
    case K::kHwRows:
      return;
  }
}

}  // namespace

ParseResult ParseLink(std::string_view link) {
  ParseResult result;
  auto error = [&](std::string_view key, std::string message) {
    result.errors.push_back({std::string(key), std::move(message)});
  };

  const std::string_view text = text::KeysOf(link);
  if (text.size() > kMaxLinkBytes) {
    error("link", "is " + std::to_string(text.size()) + " bytes long; at most " +
                      std::to_string(kMaxLinkBytes) + " allowed");
    return result;
  }

  // key → value (hw collects its rows); syntax errors are reported per segment.
  std::map<std::string, std::string> values;
  std::vector<std::string> hw_rows;
  for (std::string_view segment : Split(text, '&')) {
    if (segment.empty()) continue;
    const size_t eq = segment.find('=');
    const std::optional<std::string> key = PercentDecode(segment.substr(0, eq));
    if (!key) {
      error(ShowKey(segment.substr(0, eq)), "bad percent-encoding in the key");
      continue;
    }
    if (key->empty()) {
      error("link", "a segment has an empty key: " + Show(segment) + "; write key=value");
      continue;
    }
    if (eq == std::string_view::npos) {
      error(*key, "has no value; write " + *key + "=value");
      continue;
    }
    const std::optional<std::string> value = PercentDecode(segment.substr(eq + 1));
    if (!value) {
      error(*key, "bad percent-encoding in " + Show(segment.substr(eq + 1)));
      continue;
    }
    if (*key == "hw") {
      hw_rows.push_back(*value);
      continue;
    }
    if (*key != "v" && FindField(*key) == nullptr) {
      error(ShowKey(*key), UnknownKeyMessage(*key));
      continue;
    }
    if (!values.emplace(*key, *value).second) {
      error(*key, "appears more than once; give each key once");
    }
  }

  // The schema version decides how to read the rest: a bad or newer one is the only error
  // reported (a newer link may use keys this version does not know).
  if (auto it = values.find("v"); it != values.end()) {
    std::string why;
    const std::optional<double> v = ParseNumber(it->second, &why);
    if (!v || *v != std::floor(*v) || *v < 1) {
      result.errors = {
          {"v", Show(it->second) + " is not a link version; this ShallowSim reads v=1"}};
      return result;
    }
    if (*v > kLinkVersion) {
      result.errors = {{"v", "link version " + FormatNumber(*v) +
                                 " is newer than this ShallowSim, which reads v=1; open it with "
                                 "a newer one"}};
      return result;
    }
  }

  Config c;
  if (auto it = values.find("model"); it != values.end()) {
    c.preset = it->second;
    const auto cal = values.find("cal");
    const std::string_view cal_id = cal != values.end() ? std::string_view(cal->second) : "";
    if (const std::optional<Model> preset = FindPreset(c.preset, cal_id)) c.model = *preset;
  }
  if (hw_rows.size() > kMaxHwRows) {
    error("hw", TooMany(hw_rows.size(), kMaxHwRows, "rows"));
    return result;
  }
  for (size_t r = 0; r < hw_rows.size(); ++r) {
    if (std::optional<Gpu> g = ParseHwRow(hw_rows[r], r, result.errors)) c.hw.push_back(*g);
  }
  for (const auto& [key, value] : values) {
    if (key != "v" && key != "model") SetFromText(c, *FindField(key), key, value, result.errors);
  }

  // Range and cross-field checks too, so one pass reports every problem; a key that failed
  // to parse kept its default and is not reported twice.
  const size_t parse_errors = result.errors.size();
  for (ConfigError& e : Validate(c)) {
    const auto end = result.errors.begin() + static_cast<std::ptrdiff_t>(parse_errors);
    const bool reported = std::any_of(result.errors.begin(), end,
                                      [&](const ConfigError& seen) { return seen.key == e.key; });
    if (!reported) result.errors.push_back(std::move(e));
  }
  if (!result.errors.empty()) return result;
  // Canonical form: listing every GPU in catalog order is the same as not listing any; a
  // calibrated link names its calibration, so newer ones never change its numbers.
  if (c.gpus == GpuNames(ResolvedCatalog(c))) c.gpus.clear();
  if (c.mode == Mode::kCalibrated && c.cal.empty()) c.cal = std::string(CalibrationOf(c).id);
  result.config = std::move(c);
  return result;
}

std::string EncodeLink(const Config& c) {
  const Config defaults;
  Config base;  // defaults with the config's preset, so model keys are compared to the preset
  base.preset = c.preset;
  if (const std::optional<Model> preset = FindPreset(c.preset, c.cal)) base.model = *preset;
  std::string out = "v=" + std::to_string(kLinkVersion);
  for (const Field& f : Schema()) {
    if (f.kind == K::kHwRows && c.hw.empty()) continue;
    if (f.key == "gpus" && (c.gpus.empty() || c.gpus == GpuNames(ResolvedCatalog(c)))) continue;
    const std::string text = FieldText(c, f);
    const bool always = f.kind == K::kHwRows || f.key == "gpus";
    const Config& reference = f.group == "Model" && f.key != "model" ? base : defaults;
    if (!always && text == FieldText(reference, f)) continue;
    out += "&" + std::string(f.key) + "=" + text;
  }
  return out;
}

}  // namespace shallowsim
