// Prices per GPU-hour for the planner's cost column: the link's price= (one number for all
// GPUs, GPU:USD pairs, or both) over a built-in table of owning costs.
#include <algorithm>
#include <array>
#include <cmath>

#include "shallowsim/number_text.h"
#include "shallowsim/plan.h"
#include "shallowsim/schema.h"
#include "text.h"

namespace shallowsim {

namespace {

constexpr double kMaxPrice = 1000;

// Owning cost per GPU-hour (docs/PLANNER.md "Prices"). Surveyed: SemiAnalysis' AI Cloud TCO
// model as InferenceX publishes it (July 2026 survey, "costh": large-buyer ownership). The rest
// are estimates, and say so.
struct BuiltinPrice {
  std::string_view gpu;
  double usd;
  std::string_view source;
};
constexpr std::string_view kSurvey = "SemiAnalysis TCO survey, Jul 2026";
constexpr std::array<BuiltinPrice, 12> kBuiltinPrices = {{
    {"DGX-B300", 2.26, kSurvey},
    {"DGX-B200", 1.73, kSurvey},
    {"GB200-NVL72", 1.86, kSurvey},
    {"GB300-NVL72", 2.31, kSurvey},
    {"Rubin-NVL144", 1.81, "SemiAnalysis TCO survey, Jul 2026: $3.61 per package / 2 dies"},
    {"RubinU-NVL576", 2.00, "estimate: Rubin per die, more HBM (no public figure)"},
    {"H200", 1.22, kSurvey},
    {"H800", 1.17, "SemiAnalysis TCO survey, Jul 2026: H100 (same board)"},
    {"H20", 0.90, "estimate: 0.75 × H100 (no public figure)"},
    {"H20-3E", 1.00, "estimate: H20 + HBM3e (no public figure)"},
    {"MI300X", 0.95, kSurvey},
    {"MI308X", 0.95, "estimate: MI300X package (no public figure)"},
}};
constexpr double kFallbackPrice = 2.00;
constexpr std::string_view kFallbackSource =
    "fallback: $2.00, mid-point of public 3-year rental tiers (no figure for this GPU)";

}  // namespace

std::optional<std::vector<PriceEntry>> ParsePrices(std::string_view text, std::string* why) {
  std::vector<PriceEntry> out;
  if (text.empty()) return out;
  const std::vector<std::string_view> items = text::Split(text, ',');
  if (items.size() > kMaxListItems) {
    *why = text::TooMany(items.size(), kMaxListItems, "items");
    return std::nullopt;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string where = "item " + std::to_string(i + 1) + " ";
    std::string_view item = items[i];
    PriceEntry e;
    if (const size_t colon = item.rfind(':'); colon != std::string_view::npos) {
      e.gpu = std::string(item.substr(0, colon));
      item = item.substr(colon + 1);
      if (e.gpu.empty()) {
        *why = where + text::Show(items[i]) + " has no GPU name before ':'";
        return std::nullopt;
      }
    }
    const std::optional<double> v = ReadDecimal(item);
    if (!v || !std::isfinite(*v)) {
      *why = where + text::Show(items[i]) +
             " is not a price; write USD per GPU-hour (2.5) or GPU:USD (H200:1.22)";
      return std::nullopt;
    }
    e.usd = *v;
    out.push_back(std::move(e));
  }
  return out;
}

std::string PricesText(const std::vector<PriceEntry>& prices) {
  std::vector<std::string> items;
  for (const PriceEntry& p : prices) {
    items.push_back((p.gpu.empty() ? "" : p.gpu + ":") + FormatNumber(p.usd));
  }
  return text::Join(items, ",");
}

std::vector<std::string> PriceErrors(const Config& c) {
  std::vector<std::string> out;
  std::string why;
  const std::optional<std::vector<PriceEntry>> prices = ParsePrices(c.scenario.price, &why);
  if (!prices) return {why};
  const std::vector<std::string> known = GpuNames(ResolvedCatalog(c));
  bool bare = false;
  for (size_t i = 0; i < prices->size(); ++i) {
    const PriceEntry& p = (*prices)[i];
    const std::string what = p.gpu.empty() ? "the price for all GPUs" : "GPU " + text::Show(p.gpu);
    if (!(p.usd > 0 && p.usd <= kMaxPrice)) {
      out.push_back(what + ": " + FormatNumber(p.usd) +
                    " is out of range; allowed: a number > 0 and <= 1000 (USD per GPU-hour)");
    }
    if (p.gpu.empty()) {
      if (bare) out.push_back("two prices for all GPUs; give one number, then GPU:USD pairs");
      bare = true;
    } else if (std::find(known.begin(), known.end(), p.gpu) == known.end()) {
      out.push_back("unknown GPU " + text::Show(p.gpu) + "; known: " + text::Join(known, ", "));
    } else {
      for (size_t j = 0; j < i; ++j) {
        if ((*prices)[j].gpu == p.gpu) out.push_back(what + " has two prices");
      }
    }
  }
  return out;
}

Price PriceOf(const Config& c, std::string_view gpu) {
  std::string why;
  const std::optional<std::vector<PriceEntry>> prices = ParsePrices(c.scenario.price, &why);
  std::optional<double> all;
  if (prices) {
    for (const PriceEntry& p : *prices) {
      if (p.gpu == gpu) return {p.usd, "price= (the link)"};
      if (p.gpu.empty()) all = p.usd;
    }
  }
  if (all) return {*all, "price= (the link, every GPU)"};
  for (const BuiltinPrice& b : kBuiltinPrices) {
    if (b.gpu == gpu) return {b.usd, b.source};
  }
  return {kFallbackPrice, kFallbackSource};
}

}  // namespace shallowsim
