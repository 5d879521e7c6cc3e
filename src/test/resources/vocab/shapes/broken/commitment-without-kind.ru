# expect: lg:kind
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE WHERE { <id/lofte/1492/2021/atagande/a1> lg:kind ?k }
