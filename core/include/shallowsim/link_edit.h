// The link as a form edits it. The page keeps the link text as its state: it shows each key's
// text (FieldTexts), turns an edit into a new link (EditLink) and lets the core make it
// canonical, so only the core ever writes a link. Also the A/B baseline's link and the keys in
// which it differs.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shallowsim/config.h"

namespace shallowsim {

// Every schema key with the text a form shows for it, in schema order: a valid link's values;
// for an invalid link, the text the link gives a key (decoded), else its default (a model key:
// the chosen preset's value). `hw` is its rows, one per line; `base` the decoded fragment.
std::vector<std::pair<std::string, std::string>> FieldTexts(std::string_view link);

// The link after setting `key` to the form text `value` (spaces around the text and around
// list items dropped; for `hw`, one row per line). A value equal to the default is left out;
// picking a model preset drops the model keys that overrode the previous one; keys the schema
// does not know are dropped. The result is canonical when it is valid, else the edited
// fragment (without '#'), so the errors can be shown next to the fields.
std::string EditLink(std::string_view link, std::string_view key, std::string_view value);

// The `base=` value that pins a config as the A/B baseline: its canonical fragment without
// view keys.
std::string PinnedBase(const Config& config);
// The baseline's link with this config's view keys (filters, sort, sweep…), so both sides are
// computed and shown alike; empty when there is no baseline.
std::string BaselineLink(const Config& config);

struct ConfigChange {
  std::string key;
  std::string base;     // the baseline's text
  std::string current;  // this config's text
};
// The keys (outside the View group) whose values differ between the baseline and this config.
std::vector<ConfigChange> ConfigChanges(const Config& config);

}  // namespace shallowsim
