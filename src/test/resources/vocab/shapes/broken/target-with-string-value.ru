# expect: schema:value
PREFIX schema: <https://schema.org/>
DELETE { ?t schema:value ?v } INSERT { ?t schema:value "fyra" } WHERE { BIND(<id/lofte/1492/2021/atagande/a1/mal/1> AS ?t) ?t schema:value ?v }
