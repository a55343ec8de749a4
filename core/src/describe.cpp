#include "shallowsim/describe.h"

#include "json.h"
#include "shallowsim/breakdown.h"
#include "shallowsim/calibration.h"
#include "shallowsim/columns.h"
#include "shallowsim/model_config.h"
#include "shallowsim/model_facts.h"
#include "shallowsim/number_text.h"
#include "shallowsim/schema.h"

namespace shallowsim {

namespace {

// Appends JSON to one string (smaller code than chains of temporaries).
class Json {
 public:
  Json& Raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  // Starts an object member: `, "key": ` (the comma after the first member).
  Json& Key(std::string_view key) {
    if (out_.back() != '{') out_ += ", ";
    out_ += json::String(key);
    out_ += ": ";
    return *this;
  }
  Json& Str(std::string_view key, std::string_view value) {
    Key(key);
    out_ += json::String(value);
    return *this;
  }
  Json& Num(std::string_view key, double value) {
    Key(key);
    out_ += FormatNumber(value);
    return *this;
  }
  Json& Bool(std::string_view key, bool value) {
    Key(key);
    out_ += value ? "true" : "false";
    return *this;
  }
  Json& Text(std::string_view key, const shallowsim::Text& text) {
    Key(key);
    out_ += json::Bilingual(text);
    return *this;
  }
  template <class Items>
  Json& Strings(std::string_view key, const Items& items) {
    Key(key);
    out_ += '[';
    bool first = true;
    for (const auto& item : items) {
      if (!first) out_ += ", ";
      out_ += json::String(item);
      first = false;
    }
    out_ += ']';
    return *this;
  }
  // A member holding an array of objects, one per line; `each` writes one object's members.
  template <class Items, class Each>
  Json& Objects(std::string_view key, const Items& items, Each each) {
    Key(key);
    out_ += '[';
    bool first = true;
    for (const auto& item : items) {
      out_ += first ? "\n  {" : ",\n  {";
      each(item);
      out_ += '}';
      first = false;
    }
    out_ += "\n ]";
    return *this;
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_ = "{";
};

}  // namespace

std::string DescribeJson() {
  const Config defaults;
  Json j;
  j.Num("version", kLinkVersion);
  j.Key("limits").Raw("{");
  j.Num("link_bytes", static_cast<double>(kMaxLinkBytes))
      .Num("list_items", static_cast<double>(kMaxListItems))
      .Num("hw_rows", static_cast<double>(kMaxHwRows))
      .Num("sweep_points", kMaxSweepPoints)
      .Num("sweep_tolerance", kSweepTolerance)
      .Num("gpu_name_chars", static_cast<double>(kMaxGpuNameChars))
      .Num("model_config_bytes", static_cast<double>(kMaxModelConfigBytes))
      .Raw("}");
  j.Objects("languages", Languages(),
            [&](const Language& l) { j.Str("key", l.key).Str("label", l.label); });
  j.Objects("groups", Groups(), [&](const GroupInfo& g) {
    j.Str("key", g.key).Text("label", g.label).Text("note", g.note);
    j.Bool("in_form", g.in_form).Bool("open", g.open);
  });
  j.Objects("views", Views(), [&](const ViewInfo& v) {
    j.Str("key", v.key).Text("label", v.label).Text("intro", v.intro).Str("table", v.table);
    j.Text("caption", v.caption).Strings("match", v.match).Bool("best", v.best);
    j.Strings("inputs", v.inputs);
  });
  j.Objects("fields", Schema(), [&](const Field& f) {
    j.Str("key", f.key).Str("kind", KindName(f.kind)).Str("group", f.group);
    j.Str("default", FieldText(defaults, f)).Num("min", f.min).Num("max", f.max);
    j.Bool("min_exclusive", f.min_exclusive).Bool("may_be_empty", f.may_be_empty);
    j.Str("unit", f.unit).Text("help", f.help).Strings("choices", Choices(f));
    j.Bool("sweepable", IsSweepable(f)).Str("reference_sweep", f.reference_sweep);
  });
  j.Objects("hw_fields", HwFields(), [&](const HwField& h) {
    j.Str("key", h.key).Str("unit", h.unit).Num("min", h.min).Num("max", h.max);
    j.Bool("whole", h.whole).Text("meaning", h.meaning);
  });
  constexpr std::string_view kStyles[] = {"text", "integer", "decimal", "fraction"};
  constexpr std::string_view kBetter[] = {"none", "higher", "lower"};
  j.Objects("tables", Tables(), [&](const TableInfo& t) {
    j.Str("key", t.key).Strings("headline", t.headline);
    j.Objects("columns", t.columns, [&](const Column& c) {
      j.Str("name", c.name).Str("unit", c.unit);
      j.Str("style", kStyles[static_cast<int>(c.style)]);
      j.Str("better", kBetter[static_cast<int>(c.better)]).Num("decimals", c.decimals);
      j.Text("meaning", c.meaning).Str("formula", c.formula);
    });
  });
  constexpr std::string_view kLayers[] = {"dense", "sparse", "none"};
  const auto line = [&](const PrefillLine& l) {
    j.Str("metric", l.metric).Str("label", l.label);
    j.Str("layers", kLayers[static_cast<int>(l.layers)]).Text("note", l.note);
  };
  j.Key("prefill_layout").Raw("{");
  j.Objects("rows", PrefillLayout(), line).Objects("summary", PrefillSummaryLayout(), line);
  j.Raw("}");
  j.Objects("presets", Presets(), [&](const Preset& p) {
    Config c;
    c.model = p.model;
    j.Str("name", p.name).Str("family", p.family).Str("description", p.description);
    // What the picker shows beside the name, derived from the dimensions (model_facts.h).
    Config bf16 = c;
    bf16.scenario.kv_dtype = KvDtype::kBf16;
    Config fp8 = c;
    fp8.scenario.kv_dtype = KvDtype::kFp8;
    const ModelFacts facts = FactsOf(bf16);
    j.Key("facts").Raw("{");
    j.Num("total_params_b", facts.total_params_b).Num("active_params_b", facts.active_params_b);
    j.Num("kv_bytes_bf16", facts.kv_bytes_per_token);
    j.Num("kv_bytes_fp8", FactsOf(fp8).kv_bytes_per_token);
    j.Raw("}");
    j.Key("model").Raw("{");
    for (const Field& f : Schema()) {
      if (f.group != "Model" || f.key == "model") continue;
      if (f.kind == FieldKind::kChoice) {
        j.Str(f.key, GetText(c, f));
      } else {
        j.Num(f.key, GetNumber(c, f));
      }
    }
    j.Raw("}");
  });
  const auto gpu = [&](const Gpu& g) {
    j.Str("name", g.name);
    for (const HwField& h : HwFields()) {
      if (h.member) j.Num(h.key, g.*h.member);
    }
  };
  // `catalog`: the GPUs of a link without catalog= (the reference's); `catalogs`: every version
  // a link may name, with its GPUs.
  j.Objects("catalog", BuiltinCatalog(), gpu);
  j.Objects("catalogs", CatalogVersions(), [&](const CatalogVersion& v) {
    j.Str("id", v.id).Text("about", v.about).Objects("gpus", BuiltinCatalog(v.id), gpu);
  });
  j.Objects("quirks", Quirks(), [&](const Quirk& q) {
    j.Str("id", q.id).Text("text", q.text).Text("effect", q.effect);
    j.Bool("corrected", q.corrected).Text("correction", q.correction);
  });
  j.Objects("calibrations", Calibrations(), [&](const Calibration& c) {
    j.Str("id", c.id).Bool("dpa_prefill_ranks", c.dpa_prefill_ranks);
  });
  j.Objects("parts", Parts(), [&](const PartInfo& p) {
    j.Str("key", p.key).Text("label", p.label).Text("meaning", p.meaning);
  });
  return j.Raw("\n}\n").Take();
}

}  // namespace shallowsim
