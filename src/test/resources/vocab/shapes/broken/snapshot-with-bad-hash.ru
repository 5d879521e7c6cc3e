# expect: lg:sha256
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE { ?s lg:sha256 ?h } INSERT { ?s lg:sha256 "9F86D081" } WHERE { BIND(<id/snapshot/3f1c> AS ?s) ?s lg:sha256 ?h }
