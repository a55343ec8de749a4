// shallowsim: the command-line front end of the core (SPEC §7). Parses arguments, runs the
// core, and prints one table; on bad input prints `error: <key>: <message>` lines and exits 2.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "format.h"
#include "shallowsim/config.h"
#include "shallowsim/decode.h"
#include "shallowsim/prefill.h"
#include "shallowsim/sweep.h"
#include "shallowsim/views.h"

namespace {

using namespace shallowsim;

constexpr std::string_view kUsage =
    "usage: shallowsim <prefill|decode|leaderboard|maxbatch|sweep|schema|link> [LINK]\n"
    "                  [--format md|csv|json]\n"
    "                  sweep: [--param NAME --from A --to B --step S] (default: the link's "
    "sweep=)\n"
    "LINK: a share link, a #fragment or a bare k=v&... string; '-' reads it from stdin;\n"
    "      absent = defaults.\n";

int Fail(const std::vector<ConfigError>& errors) {
  for (const ConfigError& e : errors) {
    std::fprintf(stderr, "error: %s: %s\n", e.key.c_str(), e.message.c_str());
  }
  return 2;
}

int Usage(const std::string& message) {
  std::fprintf(stderr, "error: args: %s\n%.*s", message.c_str(), static_cast<int>(kUsage.size()),
               kUsage.data());
  return 2;
}

int Print(const cli::TextTable& table, cli::Format format) {
  std::string out;
  if (!cli::Render(table, format, &out)) {
    return Fail({OverflowError()});
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int Run(int argc, char** argv) {
  if (argc < 2) return Usage("missing command");
  const std::string command = argv[1];
  std::optional<std::string> link;
  cli::Format format = cli::Format::kMarkdown;
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
      if (v == "md") {
        format = cli::Format::kMarkdown;
      } else if (v == "csv") {
        format = cli::Format::kCsv;
      } else if (v == "json") {
        format = cli::Format::kJson;
      } else {
        return Usage("--format '" + v + "' is not md, csv or json");
      }
    } else if (arg == "--param" || arg == "--from" || arg == "--to" || arg == "--step") {
      if (!value(&v)) return Usage(arg + " needs a value");
      if (arg == "--param") sweep_param = v;
      if (arg == "--from") sweep_numbers[0] = v;
      if (arg == "--to") sweep_numbers[1] = v;
      if (arg == "--step") sweep_numbers[2] = v;
    } else if (arg == "-h" || arg == "--help") {
      std::fwrite(kUsage.data(), 1, kUsage.size(), stdout);
      return 0;
    } else if (!link && (arg.empty() || arg[0] != '-' || arg.size() < 2 || arg[1] != '-')) {
      link = arg;
    } else {
      return Usage("unexpected argument '" + arg + "'");
    }
  }

  if (command == "schema") {
    const std::string out = cli::SchemaJson();
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  const bool known = command == "prefill" || command == "decode" || command == "leaderboard" ||
                     command == "maxbatch" || command == "sweep" || command == "link";
  if (!known) return Usage("unknown command '" + command + "'");

  // The sweep options are folded into the link's sweep= key so one validator checks them.
  std::string text = link.value_or("");
  if (text == "-") {  // the link on stdin, for links longer than an argument may be
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  }
  ParseResult parsed = ParseLink(text);
  if (!parsed.ok()) return Fail(parsed.errors);
  Config config = *parsed.config;
  if (command == "sweep" &&
      (sweep_param || sweep_numbers[0] || sweep_numbers[1] || sweep_numbers[2])) {
    const SweepSpec& d = config.view.sweep;
    const std::string spec = sweep_param.value_or(d.param) + ":" +
                             sweep_numbers[0].value_or(FormatNumber(d.from)) + ":" +
                             sweep_numbers[1].value_or(FormatNumber(d.to)) + ":" +
                             sweep_numbers[2].value_or(FormatNumber(d.step));
    Config with_sweep = config;
    ParseResult sweep = ParseLink("v=1&sweep=" + spec);
    if (!sweep.ok()) return Fail(sweep.errors);
    with_sweep.view.sweep = sweep.config->view.sweep;
    if (std::vector<ConfigError> errors = Validate(with_sweep); !errors.empty()) {
      return Fail(errors);
    }
    config = with_sweep;
  }

  if (command == "link") {
    std::printf("#%s\n", EncodeLink(config).c_str());
    return 0;
  }
  if (command == "prefill") {
    const std::vector<PrefillRow> rows = PrefillTable(config);
    const cli::TextTable table = cli::PrefillText(rows);
    if (format != cli::Format::kMarkdown) return Print(table, format);
    if (!cli::AllFinite(table)) return Fail({OverflowError()});
    const std::string out = cli::PrefillMarkdown(rows, config.model);  // the seed's layout
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  if (command == "decode") return Print(cli::DecodeText(Decode(config)), format);
  if (command == "leaderboard") return Print(cli::DecodeText(Leaderboard(Decode(config))), format);
  if (command == "maxbatch") return Print(cli::MaxBatchText(MaxBatchTableOf(config)), format);
  // sweep
  const SweepResult result = Sweep(config, config.view.sweep);
  if (!result.ok()) return Fail(result.errors);
  return Print(cli::SweepText(result.table), format);
}

}  // namespace

int main(int argc, char** argv) { return Run(argc, argv); }
