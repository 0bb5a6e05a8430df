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

# The term store (issue 5): the bundled news termbase in a scratch database.
termdb=$(mktemp -d)/terms.db
termbase=tables/termbase/news.tsv
[ -f "$termbase" ] || termbase=tests/data/terms/news-sample.tsv
demo $onoma --db "$termdb" term import "$termbase"
for q in Kiev 키예프 Києві Kyyiv; do
  demo $onoma --db "$termdb" term lookup "$q"
done
demo $onoma --db "$termdb" term lookup --json --lang ko Харкова
rm -rf "$(dirname "$termdb")"

# Normalizing names (issue 6): sample articles against the bundled termbase.
normdb=$(mktemp -d)/normalize.db
demo $onoma --db "$normdb" term import tables/termbase/news.tsv
for lang in en uk ko; do
  demo $onoma --db "$normdb" normalize --report "$normdb.$lang.jsonl" \
    tables/samples/article-$lang.txt
  printf '\n$ cat report.jsonl   (one change per line)\n'
  cat "$normdb.$lang.jsonl"
done
rm -rf "$(dirname "$normdb")"
