// shallowsim: the command-line front end of the core (SPEC §7). It parses arguments and prints
// what the core writes (export.h, describe.h); on bad input it prints `error: <key>: <message>`
// lines and exits 2.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/describe.h"
#include "shallowsim/export.h"
#include "shallowsim/model_config.h"
#include "shallowsim/number_text.h"
#include "shallowsim/plan.h"
#include "shallowsim/reality.h"
#include "shallowsim/schema.h"
#include "shallowsim/serve.h"

namespace {

using namespace shallowsim;

// The commands come from the core's list of tables (ExportTables), plus schema and link.
std::string UsageText() {
  std::string commands;
  for (std::string_view t : ExportTables()) commands += std::string(t) + "|";
  return "usage: shallowsim <" + commands +
         "schema|link>\n"
         "                  [LINK] [--model-config FILE]\n"
         "                  [--format md|csv|json] [--digits 17|shortest]\n"
         "                  sweep: [--param NAME --from A --to B --step S] (default: the link's "
         "sweep=)\n"
         "       shallowsim --help\n"
         "LINK: a share link, a #fragment or a bare k=v&... string; '-' reads it from stdin;\n"
         "      absent = defaults. Its only_*, tps_floor and sort keys choose and order the rows.\n"
         "--digits: how csv and json spell numbers: 17 significant digits (default, SPEC §7) or\n"
         "      the shortest text that reads back to the same double (the page's downloads).\n"
         "--model-config FILE: a Hugging Face config.json ('-' = stdin) whose model replaces the\n"
         "      LINK's; `link --model-config FILE` prints the link of the imported model.\n"
         "serve: what a serving benchmark measures: concurrency requests of isl/osl tokens on a\n"
         "      deployment (serving=agg: serve_tp, serve_ep, serve_dpa, serve_align; disagg:\n"
         "      prefill_gpus, decode_gpus, ep, decode_tp, tp, dp; both: max_running, the server's\n"
         "      cap on running requests; num_prompts, the benchmark's requests, 0 = a steady\n"
         "      stream); TotalTPS_per_GPU is InferenceX's tput_per_gpu.\n"
         "      Calibrated mode: framework=sglang|trtllm times that framework's own kernels;\n"
         "      serve_align=1 when the attention-DP ranks prefill together (enable_balance).\n"
         "plan: the best deployment per GPU for isl, osl, ttft_ms, tpot_ms (price, load); a GPU\n"
         "      that misses a target is not a row: stderr says which target and by how much.\n";
}

bool IsHelp(std::string_view arg) { return arg == "-h" || arg == "--help" || arg == "help"; }

int Fail(const std::vector<ConfigError>& errors) {
  for (const ConfigError& e : errors) {
    std::fprintf(stderr, "error: %s: %s\n", e.key.c_str(), e.message.c_str());
  }
  return 2;
}

int Usage(const std::string& message) {
  const std::string usage = UsageText();
  std::fprintf(stderr, "error: args: %s\n%s", message.c_str(), usage.c_str());
  return 2;
}

void Print(const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); }

// The text of a config.json ('-' = stdin), at most kMaxModelConfigBytes; nullopt after
// printing why not.
std::optional<std::string> ReadModelConfig(const std::string& path) {
  auto fail = [&](const std::string& why) {
    std::fprintf(stderr, "error: model-config: %s: %s\n", path.c_str(), why.c_str());
    return std::nullopt;
  };
  std::ifstream file;
  if (path != "-") {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return fail("is a directory");
    file.open(path, std::ios::binary);
    if (!file) return fail(std::strerror(errno));
  }
  std::istream& in = path == "-" ? std::cin : file;
  std::string text(kMaxModelConfigBytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) return fail("cannot be read");
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > kMaxModelConfigBytes) {
    return fail("larger than " + std::to_string(kMaxModelConfigBytes) + " bytes");
  }
  return text;
}

// The reality check's medians, for stderr: per tier, then per model out of sample (a family's
// figure is what the model can claim for it; docs/CALIBRATION.md keeps the same table).
void PrintRealityNotes(const std::vector<RealityRow>& rows) {
  const auto stats = [](const RealityStats& s) {
    char text[160];
    std::snprintf(text, sizeof text,
                  "%zu rows, median |error| reference %.1f %%, calibrated %.1f %% (worst %.1f / "
                  "%.1f %%)",
                  s.rows, s.median_reference, s.median_calibrated, s.worst_reference,
                  s.worst_calibrated);
    return std::string(text);
  };
  const auto note = [&](const std::string& what, const RealityStats& all, const RealityStats& part,
                        const char* part_name) {
    if (all.rows == 0) return;
    std::string line = "note: reality: " + what + ": " + stats(all);
    if (part.rows > 0) line += "; " + std::string(part_name) + ": " + stats(part);
    std::fprintf(stderr, "%s\n", line.c_str());
  };
  for (const std::string_view tiers : {"A", "AB"}) {
    note(tiers == "A" ? "tier A" : "tiers A+B", StatsOf(rows, tiers),
         StatsOf(rows, {.tiers = tiers, .out_of_sample = true}), "out of sample");
  }
  for (const std::string& m : RealityModels(rows)) {
    note("model " + m + ", out of sample", StatsOf(rows, {.out_of_sample = true, .model = m}),
         StatsOf(rows, {.tiers = "A", .out_of_sample = true, .model = m}), "tier A");
  }
}

bool IsTable(std::string_view command) {
  for (std::string_view t : ExportTables()) {
    if (t == command) return true;
  }
  return false;
}

int Run(int argc, char** argv) {
  if (argc < 2) return Usage("missing command");
  const std::string command = argv[1];
  if (IsHelp(command)) {
    Print(UsageText());
    return 0;
  }
  std::optional<std::string> link;
  std::optional<std::string> model_config;
  Format format = Format::kMarkdown;
  Digits digits = Digits::kSeventeen;
  std::optional<std::string> sweep_param;
  std::optional<std::string> sweep_numbers[3];  // from, to, step
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--format") {
      if (!value(&v)) return Usage("--format needs md, csv or json");
      const std::optional<Format> f = FormatOf(v);
      if (!f) return Usage("--format '" + v + "' is not md, csv or json");
      format = *f;
    } else if (arg == "--digits") {
      if (!value(&v)) return Usage("--digits needs 17 or shortest");
      const std::optional<Digits> d = DigitsOf(v);
      if (!d) return Usage("--digits '" + v + "' is not 17 or shortest");
      digits = *d;
    } else if (arg == "--param" || arg == "--from" || arg == "--to" || arg == "--step") {
      if (!value(&v)) return Usage(arg + " needs a value");
      if (arg == "--param") sweep_param = v;
      if (arg == "--from") sweep_numbers[0] = v;
      if (arg == "--to") sweep_numbers[1] = v;
      if (arg == "--step") sweep_numbers[2] = v;
    } else if (arg == "--model-config") {
      if (!value(&v)) return Usage("--model-config needs a config.json file");
      model_config = v;
    } else if (arg == "-h" || arg == "--help") {
      Print(UsageText());
      return 0;
    } else if (!link && (arg.empty() || arg[0] != '-' || arg.size() < 2 || arg[1] != '-')) {
      link = arg;
    } else {
      return Usage("unexpected argument '" + arg + "'");
    }
  }

  if (command == "schema") {
    Print(DescribeJson());
    return 0;
  }
  if (command != "link" && !IsTable(command)) return Usage("unknown command '" + command + "'");

  std::string text = link.value_or("");
  if (text == "-" && model_config == "-") {
    return Usage("the LINK and --model-config cannot both read stdin");
  }
  if (text == "-") {  // the link on stdin, for links longer than an argument may be
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  }
  ParseResult parsed = ParseLink(text);
  if (!parsed.ok()) return Fail(parsed.errors);
  Config config = *parsed.config;
  if (model_config) {
    const std::optional<std::string> json = ReadModelConfig(*model_config);
    if (!json) return 2;
    ParseResult imported = ImportModelConfig(*json, config);
    if (!imported.ok()) return Fail(imported.errors);
    config = *imported.config;
  }
  // The sweep options are folded into the link's sweep= key so one validator checks them.
  if (command == "sweep" &&
      (sweep_param || sweep_numbers[0] || sweep_numbers[1] || sweep_numbers[2])) {
    const SweepSpec& d = config.view.sweep;
    const std::string spec = sweep_param.value_or(d.param) + ":" +
                             sweep_numbers[0].value_or(FormatNumber(d.from)) + ":" +
                             sweep_numbers[1].value_or(FormatNumber(d.to)) + ":" +
                             sweep_numbers[2].value_or(FormatNumber(d.step));
    ParseResult sweep = ParseLink("v=1&sweep=" + spec);
    if (!sweep.ok()) return Fail(sweep.errors);
    config.view.sweep = sweep.config->view.sweep;
    if (std::vector<ConfigError> errors = Validate(config); !errors.empty()) return Fail(errors);
  }

  if (command == "link") {
    Print("#" + EncodeLink(config) + "\n");
    return 0;
  }
  const Export out = ExportTable(config, command, format, digits);
  if (!out.ok()) return Fail(out.errors);
  Print(out.text);
  // Then, on stderr, why a GPU is not in the table.
  std::fflush(stdout);
  if (command == "plan") {
    for (const PlanMiss& m : Plan(config).misses) {
      std::fprintf(stderr, "note: %s: %s\n", m.key.c_str(), m.message.c_str());
    }
  } else if (command == "serve") {
    for (const ServeMiss& m : Serve(config).misses) {
      std::fprintf(stderr, "note: mem_util: %s\n", m.message.c_str());
    }
  } else if (command == "reality") {
    PrintRealityNotes(Reality(config));
  } else if (command != "prefill" && command != "reality" && command != "model" &&
             command != "catalog" && command != "uncertainty") {
    for (const FitNote& n : FitNotes(config)) {
      std::fprintf(stderr, "note: mem_util: %s\n", n.message.c_str());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
