// Package nlp provides the pure-Go text layer of cailiang: normalisation of
// officer-written and statute text with offsets back to the original,
// Chinese numerals and amounts, and the Segmenter interface that the gojieba
// adapter in nlp/jieba implements. Nothing here uses cgo, so every package that
// depends on nlp stays easy to test.
package nlp
