# expect: lg:endPrecision
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE WHERE { <id/lofte/1492/2021/period> lg:endPrecision ?p }
