package nlp

// Token is one word of segmented text with its byte span in the text that was
// segmented.
type Token struct {
	Text  string
	Start int
	End   int
}

// Segmenter splits Chinese text into words. Cut is the precise mode (each
// character belongs to exactly one token); CutForSearch also emits the shorter
// words inside long ones (中华人民共和国 → 中华, 华人, 人民, 共和国, 中华人民共和国),
// which raises recall at some cost in precision. Implementations must be safe
// for concurrent use.
type Segmenter interface {
	Cut(text string) []Token
	CutForSearch(text string) []Token
}

// Words returns just the token texts.
func Words(tokens []Token) []string {
	out := make([]string, len(tokens))
	for i, t := range tokens {
		out[i] = t.Text
	}
	return out
}

// Fingerprinter is implemented by segmenters whose output depends on data
// such as a dictionary. An index built with one fingerprint must be rebuilt
// when the fingerprint changes, or query and document tokens disagree.
type Fingerprinter interface {
	Fingerprint() string
}
