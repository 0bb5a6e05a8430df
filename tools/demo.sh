#!/bin/sh
# Builds onoma in Release and runs the main job on the bundled defaults.
# The first of the README's two commands.
set -eu
cd "$(dirname "$0")/.."
tools/setup-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"

onoma=build/release/onoma
demo() {
  printf '\n$ %s\n' "$*"
  "$@"
}
echo
echo "== onoma $($onoma --version | cut -d' ' -f2): a short demo =="
demo $onoma romanize Київ Харків Запоріжжя Згорани Їжакевич
demo $onoma romanize --scheme ru-bgn Курск Белгород Ельцин
demo $onoma romanize --scheme ru-iso9 Щукин Объём
demo $onoma romanize --scheme ko-rr 종로 신라 학여울 같이
demo $onoma romanize --name 윤석열
printf '\n$ printf ... | %s romanize   (auto: each word by its script)\n' "$onoma"
printf 'Зеленський прибув до Києва.\n윤석열 대통령이 서울에서 말했다.\n' | $onoma romanize
demo $onoma romanize --list
