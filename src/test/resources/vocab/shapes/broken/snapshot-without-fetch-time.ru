# expect: prov:generatedAtTime
PREFIX prov: <http://www.w3.org/ns/prov#>
DELETE WHERE { <id/snapshot/3f1c> prov:generatedAtTime ?t }
