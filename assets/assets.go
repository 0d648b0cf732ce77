// Package assets holds the files embedded in the binary: the icon, reference
// lists and the model library.
package assets

import "embed"

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
