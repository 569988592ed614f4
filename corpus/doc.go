// Package corpus holds cailiang's documents: the statutes (laws, regulations,
// judicial interpretations and local regulations) split into articles, and the
// administrative penalty cases. It parses and imports them, stores them, resolves
// citations to article text, and declares the search index it uses; the bleve
// adapter lives in corpus/bleveidx.
package corpus
