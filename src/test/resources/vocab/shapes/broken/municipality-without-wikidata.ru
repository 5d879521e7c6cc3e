# expect: owl:sameAs
PREFIX owl: <http://www.w3.org/2002/07/owl#>
DELETE WHERE { <id/kommun/1492> owl:sameAs ?w }
