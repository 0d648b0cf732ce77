// Package assets holds the files embedded in the binary: the icon, reference
// lists and the model library.
package assets

import (
	"embed"
	"encoding/json"
)

// Reference holds the reference lists under reference/: municipalities.json
// (counties and municipalities of Jämtland and Trøndelag) and sectors.json
// (NACE Rev. 2 / SNI 2007 sections in English, Swedish and Norwegian).
//
//go:embed reference/*.json
var Reference embed.FS

// Icon is the application icon (512×512 PNG, drawn from icon.svg).
//
//go:embed icon.png
var Icon []byte

// Models holds the bundled model library under models/ (one TOML file per
// model; format in docs/models.md).
//
//go:embed models/*.toml
var Models embed.FS

// FontRegular and FontBold are DejaVu Sans (licence in fonts/LICENSE), embedded
// so PDF reports print every Swedish and Norwegian letter on any machine.
//
//go:embed fonts/DejaVuSans.ttf
var FontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var FontBold []byte

// Licenses is the list of third-party code and fonts in the program, with
// their licences and full texts, generated from the module graph by
// `go run ./scripts/licenses` (tested to be up to date).
//
//go:embed licenses/licenses.json
var Licenses []byte

// Credit is one entry of Licenses.
type Credit struct {
	Name    string `json:"name"`              // module path, or what the entry is
	Version string `json:"version,omitempty"` // module version; empty for the standard library and fonts
	License string `json:"license"`           // SPDX identifier(s)
	Text    string `json:"text,omitempty"`    // the licence's full text
}

// Credits decodes Licenses.
func Credits() ([]Credit, error) {
	var cs []Credit
	err := json.Unmarshal(Licenses, &cs)
	return cs, err
}
