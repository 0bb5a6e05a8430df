// The desk (cli/desk.h) on an HTTP socket, with cpp-httplib: requests are
// read by a pool of threads, bounded in size and time, and each handed to
// Desk::Handle. Tested by tests/cli/serve_test.cc.
//
//   auto server = DeskServer::Bind(*desk, "127.0.0.1", 0, limits);
//   std::thread run([&] { (void)(*server)->Run(); });
//   ... (*server)->port() ...
//   (*server)->Stop();  // from any thread; Run returns
//   run.join();

#ifndef ONOMA_CLI_SERVE_HTTP_H_
#define ONOMA_CLI_SERVE_HTTP_H_

#include <memory>
#include <string>

#include "cli/desk.h"
#include "lib/util/status.h"

namespace onoma::cli {

class DeskServer {
 public:
  // Listens on host:port (port 0: any free one). kIo naming the address
  // when it cannot be bound (in use, not this machine's). `desk` must
  // outlive the server.
  [[nodiscard]] static Result<std::unique_ptr<DeskServer>> Bind(
      Desk& desk, const std::string& host, int port, const DeskLimits& limits);
  ~DeskServer();

  int port() const;
  // http://HOST:PORT/, with an IPv6 address in brackets.
  std::string url() const;

  // Answers requests until Stop(); returns once the requests being
  // answered are done.
  Status Run();
  // Stops Run. Thread-safe; may be called before Run starts.
  void Stop();

 private:
  struct Impl;
  explicit DeskServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The work of `onoma serve` (cli/serve_run.cc): the desk on HTTP until
// SIGINT or SIGTERM; the exit code. The onoma-serve binary links it in
// (cli/serve_main.cc; LinkDeskServer in cli/commands.h).
struct Options;
int RunDeskServer(const Options& options);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_SERVE_HTTP_H_
