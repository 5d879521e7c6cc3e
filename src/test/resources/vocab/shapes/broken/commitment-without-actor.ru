# expect: lg:actor
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE WHERE { <id/lofte/1492/2021/atagande/b2> lg:actor ?a }
