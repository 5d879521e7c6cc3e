# expect: an xsd:date
PREFIX dcat: <http://www.w3.org/ns/dcat#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
DELETE { ?p dcat:endDate ?e } INSERT { ?p dcat:endDate "2022"^^xsd:gYear } WHERE { BIND(<id/lofte/1492/2021/period> AS ?p) ?p dcat:endDate ?e }
