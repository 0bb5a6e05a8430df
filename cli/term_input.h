// The term store as lib/normalize sees it: `onoma normalize` compiles it
// into a Matcher, `onoma tm lookup` into a NameFinder for substitution.

#ifndef ONOMA_CLI_TERM_INPUT_H_
#define ONOMA_CLI_TERM_INPUT_H_

#include "lib/normalize/input.h"
#include "lib/util/status.h"
#include "memory/terms/term_store.h"

namespace onoma::cli {

// Every concept of `store` with its terms and negative contexts. Memory
// grows with the store, which a Matcher compiled from it holds anyway.
[[nodiscard]] Result<normalize::Input> ReadStore(terms::TermStore& store);

}  // namespace onoma::cli

#endif  // ONOMA_CLI_TERM_INPUT_H_
