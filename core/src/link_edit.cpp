#include "shallowsim/link_edit.h"

#include <algorithm>

#include "shallowsim/schema.h"
#include "text.h"

namespace shallowsim {

namespace {

using K = FieldKind;

// A `key=value` piece of a link: the key decoded, the value as the link writes it.
struct Segment {
  std::string key;
  std::string raw;
};

std::vector<Segment> Segments(std::string_view link) {
  std::vector<Segment> out;
  for (std::string_view piece : text::Split(text::KeysOf(link), '&')) {
    if (piece.empty()) continue;
    const size_t eq = piece.find('=');
    const std::string_view key = piece.substr(0, eq);
    const std::optional<std::string> decoded = text::PercentDecode(key);
    out.push_back({decoded.value_or(std::string(key)),
                   eq == std::string_view::npos ? "" : std::string(piece.substr(eq + 1))});
  }
  return out;
}

std::string Decoded(const std::string& raw) { return text::PercentDecode(raw).value_or(raw); }

std::string Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

// Each comma-separated item trimmed.
std::string TrimItems(std::string_view s) {
  std::vector<std::string> items;
  for (std::string_view item : text::Split(s, ',')) items.push_back(Trim(item));
  return text::Join(items, ",");
}

// The value a link gives `key` (its first segment of that key), or `absent`.
std::string ValueOf(const std::vector<Segment>& segments, std::string_view key,
                    std::string_view absent) {
  for (const Segment& s : segments) {
    if (s.key == key) return Decoded(s.raw);
  }
  return std::string(absent);
}

// Defaults, with the preset's model when the link names a known one, as the link's calibration
// reads it (model.h FindPreset).
Config DefaultsFor(const std::vector<Segment>& segments) {
  Config c;
  c.preset = ValueOf(segments, "model", kDefaultPreset);
  if (const std::optional<Model> m = FindPreset(c.preset, ValueOf(segments, "cal", ""))) {
    c.model = *m;
  }
  return c;
}

std::string HwLines(const std::vector<Gpu>& rows) {
  std::vector<std::string> lines;
  for (const Gpu& g : rows) lines.push_back(HwRowText(g));
  return text::Join(lines, "\n");
}

bool IsModelKey(const Field& f) { return f.group == "Model" && f.key != "model"; }

}  // namespace

std::vector<std::pair<std::string, std::string>> FieldTexts(std::string_view link) {
  std::vector<std::pair<std::string, std::string>> out;
  if (const ParseResult r = ParseLink(link); r.ok()) {
    const Config& c = *r.config;
    for (const Field& f : Schema()) {
      out.emplace_back(f.key, f.kind == K::kHwRows ? HwLines(c.hw)
                              : f.kind == K::kLink ? c.view.base
                                                   : FieldText(c, f));
    }
    return out;
  }
  const std::vector<Segment> segments = Segments(link);
  const Config defaults = DefaultsFor(segments);
  for (const Field& f : Schema()) {
    std::vector<std::string> given;
    for (const Segment& s : segments) {
      if (s.key == f.key) given.push_back(Decoded(s.raw));
    }
    if (f.kind == K::kHwRows) {
      out.emplace_back(f.key, text::Join(given, "\n"));
    } else if (!given.empty()) {
      out.emplace_back(f.key, given.front());
    } else {
      out.emplace_back(f.key, f.kind == K::kLink ? "" : FieldText(defaults, f));
    }
  }
  return out;
}

std::string EditLink(std::string_view link, std::string_view key, std::string_view value) {
  const Field* target = FindField(key);
  std::vector<Segment> segments = Segments(link);
  std::erase_if(segments, [&](const Segment& s) {
    const Field* f = FindField(s.key);
    if (f == nullptr || (target != nullptr && f == target)) return true;
    return key == "model" && IsModelKey(*f);  // a new preset brings its own model values
  });
  if (target != nullptr && target->kind == K::kHwRows) {
    for (std::string_view line : text::Split(value, '\n')) {
      std::vector<std::string> cells;
      for (std::string_view cell : text::Split(line, ',')) {
        cells.push_back(text::PercentEncode(Trim(cell), ""));
      }
      if (Trim(line).empty()) continue;
      segments.push_back({"hw", text::Join(cells, ",")});
    }
  } else if (target != nullptr) {
    const bool list = target->kind == K::kIntList || target->kind == K::kNameList ||
                      target->kind == K::kChoiceList;
    const std::string clean = list ? TrimItems(Trim(value)) : Trim(value);
    // A model key's default is the preset's value; every other key's, the struct default.
    const Config defaults = IsModelKey(*target) ? DefaultsFor(segments) : Config{};
    const std::string default_text = target->kind == K::kLink ? "" : FieldText(defaults, *target);
    if (clean != default_text) {
      segments.push_back({std::string(key), text::PercentEncode(clean, ",:")});
    }
  }
  // Schema order, then `v` first: the shape EncodeLink gives a valid link.
  std::string out = "v=" + std::to_string(kLinkVersion);
  for (const Field& f : Schema()) {
    for (const Segment& s : segments) {
      if (s.key == f.key) out += "&" + s.key + "=" + s.raw;
    }
  }
  if (const ParseResult r = ParseLink(out); r.ok()) return EncodeLink(*r.config);
  return out;
}

std::string PinnedBase(const Config& config) {
  Config c = config;
  c.view = View{};
  return EncodeLink(c);
}

std::string BaselineLink(const Config& config) {
  if (config.view.base.empty()) return {};
  const ParseResult parsed = ParseLink(config.view.base);
  if (!parsed.ok()) return {};
  Config b = *parsed.config;
  b.view = config.view;
  b.view.base.clear();
  // A filter on a GPU the baseline does not have would make its link invalid.
  const std::vector<std::string> known = GpuNames(ResolvedCatalog(b));
  std::erase_if(b.view.only_gpu, [&](const std::string& g) {
    return std::find(known.begin(), known.end(), g) == known.end();
  });
  return EncodeLink(b);
}

std::vector<ConfigChange> ConfigChanges(const Config& config) {
  std::vector<ConfigChange> out;
  if (config.view.base.empty()) return out;
  const ParseResult parsed = ParseLink(config.view.base);
  if (!parsed.ok()) return out;
  const Config& base = *parsed.config;
  const auto names = [](const std::vector<Gpu>& rows) {
    std::vector<std::string> n = GpuNames(rows);
    return n.empty() ? std::string("—") : text::Join(n, ", ");
  };
  for (const Field& f : Schema()) {
    if (f.group == "View") continue;
    if (f.kind == K::kHwRows) {
      if (base.hw != config.hw) out.push_back({"hw", names(base.hw), names(config.hw)});
      continue;
    }
    const std::string a = FieldText(base, f), b = FieldText(config, f);
    // An empty GPU list is every GPU.
    const auto shown = [&](const std::string& t) {
      return t.empty() && f.key == "gpus" ? "all" : t;
    };
    if (a != b) out.push_back({std::string(f.key), shown(a), shown(b)});
  }
  return out;
}

}  // namespace shallowsim
