# expect: schema:value
PREFIX schema: <https://schema.org/>
DELETE WHERE { <id/lofte/1492/2021/atagande/a1/mal/1> schema:value ?v }
