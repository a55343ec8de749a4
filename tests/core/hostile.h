// The catalogue of hostile links (tests/hostile/links.tsv), shared by the core and CLI tests.
#pragma once

#include <fstream>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace shallowsim::testing {

struct HostileLink {
  std::string name;
  std::string link;   // expanded
  std::string key;    // "ok" when the link is valid
  std::string words;  // part of the expected message
};

inline void PrintTo(const HostileLink& h, std::ostream* os) { *os << h.name; }

// "{X*N}" → X repeated N times.
inline std::string Expand(const std::string& text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i);
    const size_t star = open == std::string::npos ? open : text.find('*', open);
    const size_t close = star == std::string::npos ? star : text.find('}', star);
    if (close == std::string::npos) {
      out += text.substr(i);
      break;
    }
    out += text.substr(i, open - i);
    const std::string unit = text.substr(open + 1, star - open - 1);
    const long count = std::stol(text.substr(star + 1, close - star - 1));
    for (long n = 0; n < count; ++n) out += unit;
    i = close + 1;
  }
  return out;
}

inline std::vector<HostileLink> HostileLinks(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<HostileLink> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      cells.push_back(line.substr(start, tab - start));
    }
    cells.push_back(line.substr(start));
    if (cells.size() != 4) throw std::runtime_error("bad line: " + line);
    out.push_back({cells[0], Expand(cells[1]), cells[2], cells[3]});
  }
  return out;
}

}  // namespace shallowsim::testing
