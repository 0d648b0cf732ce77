package translations

import (
	"strings"

	"eu.ilsa.coach/ilsa/data/models"
)

// ModelCredit is the one line that credits a model wherever it is used (the
// model picker, the assessment screen, `ilsa models list`, the client
// report): its source, author and licence with the licence's address, and
// whether the texts were adapted. The credits themselves are in English,
// as the model file has them; the frame around them is in the user's
// language.
func (l *Localizer) ModelCredit(m *models.Model) string {
	var parts []string
	if m.Source != "" {
		parts = append(parts, l.T("model.credit.source", "Source", strings.TrimSuffix(m.Source, ".")))
	}
	if m.Author != "" {
		parts = append(parts, l.T("model.credit.author", "Author", m.Author))
	}
	switch {
	case m.License != "" && m.LicenseURL != "":
		parts = append(parts, l.T("model.credit.license_url", "License", m.License, "URL", m.LicenseURL))
	case m.License != "":
		parts = append(parts, l.T("model.credit.license", "License", m.License))
	}
	if m.Adapted {
		parts = append(parts, l.T("model.credit.adapted"))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, ". ") + "."
}
