package documents

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"
)

// agenciesFile is the template directory's file of agency details that the
// case record does not hold (address, contact, where remedies and fines
// go), keyed by agency code:
//
//	scjg:
//	  address: 某市某区某路1号
//	  contact: 张三
//	  phone: 0000-12345678
//	  review_body: 某市人民政府
//	  court: 某市某区人民法院
//	  payment: 某银行某支行（或电子缴款平台）
const agenciesFile = "agencies.yaml"

// readAgencies reads agencies.yaml from cfg.TemplateDir; none is no
// details. It returns an error wrapping ErrTemplate for a file that
// cannot be read or parsed.
func readAgencies(dir string) (map[string]Agency, error) {
	if dir == "" {
		return nil, nil
	}
	raw, err := os.ReadFile(filepath.Join(dir, agenciesFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTemplate, err)
	}
	var out map[string]Agency
	if err := yaml.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrTemplate, agenciesFile, err)
	}
	return out, nil
}

// AgencyDetails returns the details of agency code from the template
// directory's agencies.yaml (name, address, contact, review body, court,
// payment), zero when it has none.
func (g *Generator) AgencyDetails(code string) Agency { return g.agencies[code] }
