# expect: schema:name
PREFIX schema: <https://schema.org/>
DELETE WHERE { <id/lofte/1492/2021/undertecknare/2> schema:name ?n }
