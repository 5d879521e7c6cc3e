// Comunica (@comunica/query-sparql) with its defaults: each URL given on standard input is the one source of a
// query for all its triples, dereferenced as Comunica does for any user (its own Accept header and parsers, and the
// JSON-LD parser's default loader for the @context). Writes the triples as N-Quads.
//
// Usage: NODE_PATH=src/test/node/node_modules node comunica_defaults.js OUT_DIR < urls.txt
// Writes OUT_DIR/<n>.nq for the n-th URL (counting from 0) and prints one line "ok <n> <quads> <fetched>" or
// "error <n> <reason>", where <fetched> lists the URLs Comunica requested (its logger's "Requesting" lines), so the
// test sees that the document was read as JSON-LD (its @context was fetched). A new engine per URL: no cache is
// shared between documents.
'use strict';
const fs = require('fs');
const path = require('path');
const {QueryEngine} = require('@comunica/query-sparql');

// Every triple of the document, in the default graph or any named graph (named graphs would differ from the Turtle).
const QUERY = 'CONSTRUCT { ?s ?p ?o } WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }';

/** Records the URLs Comunica requests; its logger interface, nothing else changed. */
class RequestLog {
  constructor() { this.requested = []; }
  trace() {}
  debug() {}
  info(message) {
    const m = /^Requesting (\S+)/.exec(message);
    if (m) this.requested.push(m[1]);
  }
  warn() {}
  error() {}
  fatal() {}
}

async function main() {
  const outDir = process.argv[2];
  const urls = fs.readFileSync(0, 'utf8').split('\n').map(l => l.trim()).filter(l => l);
  for (let n = 0; n < urls.length; n++) {
    const log = new RequestLog();
    try {
      const engine = new QueryEngine();
      const result = await engine.query(QUERY, {sources: [urls[n]], log});
      const {data} = await engine.resultToString(result, 'application/n-quads');
      let nquads = '';
      for await (const chunk of data) nquads += chunk;
      fs.writeFileSync(path.join(outDir, n + '.nq'), nquads, 'utf8');
      console.log('ok', n, nquads.split('\n').filter(l => l).length, log.requested.join(' '));
    } catch (e) { // report and go on: the test names every URL that failed
      console.log('error', n, String(e && e.message || e).replace(/\n/g, ' ').slice(0, 300));
    }
  }
}

main().catch(e => { console.error(e); process.exit(2); });
