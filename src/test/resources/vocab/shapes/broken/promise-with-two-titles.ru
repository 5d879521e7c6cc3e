# expect: dcterms:title
PREFIX dcterms: <http://purl.org/dc/terms/>
INSERT DATA { <id/lofte/1492/2021> dcterms:title "Medborgarlöfte 2022"@sv }
