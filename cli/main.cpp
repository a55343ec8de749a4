// shallowsim: the command-line front end of the core (SPEC §7). It parses arguments and prints
// what the core writes (export.h, describe.h); on bad input it prints `error: <key>: <message>`
// lines and exits 2.
#include <cstdio>
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
#include "shallowsim/number_text.h"
#include "shallowsim/plan.h"
#include "shallowsim/schema.h"

namespace {

using namespace shallowsim;

// The commands come from the core's list of tables (ExportTables), plus schema and link.
std::string UsageText() {
  std::string commands;
  for (std::string_view t : ExportTables()) commands += std::string(t) + "|";
  return "usage: shallowsim <" + commands +
         "schema|link>\n"
         "                  [LINK]\n"
         "                  [--format md|csv|json]\n"
         "                  sweep: [--param NAME --from A --to B --step S] (default: the link's "
         "sweep=)\n"
         "       shallowsim --help\n"
         "LINK: a share link, a #fragment or a bare k=v&... string; '-' reads it from stdin;\n"
         "      absent = defaults. Its only_*, tps_floor and sort keys choose and order the rows.\n"
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
  Format format = Format::kMarkdown;
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
    } else if (arg == "--param" || arg == "--from" || arg == "--to" || arg == "--step") {
      if (!value(&v)) return Usage(arg + " needs a value");
      if (arg == "--param") sweep_param = v;
      if (arg == "--from") sweep_numbers[0] = v;
      if (arg == "--to") sweep_numbers[1] = v;
      if (arg == "--step") sweep_numbers[2] = v;
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
  if (text == "-") {  // the link on stdin, for links longer than an argument may be
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  }
  ParseResult parsed = ParseLink(text);
  if (!parsed.ok()) return Fail(parsed.errors);
  Config config = *parsed.config;
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
  const Export out = ExportTable(config, command, format);
  if (!out.ok()) return Fail(out.errors);
  Print(out.text);
  // Then, on stderr, why a GPU is not in the table.
  std::fflush(stdout);
  if (command == "plan") {
    for (const PlanMiss& m : Plan(config).misses) {
      std::fprintf(stderr, "note: %s: %s\n", m.key.c_str(), m.message.c_str());
    }
  } else if (command != "prefill" && command != "reality" && command != "model" &&
             command != "catalog") {
    for (const FitNote& n : FitNotes(config)) {
      std::fprintf(stderr, "note: mem_util: %s\n", n.message.c_str());
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
