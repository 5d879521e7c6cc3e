"""SPARQLWrapper with its defaults against an endpoint: prints one line per query kind.

Usage: python3 sparqlwrapper_defaults.py ENDPOINT MUNICIPALITY_IRI
Run by ClientRequestsIT with Debian's python3-sparqlwrapper; nothing here chooses a format or an Accept header.
"""
import sys

from SPARQLWrapper import SPARQLWrapper

endpoint, municipality = sys.argv[1], sys.argv[2]
LG = "PREFIX lg: <https://w3id.org/loftesgrafen/def#>\n"


def run(query):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    return client.query().convert()


construct = run(LG + "CONSTRUCT { ?p lg:municipality ?k } WHERE { ?p a lg:CitizenPromise ; lg:municipality ?k }")
print("construct", len(construct))
print("describe", len(run("DESCRIBE <%s>" % municipality)))
select = run(LG + "SELECT ?p WHERE { ?p a lg:CitizenPromise }")
print("select", len(select.getElementsByTagName("result")))
ask = run(LG + "ASK { ?p a lg:CitizenPromise }")
print("ask", ask.getElementsByTagName("boolean")[0].firstChild.data)
