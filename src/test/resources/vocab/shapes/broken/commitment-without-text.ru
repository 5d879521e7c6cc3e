# expect: schema:text
PREFIX schema: <https://schema.org/>
DELETE WHERE { <id/lofte/1492/2021/atagande/a1> schema:text ?t }
