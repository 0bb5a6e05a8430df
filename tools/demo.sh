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

# The bundled news termbase in a scratch database, then lookups from any
# spelling in any script, and the sample articles normalized against it.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
db="$scratch/onoma.db"
demo $onoma --db "$db" term import tables/termbase/news.tsv
for q in Kiev 키예프 Києві Kyyiv; do
  demo $onoma --db "$db" term lookup "$q"
done
demo $onoma --db "$db" term lookup --json --lang ko Харкова
for lang in en uk ko; do
  demo $onoma --db "$db" normalize --report "$scratch/report.$lang.jsonl" \
    tables/samples/article-$lang.txt
  printf '\n$ cat report.jsonl   (one change per line)\n'
  cat "$scratch/report.$lang.jsonl"
done

# The translation memory: a segment pair, what the memory holds, and a
# TMX 1.4b export of it.
demo $onoma --db "$db" tm add --from en --to uk \
  "Kyiv said on Monday it had shot down 40 drones." \
  "Київ заявив у понеділок, що збив 40 дронів."
demo $onoma --db "$db" tm add --from en --to uk \
  "Air defence was active over Kyiv overnight, officials in Kyiv said." \
  "Протиповітряна оборона працювала над Києвом уночі, повідомили посадовці в Києві."
demo $onoma --db "$db" tm add --from en --to ko \
  "Seoul said on Monday it had shot down 40 drones." \
  "서울은 월요일에 드론 40대를 격추했다고 밝혔다."
demo $onoma --db "$db" tm stats
demo $onoma --db "$db" tm export "$scratch/memory.tmx"
cat "$scratch/memory.tmx"

# Fuzzy lookup: today's sentence differs in names and numbers; the
# proposed translation has them replaced, the names declined (над Одесою,
# в Одесі) or with the Korean particle re-chosen (서울은 -> 키이우는).
demo $onoma --db "$db" tm lookup --from en --to uk \
  "Air defence was active over Odesa overnight, officials in Odesa said."
demo $onoma --db "$db" tm lookup --from en --to ko \
  "Kyiv said on Monday it had shot down 12 drones."
printf '\n$ printf ... | %s tm lookup --from en --to uk --json -\n' "$onoma"
printf 'Kyiv said on Tuesday it had shot down 7 drones.\nNothing like it.\n' |
  $onoma --db "$db" tm lookup --from en --to uk --json -

# The desk's page on the demo database: with SERVE=1, the demo ends by
# serving it (http://127.0.0.1:8470/?q=Kiev) until Ctrl-C.
if [ "${SERVE:-}" = 1 ]; then
  printf '\nOpen http://127.0.0.1:8470/?q=Kiev in a browser; Ctrl-C stops.\n'
  # Ctrl-C is the server's to take; the script goes on to clean up.
  trap : INT
  demo $onoma --db "$db" serve
fi
