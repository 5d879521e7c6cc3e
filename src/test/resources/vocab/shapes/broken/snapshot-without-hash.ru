# expect: lg:sha256
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE WHERE { <id/snapshot/3f1c> lg:sha256 ?h }
