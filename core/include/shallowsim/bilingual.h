// Text the faces show, in the page's two languages.
#pragma once

#include <string_view>

namespace shallowsim {

struct Text {
  std::string_view en;
  std::string_view zh;
};

}  // namespace shallowsim
