// jsonld.js with its default document loader: reads each JSON-LD URL given on standard input into N-Quads.
//
// Usage: NODE_PATH=src/test/node/node_modules node jsonld_defaults.js OUT_DIR < urls.txt
// Writes OUT_DIR/<n>.nq for the n-th URL (counting from 0) and prints one line "ok <n> <quads>" or
// "error <n> <reason>". Run by JsonLdClientsIT with the npm package jsonld pinned in src/test/node/package.json;
// nothing here sets a document loader, a context or an Accept header: the document and every context it names are
// fetched as jsonld.js fetches them for any user in Node.js.
'use strict';
const fs = require('fs');
const path = require('path');
const jsonld = require('jsonld');

async function main() {
  const outDir = process.argv[2];
  const urls = fs.readFileSync(0, 'utf8').split('\n').map(l => l.trim()).filter(l => l);
  for (let n = 0; n < urls.length; n++) {
    try {
      const nquads = await jsonld.toRDF(urls[n], {format: 'application/n-quads'});
      fs.writeFileSync(path.join(outDir, n + '.nq'), nquads, 'utf8');
      console.log('ok', n, nquads.split('\n').filter(l => l).length);
    } catch (e) { // report and go on: the test names every URL that failed
      console.log('error', n, String(e && e.message || e).replace(/\n/g, ' ').slice(0, 300));
    }
  }
}

main().catch(e => { console.error(e); process.exit(2); });
