#include "workload.h"

#include <cmath>

namespace shallowsim::detail {

Config WorkloadDecode(const Config& c) {
  Config d = c;
  Scenario& s = d.scenario;
  const double half = std::floor(s.osl / 2);
  s.seq_len = s.isl + half;
  s.decode_len = s.osl - half;
  s.tps_limit = 0;
  return d;
}

Config Shaped(const Config& base, const Gpu& gpu, double bs, double ep, double tp) {
  Config x = base;
  x.scenario.bs = {bs};
  x.scenario.ep = {ep};
  x.scenario.decode_tp = {tp};
  x.gpus = {gpu.name};
  return x;
}

Config PrefillShaped(const Config& c, const Gpu& gpu, double tp, double dp, double tokens) {
  Config p = c;
  p.scenario.seq_len = c.scenario.isl;
  p.scenario.decode_len = 0;
  p.scenario.tp = tp;
  p.scenario.dp = dp;
  p.scenario.prefill_tokens = c.mode == Mode::kCalibrated ? tokens : 0;
  p.gpus = {gpu.name};
  p.view = View{};
  return p;
}

std::string ViewLink(Config c, std::string_view view) {
  c.view = View{};
  c.view.view = std::string(view);
  return "#" + EncodeLink(c);
}

}  // namespace shallowsim::detail
