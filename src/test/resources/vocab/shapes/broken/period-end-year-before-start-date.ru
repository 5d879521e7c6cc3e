# expect: before it starts
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?p dcat:startDate ?s . ?p dcat:endDate ?e } INSERT { ?p dcat:startDate "2022-03-01"^^xsd:date . ?p dcat:endDate "2021"^^xsd:gYear } WHERE { BIND(<id/lofte/1492/2021/period> AS ?p) ?p dcat:startDate ?s ; dcat:endDate ?e }
