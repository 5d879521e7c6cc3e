"""pyld with its default document loader: reads each JSON-LD URL given on standard input into N-Quads.

Usage: python3 pyld_defaults.py OUT_DIR < urls.txt
Writes OUT_DIR/<n>.nq for the n-th URL (counting from 0) and prints one line "ok <n> <quads>" or "error <n> <reason>".
Run by JsonLdClientsIT with Debian's python3-pyld and python3-requests (pyld's default loader is the requests
loader when requests is installed); nothing here sets a loader, a context or an Accept header: the document and
every context it names are fetched as pyld fetches them for any user.
"""
import os
import sys

from pyld import jsonld

out_dir = sys.argv[1]
for n, url in enumerate(line.strip() for line in sys.stdin if line.strip()):
    try:
        nquads = jsonld.to_rdf(url, {"format": "application/n-quads"})
    except Exception as e:  # report and go on: the test names every URL that failed
        print("error", n, str(e).replace("\n", " ")[:300])
        continue
    with open(os.path.join(out_dir, "%d.nq" % n), "w", encoding="utf-8") as f:
        f.write(nquads)
    print("ok", n, nquads.count("\n"))
