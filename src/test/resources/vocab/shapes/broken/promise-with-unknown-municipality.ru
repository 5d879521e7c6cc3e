# expect: lg:municipality
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE { ?p lg:municipality ?m } INSERT { ?p lg:municipality <id/kommun/9999> } WHERE { BIND(<id/lofte/1492/2021> AS ?p) ?p lg:municipality ?m }
