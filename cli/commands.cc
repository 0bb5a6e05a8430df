#include "cli/commands.h"

#include "cli/exit_codes.h"
#include "cli/i18n.h"

namespace onoma::cli {

int Run(const Options& options) {
  switch (options.command) {
    case Command::kRomanize:
      return RunRomanize(options);
    case Command::kNone:
      return kExitUsage;
    default:
      break;
  }
  return Fail(options.command_name,
              Status::BadArgument(Tr("this command is not implemented yet")));
}

}  // namespace onoma::cli
