# expect: skos:prefLabel
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
INSERT DATA { <id/tema/narkotika> skos:altLabel "Narkotika"@sv }
