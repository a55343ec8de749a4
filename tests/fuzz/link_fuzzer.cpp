// libFuzzer target: decode a link, then compute every table. Invariants checked on each input:
// no crash or sanitizer report, every value finite, and encode∘decode is the identity.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/export.h"
#include "shallowsim/prefill.h"
#include "shallowsim/sweep.h"
#include "shallowsim/views.h"

using namespace shallowsim;

namespace {
void Check(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string link(reinterpret_cast<const char*>(data), size);
  const ParseResult parsed = ParseLink(link);
  Check(parsed.ok() == parsed.config.has_value());
  if (!parsed.ok()) {
    Check(!parsed.errors.empty());
    return 0;
  }
  const Config& c = *parsed.config;
  const ParseResult again = ParseLink(EncodeLink(c));
  Check(again.ok() && *again.config == c);

  for (const PrefillRow& r : PrefillTable(c)) {
    for (size_t col = 1; col < kPrefillWidth; ++col) Check(std::isfinite(PrefillValue(r, col)));
  }
  const DecodeTable decode = Decode(c);
  for (const DecodeRow& r : decode.rows) {
    for (size_t col = 1; col < kDecodeWidth; ++col) Check(std::isfinite(DecodeValue(r, col)));
  }
  Check(Leaderboard(decode).rows.size() <= decode.rows.size());
  Check(Frontier(decode).rows.size() <= decode.rows.size());
  for (const MaxBatchRow& r : MaxBatchTableOf(c).rows) Check(std::isfinite(r.max_batch));
  // The writers: every table the link decides, as the CLI and the page's downloads write them;
  // every format for the quick tables, CSV for the planner and serve (each format recomputes
  // them: ~0.3 s under the sanitizers). Not reality and uncertainty: they read the shipped data,
  // not the link (their unit tests cover them), and take seconds.
  for (std::string_view table : ExportTables()) {
    if (table == "sweep" || table == "reality" || table == "uncertainty") continue;
    const bool slow = table == "plan" || table == "serve";
    for (Format f : {Format::kCsv, Format::kMarkdown, Format::kJson}) {
      if (slow && f != Format::kCsv) continue;
      Check(ExportTable(c, table, f).ok());
    }
  }
  if (SweepPoints(c.view.sweep).size() <= 16) {
    const SweepResult s = Sweep(c, c.view.sweep);
    for (const SweepRow& r : s.table.rows) Check(std::isfinite(r.row.total));
  }
  return 0;
}
