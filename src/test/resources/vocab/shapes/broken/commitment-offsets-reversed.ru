# expect: lg:textStart
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE { ?c lg:textStart ?s } INSERT { ?c lg:textStart 300 } WHERE { BIND(<id/lofte/1492/2021/atagande/a1> AS ?c) ?c lg:textStart ?s }
