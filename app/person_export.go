package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
	"eu.ilsa.coach/ilsa/translations"
)

// "Everything about this person" (GDPR art. 15): one contact's stored data
// as a JSON file for machines and a PDF for the person, from
// data.Store.PersonData. The GUI's "Everything about this person…" and
// `ilsa contact export ID --out FILE` both write through exportPerson.

// personFormat is the export's kind by the file's extension: "json", "pdf"
// or "" for any other.
func personFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json"
	case ".pdf":
		return "pdf"
	}
	return ""
}

// exportPerson writes everything stored about contact id into path (JSON or
// PDF by its extension), through a temporary file and a rename.
func exportPerson(ctx context.Context, st *data.Store, tr *translations.Localizer, id, path string) error {
	p, err := st.PersonData(ctx, id)
	if err != nil {
		return err
	}
	_, err = writeViaTemp(path, func(w io.Writer) (int, error) {
		if personFormat(path) == "pdf" {
			return 0, writePersonPDF(w, p, tr)
		}
		return 0, writePersonJSON(w, p)
	})
	return err
}

// personJSON is the export's JSON form: field names as in the change log.
type personJSON struct {
	Contact      map[string]any    `json:"contact"`
	Organisation string            `json:"organisation"`
	Deleted      bool              `json:"deleted"`
	Erased       bool              `json:"erased"`
	History      []map[string]any  `json:"history"`
	Conflicts    []map[string]any  `json:"conflicts"`
	Mentions     []map[string]any  `json:"mentions"`
	About        map[string]string `json:"about"`
}

func writePersonJSON(w io.Writer, p data.Person) error {
	c := p.Contact
	out := personJSON{
		Contact: map[string]any{"id": c.ID, "org_id": c.OrgID, "name": c.Name, "role": c.Role, "email": c.Email,
			"phone": c.Phone, "gender": c.Gender, "consent_date": c.ConsentDate},
		Organisation: p.Organisation, Deleted: p.Deleted, Erased: p.Erased,
		History: []map[string]any{}, Conflicts: []map[string]any{}, Mentions: []map[string]any{},
		About: map[string]string{"history": "every change of this contact this computer's database holds: when (UTC), on which device, the field and its value (JSON)",
			"mentions": "notes and follow-ups of other records whose text holds the contact's name"},
	}
	for _, h := range p.History {
		out.History = append(out.History, map[string]any{"at": h.At, "device": h.Device, "field": h.Field, "value": json.RawMessage(h.Value)})
	}
	for _, k := range p.Conflicts {
		out.Conflicts = append(out.Conflicts, map[string]any{"field": k.Field, "kept": json.RawMessage(k.Winner),
			"other": json.RawMessage(k.Loser), "resolved": k.Resolved})
	}
	for _, m := range p.Mentions {
		out.Mentions = append(out.Mentions, map[string]any{"entity": m.Entity, "id": m.ID, "date": m.Date, "field": m.Field, "text": m.Text})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writePersonPDF(w io.Writer, p data.Person, tr *translations.Localizer) error {
	c := p.Contact
	title := tr.T("person.title")
	doc := pdfdoc.New(pdfdoc.Options{Title: title, Footer: func(page int) string {
		return tr.T("person.footer", "Page", page, "Pages", "{nb}")
	}})
	width := 174.0
	heading := func(s string) {
		doc.Ln(3)
		doc.SetFont(pdfdoc.Font, "B", 12)
		doc.MultiCell(width, 6, s, "", "L", false)
		doc.SetFont(pdfdoc.Font, "", 10)
	}
	para := func(s string) {
		for _, l := range pdfdoc.Lines(doc, s, width) {
			doc.CellFormat(width, 5, l, "", 1, "L", false, 0, "")
		}
	}
	doc.SetFont(pdfdoc.Font, "B", 16)
	doc.MultiCell(width, 8, title, "", "L", false)
	doc.SetFont(pdfdoc.Font, "", 10)
	para(tr.T("person.intro"))
	heading(tr.T("person.stored"))
	for _, f := range [][2]string{{"field.name", c.Name}, {"field.role", c.Role}, {"field.email", c.Email},
		{"field.phone", c.Phone}, {"field.gender", genderText(tr, c)}, {"field.consent_date", c.ConsentDate},
		{"field.org", p.Organisation}} {
		para(tr.T(f[0]) + ": " + f[1])
	}
	if p.Erased {
		para(tr.T("person.erased"))
	} else if p.Deleted {
		para(tr.T("person.deleted"))
	}
	heading(tr.T("person.history"))
	for _, h := range p.History {
		para(fmt.Sprintf("%s  %s  %s = %s", h.At.Format("2006-01-02 15:04"), shortDevice(h.Device), tr.FieldLabel(h.Field), h.Value))
	}
	if len(p.Conflicts) > 0 {
		heading(tr.T("person.conflicts"))
		for _, k := range p.Conflicts {
			para(fmt.Sprintf("%s: %s / %s", tr.FieldLabel(k.Field), k.Winner, k.Loser))
		}
	}
	heading(tr.T("person.mentions"))
	if len(p.Mentions) == 0 {
		para(tr.T("person.mentions.none"))
	}
	for _, m := range p.Mentions {
		para(strings.TrimSpace(m.Date + " " + m.Text))
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// genderText is the contact's gender in words ("" when not given).
func genderText(tr *translations.Localizer, c domain.Contact) string {
	if c.Gender == "" {
		return ""
	}
	return tr.Gender(c.Gender)
}

// shortDevice is the start of a device id, enough to tell devices apart.
func shortDevice(d string) string {
	if len(d) > 8 {
		return d[:8]
	}
	return d
}
