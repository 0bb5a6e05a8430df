// onoma serve: its command line, and the hand-over to the onoma-serve
// binary that does the work (cli/serve_run.cc; docs/serve.md describes
// the command). Tested by tests/cli/serve_test.cc and
// tests/cli/serve_browser_test.py.
//
// The HTTP server library (cpp-httplib) links OpenSSL, Brotli and zlib,
// which the dynamic loader would map and relocate at every start of every
// command: about 8 ms of a 20 ms `onoma romanize` on Debian 12
// (bench/runs/2026-12-07-vm/startup.txt). So the server is a binary of its
// own, and `onoma serve` replaces itself with it (execv), with the same
// arguments: only serve pays for the library.

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/i18n.h"
#include "cli/options_internal.h"

namespace onoma::cli {
namespace {

int (*linked_server)(const Options&) = nullptr;

// This process's arguments as the kernel keeps them, NUL-separated.
std::vector<std::string> OwnArguments() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string all((std::istreambuf_iterator<char>(in)),
                  std::istreambuf_iterator<char>());
  std::vector<std::string> args;
  std::size_t start = 0;
  while (start < all.size()) {
    std::size_t end = all.find('\0', start);
    if (end == std::string::npos) end = all.size();
    args.push_back(all.substr(start, end - start));
    start = end + 1;
  }
  return args;
}

// Where onoma-serve is: beside this binary (a build tree, or both in one
// bin/), else in ../libexec/onoma/ (cmake --install).
std::vector<std::filesystem::path> ServerCandidates() {
  std::error_code error;
  const std::filesystem::path self =
      std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return {};
  const std::filesystem::path dir = self.parent_path();
  return {dir / "onoma-serve",
          dir.parent_path() / "libexec" / "onoma" / "onoma-serve"};
}

}  // namespace

void LinkDeskServer(int (*run)(const Options& options)) { linked_server = run; }

int RunServe(const Options& options) {
  if (linked_server != nullptr) return linked_server(options);
  const std::vector<std::string> args = OwnArguments();
  std::string looked;
  for (const std::filesystem::path& server : ServerCandidates()) {
    if (::access(server.c_str(), X_OK) != 0) {
      looked += (looked.empty() ? "" : ", ") + server.string();
      continue;
    }
    std::vector<char*> argv;
    std::string program = server.string();
    argv.push_back(program.data());
    for (std::size_t i = 1; i < args.size(); ++i) {
      argv.push_back(const_cast<char*>(args[i].c_str()));
    }
    argv.push_back(nullptr);
    std::fflush(nullptr);
    ::execv(program.c_str(), argv.data());
    looked += (looked.empty() ? "" : ", ") + program + " (" +
              std::strerror(errno) + ")";
  }
  return Fail(options.command_name,
              Status::NotFound(Format(
                  Tr("cannot start the server: onoma-serve is not installed "
                     "beside onoma (looked for {0})"),
                  {looked})));
}

// The command line of serve (the rows of cli/command_table.cc).

CLI::App* DefineServe(CLI::App& app, Options& opts) {
  ServeArgs& sv = opts.serve;
  CLI::App* serve =
      Sub(app, "serve",
          Tr("Serve the desk's page and JSON API: term lookup, memory lookup "
             "and concordance, normalizing and romanizing (docs/serve.md)"),
          "  onoma serve\n"
          "  onoma --db news.db serve --port 8080 --allow-edit\n");
  serve
      ->add_option("--host", sv.host,
                   Tr("The address to listen on (default 127.0.0.1: this "
                      "machine only; there is no authentication)"))
      ->type_name(Tr("HOST"));
  serve
      ->add_option("--port", sv.port,
                   Tr("The port to listen on (default 8470; 0: any free "
                      "port)"))
      ->check(InRange(0, 65535))
      ->type_name(Tr("PORT"));
  serve->add_flag("--allow-edit", sv.allow_edit,
                  Tr("Let the page add renderings and change their status"));
  return serve;
}

}  // namespace onoma::cli
