#include "shallowsim/schema.h"

#include <algorithm>
#include <array>

#include "schema_fields.h"
#include "shallowsim/calibration.h"
#include "shallowsim/columns.h"
#include "shallowsim/number_text.h"
#include "text.h"

namespace shallowsim {

using K = FieldKind;

const std::vector<Field>& Schema() {
  static const std::vector<Field> schema = detail::MakeSchema();  // immutable, built once
  return schema;
}

const Field* FindField(std::string_view key) {
  for (const Field& f : Schema()) {
    if (f.key == key) return &f;
  }
  return nullptr;
}

bool IsSweepable(const Field& f) {
  return (f.kind == K::kInt || f.kind == K::kFloat) && f.group != "View" && !f.no_sweep;
}

std::string_view KindName(FieldKind kind) {
  constexpr std::array<std::string_view, 12> kNames = {
      "int",         "float",   "bool",  "int_list", "name_list", "choice",
      "choice_list", "hw_rows", "sweep", "link",     "sort",      "prices"};
  return kNames[static_cast<size_t>(kind)];
}

std::string UnknownKeyMessage(std::string_view key) {
  std::string_view best;
  size_t best_distance = 3;  // suggest only close matches
  if (key.size() <= 64) {
    for (const Field& f : Schema()) {
      const size_t d = text::Distance(key, f.key);
      if (d < best_distance) {
        best = f.key;
        best_distance = d;
      }
    }
  }
  if (!best.empty()) return "unknown key; did you mean " + std::string(best) + "?";
  return "unknown key; not a ShallowSim setting (the form lists every key)";
}

std::vector<std::string> Choices(const Field& field) {
  std::vector<std::string> out;
  const auto names = [&](auto&& items) {
    for (const auto& item : items) out.emplace_back(item.key);
  };
  if (field.key == "model") {
    for (const Preset& p : Presets()) out.emplace_back(p.name);
  } else if (field.key == "view") {
    names(Views());
  } else if (field.key == "lang") {
    names(Languages());
  } else if (field.key == "sweep_group") {
    out = {"gpu", "ep"};
  } else if (field.choice.get != nullptr) {
    out.assign(field.choice.names.begin(), field.choice.names.end());
  } else if (field.key == "cal") {
    out.emplace_back("");  // the latest
    for (const Calibration& c : Calibrations()) out.emplace_back(c.id);
  } else if (field.key == "catalog") {
    for (const CatalogVersion& v : CatalogVersions()) out.emplace_back(v.id);
  } else if (field.key == "keep") {
    for (const Quirk& q : Quirks()) {
      if (q.corrected) out.emplace_back(q.id);
    }
  } else if (field.key == "metric") {
    // The sweep plots the measures of a decode row (not GPU, TP, EP, BatchSize).
    for (const Column& c : DecodeColumns()) {
      if (c.style != Style::kText && c.better != Better::kNone) out.emplace_back(c.name);
    }
  } else if (field.key == "cols") {
    for (const Column& c : DecodeColumns()) out.emplace_back(c.name);
  } else if (field.kind == K::kSort) {
    // Any column of a table with rows; a column the shown table lacks leaves its order alone.
    for (const TableInfo& t : Tables()) {
      for (const Column& c : t.columns) {
        const std::string name(c.name);
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
      }
    }
  }
  return out;
}

// ---- accessors -------------------------------------------------------------------------------

double GetNumber(const Config& c, const Field& f) {
  return std::visit(
      [&](auto member) -> double {
        using M = decltype(member);
        if constexpr (std::is_same_v<M, double Model::*>) return c.model.*member;
        if constexpr (std::is_same_v<M, double Scenario::*>) return c.scenario.*member;
        if constexpr (std::is_same_v<M, double View::*>) return c.view.*member;
        return 0.0;
      },
      f.number);
}

void SetNumber(Config& c, const Field& f, double value) {
  std::visit(
      [&](auto member) {
        using M = decltype(member);
        if constexpr (std::is_same_v<M, double Model::*>) c.model.*member = value;
        if constexpr (std::is_same_v<M, double Scenario::*>) c.scenario.*member = value;
        if constexpr (std::is_same_v<M, double View::*>) c.view.*member = value;
      },
      f.number);
}

std::vector<double>& MutableList(Config& c, const Field& f) {
  if (auto* m = std::get_if<std::vector<double> Scenario::*>(&f.list)) return c.scenario.**m;
  return c.view.*std::get<std::vector<double> View::*>(f.list);
}
const std::vector<double>& GetList(const Config& c, const Field& f) {
  return MutableList(const_cast<Config&>(c), f);  // same member, read only
}

bool SetChoice(Config& c, const Field& f, std::string_view word) {
  if (f.choice.set != nullptr) {
    for (size_t i = 0; i < f.choice.names.size(); ++i) {
      if (f.choice.names[i] == word) {
        f.choice.set(c, i);
        return true;
      }
    }
    return false;
  }
  *MutableText(c, f) = std::string(word);
  return true;  // Validate checks the words a string field holds
}

std::string* MutableText(Config& c, const Field& f) {
  if (auto* m = std::get_if<std::string Config::*>(&f.text)) return &(c.**m);
  if (auto* m = std::get_if<std::string Scenario::*>(&f.text)) return &(c.scenario.**m);
  if (auto* m = std::get_if<std::string View::*>(&f.text)) return &(c.view.**m);
  return nullptr;
}
std::string GetText(const Config& c, const Field& f) {
  if (f.choice.get != nullptr) return std::string(f.choice.names[f.choice.get(c)]);
  return *MutableText(const_cast<Config&>(c), f);  // same member, read only
}

std::vector<std::string>& MutableNames(Config& c, const Field& f) {
  if (auto* m = std::get_if<std::vector<std::string> Config::*>(&f.names)) return c.**m;
  return c.view.*std::get<std::vector<std::string> View::*>(f.names);
}
const std::vector<std::string>& GetNames(const Config& c, const Field& f) {
  return MutableNames(const_cast<Config&>(c), f);  // same member, read only
}

std::string HwRowText(const Gpu& g) {
  std::string out = g.name;
  for (const HwField& h : HwFields()) {
    if (h.member) out += "," + FormatNumber(g.*h.member);
  }
  return out;
}

std::string SweepText(const SweepSpec& s) {
  return s.param + ":" + FormatNumber(s.from) + ":" + FormatNumber(s.to) + ":" +
         FormatNumber(s.step);
}

std::string FieldText(const Config& c, const Field& f) {
  switch (f.kind) {
    case K::kInt:
    case K::kFloat:
    case K::kBool:
      return FormatNumber(GetNumber(c, f));
    case K::kIntList: {
      std::vector<std::string> items;
      for (double v : GetList(c, f)) items.push_back(FormatNumber(v));
      return text::Join(items, ",");
    }
    case K::kNameList:
    case K::kChoiceList:
      return text::Join(GetNames(c, f), ",");
    case K::kChoice:
    case K::kSort:
    case K::kPrices:
      return GetText(c, f);
    case K::kLink:
      return text::PercentEncode(c.view.base, ",:");  // a fragment as the value of one key
    case K::kHwRows: {
      std::vector<std::string> rows;
      for (const Gpu& g : c.hw) rows.push_back(HwRowText(g));
      return text::Join(rows, "&hw=");
    }
    case K::kSweep:
      return SweepText(c.view.sweep);
  }
  return {};
}

}  // namespace shallowsim
