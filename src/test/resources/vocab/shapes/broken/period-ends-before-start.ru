# expect: before it starts
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?p dcat:startDate ?s } INSERT { ?p dcat:startDate "2023-01-01"^^xsd:date } WHERE { BIND(<id/lofte/1492/2021/period> AS ?p) ?p dcat:startDate ?s }
