// The schema: everything the faces (CLI, page) show about a config — its keys with their kinds,
// ranges, units and help; the form's groups; the views; the languages; the limits. One
// descriptor per fact; `shallowsim schema` prints them all (describe.h).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "shallowsim/bilingual.h"
#include "shallowsim/config.h"
#include "shallowsim/enums.h"

namespace shallowsim {

// ---- Limits (SPEC §6) ------------------------------------------------------------------------
inline constexpr int kLinkVersion = 1;
inline constexpr size_t kMaxLinkBytes = 8192;
inline constexpr size_t kMaxListItems = 64;
inline constexpr size_t kMaxHwRows = 64;
inline constexpr double kMaxSweepPoints = 4096;
// A sweep's `to` is included when it is within this fraction of a step of the last point.
inline constexpr double kSweepTolerance = 1e-9;

// ---- Keys ------------------------------------------------------------------------------------
enum class FieldKind {
  kInt,         // whole number
  kFloat,       // real number
  kBool,        // 0 or 1
  kIntList,     // comma-separated whole numbers
  kNameList,    // comma-separated GPU names
  kChoice,      // one of a fixed list of words
  kChoiceList,  // comma-separated words of a fixed list
  kHwRows,      // repeatable `hw=NAME,sm,...` rows
  kSweep,       // key:from:to:step
  kLink,        // a whole config as a percent-encoded fragment (the A/B baseline)
  kSort,        // a column name, '-' in front for descending
  kPrices,      // USD per GPU-hour: a number and/or GPU:value pairs (plan.h)
};
std::string_view KindName(FieldKind kind);

using NumberRef = std::variant<std::monostate, double Model::*, double Scenario::*, double View::*>;
using ListRef =
    std::variant<std::monostate, std::vector<double> Scenario::*, std::vector<double> View::*>;
using TextRef = std::variant<std::monostate, std::string Config::*, std::string Scenario::*,
                             std::string View::*>;
using NamesRef = std::variant<std::monostate, std::vector<std::string> Config::*,
                              std::vector<std::string> View::*>;

// A choice the core holds as an enum (enums.h): its link names and how to read and write it.
struct EnumRef {
  std::span<const std::string_view> names;
  size_t (*get)(const Config&) = nullptr;
  void (*set)(Config&, size_t) = nullptr;
};
namespace detail {
template <class T>
struct MemberOf;
template <class C, class E>
struct MemberOf<E C::*> {
  using Owner = C;
  using Enum = E;
};
template <class C>
C& PartOf(Config& c) {
  if constexpr (std::is_same_v<C, Config>) return c;
  if constexpr (std::is_same_v<C, Scenario>) return c.scenario;
  if constexpr (std::is_same_v<C, Model>) return c.model;
}
}  // namespace detail
// The EnumRef of an enum member of Config, Scenario or Model.
template <auto kMember>
constexpr EnumRef EnumField() {
  using M = detail::MemberOf<decltype(kMember)>;
  using E = typename M::Enum;
  return {NamesOf<E>(),
          [](const Config& c) {
            return static_cast<size_t>(detail::PartOf<typename M::Owner>(const_cast<Config&>(c)).*
                                       kMember);
          },
          [](Config& c, size_t v) {
            detail::PartOf<typename M::Owner>(c).*kMember = static_cast<E>(v);
          }};
}

struct Field {
  std::string_view key;
  FieldKind kind = FieldKind::kInt;
  std::string_view group;  // a key of Groups()
  double min = 0;          // numeric range (of each item, for lists)
  double max = 0;
  bool min_exclusive = false;
  bool may_be_empty = false;  // a list whose empty value means "no filter"
  std::string_view unit;
  Text help;
  NumberRef number{};
  ListRef list{};
  TextRef text{};
  NamesRef names{};
  EnumRef choice{};                    // kChoice fields the core holds as enums
  std::string_view reference_sweep{};  // the range a sweep of this key starts from (§5)
  bool no_sweep = false;   // a number a sweep cannot vary alone (its range depends on another key)
  bool fractions = false;  // a kIntList whose items may be fractions
};

// Every link key except `v`, in canonical (link) order.
const std::vector<Field>& Schema();
const Field* FindField(std::string_view key);
// A sweep may vary any whole or real number that is not view state (nor marked no_sweep).
bool IsSweepable(const Field& field);
// Allowed words of a kChoice / kChoiceList / kSort field.
std::vector<std::string> Choices(const Field& field);
// A message for an unknown key, with the closest known key when there is one.
std::string UnknownKeyMessage(std::string_view key);

// Field accessors used by the codec, the sweep and the bindings.
double GetNumber(const Config& config, const Field& field);
void SetNumber(Config& config, const Field& field, double value);
const std::vector<double>& GetList(const Config& config, const Field& field);
std::vector<double>& MutableList(Config& config, const Field& field);
std::string* MutableText(Config& config, const Field& field);  // nullptr for an enum
std::string GetText(const Config& config, const Field& field);
// Sets a kChoice field from its link word; false when the word is not one of Choices().
bool SetChoice(Config& config, const Field& field, std::string_view word);
std::vector<std::string>& MutableNames(Config& config, const Field& field);
const std::vector<std::string>& GetNames(const Config& config, const Field& field);
// The value of a field as it is written in a link (`hw` rows joined by '&hw=').
std::string FieldText(const Config& config, const Field& field);
// The text of one `hw=` row and of a sweep spec, as links write them.
std::string HwRowText(const Gpu& gpu);
std::string SweepText(const SweepSpec& spec);

// ---- Groups, views, languages ----------------------------------------------------------------
struct GroupInfo {
  std::string_view key;  // Field::group
  Text label;
  Text note;
  bool in_form = true;  // the config form shows it (View keys have their inputs in the views)
  bool open = false;    // the form opens it at start
};
std::span<const GroupInfo> Groups();

struct ViewInfo {
  std::string_view key;  // view=
  Text label;
  Text intro;
  std::string_view table;  // the table it shows ("" = charts only); see columns.h
  Text caption;
  // A/B: the columns besides GPU that match a row with the baseline's; `best` views show one
  // best row per key, so their rows compare best with best.
  std::vector<std::string_view> match;
  bool best = false;
  std::vector<std::string_view> inputs;  // view keys whose inputs it shows
};
std::span<const ViewInfo> Views();
const ViewInfo* FindView(std::string_view key);

struct Language {
  std::string_view key;  // lang=
  std::string_view label;
};
std::span<const Language> Languages();

}  // namespace shallowsim
