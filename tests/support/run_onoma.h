// Runs the built onoma binary (ONOMA_CLI_PATH) as a user would, for the
// tests of the command line.

#ifndef ONOMA_TESTS_SUPPORT_RUN_ONOMA_H_
#define ONOMA_TESTS_SUPPORT_RUN_ONOMA_H_

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace onoma::testing {

struct Output {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// A file in the test's temporary directory holding `contents`; removed when
// the object goes.
class TempFile {
 public:
  explicit TempFile(const std::string& contents) {
    std::string pattern = ::testing::TempDir() + "onoma_test_XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int fd = mkstemp(name.data());
    EXPECT_GE(fd, 0) << "mkstemp " << pattern;
    if (fd >= 0) close(fd);
    path_ = name.data();
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `onoma <args>` through /bin/sh with only the locale variables in
// `env` set (the caller's LC_ALL, LC_MESSAGES, LANG and LANGUAGE are unset
// first), and `input` on standard input. `args` is shell text; the tests
// pass fixed literals.
inline Output RunOnoma(const std::string& env, const std::string& args,
                       const std::string& input = "") {
  TempFile in(input);
  std::string err_path = ::testing::TempDir() + "onoma_messages_err_XXXXXX";
  std::vector<char> name(err_path.begin(), err_path.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  EXPECT_GE(fd, 0) << "mkstemp " << err_path;
  if (fd >= 0) close(fd);
  err_path = name.data();

  std::string command = "unset LC_ALL LC_MESSAGES LANG LANGUAGE; " + env +
                        " '" ONOMA_CLI_PATH "' " + args + " <'" + in.path() +
                        "' 2>'" + err_path + "'";
  Output output;
  FILE* pipe = popen(command.c_str(), "r");
  EXPECT_NE(pipe, nullptr) << command;
  if (pipe == nullptr) return output;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    output.out.append(buffer.data(), n);
  }
  int status = pclose(pipe);
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path, std::ios::binary);
  output.err.assign(std::istreambuf_iterator<char>(err),
                    std::istreambuf_iterator<char>());
  std::remove(err_path.c_str());
  return output;
}

// Shell text for RunOnoma's `env` that caps the address space of the
// command at `megabytes` (ulimit -v), so that a test asserts memory stays
// bounded without timing anything. Empty under AddressSanitizer, whose
// shadow memory reserves terabytes of address space.
inline std::string MemoryCap(int megabytes) {
#if defined(__SANITIZE_ADDRESS__)
  (void)megabytes;
  return "";
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  (void)megabytes;
  return "";
#else
  return "ulimit -v " + std::to_string(megabytes * 1024) + "; ";
#endif
#else
  return "ulimit -v " + std::to_string(megabytes * 1024) + "; ";
#endif
}

// Starts `onoma ARGS` in the background under LANG=C, with stderr to
// `err`, stdout to /dev/null, and files limited to `max_file_bytes` (0: no
// limit) with SIGXFSZ ignored, so that a write past the limit fails with
// EFBIG as one on a full disk fails with ENOSPC. For tests that stop the
// command or starve it of space; the caller waits for the pid.
inline pid_t StartOnoma(const std::vector<std::string>& args,
                        const std::string& err, rlim_t max_file_bytes) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(fd, 2);
  int null = open("/dev/null", O_WRONLY);
  dup2(null, 1);
  if (max_file_bytes > 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit = {max_file_bytes, max_file_bytes};
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  setenv("LANG", "C", 1);
  unsetenv("LC_ALL");
  unsetenv("LANGUAGE");
  unsetenv("LC_MESSAGES");
  std::vector<char*> argv = {const_cast<char*>("onoma")};
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(ONOMA_CLI_PATH, argv.data());
  _exit(127);
}

}  // namespace onoma::testing

#endif  // ONOMA_TESTS_SUPPORT_RUN_ONOMA_H_
