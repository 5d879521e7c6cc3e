# expect: skos:prefLabel
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE { ?c skos:prefLabel ?l } WHERE { BIND(<id/tema/narkotika> AS ?c) ?c skos:prefLabel ?l FILTER(lang(?l) = "en") }
