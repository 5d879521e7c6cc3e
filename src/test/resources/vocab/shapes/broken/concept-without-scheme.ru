# expect: skos:inScheme
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
DELETE WHERE { <id/tema/langning> skos:inScheme ?s }
