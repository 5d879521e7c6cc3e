# expect: lg:policeRegion
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE WHERE { <id/lan/14> lg:policeRegion ?r }
