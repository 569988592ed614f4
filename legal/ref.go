package legal

// Ref is a reference to a provision: the law's short name, the article
// (with Suffix for 第X条之N) and optionally 款 (Paragraph) and 项 (Item),
// all 1-based; 0 means "not given". The JSON and YAML field names are part
// of the API, the case files and the benchmark catalog. Ref is comparable,
// so it serves as a map key as it is.
type Ref struct {
	Law       string `yaml:"law" json:"law"`
	Article   int    `yaml:"article" json:"article"`
	Suffix    int    `yaml:"suffix,omitempty" json:"suffix,omitempty"`
	Paragraph int    `yaml:"paragraph,omitempty" json:"paragraph,omitempty"`
	Item      int    `yaml:"item,omitempty" json:"item,omitempty"`
}
