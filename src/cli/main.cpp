// uppsikt: the command-line entry point; see cli/commands.h for the subcommands.
#include "cli/commands.h"

int main(int argc, char** argv) { return uppsikt::cli::run(argc, argv); }
