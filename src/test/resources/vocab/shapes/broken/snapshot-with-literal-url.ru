# expect: schema:url
PREFIX schema: <https://schema.org/>
DELETE { ?s schema:url ?u } INSERT { ?s schema:url "https://www.amal.se/" } WHERE { BIND(<id/snapshot/3f1c> AS ?s) ?s schema:url ?u }
