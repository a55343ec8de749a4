// Range and cross-field checks of a config (SPEC §6): one message per problem, naming the key,
// the value and what is allowed.
#include <algorithm>
#include <cmath>

#include "shallowsim/number_text.h"
#include "shallowsim/plan.h"
#include "shallowsim/schema.h"
#include "text.h"

namespace shallowsim {

namespace {

using K = FieldKind;
using text::Join;
using text::Show;
using text::TooMany;

bool IsWhole(const Field& f) {
  return f.kind == K::kInt || (f.kind == K::kIntList && !f.fractions) || f.kind == K::kBool;
}

std::string RangeText(const Field& f) {
  if (f.kind == K::kBool) return "0 or 1";
  const std::string lo = FormatNumber(f.min), hi = FormatNumber(f.max);
  const std::string what = IsWhole(f) ? "a whole number " : "a number ";
  return what + (f.min_exclusive ? "> " + lo + " and <= " + hi : "from " + lo + " to " + hi);
}

// Checks one number against a field's range; empty when it fits.
std::string CheckRange(const Field& f, double v) {
  const bool below = f.min_exclusive ? v <= f.min : v < f.min;
  if (!std::isfinite(v) || below || v > f.max || (IsWhole(f) && v != std::floor(v))) {
    return FormatNumber(v) + " is out of range; allowed: " + RangeText(f);
  }
  return {};
}

std::vector<std::string> GpuErrors(const Gpu& g) {
  std::vector<std::string> out;
  if (!IsGpuName(g.name)) {
    out.push_back("name " + Show(g.name) + " is not allowed; use 1-32 of A-Z a-z 0-9 . _ -");
  }
  for (const HwField& h : HwFields()) {
    if (!h.member) continue;
    const double v = g.*h.member;
    if (!std::isfinite(v) || v < h.min || v > h.max || (h.whole && v != std::floor(v))) {
      out.push_back(std::string(h.key) + " = " + FormatNumber(v) +
                    " is out of range; allowed: " + (h.whole ? "a whole number " : "a number ") +
                    "from " + FormatNumber(h.min) + " to " + FormatNumber(h.max));
    }
  }
  if (g.fp4 != 0 && g.fp4 < 0.001) out.push_back("fp4 must be 0 (unsupported) or >= 0.001");
  if (g.comm_sm >= g.sm) {
    out.push_back("comm_sm = " + FormatNumber(g.comm_sm) +
                  " must be less than sm = " + FormatNumber(g.sm));
  }
  return out;
}

// For a GPU another catalog version has: which, so the message says how to get it.
std::string OtherCatalogHint(const Config& c, const std::string& gpu) {
  for (const CatalogVersion& v : CatalogVersions()) {
    if (v.id == c.catalog) continue;
    const std::vector<std::string> names = GpuNames(BuiltinCatalog(v.id));
    if (std::find(names.begin(), names.end(), gpu) != names.end()) {
      return "; catalog " + std::string(v.id) + " has it (catalog=" + std::string(v.id) + ")";
    }
  }
  return {};
}

}  // namespace

std::vector<ConfigError> Validate(const Config& c) {
  std::vector<ConfigError> errors;
  auto error = [&](std::string_view key, std::string message) {
    errors.push_back({std::string(key), std::move(message)});
  };
  for (const Field& f : Schema()) {
    switch (f.kind) {
      case K::kInt:
      case K::kFloat:
      case K::kBool: {
        std::string why = CheckRange(f, GetNumber(c, f));
        if (!why.empty()) error(f.key, why);
        break;
      }
      case K::kIntList: {
        const std::vector<double>& items = GetList(c, f);
        if (items.empty() && !f.may_be_empty) error(f.key, "is empty; give at least one value");
        if (items.size() > kMaxListItems) {
          error(f.key, TooMany(items.size(), kMaxListItems, "items"));
          break;
        }
        for (size_t i = 0; i < items.size(); ++i) {
          std::string why = CheckRange(f, items[i]);
          if (!why.empty()) error(f.key, "item " + std::to_string(i + 1) + ": " + why);
        }
        break;
      }
      case K::kChoice: {
        const std::string value = GetText(c, f);
        const std::vector<std::string> allowed = Choices(f);
        if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
          error(f.key, Show(value) + " is not known; allowed: " + Join(allowed, ", "));
        }
        break;
      }
      case K::kPrices: {
        for (std::string& why : PriceErrors(c)) error(f.key, std::move(why));
        break;
      }
      case K::kSort: {
        const std::string value = GetText(c, f);
        if (value.empty()) break;
        const std::string column = value[0] == '-' ? value.substr(1) : value;
        const std::vector<std::string> allowed = Choices(f);
        if (std::find(allowed.begin(), allowed.end(), column) == allowed.end()) {
          error(f.key, Show(value) + " is not a column ('-' in front for descending); columns: " +
                           Join(allowed, ", "));
        }
        break;
      }
      case K::kChoiceList: {
        const std::vector<std::string>& items = GetNames(c, f);
        const std::vector<std::string> allowed = Choices(f);
        if (items.empty() && !f.may_be_empty) {
          error(f.key, "is empty; give at least one of: " + Join(allowed, ", "));
        }
        for (size_t i = 0; i < items.size() && i < kMaxListItems; ++i) {
          if (std::find(allowed.begin(), allowed.end(), items[i]) == allowed.end()) {
            error(f.key, Show(items[i]) + " is not known; allowed: " + Join(allowed, ", "));
          } else if (std::find(items.begin(), items.begin() + i, items[i]) != items.begin() + i) {
            error(f.key, Show(items[i]) + " is listed twice");
          }
        }
        if (items.size() > kMaxListItems) {
          error(f.key, TooMany(items.size(), kMaxListItems, "items"));
        }
        break;
      }
      case K::kNameList: {
        const std::vector<std::string>& items = GetNames(c, f);
        if (items.size() > kMaxListItems) {
          error(f.key, TooMany(items.size(), kMaxListItems, "items"));
          break;
        }
        const std::vector<std::string> known = GpuNames(ResolvedCatalog(c));
        for (size_t i = 0; i < items.size(); ++i) {
          const std::string& name = items[i];
          if (std::find(known.begin(), known.end(), name) == known.end()) {
            error(f.key, "unknown GPU " + Show(name) + "; known: " + Join(known, ", ") +
                             " (add one with hw=)" + OtherCatalogHint(c, name));
          } else if (std::find(items.begin(), items.begin() + i, name) != items.begin() + i) {
            error(f.key, "GPU " + Show(name) + " is listed twice");
          }
        }
        break;
      }
      case K::kHwRows: {
        if (c.hw.size() > kMaxHwRows) {
          error(f.key, TooMany(c.hw.size(), kMaxHwRows, "rows"));
          break;
        }
        for (size_t i = 0; i < c.hw.size(); ++i) {
          for (const std::string& why : GpuErrors(c.hw[i])) {
            error(f.key, "row " + std::to_string(i + 1) + " (" + Show(c.hw[i].name) + "): " + why);
          }
          for (size_t j = 0; j < i; ++j) {
            if (c.hw[j].name == c.hw[i].name) {
              error(f.key, "row " + std::to_string(i + 1) + ": GPU " + Show(c.hw[i].name) +
                               " is already defined by row " + std::to_string(j + 1));
            }
          }
        }
        break;
      }
      case K::kLink: {
        if (c.view.base.empty()) break;
        const ParseResult inner = ParseLink(c.view.base);
        for (const ConfigError& e : inner.errors) error(f.key, e.key + ": " + e.message);
        if (inner.ok() && !inner.config->view.base.empty()) {
          error(f.key, "a baseline cannot carry a baseline of its own");
        }
        break;
      }
      case K::kSweep: {
        const SweepSpec& s = c.view.sweep;
        const Field* target = FindField(s.param);
        if (target == nullptr || !IsSweepable(*target)) {
          error(f.key, "cannot sweep " + Show(s.param) +
                           "; sweepable keys: any single number of the model, scenario and "
                           "serving (e.g. seq_len, decode_len, n_layers, n_activated_experts, "
                           "mem_util, mtp); not lists, words or view keys");
          break;
        }
        if (!(s.step > 0) || !std::isfinite(s.step)) {
          error(f.key, "step " + FormatNumber(s.step) + " must be greater than 0");
          break;
        }
        if (!(s.from <= s.to)) {
          error(f.key,
                "from " + FormatNumber(s.from) + " must not exceed to " + FormatNumber(s.to));
          break;
        }
        for (double v : {s.from, s.to}) {
          std::string why = CheckRange(*target, v);
          if (!why.empty()) error(f.key, std::string(target->key) + " " + why);
        }
        if (target->kind == K::kInt && s.step != std::floor(s.step)) {
          error(f.key, "step " + FormatNumber(s.step) + " must be a whole number for " +
                           std::string(target->key));
        }
        if ((s.to - s.from) / s.step + 1 > kMaxSweepPoints) {
          error(f.key,
                "has more than " + FormatNumber(kMaxSweepPoints) + " points; use a larger step");
        }
        break;
      }
    }
  }
  std::vector<ConfigError> cross = CrossFieldErrors(c);
  errors.insert(errors.end(), cross.begin(), cross.end());
  return errors;
}

std::vector<ConfigError> CrossFieldErrors(const Config& c) {
  std::vector<ConfigError> errors;
  // Compares a to b only when both are in their own ranges (else Validate reports them alone).
  auto exceeds = [&](std::string_view a, std::string_view b) {
    const Field& fa = *FindField(a);
    const Field& fb = *FindField(b);
    const double va = GetNumber(c, fa), vb = GetNumber(c, fb);
    if (CheckRange(fa, va).empty() && CheckRange(fb, vb).empty() && va > vb) {
      errors.push_back({std::string(a), FormatNumber(va) + " exceeds " + std::string(b) + " = " +
                                            FormatNumber(vb)});
    }
  };
  exceeds("n_dense_layers", "n_layers");
  exceeds("n_activated_experts", "n_routed_experts");
  exceeds("n_swa_layers", "n_layers");
  exceeds("n_kv_heads", "n_heads");
  const Model& m = c.model;
  const auto in_range = [&](std::string_view key) {
    const Field& f = *FindField(key);
    return CheckRange(f, GetNumber(c, f)).empty();
  };
  if (in_range("n_csa_layers") && in_range("n_hca_layers") && in_range("n_layers") &&
      m.n_csa_layers + m.n_hca_layers > m.n_layers) {
    errors.push_back({"n_hca_layers", "n_csa_layers + n_hca_layers = " +
                                          FormatNumber(m.n_csa_layers + m.n_hca_layers) +
                                          " exceeds n_layers = " + FormatNumber(m.n_layers)});
  }
  // The memory constants: a count, or -1 for "derived from the dimensions".
  for (const char* key : {"mla_params_m", "expert_params_m", "other_params_gb"}) {
    const double v = GetNumber(c, *FindField(key));
    if (v < 0 && v != kDerived) {
      errors.push_back({key, FormatNumber(v) + " is not allowed; use -1 (derived from the "
                                               "dimensions) or a value from 0"});
    }
  }
  // V4's hybrid attention always keeps its raw window (the layers without compression attend to
  // it alone).
  if (m.attention == AttentionKind::kHybrid && m.sliding_window < 1 && in_range("sliding_window")) {
    errors.push_back(
        {"sliding_window", FormatNumber(m.sliding_window) +
                               " leaves hybrid attention nothing to attend to; allowed: "
                               "from 1 (DeepSeek-V4: 128)"});
  }
  // The attention a family computes must have a size (head_dim 0 means dim / n_heads).
  if ((m.attention == AttentionKind::kGqa || m.attention == AttentionKind::kHybrid) &&
      m.head_dim == 0 && std::isfinite(m.dim) && std::isfinite(m.n_heads) && m.n_heads > 0 &&
      m.dim < m.n_heads) {
    errors.push_back({"head_dim", "0 means dim / n_heads = " + FormatNumber(m.dim / m.n_heads) +
                                      ", less than one; set head_dim"});
  }
  const Scenario& s = c.scenario;
  if (s.mtp_accept != 0 && std::isfinite(s.mtp_accept) && std::isfinite(s.mtp) &&
      (s.mtp_accept < 1 || s.mtp_accept > 1 + s.mtp)) {
    errors.push_back(
        {"mtp_accept", FormatNumber(s.mtp_accept) +
                           " tokens per step is not possible with mtp = " + FormatNumber(s.mtp) +
                           "; allowed: 0 (the published "
                           "figure) or from 1 to " +
                           FormatNumber(1 + s.mtp)});
  }
  if (s.ep_imbalance != 0 && s.ep_imbalance < 1) {
    errors.push_back({"ep_imbalance", FormatNumber(s.ep_imbalance) +
                                          " would make the busiest rank lighter than the mean; "
                                          "allowed: 0 (the mode's own) or from 1 to 64"});
  }
  return errors;
}

}  // namespace shallowsim
