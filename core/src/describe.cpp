#include "shallowsim/describe.h"

#include "json.h"
#include "shallowsim/columns.h"
#include "shallowsim/number_text.h"
#include "shallowsim/schema.h"

namespace shallowsim {

namespace {

using json::Bilingual;
using json::Bool;
using json::String;

template <class Items, class Each>
std::string Array(const Items& items, Each each, std::string_view indent = "") {
  std::string out = "[";
  bool first = true;
  for (const auto& item : items) {
    out += first ? "" : ",";
    if (!indent.empty()) out += "\n" + std::string(indent);
    out += each(item);
    first = false;
  }
  if (!indent.empty() && !first) out += "\n" + std::string(indent.substr(1));
  return out + "]";
}

std::string Strings(const auto& items) {
  return Array(items, [](const auto& s) { return String(s); });
}

std::string Num(double v) { return FormatNumber(v); }

std::string FieldJson(const Field& f, const Config& defaults) {
  std::string out = "{\"key\": " + String(f.key) + ", \"kind\": " + String(KindName(f.kind)) +
                    ", \"group\": " + String(f.group) +
                    ", \"default\": " + String(FieldText(defaults, f));
  out += ", \"min\": " + Num(f.min) + ", \"max\": " + Num(f.max) +
         ", \"min_exclusive\": " + Bool(f.min_exclusive) +
         ", \"may_be_empty\": " + Bool(f.may_be_empty);
  out += ", \"unit\": " + String(f.unit) + ", \"help\": " + Bilingual(f.help);
  out += ", \"choices\": " + Strings(Choices(f));
  out += ", \"sweepable\": " + Bool(IsSweepable(f));
  out += ", \"reference_sweep\": " + String(f.reference_sweep) + "}";
  return out;
}

std::string ColumnJson(const Column& c) {
  constexpr std::string_view kStyles[] = {"text", "integer", "decimal", "fraction"};
  constexpr std::string_view kBetter[] = {"none", "higher", "lower"};
  return "{\"name\": " + String(c.name) + ", \"unit\": " + String(c.unit) +
         ", \"style\": " + String(kStyles[static_cast<int>(c.style)]) +
         ", \"better\": " + String(kBetter[static_cast<int>(c.better)]) +
         ", \"decimals\": " + std::to_string(c.decimals) +
         ", \"meaning\": " + Bilingual(c.meaning) + ", \"formula\": " + String(c.formula) + "}";
}

std::string LayoutJson(const PrefillLine& l) {
  constexpr std::string_view kLayers[] = {"dense", "sparse", "none"};
  return "{\"metric\": " + String(l.metric) + ", \"label\": " + String(l.label) +
         ", \"layers\": " + String(kLayers[static_cast<int>(l.layers)]) +
         ", \"note\": " + Bilingual(l.note) + "}";
}

std::string GpuJson(const Gpu& g) {
  std::string out = "{\"name\": " + String(g.name);
  for (const HwField& h : HwFields()) {
    if (h.member) out += ", " + String(h.key) + ": " + Num(g.*h.member);
  }
  return out + "}";
}

}  // namespace

std::string DescribeJson() {
  const Config defaults;
  std::string out = "{\n \"version\": " + std::to_string(kLinkVersion) + ",\n";
  out += " \"limits\": {\"link_bytes\": " + std::to_string(kMaxLinkBytes) +
         ", \"list_items\": " + std::to_string(kMaxListItems) +
         ", \"hw_rows\": " + std::to_string(kMaxHwRows) +
         ", \"sweep_points\": " + Num(kMaxSweepPoints) +
         ", \"sweep_tolerance\": " + Num(kSweepTolerance) +
         ", \"gpu_name_chars\": " + std::to_string(kMaxGpuNameChars) + "},\n";
  out += " \"languages\": " +
         Array(Languages(),
               [](const Language& l) {
                 return "{\"key\": " + String(l.key) + ", \"label\": " + String(l.label) + "}";
               }) +
         ",\n";
  out += " \"groups\": " +
         Array(
             Groups(),
             [](const GroupInfo& g) {
               return "{\"key\": " + String(g.key) + ", \"label\": " + Bilingual(g.label) +
                      ", \"note\": " + Bilingual(g.note) + ", \"in_form\": " + Bool(g.in_form) +
                      ", \"open\": " + Bool(g.open) + "}";
             },
             "  ") +
         ",\n";
  out += " \"views\": " +
         Array(
             Views(),
             [](const ViewInfo& v) {
               return "{\"key\": " + String(v.key) + ", \"label\": " + Bilingual(v.label) +
                      ", \"intro\": " + Bilingual(v.intro) + ", \"table\": " + String(v.table) +
                      ", \"caption\": " + Bilingual(v.caption) +
                      ", \"match\": " + Strings(v.match) + ", \"best\": " + Bool(v.best) +
                      ", \"inputs\": " + Strings(v.inputs) + "}";
             },
             "  ") +
         ",\n";
  out += " \"fields\": " +
         Array(
             Schema(), [&](const Field& f) { return FieldJson(f, defaults); }, "  ") +
         ",\n";
  out += " \"hw_fields\": " +
         Array(
             HwFields(),
             [](const HwField& h) {
               return "{\"key\": " + String(h.key) + ", \"unit\": " + String(h.unit) +
                      ", \"min\": " + Num(h.min) + ", \"max\": " + Num(h.max) +
                      ", \"whole\": " + Bool(h.whole) + ", \"meaning\": " + Bilingual(h.meaning) +
                      "}";
             },
             "  ") +
         ",\n";
  out += " \"tables\": " +
         Array(
             Tables(),
             [](const TableInfo& t) {
               return "{\"key\": " + String(t.key) + ", \"headline\": " + Strings(t.headline) +
                      ",\n   \"columns\": " + Array(t.columns, ColumnJson, "    ") + "}";
             },
             "  ") +
         ",\n";
  out += " \"prefill_layout\": {\"rows\": " + Array(PrefillLayout(), LayoutJson, "   ") +
         ",\n  \"summary\": " + Array(PrefillSummaryLayout(), LayoutJson, "   ") + "},\n";
  out += " \"presets\": " +
         Array(
             Presets(),
             [](const Preset& p) {
               Config c;
               c.model = p.model;
               std::string model = "{";
               bool first = true;
               for (const Field& f : Schema()) {
                 if (f.group != "Model" || f.kind == FieldKind::kChoice) continue;
                 model += (first ? "" : ", ") + String(f.key) + ": " + Num(GetNumber(c, f));
                 first = false;
               }
               return "{\"name\": " + String(p.name) +
                      ", \"description\": " + String(p.description) + ", \"model\": " + model +
                      "}}";
             },
             "  ") +
         ",\n";
  out += " \"catalog\": " + Array(BuiltinCatalog(), GpuJson, "  ") + "\n}\n";
  return out;
}

}  // namespace shallowsim
