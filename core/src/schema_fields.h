// The schema table, in parts by group (fields_*.cpp). Internal to the core: use Schema().
#pragma once

#include <vector>

#include "shallowsim/schema.h"

namespace shallowsim::detail {

std::vector<Field> ScenarioFields();
std::vector<Field> ModelFields();
std::vector<Field> HardwareFields();
std::vector<Field> AdvancedFields();
std::vector<Field> ServingFields();
std::vector<Field> ModeFields();
std::vector<Field> PlanFields();
std::vector<Field> ViewFields();

// Every key in canonical order.
inline std::vector<Field> MakeSchema() {
  std::vector<Field> all;
  for (auto part : {ScenarioFields, ModelFields, HardwareFields, AdvancedFields, ServingFields,
                    ModeFields, PlanFields, ViewFields}) {
    for (Field& f : part()) all.push_back(std::move(f));
  }
  return all;
}

}  // namespace shallowsim::detail
