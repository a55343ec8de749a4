#include "shallowsim/number_text.h"

#include <algorithm>
#include <charconv>  // integers everywhere; doubles where __cpp_lib_to_chars says so
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
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
  const std::chars_format format = conversion == 'f'   ? std::chars_format::fixed
                                   : conversion == 'e' ? std::chars_format::scientific
                                                       : std::chars_format::general;
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

// The shortest round-trip text without reading text back (the wasm's C library reads and writes
// decimals with big integers: 8x slower). One printf of 17 digits gives the candidates of 15 and
// 16 digits (its first digits, one up or down); 128-bit integers decide exactly which is nearest
// `value` and whether it reads back. Empty when 128 bits cannot hold the comparison.
using U128 = unsigned __int128;
using I128 = __int128;

int BitLength(U128 x) {
  const auto high = static_cast<uint64_t>(x >> 64), low = static_cast<uint64_t>(x);
  if (high != 0) return 128 - __builtin_clzll(high);
  return low != 0 ? 64 - __builtin_clzll(low) : 0;
}

// 10^n for n <= 38, and its bit length.
struct Pow10Table {
  U128 value[39];
  int bits[39];
};
constexpr Pow10Table MakePow10() {
  Pow10Table t{};
  U128 p = 1;
  for (int n = 0; n <= 38; ++n, p *= 10) {
    t.value[n] = p;
    int b = 0;
    for (U128 x = p; x != 0; x >>= 1) ++b;
    t.bits[n] = b;
  }
  return t;
}
constexpr Pow10Table kPow10 = MakePow10();

// value = m · 2^q with m < 2^53 (value > 0, finite).
struct Binary {
  uint64_t m;
  int q;
  bool lower_closer;  // a power of two: the double below is half as far as the one above
};

Binary Decompose(double value) {
  uint64_t bits = 0;
  std::memcpy(&bits, &value, sizeof bits);
  const uint64_t fraction = bits & ((uint64_t{1} << 52) - 1);
  const int exponent = static_cast<int>((bits >> 52) & 0x7ff);
  if (exponent == 0) return {fraction, -1074, false};
  return {fraction | (uint64_t{1} << 52), exponent - 1075, fraction == 0 && exponent > 1};
}

// C · 10^k − w · 2^b, or empty when it does not fit 126 bits.
std::optional<I128> Difference(uint64_t c, int k, uint64_t w, int b) {
  if (k > 38 || k < -38) return std::nullopt;
  const int left_bits = BitLength(c) + (k > 0 ? kPow10.bits[k] : 0) + (b < 0 ? -b : 0);
  const int right_bits = BitLength(w) + (k < 0 ? kPow10.bits[-k] : 0) + (b > 0 ? b : 0);
  if (left_bits > 126 || right_bits > 126) return std::nullopt;
  U128 left = c, right = w;
  if (k > 0) left *= kPow10.value[k];
  if (k < 0) right *= kPow10.value[-k];
  if (b < 0) left <<= -b;
  if (b > 0) right <<= b;
  return static_cast<I128>(left) - static_cast<I128>(right);
}

// %.{p}g of the decimal c · 10^k, c of p digits.
std::string SpellG(uint64_t c, int k, int p, bool negative) {
  char digits[24];
  const std::to_chars_result r = std::to_chars(digits, digits + sizeof digits, c);
  int n = static_cast<int>(r.ptr - digits);  // p
  const int x = k + n - 1;                   // the decimal exponent
  while (n > 1 && digits[n - 1] == '0') --n;
  std::string out = negative ? "-" : "";
  if (x < -4 || x >= p) {
    out += digits[0];
    if (n > 1) out += '.', out.append(digits + 1, digits + n);
    char e[16];
    std::snprintf(e, sizeof e, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
    out += e;
  } else if (x < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-x - 1), '0');
    out.append(digits, digits + n);
  } else {
    const int whole = x + 1;
    out.append(digits, digits + std::min(n, whole));
    if (n < whole) out.append(static_cast<size_t>(whole - n), '0');
    if (n > whole) out += '.', out.append(digits + whole, digits + n);
  }
  return out;
}

std::optional<std::string> ShortestExact(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  const bool negative = value < 0;
  const double v = std::abs(value);
  // d.dddddddddddddddde±X: 17 significant digits, correctly rounded.
  const std::string e17 = PrintF(v, 'e', 16);
  const size_t epos = e17.find('e');
  if (epos != 18 || e17[1] != '.') return std::nullopt;
  uint64_t d17 = static_cast<uint64_t>(e17[0] - '0');
  for (size_t i = 2; i < epos; ++i) d17 = d17 * 10 + static_cast<uint64_t>(e17[i] - '0');
  const int x17 = std::atoi(e17.c_str() + epos + 1);
  const Binary bin = Decompose(v);
  // Work at 2^(q-2): the value is 4m, its neighbours' midpoints 4m ± 2 (4m − 1 below a power of
  // two). A midpoint reads back as the even mantissa.
  const int b = bin.q - 2;
  const uint64_t w = bin.m * 4;
  const uint64_t lo = w - (bin.lower_closer ? 1 : 2), hi = w + 2;
  const bool ends_included = bin.m % 2 == 0;
  for (int p = 15; p <= 17; ++p) {
    const uint64_t t = d17 / static_cast<uint64_t>(kPow10.value[17 - p]);
    const int k = x17 - (p - 1);
    // The nearest p-digit decimal is t − 1, t or t + 1 (in units of 10^k).
    uint64_t best = 0;
    std::optional<I128> best_gap;
    for (const uint64_t c : {t - 1, t, t + 1}) {
      if (c == 0) continue;
      const std::optional<I128> d = Difference(c, k, w, b);
      if (!d) return std::nullopt;
      const I128 gap = *d < 0 ? -*d : *d;
      if (!best_gap || gap < *best_gap || (gap == *best_gap && c % 2 == 0))
        best = c, best_gap = gap;
    }
    const std::optional<I128> below = Difference(best, k, lo, b);
    const std::optional<I128> above = Difference(best, k, hi, b);
    if (!below || !above) return std::nullopt;
    const bool inside = ends_included ? (*below >= 0 && *above <= 0) : (*below > 0 && *above < 0);
    if (!inside) continue;
    // Written with p digits: 10^p carries into the next decade, 10^(p−1) − 1 is padded.
    uint64_t c = best;
    int kk = k;
    const auto top = static_cast<uint64_t>(kPow10.value[p]);
    if (c >= top) c /= 10, ++kk;
    if (c < top / 10) c *= 10, --kk;
    return SpellG(c, kk, p, negative);
  }
  return std::nullopt;
}

}  // namespace

std::string FormatGeneral(double value, int precision) { return PrintF(value, 'g', precision); }

std::string FormatFixed(double value, int decimals) { return PrintF(value, 'f', decimals); }

std::string FormatNumber(double value) {
  if (value == 0) return std::signbit(value) ? "-0" : "0";
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    char buf[24];
    const std::to_chars_result r =
        std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
    return std::string(buf, r.ptr);
  }
  if (std::optional<std::string> text = ShortestExact(value)) return *std::move(text);
  // Beyond 128 bits (below about 1e-4 or above 1e37): the first precision whose %g reads back.
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
