# expect: lg:themesConfidence
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE { ?c lg:themesConfidence ?v } INSERT { ?c lg:themesConfidence -0.1 } WHERE { BIND(<id/lofte/1492/2021/atagande/a1> AS ?c) ?c lg:themesConfidence ?v }
