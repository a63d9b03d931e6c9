#!/usr/bin/env bash
# Signs one learner in through the real form and starts a quiz (bench/run-city.sh, in parallel through xargs).
# Usage: sign-in.sh BASE PASSWORD QUIZ_LESSON USER (QUIZ_LESSON empty: sign in only)  -> "USER<TAB>COOKIE<TAB>QUIZ_QUESTION_PATH<TAB>ANTIFORGERY_TOKEN"
# The cookie holds the sign-in cookie and the antiforgery cookie the token goes with (a token is reusable).
set -euo pipefail
base=$1 password=$2 quiz_lesson=$3 user=$4
jar=$(mktemp); trap 'rm -f "$jar"' EXIT
token() { curl -fs -c "$jar" -b "$jar" "$1" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -n 1; }
# Up to three tries: a form answered again (200) is reported on stderr and tried afresh.
for try in 1 2 3; do
  rm -f "$jar"
  t=$(token "$base/tai-khoan/dang-nhap")
  code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode _handler=sign-in \
    --data-urlencode "__RequestVerificationToken=$t" --data-urlencode "Input.Name=$user" \
    --data-urlencode "Input.Password=$password" "$base/tai-khoan/dang-nhap")
  [[ "$code" == "302 $base/"* && "$code" != *"/tai-khoan/"* ]] && break
  echo "sign-in of $user answered '$code' (try $try)" >&2
  [ "$try" = 3 ] && exit 1
  sleep 1
done
if [ -z "$quiz_lesson" ]; then   # staff: no quiz
  printf '%s\t%s\t-\t-\n' "$user" "$(awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")"
  exit 0
fi
t=$(token "$base$quiz_lesson/kiem-tra")
quiz=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode _handler=quiz-start \
  --data-urlencode "__RequestVerificationToken=$t" "$base$quiz_lesson/kiem-tra")
quiz=${quiz#"$base"}
[[ "$quiz" == "$quiz_lesson"/kiem-tra/*/1 ]] || { echo "quiz start of $user landed on '$quiz'" >&2; exit 1; }
t=$(token "$base$quiz")
cookie=$(awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
printf '%s\t%s\t%s\t%s\n' "$user" "$cookie" "$quiz" "$t"
