#include "json.h"

namespace shallowsim::json {

std::string String(std::string_view text) {
  constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string Bilingual(const Text& text) {
  return "{\"en\": " + String(text.en) + ", \"zh\": " + String(text.zh) + "}";
}

}  // namespace shallowsim::json
