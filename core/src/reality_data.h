// core/data/deployments.csv as text, built in by core/CMakeLists.txt. Internal to the core.
#pragma once

#include <string_view>

namespace shallowsim::detail {

extern const std::string_view kDeploymentsCsv;
extern const std::string_view kUncertaintyCsv;  // core/data/uncertainty.csv

}  // namespace shallowsim::detail
