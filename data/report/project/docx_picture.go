package project

import (
	"os"

	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/docx"
)

// docxTextWidth is the width a picture takes in the DOCX, in inches: the
// text's width on an A4 or Letter page with the template's margins.
const docxTextWidth = 6.3

// docxPicture embeds p at the text's width (word/media/image1.png and so
// on), its caption below it. godocx reads a picture from a file only, so
// the PNG goes through a temporary file.
func docxPicture(rd *docx.RootDoc, p *Picture) error {
	f, err := os.CreateTemp("", "ilsa-draft-*.png")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(p.PNG)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	h := docxTextWidth * float64(p.H) / float64(p.W)
	if _, err := rd.AddPicture(f.Name(), units.Inch(docxTextWidth), units.Inch(h)); err != nil {
		return err
	}
	if p.Caption != "" {
		for _, r := range addLines(rd.AddEmptyParagraph(), p.Caption) {
			r.Italic(true).Size(9) // points
		}
	}
	return nil
}
