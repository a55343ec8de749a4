// The words of a link that choose a behaviour, as enums inside the core. Each enum has one table
// of link names (the order of its values); links, the schema and the faces read them from here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace shallowsim {

// Which model computes the numbers (calibration.h).
enum class Mode : uint8_t { kReference, kCalibrated };
// The KV-cache element.
enum class KvDtype : uint8_t { kFp8, kBf16 };
// Expert weights: the reference's rule (FP4 where the GPU has it), FP8, or NVFP4.
enum class MoeDtype : uint8_t { kAuto, kFp8, kFp4 };
// The attention family of a model (core/src/attention/).
enum class AttentionKind : uint8_t { kMla, kDsa, kHybrid, kGqa };
// How a MoE layer's tokens reach its experts: all-to-all dispatch and combine between the EP
// ranks (DeepEP; attention data-parallel), or every GPU of the attention-TP group holds every
// token and an all-reduce combines the experts' outputs (MoE TP or EP without DP attention).
enum class MoeComm : uint8_t { kA2a, kAllReduce };
// How a serving benchmark is deployed (serve.h): one aggregated instance, prefill and decode
// pools, or the better of the two per GPU (the planner).
enum class Serving : uint8_t { kAgg, kDisagg, kBest };
// The serving framework whose kernels calibrated mode times (calibration.h FrameworkTables):
// auto = the calibration's default kernels; sglang or trtllm = that framework's own where its
// kernel tables differ (from calibration 2026-12d).
enum class Framework : uint8_t { kAuto, kSglang, kTrtllm };

template <class E>
struct EnumNames;
template <>
struct EnumNames<Mode> {
  static constexpr std::array<std::string_view, 2> kNames = {"reference", "calibrated"};
};
template <>
struct EnumNames<KvDtype> {
  static constexpr std::array<std::string_view, 2> kNames = {"fp8", "bf16"};
};
template <>
struct EnumNames<MoeDtype> {
  static constexpr std::array<std::string_view, 3> kNames = {"auto", "fp8", "fp4"};
};
template <>
struct EnumNames<AttentionKind> {
  static constexpr std::array<std::string_view, 4> kNames = {"mla", "dsa", "hybrid", "gqa"};
};
template <>
struct EnumNames<MoeComm> {
  static constexpr std::array<std::string_view, 2> kNames = {"a2a", "allreduce"};
};
template <>
struct EnumNames<Serving> {
  static constexpr std::array<std::string_view, 3> kNames = {"agg", "disagg", "best"};
};

template <>
struct EnumNames<Framework> {
  static constexpr std::array<std::string_view, 3> kNames = {"auto", "sglang", "trtllm"};
};

// The link name of a value.
template <class E>
constexpr std::string_view NameOf(E value) {
  return EnumNames<E>::kNames[static_cast<size_t>(value)];
}
// Every link name of an enum, in value order.
template <class E>
constexpr std::span<const std::string_view> NamesOf() {
  return EnumNames<E>::kNames;
}
// The value a link name stands for.
template <class E>
constexpr std::optional<E> EnumFrom(std::string_view name) {
  const auto& names = EnumNames<E>::kNames;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace shallowsim
