#include "json_read.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "shallowsim/number_text.h"
#include "text.h"

namespace shallowsim::json {

namespace {

constexpr size_t kMaxNumberChars = 64;  // what ReadDecimal reads

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The length of the well-formed UTF-8 sequence at the start of `s` (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF); 0 when it is not one.
size_t Utf8Length(std::string_view s) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const auto cont = [&](size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < s.size() && byte(i) >= lo && byte(i) <= hi;
  };
  const unsigned char b = byte(0);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    const unsigned char lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    const unsigned char lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// A recursive-descent reader over one text; the first error stops it.
class Reader {
 public:
  Reader(std::string_view text, const Limits& limits) : text_(text), limits_(limits) {}

  ReadResult Run() {
    ReadResult result;
    if (text_.size() > limits_.max_bytes) {
      result.error = "the text " + text::TooMany(text_.size(), limits_.max_bytes, "bytes");
      return result;
    }
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
    SkipSpace();
    if (pos_ == text_.size()) {
      Fail(pos_, "there is no JSON value (the text is empty)");
    } else if (ReadValue(result.value, 0)) {
      SkipSpace();
      if (pos_ < text_.size()) Fail(pos_, "unexpected " + Shown() + " after the JSON value");
    }
    if (!error_.empty()) {
      result.value = Value{};
      result.error = Where(text_, error_offset_) + ": " + error_;
      result.error_offset = error_offset_;
    }
    return result;
  }

 private:
  bool Fail(size_t offset, std::string message) {
    if (error_.empty()) {
      error_offset_ = offset;
      error_ = std::move(message);
    }
    return false;
  }

  // The character at pos_ (not at the end) for a message.
  std::string Shown() const {
    const size_t n = std::max<size_t>(1, Utf8Length(text_.substr(pos_)));
    return text::Show(text_.substr(pos_, n));
  }

  // What was expected where the text has something else (with a hint for common non-JSON).
  bool Expected(std::string_view what) {
    if (pos_ >= text_.size()) return Fail(pos_, "the text ends; expected " + std::string(what));
    std::string message = "unexpected " + Shown() + "; expected " + std::string(what);
    const char c = text_[pos_];
    if (c == '/') message += " (comments are not JSON)";
    if (c == '\'') message += " (strings take double quotes)";
    return Fail(pos_, std::move(message));
  }

  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
      ++pos_;
    }
  }

  bool Eat(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  bool ReadValue(Value& v, size_t depth) {
    v.offset = pos_;
    if (pos_ >= text_.size()) return Expected("a value");
    switch (text_[pos_]) {
      case '{':
        return ReadObject(v, depth + 1);
      case '[':
        return ReadArray(v, depth + 1);
      case '"':
        v.type = Type::kString;
        return ReadString(v.text);
      case 't':
        v.type = Type::kBool;
        v.boolean = true;
        return ReadWord("true");
      case 'f':
        v.type = Type::kBool;
        return ReadWord("false");
      case 'n':
        return ReadWord("null");
      default:
        if (text_[pos_] == '-' || IsDigit(text_[pos_])) {
          v.type = Type::kNumber;
          return ReadNumber(v.number);
        }
        return Expected("a value");
    }
  }

  bool ReadWord(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return Expected("a value");
    pos_ += word.size();
    return true;
  }

  bool Deeper(size_t depth) {
    if (depth <= limits_.max_depth) return true;
    return Fail(pos_, "arrays and objects nest deeper than " + std::to_string(limits_.max_depth) +
                          " levels");
  }

  bool ReadArray(Value& v, size_t depth) {
    if (!Deeper(depth)) return false;
    v.type = Type::kArray;
    ++pos_;  // '['
    SkipSpace();
    if (Eat(']')) return true;
    while (true) {
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ']' && !v.items.empty()) {
        return Fail(pos_, "a comma before ']' (trailing commas are not JSON)");
      }
      v.items.emplace_back();
      if (!ReadValue(v.items.back(), depth)) return false;
      SkipSpace();
      if (Eat(']')) return true;
      if (!Eat(',')) return Expected("',' or ']'");
    }
  }

  bool ReadObject(Value& v, size_t depth) {
    if (!Deeper(depth)) return false;
    v.type = Type::kObject;
    ++pos_;  // '{'
    SkipSpace();
    if (Eat('}')) return true;
    std::vector<size_t> key_offsets;
    while (true) {
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == '}' && !v.keys.empty()) {
        return Fail(pos_, "a comma before '}' (trailing commas are not JSON)");
      }
      if (pos_ >= text_.size() || text_[pos_] != '"') return Expected("a key in double quotes");
      key_offsets.push_back(pos_);
      v.keys.emplace_back();
      if (!ReadString(v.keys.back())) return false;
      SkipSpace();
      if (!Eat(':')) return Expected("':'");
      SkipSpace();
      v.items.emplace_back();
      if (!ReadValue(v.items.back(), depth)) return false;
      SkipSpace();
      if (Eat('}')) return CheckKeys(v, key_offsets);
      if (!Eat(',')) return Expected("',' or '}'");
    }
  }

  // A key twice in one object: the error points at its second appearance.
  bool CheckKeys(const Value& v, const std::vector<size_t>& offsets) {
    std::vector<size_t> order(v.keys.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return v.keys[a] != v.keys[b] ? v.keys[a] < v.keys[b] : a < b;
    });
    std::optional<size_t> first, second;  // the duplicate whose second appearance comes first
    for (size_t i = 1; i < order.size(); ++i) {
      const size_t a = order[i - 1], b = order[i];
      if (v.keys[a] == v.keys[b] && (i < 2 || v.keys[order[i - 2]] != v.keys[a]) &&
          (!second || b < *second)) {
        first = a;
        second = b;
      }
    }
    if (!second) return true;
    return Fail(offsets[*second], "the key " + text::Show(v.keys[*second]) + " appears twice (" +
                                      Where(text_, offsets[*first]) + " too)");
  }

  bool ReadString(std::string& out) {
    const size_t start = pos_;
    ++pos_;  // '"'
    while (true) {
      if (pos_ >= text_.size()) {
        return Fail(start, "the string that starts here has no closing '\"'");
      }
      const char c = text_[pos_];
      const unsigned char u = static_cast<unsigned char>(c);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c == '\\') {
        if (!ReadEscape(out)) return false;
      } else if (u < 0x20) {
        return Fail(pos_, "a control character (byte " + std::to_string(u) +
                              ") in a string; write it as an escape such as \\n");
      } else if (u < 0x80) {
        out += c;
        ++pos_;
      } else {
        const size_t n = Utf8Length(text_.substr(pos_));
        if (n == 0) return Fail(pos_, "a byte that is not UTF-8 in a string");
        out.append(text_.substr(pos_, n));
        pos_ += n;
      }
    }
  }

  // Four hex digits at pos_ (after "\u"); -1 when they are not.
  int32_t ReadHex4() {
    if (text_.size() - pos_ < 4) return -1;
    int32_t v = 0;
    for (size_t i = 0; i < 4; ++i) {
      const int d = HexDigit(text_[pos_ + i]);
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    pos_ += 4;
    return v;
  }

  bool ReadEscape(std::string& out) {
    const size_t start = pos_;
    ++pos_;  // '\'
    if (pos_ >= text_.size()) return Fail(start, "the text ends inside an escape");
    const char c = text_[pos_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out += c;
        return true;
      case 'b':
        out += '\b';
        return true;
      case 'f':
        out += '\f';
        return true;
      case 'n':
        out += '\n';
        return true;
      case 'r':
        out += '\r';
        return true;
      case 't':
        out += '\t';
        return true;
      case 'u':
        break;
      default:
        return Fail(start, "an unknown escape: \\ then " + text::Show(std::string_view(&c, 1)) +
                               "; allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }
    const int32_t unit = ReadHex4();
    if (unit < 0) return Fail(start, "\\u needs four hex digits");
    uint32_t cp = static_cast<uint32_t>(unit);
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return Fail(start, "a low surrogate (\\u" + Hex(cp) + ") without a high one before it");
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const bool pair = text_.substr(pos_, 2) == "\\u";
      if (pair) pos_ += 2;
      const int32_t low = pair ? ReadHex4() : -1;
      if (low < 0xDC00 || low > 0xDFFF) {
        return Fail(start, "a high surrogate (\\u" + Hex(cp) + ") without a low one after it");
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<uint32_t>(low) - 0xDC00);
    }
    AppendUtf8(out, cp);
    return true;
  }

  static std::string Hex(uint32_t unit) {
    constexpr char kHex[] = "0123456789ABCDEF";
    std::string s;
    for (int shift = 12; shift >= 0; shift -= 4) s += kHex[(unit >> shift) & 15];
    return s;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  bool ReadNumber(double& out) {
    const size_t start = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
      return pos_ - from;
    };
    Eat('-');
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
      if (pos_ < text_.size() && IsDigit(text_[pos_])) {
        return Fail(start, "a number with a leading zero (not JSON)");
      }
    } else if (digits() == 0) {
      return Expected("a digit");
    }
    if (Eat('.') && digits() == 0) return Expected("a digit after '.'");
    if (Eat('e') || Eat('E')) {
      if (!Eat('+')) Eat('-');
      if (digits() == 0) return Expected("a digit in the exponent");
    }
    const std::string_view token = text_.substr(start, pos_ - start);
    if (token.size() > kMaxNumberChars) {
      return Fail(start, "a number of " + std::to_string(token.size()) + " characters; at most " +
                             std::to_string(kMaxNumberChars) + " allowed");
    }
    const std::optional<double> v = ReadDecimal(token);
    if (!v || !std::isfinite(*v)) {
      return Fail(start, text::Show(token) + " is too large for a number");
    }
    out = *v;
    return true;
  }

  std::string_view text_;
  Limits limits_;
  size_t pos_ = 0;
  std::string error_;
  size_t error_offset_ = 0;
};

}  // namespace

const Value* Value::Find(std::string_view key) const {
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &items[i];
  }
  return nullptr;
}

ReadResult Read(std::string_view text, const Limits& limits) { return Reader(text, limits).Run(); }

std::string_view TypeName(Type type) {
  switch (type) {
    case Type::kNull:
      return "null";
    case Type::kBool:
      return "true or false";
    case Type::kNumber:
      return "a number";
    case Type::kString:
      return "a string";
    case Type::kArray:
      return "an array";
    case Type::kObject:
      return "an object";
  }
  return "a value";
}

std::string Where(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace shallowsim::json
