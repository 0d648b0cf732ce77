package project_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
)

// pngOf is a w×h opaque PNG.
func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	img.Set(0, 0, color.RGBA{0x20, 0x60, 0xa0, 0xff})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A picture that is not a PNG, too large, or named as no file should be
// is refused with a reason, not put in the draft.
func TestPictureOfRefusesWhatItCannotShow(t *testing.T) {
	for _, tc := range []struct {
		name, pic, want string
		data            []byte
	}{
		{"not a PNG", "map", "picture \"map\"", []byte("GIF89a not a png")},
		{"empty", "map", "picture \"map\"", nil},
		{"too wide", "map", "more than 6000 on a side", pngOf(t, project.MaxPicturePixels+1, 1)},
		{"too many bytes", "map", "more than", make([]byte, project.MaxPictureBytes+1)},
		{"a path for a name", "../../etc/x", "lower-case letters", pngOf(t, 2, 2)},
		{"upper case", "Map", "lower-case letters", pngOf(t, 2, 2)},
		{"no name", "", "lower-case letters", pngOf(t, 2, 2)},
	} {
		if _, err := project.PictureOf(tc.data, "caption", tc.pic); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.want)
		}
	}
	b, err := project.PictureOf(pngOf(t, 30, 20), "A\x00 caption\u202e", "map-2")
	if err != nil || b.Picture.W != 30 || b.Picture.H != 20 || b.Picture.Caption != "A caption" {
		t.Errorf("a good picture: %+v, %v", b.Picture, err)
	}
}

// pictureDraft is the fixture's draft with an extra chapter whose second
// block is a picture of w×h pixels.
func pictureDraft(t *testing.T, w, h int) project.Document {
	fx := newFixture(t)
	pic, err := project.PictureOf(pngOf(t, w, h), "The map [of] *everything*", "map")
	if err != nil {
		t.Fatal(err)
	}
	fx.extras = []project.SectionsFunc{func(*translations.Localizer) []project.Section {
		return []project.Section{{Level: 1, Heading: "Pictured", Blocks: []project.Block{project.Para("Before the picture."), pic}}}
	}}
	return fx.draft(t, "en")
}

// A Markdown draft refers to its picture by the file's name, escaped as a
// link, and Render gives that file next to it; Write, which has one file
// to give, refuses rather than leave the picture out.
func TestMarkdownPictureIsAFileNextToTheDraft(t *testing.T) {
	doc := pictureDraft(t, 40, 30)
	files, err := project.Render(doc, project.Markdown, "/tmp/out/my (draft).md")
	if err != nil {
		t.Fatal(err)
	}
	var pic []byte
	for _, s := range doc.Sections {
		if s.Heading == "Pictured" {
			pic = s.Blocks[1].Picture.PNG
		}
	}
	if len(files) != 2 || files[1].Path != "/tmp/out/my (draft)-map.png" || !bytes.Equal(files[1].Data, pic) {
		t.Fatalf("files: %d, the picture at %q", len(files), files[len(files)-1].Path)
	}
	if md := string(files[0].Data); !strings.Contains(md, `![The map \[of\] \*everything\*](my%20%28draft%29-map.png)`) {
		t.Errorf("the Markdown does not show the picture:\n%s", md)
	}
	if err := project.Write(&bytes.Buffer{}, doc, project.Markdown); err == nil {
		t.Error("Write wrote a Markdown draft without its picture")
	}
	if files, err := project.Render(doc, project.PDF, "/tmp/out/d.pdf"); err != nil || len(files) != 1 {
		t.Errorf("a PDF is one file: %d, %v", len(files), err)
	}
}

// In the PDF a wide picture has a landscape page of its own, a tall one a
// portrait page, and what follows starts on a new page.
func TestPDFPictureHasAPageOfItsOwn(t *testing.T) {
	for _, tc := range []struct {
		w, h      int
		landscape bool
	}{{300, 200, true}, {200, 300, false}} {
		pdf := render(t, pictureDraft(t, tc.w, tc.h), project.PDF)
		if got := bytes.Count(pdf, []byte("/MediaBox [0 0 841.89 595.28]")) == 1; got != tc.landscape {
			t.Errorf("%d×%d: a landscape page: %v", tc.w, tc.h, got)
		}
		pages := strings.Split(pdfdoctest.Text(t, pdf), "\f")
		for i, p := range pages {
			if !strings.Contains(p, "The map [of] *everything*") {
				continue
			}
			if strings.Contains(p, "Before the picture.") || i+1 >= len(pages) ||
				!strings.HasPrefix(strings.TrimSpace(pages[i+1]), "Findings by project step") {
				t.Errorf("%d×%d: the picture's page %q, the next %q", tc.w, tc.h, p, pages[min(i+1, len(pages)-1)])
			}
		}
	}
}
