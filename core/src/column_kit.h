// Building blocks of the column descriptors (columns.cpp, columns_plan.cpp): the GPU column and
// the shapes of the common column kinds.
#ifndef SHALLOWSIM_CORE_SRC_COLUMN_KIT_H_
#define SHALLOWSIM_CORE_SRC_COLUMN_KIT_H_

#include <string_view>

#include "shallowsim/columns.h"

namespace shallowsim::column_kit {

constexpr Text kGpuMeaning = {
    "Accelerator or rack model. In “NVLxxx” the number is about the GPUs in the NVLink domain "
    "(NVL72 = 72 Blackwell GPUs, NVL576 = Rubin Ultra).",
    "使用的加速卡／机柜型号。“NVLxxx”里的数字≈机柜中的 GPU 总数（NVL72 = 72 颗 Blackwell，NVL576 = "
    "Rubin Ultra）。"};
constexpr Column kGpu = {.name = "GPU", .style = Style::kText, .meaning = kGpuMeaning};

constexpr auto Ms(std::string_view name, Text meaning, std::string_view formula = {}) {
  return Column{.name = name,
                .unit = "ms",
                .better = Better::kLower,
                .decimals = 3,
                .meaning = meaning,
                .formula = formula};
}

constexpr Column Count(std::string_view name, std::string_view unit, Text meaning) {
  return Column{
      .name = name, .unit = unit, .style = Style::kInteger, .decimals = 0, .meaning = meaning};
}

constexpr Column Label(std::string_view name, Text meaning) {
  return Column{.name = name, .style = Style::kText, .meaning = meaning};
}
// A count the planner reports only with load= (optional: may be absent).
constexpr Column Input(std::string_view name, std::string_view unit, Text meaning,
                       bool optional = false) {
  Column c = Count(name, unit, meaning);
  c.optional = optional;
  return c;
}
constexpr Column Rate(std::string_view name, Text meaning, bool optional) {
  return Column{.name = name,
                .unit = "tok/s/GPU",
                .better = Better::kNone,
                .decimals = 0,
                .meaning = meaning,
                .optional = optional};
}
constexpr Column ErrorPct(std::string_view name, Text meaning) {
  return Column{.name = name,
                .unit = "%",
                .better = Better::kNone,
                .decimals = 1,
                .meaning = meaning,
                .formula = "(predicted − measured) / measured × 100",
                .optional = true};
}

}  // namespace shallowsim::column_kit

#endif  // SHALLOWSIM_CORE_SRC_COLUMN_KIT_H_
