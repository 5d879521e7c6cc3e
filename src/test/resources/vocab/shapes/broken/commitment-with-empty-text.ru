# expect: schema:text
PREFIX schema: <https://schema.org/>
DELETE { ?c schema:text ?t } INSERT { ?c schema:text ""@sv } WHERE { BIND(<id/lofte/1492/2021/atagande/a1> AS ?c) ?c schema:text ?t }
