# expect: lg:municipalityCode
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE WHERE { <id/kommun/1492> lg:municipalityCode ?c }
