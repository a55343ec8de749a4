// core/data/deployments.csv as text, built in by core/CMakeLists.txt. Internal to the core.
#pragma once

#include <string_view>

namespace shallowsim::detail {

extern const std::string_view kDeploymentsCsv;

}  // namespace shallowsim::detail
