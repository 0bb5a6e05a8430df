// The work of onoma serve, linked into the onoma-serve binary only: the
// desk's page and JSON API (cli/desk.h) on HTTP (cli/serve_http.h) until
// Ctrl-C or SIGTERM. cli/serve_command.cc says why it is a binary of its
// own; docs/serve.md describes the command.

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <thread>

#include "cli/desk.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/options.h"
#include "cli/options_internal.h"
#include "cli/serve_http.h"

namespace onoma::cli {
namespace {

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

int RunDeskServer(const Options& options) {
  const std::string what = options.command_name;
  const ServeArgs& args = options.serve;
  DeskLimits limits;
  limits.loopback_only = IsLoopback(args.host);
  // SIGINT and SIGTERM are taken by one thread that stops the server, not
  // by a handler that would end the process under the requests being
  // answered: every thread started from here on (the desk's, the server's)
  // inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  auto desk = Desk::Open(options, limits);
  if (!desk.ok()) return Fail(what, desk.status());

  auto server = DeskServer::Bind(**desk, args.host, args.port, limits);
  if (!server.ok()) return Fail(what, server.status());
  if (!limits.loopback_only) {
    std::cerr << "onoma: " << what << ": " << Tr("warning") << ": "
              << Format((*desk)->allow_edit()
                            ? Tr("listening on {0}: there is no "
                                 "authentication, and anyone who can reach "
                                 "this address can read and change the store")
                            : Tr("listening on {0}: there is no "
                                 "authentication, and anyone who can reach "
                                 "this address can read the store"),
                        {args.host})
              << '\n';
  }
  std::cout << (*server)->url() << std::endl;
  std::cerr << "onoma: " << what << ": "
            << ((*desk)->allow_edit()
                    ? Tr("serving (edits allowed); Ctrl-C stops")
                    : Tr("serving (read-only); Ctrl-C stops"))
            << std::endl;

  std::atomic<bool> done{false};
  DeskServer* running = server->get();
  std::thread waiter([&] {
    const timespec tick{0, 200'000'000};
    while (!done) {
      if (sigtimedwait(&stop_signals, nullptr, &tick) > 0) {
        running->Stop();
        return;
      }
    }
  });
  Status served = (*server)->Run();
  done = true;
  waiter.join();
  if (!served.ok()) return Fail(what, served);
  std::cerr << "onoma: " << what << ": " << Tr("stopped") << '\n';
  return kExitOk;
}

}  // namespace onoma::cli
