"""rdflib with its defaults reads each dump URL given as an argument: prints "<url> <quads>" per URL.

Usage: python3 rdflib_dumps.py URL...
Run by DumpClientsIT with Debian's python3-rdflib; the format is left to rdflib (from the Content-Type).
"""
import sys

from rdflib import Dataset

for url in sys.argv[1:]:
    d = Dataset()
    d.parse(url)
    print(url, sum(1 for _ in d.quads((None, None, None, None))))
