# expect: prov:generatedAtTime
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?s prov:generatedAtTime ?t } INSERT { ?s prov:generatedAtTime "2026-11-20"^^xsd:date } WHERE { BIND(<id/snapshot/3f1c> AS ?s) ?s prov:generatedAtTime ?t }
