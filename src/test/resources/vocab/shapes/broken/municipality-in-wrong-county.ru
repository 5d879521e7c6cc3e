# expect: does not start with its county
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE { ?m lg:county ?c } INSERT { ?m lg:county <id/lan/17> } WHERE { BIND(<id/kommun/1492> AS ?m) ?m lg:county ?c }
