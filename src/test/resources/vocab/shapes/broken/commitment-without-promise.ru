# expect: dcterms:isPartOf
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE WHERE { <id/lofte/1492/2021/atagande/b2> dcterms:isPartOf ?p }
