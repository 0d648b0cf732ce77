package project

import (
	"bytes"
	"fmt"
	"image/png"
	"path/filepath"
	"regexp"
	"strings"
)

// The largest picture a draft takes: what a printed page can show many
// times over, small enough that the files stay a size to send by e-mail.
const (
	MaxPictureBytes  = 8 << 20
	MaxPicturePixels = 6000 // on either side
)

// Picture is a PNG picture of the draft with its caption. PDF shows it on
// a page of its own, scaled to the page (a landscape page for a picture
// wider than tall); DOCX embeds it at the text's width; Markdown refers to
// a PNG file next to the .md file, named after it and Name.
type Picture struct {
	PNG     []byte
	Caption string
	// Name is the picture's part of the Markdown file's picture name:
	// "map" for draft.md is draft-map.png. Lower-case letters, digits
	// and hyphens.
	Name string
	W, H int // in pixels, read from PNG
}

// pictureName is what Name may be: it becomes part of a file name.
var pictureName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// PictureOf is a picture block of png with its caption; an error when png
// is not a PNG picture, is larger than MaxPictureBytes or
// MaxPicturePixels, or name is not a short lower-case name.
func PictureOf(pngData []byte, caption, name string) (Block, error) {
	if !pictureName.MatchString(name) {
		return Block{}, fmt.Errorf("project: picture name %q: lower-case letters, digits and hyphens only", name)
	}
	if len(pngData) > MaxPictureBytes {
		return Block{}, fmt.Errorf("project: picture %q is %d bytes, more than %d", name, len(pngData), MaxPictureBytes)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(pngData))
	if err != nil {
		return Block{}, fmt.Errorf("project: picture %q: %w", name, err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxPicturePixels || cfg.Height > MaxPicturePixels {
		return Block{}, fmt.Errorf("project: picture %q is %d×%d pixels, more than %d on a side", name, cfg.Width, cfg.Height, MaxPicturePixels)
	}
	return Block{Kind: Image, Picture: &Picture{PNG: pngData, Caption: clean(caption), Name: name, W: cfg.Width, H: cfg.Height}}, nil
}

// PictureFileName is the name of the PNG file a Markdown draft called
// mdName refers to for p: "draft.md" and "map" give "draft-map.png".
func PictureFileName(mdName string, p *Picture) string {
	base := filepath.Base(mdName)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-" + p.Name + ".png"
}

// pictures are d's pictures in the order they appear.
func pictures(d Document) []*Picture {
	var out []*Picture
	for _, s := range d.Sections {
		for _, b := range s.Blocks {
			if b.Kind == Image && b.Picture != nil {
				out = append(out, b.Picture)
			}
		}
	}
	return out
}
