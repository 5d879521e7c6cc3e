# expect: ^lg:signatory
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE DATA { <id/lofte/1492/2021> lg:signatory <id/lofte/1492/2021/undertecknare/2> }
