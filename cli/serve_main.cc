// onoma-serve: onoma with the HTTP server of `onoma serve` linked in, which
// `onoma serve` hands over to (cli/serve_command.cc says why). It takes
// onoma's whole command line.

#include "cli/commands.h"
#include "cli/entry.h"
#include "cli/serve_http.h"

int main(int argc, char** argv) {
  onoma::cli::LinkDeskServer(onoma::cli::RunDeskServer);
  return onoma::cli::Main(argc, argv);
}
