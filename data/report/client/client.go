package client

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"time"

	"eu.ilsa.coach/ilsa/data"
	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/models"
	"eu.ilsa.coach/ilsa/data/report/pdfdoc"
	"eu.ilsa.coach/ilsa/translations"
)

// Options tune a report. The zero value is a report dated today by the
// clock, signed with the advisor of the store's profile.
type Options struct {
	// Today is the report's date (YYYY-MM-DD), printed on it and used to
	// tell overdue targets; it also fixes the PDF's creation date, so the
	// same data and date give the same bytes. "": today by the clock.
	Today string
	// Advisor is the name printed as the report's advisor and author.
	// "": the advisor of the store's profile.
	Advisor string
	// MaxVisits is how many of the newest visits the timeline lists
	// (0: 40); the number left out is stated.
	MaxVisits int
}

const defaultMaxVisits = 40

// Write writes the client report of organisation orgID as a PDF to w, in
// tr's language, and returns its number of pages. Nothing is written when
// the organisation is unknown (a *domain.NotFoundError) or the data cannot be
// read: the whole document is built before its first byte goes to w.
func Write(ctx context.Context, w io.Writer, st *data.Store, lib *models.Library, orgID string,
	tr *translations.Localizer, opts Options) (pages int, err error) {
	if opts.Today == "" {
		opts.Today = time.Now().Format(domain.DateLayout)
	}
	day, err := time.Parse(domain.DateLayout, opts.Today)
	if err != nil {
		return 0, fmt.Errorf("client report: date %q: %w", opts.Today, err)
	}
	if opts.Advisor == "" {
		prof, err := st.Profile()
		if err != nil {
			return 0, err
		}
		opts.Advisor = prof.Advisor
	}
	if opts.MaxVisits <= 0 {
		opts.MaxVisits = defaultMaxVisits
	}
	c, err := gather(ctx, st, lib, orgID)
	if err != nil {
		return 0, err
	}
	title := tr.T("report.client.title")
	doc := pdfdoc.New(pdfdoc.Options{
		Title:  title + " – " + c.org.Name,
		Author: opts.Advisor,
		Footer: func(page int) string {
			return tr.T("report.client.footer", "Org", c.org.Name, "Page", page, "Pages", "{nb}")
		},
		CreatedUnix: day.Unix(),
	})
	r := &report{page: newPage(doc), tr: tr, lang: tr.Lang(), c: c, opts: opts}
	r.render()
	if err := doc.Error(); err != nil {
		return 0, err
	}
	// Into memory first: a failing writer must not get half a document
	// because the PDF could not be finished.
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return 0, err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return 0, err
	}
	return doc.PageCount(), nil
}

// report is one report being drawn.
type report struct {
	*page
	tr   *translations.Localizer
	lang string
	c    *content
	opts Options
}

func (r *report) render() {
	r.titleBlock()
	r.profile()
	r.visits()
	r.assessments()
	r.openActions()
}
