#!/bin/sh
# Builds onoma with its tests and benchmarks, under AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs the whole test suite through CTest.
# The second of the README's two commands; .ci/run runs exactly this.
set -eu
cd "$(dirname "$0")/.."
tools/setup-deps.sh --with-tests
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
ctest --preset asan
