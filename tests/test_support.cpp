// SPDX-License-Identifier: Apache-2.0
#include "test_support.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fwlint::test {

std::string source_dir() { return FWLINT_SOURCE_DIR; }

std::string corpus_dir(const std::string& format) {
  auto dir = std::filesystem::path(FWLINT_SOURCE_DIR).parent_path() / "shared" / "corpora" / format;
  return std::filesystem::is_directory(dir) ? dir.string() : std::string();
}

TempFile::TempFile(const std::string& bytes, const std::string& suffix) {
  static int counter = 0;
  path_ = (std::filesystem::temp_directory_path() /
           ("fwlint-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + suffix))
              .string();
  std::ofstream(path_, std::ios::binary) << bytes;
}

TempFile::~TempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CliRun run_cli(const std::vector<std::string>& args, const std::string& stdin_text,
               int timeout_seconds) {
  return run_cli_in(FWLINT_SOURCE_DIR, args, stdin_text, timeout_seconds);
}

CliRun run_cli_in(const std::string& dir, const std::vector<std::string>& args,
                  const std::string& stdin_text, int timeout_seconds) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) || pipe(out_pipe) || pipe(err_pipe)) return {};
  pid_t pid = fork();
  if (pid == 0) {
    if (chdir(dir.c_str()) != 0) _exit(126);
    dup2(in_pipe[0], 0);
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
      close(fd);
    std::vector<char*> argv;
    std::string binary = FWLINT_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  // Feed stdin from this process while draining the outputs, so large
  // inputs or outputs cannot deadlock on full pipes.
  signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  if (stdin_text.empty()) close(in_pipe[1]);
  int in_fd = stdin_text.empty() ? -1 : in_pipe[1];
  if (in_fd >= 0) fcntl(in_fd, F_SETFL, O_NONBLOCK);
  CliRun run;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  bool out_open = true, err_open = true;
  char buf[65536];
  while (out_open || err_open) {
    pollfd fds[3];
    int n = 0;
    if (out_open) fds[n++] = {out_pipe[0], POLLIN, 0};
    if (err_open) fds[n++] = {err_pipe[0], POLLIN, 0};
    if (in_fd >= 0) fds[n++] = {in_fd, POLLOUT, 0};
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      break;
    }
    if (poll(fds, n, 200) <= 0) continue;
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (fds[i].fd == in_fd) {
        ssize_t w = write(in_fd, stdin_text.data() + written, stdin_text.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 || written == stdin_text.size()) {
          close(in_fd);
          in_fd = -1;
        }
        continue;
      }
      ssize_t r = read(fds[i].fd, buf, sizeof buf);
      if (r <= 0) {
        if (fds[i].fd == out_pipe[0]) out_open = false; else err_open = false;
        continue;
      }
      (fds[i].fd == out_pipe[0] ? run.out : run.err).append(buf, static_cast<std::size_t>(r));
    }
  }
  if (in_fd >= 0) close(in_fd);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) run.signal = WTERMSIG(status);
  return run;
}

}  // namespace fwlint::test
