# expect: prov:wasDerivedFrom
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { <id/lofte/1492/2021> prov:wasDerivedFrom ?s }
