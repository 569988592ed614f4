// Package nlp provides the pure-Go text layer of cailiang: normalisation of
// officer-written and statute text with offsets back to the original,
// Chinese numerals and amounts, fact extraction (Extract: amounts, dates,
// party, circumstances with their spans), the one cue and negation matcher
// (Cue, Negated) every reader of legal text uses, and the Segmenter
// interface that the gojieba
// adapter in nlp/jieba implements. Nothing here uses cgo, so every package that
// depends on nlp stays easy to test.
package nlp
