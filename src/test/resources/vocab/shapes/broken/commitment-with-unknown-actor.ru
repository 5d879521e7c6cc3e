# expect: lg:actor
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
INSERT DATA { <id/lofte/1492/2021/atagande/b2> lg:actor <id/aktor/brandkaren> }
