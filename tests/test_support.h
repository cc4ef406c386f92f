// SPDX-License-Identifier: Apache-2.0
/// \file
/// Helpers shared by the tests: paths to the source tree and the CLI, and
/// running the CLI as a user would.
#pragma once

#include <string>
#include <vector>

namespace fwlint::test {

/// The FWL001 example of the rule catalogue, a Cisco ASA configuration whose
/// line 13 denies Agora's UDP, split before that line so that a test can put
/// a line (a suppression comment, say) in front of it: kAsaHead + kAsaTail
/// is the whole example.
inline const std::string kAsaHead = R"(interface GigabitEthernet0/0
 nameif outside
 security-level 0
 ip address 192.0.2.2 255.255.255.0
!
interface GigabitEthernet0/1
 nameif inside
 security-level 100
 ip address 192.168.1.1 255.255.255.0
!
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq www
access-list inside_in extended permit tcp 192.168.1.0 255.255.255.0 any eq https
)";
inline const std::string kAsaTail = R"(access-list inside_in extended deny udp any any
access-list inside_in extended permit ip any any
access-group inside_in in interface inside
)";

std::string source_dir();
/// ../shared/corpora/<format> next to the checkout, or "" when absent.
std::string corpus_dir(const std::string& format);
std::string read_file(const std::string& path);

struct CliRun {
  int exit_code = -1;  ///< -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
};
/// Runs the built agora-fwlint with `args` (no shell) and optional stdin
/// text, from the source directory so that relative sample paths appear in
/// outputs, with a wall-clock limit; a hang is reported as signal SIGKILL.
CliRun run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "",
               int timeout_seconds = 60);
/// run_cli() from the directory `dir` (so relative paths in outputs are
/// relative to it).
CliRun run_cli_in(const std::string& dir, const std::vector<std::string>& args,
                  const std::string& stdin_text = "", int timeout_seconds = 60);

/// A file in the temporary directory holding `bytes`, removed with the
/// object; `suffix` ends its name (".yaml" for a pack).
class TempFile {
 public:
  explicit TempFile(const std::string& bytes, const std::string& suffix = ".cfg");
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace fwlint::test
