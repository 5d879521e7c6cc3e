# expect: lg:confidence
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
INSERT DATA { <id/lofte/1492/2021/atagande/a1> lg:confidence 0.5 }
