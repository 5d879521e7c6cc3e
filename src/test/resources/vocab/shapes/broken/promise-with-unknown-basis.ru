# expect: lg:basedOn
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
INSERT DATA { <id/lofte/1492/2021> lg:basedOn <id/underlag/magkansla> }
