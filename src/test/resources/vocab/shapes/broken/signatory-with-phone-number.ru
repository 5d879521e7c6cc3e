# expect: schema:name
PREFIX schema: <https://schema.org/>
DELETE { ?s schema:name ?n } INSERT { ?s schema:name "Anna Andersson 0532-170 00" } WHERE { BIND(<id/lofte/1492/2021/undertecknare/1> AS ?s) ?s schema:name ?n }
