# expect: prov:startedAtTime
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?r prov:endedAtTime ?t } INSERT { ?r prov:endedAtTime "2026-11-20T03:00:00Z"^^xsd:dateTime } WHERE { BIND(<id/skordning/20261120T031200Z> AS ?r) ?r prov:endedAtTime ?t }
