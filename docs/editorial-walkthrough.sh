#!/usr/bin/env bash
# The seed page's editorial job, done with curl against a running service (README, "A first session").
# Needs curl and jq. KEY is an ADMIN or EDITOR key; BASE defaults to http://localhost:8080.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
KEY=${KEY:?set KEY to an ADMIN or EDITOR API key}
api() { curl -sS -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }

# 1. The two sources
WAFD=$(api -X POST "$BASE/api/admin/sources" -d '{"name":"بوابة الوفد","url":"https://www.alwafd.news"}' | jq -r .id)
NOVOSTI=$(api -X POST "$BASE/api/admin/sources" -d '{"name":"نوفوستي","url":"https://ria.ru"}' | jq -r .id)

# 2. The read-also article, from Novosti
READ_ALSO=$(api -X POST "$BASE/api/admin/articles" -d @- <<JSON | jq -r .id
{"headline": "الخارجية الروسية: قرار إنجاز اتفاق تعاون شامل مع إيران استراتيجي ولو يفقد زخمه",
 "bodyHtml": "<p>أكد ضمير كابولوف مدير الإدارة الآسيوية الثانية في الخارجية الروسية أن قرار إبرام اتفاق تعاون شامل مع طهران استراتيجي ولم يفقد زخمه.</p>",
 "sourceId": "$NOVOSTI", "tags": ["روسيا", "إيران"]}
JSON
)

# 3. The main article: four tags, sub-heading, quote, captioned image, source, read-also link
MAIN=$(api -X POST "$BASE/api/admin/articles" -d @- <<JSON | jq -r .id
{"headline": "باكستان وإيران تبرمان خطة عمل مشتركة لمكافحة الإرهاب",
 "bodyHtml": "<p>أبرمت باكستان وإيران اتفاقية جديدة وهى خطة عمل مشتركة لمكافحة الإرهاب، وزيادة التعاون في المجال الأمني.</p><h2>خطة عمل مشتركة للتعامل مع خطر الإرهاب</h2><blockquote><p>\"التهريب كان سبباً لخسارة اقتصادية لكلا البلدين\".</p></blockquote>",
 "sourceId": "$WAFD",
 "image": {"url": "https://media.example.org/islamabad-gate.jpg",
           "caption": "ضابط شرطة يحرس بوابة الدخول الرئيسية لوزارة الخارجية الباكستانية، في إسلام أباد، باكستان، 18 يناير/ كانون الثاني 2024"},
 "tags": ["مكافحة الإرهاب", "إيران", "باكستان", "خطة عمل مشتركة"],
 "relatedIds": ["$READ_ALSO"]}
JSON
)

# 4. Review, then publish both
api -X POST "$BASE/api/admin/articles/$MAIN/submit" | jq -r .status        # IN_REVIEW
api -X POST "$BASE/api/admin/articles/$READ_ALSO/publish" | jq -r .status  # PUBLISHED
api -X POST "$BASE/api/admin/articles/$MAIN/publish" | jq '{slug, status, publishedAt, source: .source.name, tags: [.tags[].name], related: [.related[].headline]}'

# 5. A correction, without overwriting anyone else's: send back the ETag you read
ETAG=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $KEY" "$BASE/api/admin/articles/$MAIN" | tr -d '\r' | awk 'tolower($1)=="etag:" {print $2}')
api -X PATCH -H "If-Match: $ETAG" "$BASE/api/admin/articles/$MAIN" \
    -d '{"byline": "مراسل بوابة الوفد"}' | jq '{byline, version}'
