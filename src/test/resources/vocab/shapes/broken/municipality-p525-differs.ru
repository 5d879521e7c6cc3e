# expect: wdt:P525
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
DELETE { ?m wdt:P525 ?c } INSERT { ?m wdt:P525 "1493" } WHERE { BIND(<id/kommun/1492> AS ?m) ?m wdt:P525 ?c }
