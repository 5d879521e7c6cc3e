# expect: a period needs exactly one dcat:startDate
PREFIX dcat: <http://www.w3.org/ns/dcat#>
DELETE WHERE { <id/lofte/1492/2021/period> dcat:startDate ?s ; dcat:endDate ?e }
