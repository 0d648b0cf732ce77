package app

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc/pdfdoctest"
	"eu.ilsa.coach/ilsa/data/report/project"
	"eu.ilsa.coach/ilsa/translations"
	"eu.ilsa.coach/ilsa/ui/netmap"
)

// mapCLI is a small innovation system: a Swedish cluster and firm, a
// Norwegian county and firm, one organisation without a country, and
// three relations, one across the border and one from before the project.
func mapCLI(t *testing.T) *cli {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	cluster := c.id("org", "add", "--name", "Peak Innovation", "--municipality", "2380", "--kind", "cluster")
	firm := c.id("org", "add", "--name", "Krokoms Kvarn AB", "--municipality", "2309")
	region := c.id("org", "add", "--name", "Trøndelag fylkeskommune", "--municipality", "5006", "--kind", "region")
	c.id("org", "add", "--name", "Verdal Treindustri AS", "--municipality", "5038")
	c.id("org", "add", "--name", "Utan land")
	c.id("relation", "add", "--from", firm, "--to", cluster, "--kind", "member-of", "--start", "2026-02-01")
	c.id("relation", "add", "--from", cluster, "--to", region, "--kind", "funded-by", "--start", "2026-03-01")
	c.id("relation", "add", "--from", firm, "--to", region, "--kind", "partner-of", "--start", "2025-06-01")
	return c
}

// markdownChapter is the "## heading" chapter of md, up to the next one.
func markdownChapter(t *testing.T, md, heading string) string {
	t.Helper()
	i := strings.Index(md, "\n## "+heading+"\n")
	if i < 0 {
		t.Fatalf("no chapter %q in:\n%s", heading, md)
	}
	rest := md[i+1:]
	if j := strings.Index(rest[3:], "\n## "); j >= 0 {
		rest = rest[:j+4]
	}
	return rest
}

// tableRow is the cells after the first of the Markdown table row whose
// first cell is label.
func tableRow(t *testing.T, chapter, label string) []string {
	t.Helper()
	for _, l := range strings.Split(chapter, "\n") {
		cells := strings.Split(strings.Trim(l, "|"), "|")
		if len(cells) > 1 && strings.TrimSpace(cells[0]) == label {
			var out []string
			for _, c := range cells[1:] {
				out = append(out, strings.TrimSpace(c))
			}
			return out
		}
	}
	t.Fatalf("no row %q in:\n%s", label, chapter)
	return nil
}

// The draft's chapter on the innovation system has the figures of `ilsa
// map --json`, comes after the joint actions and before the evaluations,
// and shows the map from a PNG file written next to the Markdown file.
func TestReportProjectInnovationSystemEqualsMapJSON(t *testing.T) {
	c := mapCLI(t)
	var fig struct {
		Actors       int `json:"actors"`
		ActorsByKind []struct {
			Kind         string `json:"kind"`
			SE, NO, None int
		} `json:"actors_by_kind"`
		Relations       int            `json:"relations"`
		RelationsByKind map[string]int `json:"relations_by_kind"`
		CrossBorder     int            `json:"cross_border_relations"`
		NewlyLinked     int            `json:"newly_linked_actors"`
	}
	if err := json.Unmarshal([]byte(c.ok("map", "--json", "--project-start", "2026-01-01")), &fig); err != nil {
		t.Fatal(err)
	}
	if fig.Actors != 5 || fig.Relations != 3 || fig.CrossBorder != 2 || fig.NewlyLinked != 3 {
		t.Fatalf("the fixture's figures changed: %+v", fig)
	}
	c.env["LANG"] = "sv_SE.UTF-8"
	out := filepath.Join(t.TempDir(), "utkast (vår).md")
	said := c.ok("report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--project-start", "2026-01-01", "--out", out)
	pic := filepath.Join(filepath.Dir(out), "utkast (vår)-map.png")
	if !strings.Contains(said, pic) {
		t.Errorf("the command does not say where the picture is:\n%s", said)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	tr := translations.New("sv")
	chapter := markdownChapter(t, md, "Innovationssystemet")
	n := func(v int) string { return tr.Number(v) }
	for label, want := range map[string]string{
		"Aktörer": n(fig.Actors), "Relationer": n(fig.Relations), "Relationer över gränsen": n(fig.CrossBorder),
		"Aktörer med nya relationer sedan projektstarten (" + tr.DateString("2026-01-01") + ")": n(fig.NewlyLinked),
	} {
		if got := tableRow(t, chapter, label); got[0] != want {
			t.Errorf("%s: the draft says %s, ilsa map --json %s", label, got[0], want)
		}
	}
	total := 0
	for _, k := range fig.ActorsByKind {
		got := tableRow(t, chapter, tr.Kind(domain.OrgKind(k.Kind)))
		if want := []string{n(k.SE), n(k.NO), n(k.None), n(k.SE + k.NO + k.None)}; strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: the draft says %v, ilsa map --json %v", k.Kind, got, want)
		}
		total += k.SE + k.NO + k.None
	}
	if got := tableRow(t, chapter, "Totalt"); got[3] != n(total) || total != fig.Actors {
		t.Errorf("the kinds' total: %v, want %d", got, fig.Actors)
	}
	for kind, want := range fig.RelationsByKind {
		label := tr.RelationKind(domain.RelationKind(kind))
		label = strings.ToUpper(label[:1]) + label[1:]
		if got := tableRow(t, chapter, label); got[0] != n(want) {
			t.Errorf("%s: the draft says %s, ilsa map --json %d", kind, got[0], want)
		}
	}
	if !strings.Contains(chapter, "](utkast%20%28v%C3%A5r%29-map.png)") || !strings.Contains(chapter, "Innovationssystemet: 5 aktörer och 3 relationer") {
		t.Errorf("the chapter does not show the map picture by its file's name:\n%s", chapter)
	}
	joint, system, evals := strings.Index(md, "\n## Gemensamma"), strings.Index(md, "\n## Innovationssystemet"), strings.Index(md, "\n## Utvärderingar")
	if joint < 0 || evals < 0 || !(joint < system && system < evals) {
		t.Errorf("chapters at %d (joint actions), %d (innovation system), %d (evaluations): want them in that order", joint, system, evals)
	}
	f, err := os.Open(pic)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if cfg, err := png.DecodeConfig(f); err != nil || cfg.Width != draftMapWidth || cfg.Height != draftMapHeight {
		t.Errorf("the picture next to the draft: %+v, %v", cfg, err)
	}
}

// Without relations the chapter says so and has no picture, in no format.
func TestReportProjectInnovationSystemWithoutRelations(t *testing.T) {
	c := newCLI(t)
	c.ok("init", "--advisor", "Anna Berg", "--country", "SE")
	c.id("org", "add", "--name", "Peak Innovation", "--municipality", "2380", "--kind", "cluster")
	c.env["LANG"] = "nb_NO.UTF-8"
	dir := t.TempDir()
	md := filepath.Join(dir, "utkast.md")
	c.ok("report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--out", md)
	b, _ := os.ReadFile(md)
	chapter := markdownChapter(t, string(b), "Innovasjonssystemet")
	if !strings.Contains(chapter, "Ingen relasjoner mellom organisasjonene er registrert ennå") || strings.Contains(chapter, "![") {
		t.Errorf("the chapter without relations:\n%s", chapter)
	}
	if _, err := os.Stat(filepath.Join(dir, "utkast-map.png")); !os.IsNotExist(err) {
		t.Errorf("a picture was written without relations: %v", err)
	}
	docx := filepath.Join(dir, "utkast.docx")
	c.ok("report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--out", docx)
	if media := docxMedia(t, docx); len(media) != 0 {
		t.Errorf("the DOCX without relations holds pictures: %v", media)
	}
}

// The PDF has the map on a landscape page of its own, the DOCX embeds it
// (word/media/*.png referred to from document.xml), and the same data
// gives the same bytes.
func TestReportProjectMapPictureInPDFAndDOCX(t *testing.T) {
	c := mapCLI(t)
	dir := t.TempDir()
	write := func(name string) []byte {
		p := filepath.Join(dir, name)
		c.ok("report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--lang", "nb", "--out", p)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	pdf := write("a.pdf")
	if !bytes.Equal(pdf, write("b.pdf")) {
		t.Error("the same data gave two different PDFs")
	}
	if text := pdfdoctest.Text(t, pdf); !strings.Contains(text, "Innovasjonssystemet: 5 aktører og 3 relasjoner") {
		t.Errorf("the PDF has no map caption:\n%s", text)
	}
	if !bytes.Contains(pdf, []byte("/MediaBox [0 0 841.89 595.28]")) || !regexp.MustCompile(`/Subtype /Image`).Match(pdf) {
		t.Error("the PDF has no landscape page with a picture")
	}
	docx := write("a.docx")
	if !bytes.Equal(docx, write("b.docx")) {
		t.Error("the same data gave two different DOCX files")
	}
	media := docxMedia(t, filepath.Join(dir, "a.docx"))
	if len(media) != 1 {
		t.Fatalf("the DOCX's pictures: %v", media)
	}
	if cfg, err := png.DecodeConfig(bytes.NewReader(media["word/media/image1.png"])); err != nil || cfg.Width != draftMapWidth {
		t.Errorf("the DOCX's picture: %+v, %v", cfg, err)
	}
}

// docxMedia is the pictures of the DOCX at path that document.xml refers
// to, by part name; a picture part nothing refers to fails the test.
func docxMedia(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	media := map[string][]byte{}
	for name, data := range parts {
		if !strings.HasPrefix(name, "word/media/") {
			continue
		}
		target := strings.TrimPrefix(name, "word/")
		m := regexp.MustCompile(`Id="(rId\d+)"[^>]*Target="` + regexp.QuoteMeta(target) + `"|Target="` +
			regexp.QuoteMeta(target) + `"[^>]*Id="(rId\d+)"`).FindSubmatch(parts["word/_rels/document.xml.rels"])
		if m == nil {
			t.Fatalf("%s is not among the document's relations", name)
		}
		id := string(m[1]) + string(m[2])
		if !bytes.Contains(parts["word/document.xml"], []byte(fmt.Sprintf(`r:embed="%s"`, id))) {
			t.Fatalf("document.xml does not show %s (%s)", name, id)
		}
		media[name] = data
	}
	return media
}

// A folder where the picture goes fails the command, naming it, and
// leaves no Markdown file that would refer to a missing picture.
func TestReportProjectPictureCannotBeWritten(t *testing.T) {
	c := mapCLI(t)
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "draft-map.png"), 0o755); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := c.run("report", "project", "--from", "2026-01-01", "--to", "2026-06-30", "--out", filepath.Join(dir, "draft.md"))
	if code != 1 || !strings.Contains(errOut, "draft-map.png") {
		t.Errorf("exit %d, stdout %q, stderr %q: want 1 naming the picture", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "draft.md")); !os.IsNotExist(err) {
		t.Errorf("the draft was written without its picture: %v", err)
	}
}

// The innovation system's chapter of 1,000 actors and 3,000 relations:
// the map's layout and figures (gathering without the store), the chapter
// with its picture, and the chapter written as a PDF.
func BenchmarkDraftInnovationSystem(b *testing.B) {
	var actors []data.Actor
	countries := []domain.Country{domain.CountrySE, domain.CountryNO}
	for i := range 1000 {
		actors = append(actors, data.Actor{ID: fmt.Sprintf("org-%04d", i), Name: fmt.Sprintf("Organisation %d AB", i),
			Country: countries[i%2], Kind: domain.OrgKinds[i%len(domain.OrgKinds)]})
	}
	var rels []domain.Relation
	for i := range 3000 {
		rels = append(rels, domain.Relation{FromOrg: actors[i%1000].ID, ToOrg: actors[(i*7+1+i/1000)%1000].ID,
			Kind: domain.RelationKinds[i%len(domain.RelationKinds)], Start: "2026-02-01"})
	}
	tr := translations.New("sv")
	var is innovationSystem
	b.Run("layout+figures", func(b *testing.B) {
		for b.Loop() {
			m := netmap.Build(actors, rels)
			is = innovationSystem{m: m, fig: netmap.Count(m, rels, netmap.Filter{}, "2026-01-01")}
		}
	})
	b.Run("chapter", func(b *testing.B) {
		for b.Loop() {
			innovationSystemSections(is)(tr)
		}
	})
	doc := project.Document{Title: "Draft", Sections: innovationSystemSections(is)(tr)}
	b.Run("pdf", func(b *testing.B) {
		for b.Loop() {
			if err := project.Write(io.Discard, doc, project.PDF); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// The Reports screen's button writes a Markdown draft with its map picture
// beside it, as the command does.
func TestProjectDraftPortWritesTheMarkdownPicture(t *testing.T) {
	c := mapCLI(t)
	st, err := data.Open(filepath.Join(c.dir, data.DBFileName), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dir := t.TempDir()
	f := indicators.Filter{From: "2026-01-01", To: "2026-06-30"}
	if err := (funderReports{st: st}).ProjectDraft(t.Context(), f, "sv", project.Markdown, filepath.Join(dir, "utkast.md")); err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "utkast.md"))
	if _, err := os.Stat(filepath.Join(dir, "utkast-map.png")); err != nil || !strings.Contains(string(md), "](utkast-map.png)") {
		t.Errorf("the picture beside the draft: %v; the draft refers to it: %v", err, strings.Contains(string(md), "utkast-map.png"))
	}
}
