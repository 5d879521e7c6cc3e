# expect: lg:httpStatus
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE { ?s lg:httpStatus ?h } INSERT { ?s lg:httpStatus 999 } WHERE { BIND(<id/snapshot/3f1c> AS ?s) ?s lg:httpStatus ?h }
