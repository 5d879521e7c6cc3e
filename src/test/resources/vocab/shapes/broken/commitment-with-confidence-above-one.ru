# expect: lg:confidence
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE { ?c lg:confidence ?v } INSERT { ?c lg:confidence 1.5 } WHERE { BIND(<id/lofte/1492/2021/atagande/a1> AS ?c) ?c lg:confidence ?v }
