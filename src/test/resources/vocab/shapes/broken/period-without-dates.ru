# expect: a period needs a start or an end
PREFIX dcat: <http://www.w3.org/ns/dcat#>
DELETE WHERE { <id/lofte/1492/2021/period> dcat:startDate ?s ; dcat:endDate ?e }
