// Numbers as text, identical in every process locale: links (SPEC §6), CSV and Markdown (§7).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shallowsim {

// Shortest text that reads back as the same double: whole numbers below 1e15 in plain digits
// (300, not 3e+02), otherwise the shortest printf %g form. Links and messages use it, and CSV and
// JSON at Digits::kShortest (the page's downloads).
std::string FormatNumber(double value);
// printf's %.{precision}g.
std::string FormatGeneral(double value, int precision);
// printf's %.{decimals}f (Markdown writes 6 decimals).
std::string FormatFixed(double value, int decimals);
// A decimal number of at most 64 characters: [-]digits[.digits][e[+-]digits]; no '+', spaces,
// hex, inf or nan. Empty when the text is not one; ±infinity when it is too large for a double
// (callers report that); -0 and values too small for a double read as 0.
std::optional<double> ReadDecimal(std::string_view text);

}  // namespace shallowsim
