// run_process: posix_spawnp with the child's stderr read line by line through a pipe.
#include "store/child_process_impl.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

extern char** environ;

namespace uppsikt::store {
namespace {

constexpr int kNotStarted = 127;
constexpr int kSignalBase = 128;

// Reads `fd` to its end, handing over each complete line (and a last unterminated one).
void read_lines(int fd, const std::function<void(const std::string&)>& on_line) {
  std::string pending;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending.append(buffer, static_cast<std::size_t>(n));
    for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n')) {
      on_line(pending.substr(0, end));
      pending.erase(0, end + 1);
    }
  }
  if (!pending.empty()) on_line(pending);
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return kNotStarted;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return kSignalBase + WTERMSIG(status);
  return kNotStarted;
}

}  // namespace

int run_process(const std::vector<std::string>& argv,
                const std::function<void(const std::string&)>& on_stderr_line) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return kNotStarted;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);

  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);  // the child holds its own copy; EOF comes when it exits
  if (spawned != 0) {
    ::close(fds[0]);
    return kNotStarted;
  }
  read_lines(fds[0], on_stderr_line);
  ::close(fds[0]);
  return wait_for(pid);
}

}  // namespace uppsikt::store
