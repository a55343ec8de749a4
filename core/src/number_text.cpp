#include "shallowsim/number_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
#include <charconv>
#define SHALLOWSIM_CHARCONV 1
#endif

namespace shallowsim {

namespace {

// The two primitives every other function is built on. With <charconv> (g++ 12, clang 14 with
// libstdc++) they ignore the locale by definition. The wasm build's libc++ 14 has no floating
// point <charconv>; its C library (musl) always writes and reads '.', whatever the locale.
std::string PrintF(double value, char conversion, int precision) {
  char buf[400];  // %.6f of 1e300 needs 308 digits
#ifdef SHALLOWSIM_CHARCONV
  const std::chars_format format =
      conversion == 'f' ? std::chars_format::fixed : std::chars_format::general;
  const std::to_chars_result r = std::to_chars(buf, buf + sizeof buf, value, format, precision);
  return std::string(buf, r.ptr);
#else
  const char spec[] = {'%', '.', '*', conversion, '\0'};
  const int n = std::snprintf(buf, sizeof buf, spec, precision, value);
  return std::string(buf, n > 0 ? static_cast<size_t>(n) : 0);
#endif
}

double Read(std::string_view text) {
#ifdef SHALLOWSIM_CHARCONV
  double v = 0;
  const std::from_chars_result r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec == std::errc::result_out_of_range) {
    // As strtod: too small reads as 0, too large as ±infinity. A negative exponent is the only
    // way a decimal of at most 64 characters can be too small.
    if (text.find("e-") != std::string_view::npos || text.find("E-") != std::string_view::npos) {
      return 0;
    }
    return text[0] == '-' ? -HUGE_VAL : HUGE_VAL;
  }
  return v;
#else
  const std::string copy(text);
  return std::strtod(copy.c_str(), nullptr);
#endif
}

bool IsDecimal(std::string_view s) {
  size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

}  // namespace

std::string FormatGeneral(double value, int precision) { return PrintF(value, 'g', precision); }

std::string FormatFixed(double value, int decimals) { return PrintF(value, 'f', decimals); }

std::string FormatNumber(double value) {
  if (value == std::floor(value) && std::abs(value) < 1e15) return PrintF(value, 'f', 0);
  std::string text;
  for (int precision = 1; precision <= 17; ++precision) {
    text = PrintF(value, 'g', precision);
    if (Read(text) == value) break;
  }
  return text;
}

std::optional<double> ReadDecimal(std::string_view text) {
  if (text.size() > 64 || !IsDecimal(text)) return std::nullopt;
  const double v = Read(text);
  return v == 0 ? 0.0 : v;
}

}  // namespace shallowsim
