# expect: schema:url
PREFIX schema: <https://schema.org/>
DELETE WHERE { <id/snapshot/3f1c> schema:url ?u }
