# expect: dcat:endDate
PREFIX dcat: <http://www.w3.org/ns/dcat#>
DELETE { ?p dcat:endDate ?e } INSERT { ?p dcat:endDate "halvårsskiftet 2022" } WHERE { BIND(<id/lofte/1492/2021/period> AS ?p) ?p dcat:endDate ?e }
