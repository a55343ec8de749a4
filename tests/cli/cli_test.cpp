// The CLI contract (SPEC §7) against the real binary: formats, the seed's markdown table,
// and exit 2 with one `error: key: message` line per problem for every hostile link.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "hostile.h"

namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs the CLI with argv and stdin text; stdout and stderr go through temporary files.
CliRun Cli(const std::vector<std::string>& args, const std::string& stdin_text = "") {
  char in_path[] = "/tmp/shallowsim_in_XXXXXX";
  char out_path[] = "/tmp/shallowsim_out_XXXXXX";
  char err_path[] = "/tmp/shallowsim_err_XXXXXX";
  const int in_fd = mkstemp(in_path), out_fd = mkstemp(out_path), err_fd = mkstemp(err_path);
  if (write(in_fd, stdin_text.data(), stdin_text.size()) !=
      static_cast<ssize_t>(stdin_text.size())) {
    ADD_FAILURE() << "cannot write stdin";
  }
  lseek(in_fd, 0, SEEK_SET);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> argv{const_cast<char*>(SHALLOWSIM_CLI)};
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(SHALLOWSIM_CLI, argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CliRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  for (int fd : {in_fd, out_fd, err_fd}) close(fd);
  for (const char* p : {in_path, out_path, err_path}) unlink(p);
  return r;
}

std::string GoldenFile(const std::string& name) {
  return Slurp(std::string(SHALLOWSIM_GOLDEN_DIR) + "/" + name);
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  return s;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::vector<std::string> Cells(const std::string& line, char sep) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  std::string cell;
  while (std::getline(in, cell, sep)) cells.push_back(Trim(cell));
  return cells;
}

// A markdown table as label → column → cell.
std::map<std::string, std::map<std::string, std::string>> MarkdownTable(const std::string& text) {
  std::map<std::string, std::map<std::string, std::string>> table;
  std::vector<std::string> header;
  for (const std::string& line : Lines(text)) {
    if (line.empty()) break;  // the first table only
    std::vector<std::string> cells = Cells(line.substr(1), '|');
    if (header.empty()) {
      header = cells;
    } else if (cells[0].find("---") == std::string::npos) {
      for (size_t c = 1; c < cells.size() && c < header.size(); ++c)
        table[cells[0]][header[c]] = cells[c];
    }
  }
  return table;
}

TEST(Cli, PrefillMarkdownReproducesTheSeedTableDigitForDigit) {
  const CliRun r = Cli({"prefill", Trim(GoldenFile("prefill_seed.link")), "--format", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto got = MarkdownTable(r.out);
  const auto seed = MarkdownTable(GoldenFile("seed_prefill_table.md"));
  ASSERT_EQ(seed.size(), 9u);
  int compared = 0;
  for (const auto& [label, columns] : seed) {
    for (const auto& [column, value] : columns) {
      if (column == "解释") continue;
      ASSERT_TRUE(got.count(label)) << label;
      ASSERT_TRUE(got.at(label).count(column)) << column;
      EXPECT_EQ(got.at(label).at(column), value) << label << " / " << column;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 9 * 5);  // Layers + 4 GPUs
  EXPECT_NE(r.out.find("PrefillTPS"), std::string::npos);
}

TEST(Cli, CsvPrintsSeventeenSignificantDigits) {
  const CliRun r = Cli({"decode", "v=1", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0);
  const std::vector<std::string> got = Lines(r.out);
  const std::vector<std::string> want = Lines(GoldenFile("decode_default.decode.csv"));
  ASSERT_EQ(got.size(), want.size());
  EXPECT_EQ(got[0], want[0]);
  for (size_t i = 1; i < got.size(); ++i) {
    const std::vector<std::string> g = Cells(got[i], ','), w = Cells(want[i], ',');
    ASSERT_EQ(g.size(), w.size());
    EXPECT_EQ(g[0], w[0]);
    for (size_t c = 1; c < g.size(); ++c) {
      const double a = std::stod(g[c]), b = std::stod(w[c]);
      EXPECT_LE(std::abs(a - b), std::max(1e-12, 1e-9 * std::abs(b))) << i << "," << c;
    }
  }
}

TEST(Cli, JsonIsOneObjectPerRow) {
  const CliRun r = Cli({"leaderboard", "", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"table\": \"leaderboard\",\n \"link\": \"#v=1\",\n \"mode\": "
                        "\"reference\",\n \"calibration\": null,\n \"rows\": [",
                        0),
            0u)
      << r.out.substr(0, 200);
  size_t objects = 0;
  for (size_t at = 0; (at = r.out.find("{\"GPU\": ", at)) != std::string::npos; ++at) ++objects;
  EXPECT_EQ(objects, 73u);
  EXPECT_NE(r.out.find("\"Comm_Impact\": "), std::string::npos);
}

TEST(Cli, MaxBatchAndSweepColumns) {
  const CliRun m = Cli({"maxbatch", "v=1&gpus=H800&ep=320&decode_tp=1", "--format", "csv"});
  ASSERT_EQ(m.exit_code, 0);
  EXPECT_EQ(Lines(m.out)[0], "GPU,EP,TP,MaxBatch");
  EXPECT_EQ(Lines(m.out).size(), 2u);
  const CliRun s = Cli({"sweep", "v=1&gpus=H20", "--param", "n_layers", "--from", "30", "--to",
                        "34", "--step", "2", "--format", "csv"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const std::vector<std::string> lines = Lines(s.out);
  EXPECT_EQ(lines[0].rfind("index_value,GPU,TP,EP,BatchSize,", 0), 0u);
  EXPECT_EQ(lines[1].rfind("30,H20,", 0), 0u);
  EXPECT_EQ(lines.back().rfind("34,H20,", 0), 0u);
}

TEST(Cli, SweepDefaultsToTheLinksSweepKey) {
  const CliRun a = Cli({"sweep", "v=1&gpus=H800&sweep=seq_len:1024:1088:32", "--format", "csv"});
  const CliRun b = Cli({"sweep", "v=1&gpus=H800", "--param", "seq_len", "--from", "1024", "--to",
                        "1088", "--step", "32", "--format", "csv"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_EQ(Lines(a.out).back().rfind("1088,H800", 0), 0u);
}

TEST(Cli, LinkPrintsTheCanonicalFragment) {
  const CliRun r = Cli({"link", "https://example.org/#seq_len=8192&v=1&bs=16,32,64,128,256,512"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "#v=1&seq_len=8192\n");
}

// `link --model-config FILE [LINK]`: the link of the imported model over the LINK's config.
TEST(Cli, LinkImportsAModelConfig) {
  const std::string dir = SHALLOWSIM_MODEL_CONFIGS;
  const CliRun r = Cli({"link", "--model-config", dir + "/qwen3-235b-a22b.json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  EXPECT_EQ(r.out, "#v=1&model=qwen3-235b-a22b\n");
  const CliRun over = Cli({"link", "v=1&seq_len=8192&model=kimi-k2", "--model-config",
                           dir + "/deepseek-v4-flash.json"});
  ASSERT_EQ(over.exit_code, 0) << over.err;
  EXPECT_EQ(over.out, "#v=1&seq_len=8192&model=deepseek-v4-flash\n");
  // From stdin, and for the tables too.
  const CliRun piped =
      Cli({"model", "--model-config", "-", "--format", "csv"}, Slurp(dir + "/gpt-oss-20b.json"));
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out, Cli({"model", "v=1&model=gpt-oss-20b", "--format", "csv"}).out);
}

TEST(Cli, ABadModelConfigExitsTwoWithOneLine) {
  char path[] = "/tmp/shallowsim_config_XXXXXX";
  const int fd = mkstemp(path);
  std::string text = Slurp(std::string(SHALLOWSIM_MODEL_CONFIGS) + "/deepseek-v3.json");
  text.replace(text.find("\"num_attention_heads\": 128"), 26, "\"num_attention_heads\": 0");
  ASSERT_EQ(write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  close(fd);
  char big[] = "/tmp/shallowsim_config_XXXXXX";
  const int big_fd = mkstemp(big);
  const std::string spaces(2 << 20, ' ');
  ASSERT_EQ(write(big_fd, spaces.data(), spaces.size()), static_cast<ssize_t>(spaces.size()));
  close(big_fd);
  const std::pair<std::string, std::string> cases[] = {
      {path, "num_attention_heads: 0 is out of range; allowed: a whole number from 1 to 1024"},
      {"/nonexistent/config.json", "/nonexistent/config.json: "},
      {"/tmp", "/tmp: is a directory"},
      {big, "larger than 1048576 bytes"},
  };
  for (const auto& [file, words] : cases) {
    const CliRun r = Cli({"link", "--model-config", file});
    EXPECT_EQ(r.exit_code, 2) << file;
    EXPECT_TRUE(r.out.empty()) << r.out;
    ASSERT_EQ(Lines(r.err).size(), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("error: model-config: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
  }
  unlink(path);
  unlink(big);
  const CliRun none = Cli({"link", "--model-config"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err.rfind("error: args: --model-config needs a config.json file", 0), 0u);
}

TEST(Cli, SchemaListsEveryKey) {
  const CliRun r = Cli({"schema"});
  ASSERT_EQ(r.exit_code, 0);
  for (const char* key :
       {"\"seq_len\"", "\"hw\"", "\"gpus\"", "\"model\"", "\"discount\"", "\"zh\""}) {
    EXPECT_NE(r.out.find(key), std::string::npos) << key;
  }
}

TEST(Cli, BadArgumentsExitTwo) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{},
                                             {"explode"},
                                             {"decode", "--format", "xml"},
                                             {"decode", "v=1", "v=1"},
                                             {"sweep", "--step"}}) {
    const CliRun r = Cli(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
  }
  const CliRun sweep = Cli({"sweep", "v=1", "--param", "seq_len", "--step", "0"});
  EXPECT_EQ(sweep.exit_code, 2);
  EXPECT_NE(sweep.err.find("error: sweep: step 0 must be greater than 0"), std::string::npos);
}

// --help (or -h, help) prints the usage on stdout and succeeds, naming every command (SPEC §7 and
// the catalog, plan and reality tables added since).
TEST(Cli, HelpListsEveryCommand) {
  for (const std::string& flag : {"--help", "-h", "help"}) {
    const CliRun r = Cli({flag});
    EXPECT_EQ(r.exit_code, 0) << flag;
    EXPECT_TRUE(r.err.empty()) << r.err;
    EXPECT_EQ(r.out.rfind("usage: shallowsim <", 0), 0u) << r.out;
    for (const char* command : {"prefill", "decode", "leaderboard", "maxbatch", "frontier", "sweep",
                                "series", "plan", "catalog", "reality", "schema"}) {
      EXPECT_NE(r.out.find(std::string(command) + "|"), std::string::npos) << command;
    }
    EXPECT_NE(r.out.find("|link>"), std::string::npos);
  }
}

// Column `name` of a CSV line split on commas (the plan has no quoted fields).
double CsvNumber(const std::vector<std::string>& header, const std::string& line,
                 const std::string& name) {
  std::vector<std::string> cells;
  std::stringstream in(line);
  for (std::string c; std::getline(in, c, ',');) cells.push_back(c);
  for (size_t i = 0; i < header.size() && i < cells.size(); ++i) {
    if (header[i] == name) return cells[i].empty() ? NAN : std::stod(cells[i]);
  }
  ADD_FAILURE() << "no column " << name;
  return NAN;
}

std::vector<std::string> CsvHeader(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  for (std::string c; std::getline(in, c, ',');) out.push_back(c);
  return out;
}

TEST(Cli, PlanRowsMeetTheTargetsAndCostWhatThePriceSays) {
  const CliRun r = Cli({"plan",
                        "v=1&mode=calibrated&isl=1024&osl=1024&ttft_ms=2000&tpot_ms=25&price=2,"
                        "H200:1.5",
                        "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_GT(lines.size(), 3u);
  const std::vector<std::string> header = CsvHeader(lines[0]);
  EXPECT_EQ(lines[0].rfind(
                "GPU,Serving,PrefillTP,PrefillDP,PrefillTokens,DecodeEP,DecodeTP,Batch,MaxBatch,"
                "TTFT_ms,TPOT_ms,TPS_user,",
                0),
            0u);
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_LE(CsvNumber(header, lines[i], "TTFT_ms"), 2000) << lines[i];
    EXPECT_LE(CsvNumber(header, lines[i], "TPOT_ms"), 25) << lines[i];
    const double price = lines[i].rfind("H200,", 0) == 0 ? 1.5 : 2.0;
    EXPECT_EQ(CsvNumber(header, lines[i], "USD_per_GPU_hr"), price);
    const double out = CsvNumber(header, lines[i], "OutputTPS_per_GPU");
    const double usd = CsvNumber(header, lines[i], "USD_per_M_output");
    EXPECT_NEAR(usd, price * 1e6 / (3600 * out), 1e-9 * usd);
    const double gpus = CsvNumber(header, lines[i], "GPUs");
    EXPECT_GE(gpus, 1) << "the sized deployment: one decode instance and its prefill";
    EXPECT_NEAR(CsvNumber(header, lines[i], "USD_per_hour"), gpus * price, 1e-9 * gpus * price);
    EXPECT_GT(CsvNumber(header, lines[i], "Uncertainty_pct"), 0) << lines[i];
  }
}

TEST(Cli, PlanSaysWhichTargetAGpuMisses) {
  const CliRun r = Cli({"plan", "v=1&gpus=H20,GB200-NVL72&tpot_ms=5", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("note: tpot_ms: H20: TPOT ≥ "), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("H20,"), std::string::npos) << "a GPU that misses a target is not a row";
}

TEST(Cli, PlanTargetErrorsExitTwo) {
  for (const char* link : {"v=1&price=H200:1,H200:2", "v=1&price=XX:2", "v=1&tpot_ms=0",
                           "v=1&ttft=5", "v=1&isl=-1", "v=1&price=1,2"}) {
    const CliRun r = Cli({"plan", link});
    EXPECT_EQ(r.exit_code, 2) << link;
    EXPECT_TRUE(r.out.empty()) << link;
    EXPECT_EQ(r.err.rfind("error: ", 0), 0u) << r.err;
  }
}

// The reality check states its medians on stderr: per tier, then per model family out of sample.
TEST(Cli, RealityNotesTheErrorPerTierAndPerModel) {
  const CliRun r = Cli({"reality", "v=1", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* note : {"note: reality: tier A: ", "note: reality: tiers A+B: ",
                           "; out of sample: ", "note: reality: model deepseek-v3, out of sample: ",
                           "note: reality: model gpt-oss-120b, out of sample: ", "; tier A: "}) {
    EXPECT_NE(r.err.find(note), std::string::npos) << note << "\n" << r.err;
  }
  EXPECT_NE(r.err.find("median |error| reference "), std::string::npos) << r.err;
  EXPECT_EQ(r.out.rfind("id,tier,in_sample,phase,model,GPU,", 0), 0u) << r.out.substr(0, 80);
}

class CliHostile : public ::testing::TestWithParam<shallowsim::testing::HostileLink> {};

TEST_P(CliHostile, ExitsTwoWithOneLinePerProblemAndNoOutput) {
  const auto& h = GetParam();
  // Long links go through stdin: an argument is limited to 128 KiB by the kernel.
  const bool long_link = h.link.size() > 100000;
  const CliRun r = long_link ? Cli({"decode", "-", "--format", "csv"}, h.link)
                             : Cli({"decode", h.link, "--format", "csv"});
  if (h.key == "ok") {
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("nan"), std::string::npos);
    EXPECT_EQ(r.out.find("inf"), std::string::npos);
    return;
  }
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << "no partial output";
  bool found = false;
  for (const std::string& line : Lines(r.err)) {
    EXPECT_EQ(line.rfind("error: ", 0), 0u) << line;
    found = found || (line.rfind("error: " + h.key + ": ", 0) == 0 &&
                      line.find(h.words) != std::string::npos);
  }
  EXPECT_TRUE(found) << "want error: " << h.key << ": …" << h.words << "…\ngot:\n" << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Links, CliHostile,
    ::testing::ValuesIn(shallowsim::testing::HostileLinks(SHALLOWSIM_HOSTILE_LINKS)),
    [](const auto& info) {
      std::string name = info.param.name;
      for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      }
      return name;
    });

}  // namespace
