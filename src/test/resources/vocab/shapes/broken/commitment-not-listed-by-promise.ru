# expect: ^lg:commitment
PREFIX lg: <https://w3id.org/loftesgrafen/def#>
DELETE DATA { <id/lofte/1492/2021> lg:commitment <id/lofte/1492/2021/atagande/b2> }
