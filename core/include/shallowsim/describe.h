// Everything the faces show about the model, as one JSON document: the limits, languages,
// groups, views, keys, `hw=` fields, table columns, the prefill seed layout, the presets and
// the catalog. `shallowsim schema` prints it; the page reads the same text through the bindings.
#pragma once

#include <string>

namespace shallowsim {

std::string DescribeJson();

}  // namespace shallowsim
