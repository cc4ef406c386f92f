// SPDX-License-Identifier: Apache-2.0
// The command transcripts of README.md and docs/*.md are real. A fenced
// block marked `console` whose first line is `$ agora-fwlint ARGS` is run
// from the repository root, and the rest of the block must be exactly what
// it prints (stderr, then stdout). With FWLINT_UPDATE_DOCS=1 the blocks are
// rewritten instead. Rule pages (docs/rules/) are checked by RuleExamples.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace fwlint {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kOpen = "```console\n$ agora-fwlint ";
constexpr std::string_view kClose = "```\n";

struct Transcript {
  std::size_t output_begin = 0;  ///< offset of the first output line
  std::size_t output_end = 0;    ///< offset of the closing fence
  std::string command;           ///< the arguments after `agora-fwlint`
  std::size_t line = 0;          ///< line of the command in the file
};

std::vector<Transcript> transcripts(const std::string& text) {
  std::vector<Transcript> found;
  for (std::size_t at = text.find(kOpen); at != std::string::npos; at = text.find(kOpen, at + 1)) {
    if (at != 0 && text[at - 1] != '\n') continue;
    Transcript t;
    std::size_t args_begin = at + kOpen.size();
    std::size_t eol = text.find('\n', args_begin);
    if (eol == std::string::npos) break;
    t.command = text.substr(args_begin, eol - args_begin);
    t.output_begin = eol + 1;
    std::size_t close = t.output_begin;
    while (close < text.size() && text.compare(close, kClose.size(), kClose) != 0) {
      std::size_t next = text.find('\n', close);
      close = next == std::string::npos ? text.size() : next + 1;
    }
    t.output_end = close;
    t.line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n')) + 2;
    found.push_back(t);
  }
  return found;
}

std::vector<std::string> split_words(const std::string& command) {
  std::istringstream in(command);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

std::string printed(const std::string& command) {
  test::CliRun run = test::run_cli(split_words(command));
  EXPECT_GE(run.exit_code, 0) << command << " crashed";
  std::string text = run.err + run.out;
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

std::vector<fs::path> documents() {
  fs::path root = test::source_dir();
  std::vector<fs::path> files = {root / "README.md"};
  for (const auto& entry : fs::directory_iterator(root / "docs"))
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  std::sort(files.begin() + 1, files.end());
  return files;
}

TEST(DocTranscripts, PrintWhatTheToolPrints) {
  bool update = std::getenv("FWLINT_UPDATE_DOCS") != nullptr;
  int checked = 0;
  for (const fs::path& file : documents()) {
    std::string text = test::read_file(file.string());
    std::string rewritten = text;
    std::vector<Transcript> found = transcripts(text);
    // Back to front, so that offsets stay valid while rewriting.
    for (auto t = found.rbegin(); t != found.rend(); ++t) {
      SCOPED_TRACE(file.filename().string() + ":" + std::to_string(t->line));
      ++checked;
      std::string actual = printed(t->command);
      std::string expected = text.substr(t->output_begin, t->output_end - t->output_begin);
      if (update)
        rewritten.replace(t->output_begin, t->output_end - t->output_begin, actual);
      else
        EXPECT_EQ(expected, actual)
            << "$ agora-fwlint " << t->command
            << "\nprints something else now; run FWLINT_UPDATE_DOCS=1 fwlint_tests "
               "--gtest_filter='DocTranscripts.*' and review the diff";
    }
    if (update && rewritten != text) std::ofstream(file, std::ios::binary) << rewritten;
  }
  EXPECT_GE(checked, 5) << "README.md shows an example per dialect";
}

TEST(DocTranscripts, FindsBlocksAndTheirOutput) {
  std::string text = "intro\n```console\n$ agora-fwlint --sdk rtc-web a.cfg\nout 1\nout 2\n```\n"
                     "```console\n$ other-tool\n```\n";
  std::vector<Transcript> found = transcripts(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].command, "--sdk rtc-web a.cfg");
  EXPECT_EQ(found[0].line, 3u);
  EXPECT_EQ(text.substr(found[0].output_begin, found[0].output_end - found[0].output_begin),
            "out 1\nout 2\n");
}

}  // namespace
}  // namespace fwlint
