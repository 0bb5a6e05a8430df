// onoma: the command-line tool (cli/entry.h).

#include "cli/entry.h"

int main(int argc, char** argv) { return onoma::cli::Main(argc, argv); }
