package ui

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"eu.ilsa.coach/ilsa/data/domain"
	"eu.ilsa.coach/ilsa/data/report/indicators"
)

// SubmittedReports is what the Reports screen needs to submit a period's
// report and compare later reports with it; the app's Reports provides it.
type SubmittedReports interface {
	// Submit freezes the whole project's report of the period as
	// submitted by the profile's advisor, with note.
	Submit(ctx context.Context, from, to, projectStart, note string) (*domain.Submission, error)
	// Submissions lists every submitted report, the newest first.
	Submissions(ctx context.Context) ([]domain.Submission, error)
	// CompareSubmitted is the newest submission of r's period beside r
	// (nil when there is none, or r is a selection).
	CompareSubmitted(ctx context.Context, r *indicators.Report) (*indicators.Submitted, error)
}

// submittedUI holds the Reports screen's widgets for submitted reports.
type submittedUI struct {
	submit, list *widget.Button
	banner       *widget.Label
}

func (s *reportsScreen) submissions() SubmittedReports {
	sr, _ := s.u.opt.Reports.(SubmittedReports)
	return sr
}

// submitControls are the "Mark as submitted…" and "Submitted reports…"
// buttons; submittedBanner the line above the figures saying what the
// period's submission is.
func (s *reportsScreen) submitControls() fyne.CanvasObject {
	tr := s.u.tr
	s.sub.submit = widget.NewButtonWithIcon(tr.T("ui.reports.submit"), theme.ConfirmIcon(), s.confirmSubmit)
	s.sub.list = widget.NewButtonWithIcon(tr.T("ui.reports.submitted_list"), theme.ListIcon(), s.showSubmissions)
	s.sub.submit.Hide() // until a report shows (showSubmitted)
	s.sub.list.Hide()
	return container.NewHBox(s.sub.submit, s.sub.list)
}

func (s *reportsScreen) submittedBanner() fyne.CanvasObject {
	s.sub.banner = widget.NewLabel("")
	s.sub.banner.Wrapping = fyne.TextWrapWord
	s.sub.banner.Importance = widget.WarningImportance
	s.sub.banner.Hide()
	return s.sub.banner
}

// withSubmitted adds the period's submission to a report just computed
// (off the UI goroutine).
func (s *reportsScreen) withSubmitted(r *indicators.Report, err error) (*indicators.Report, error) {
	sr := s.submissions()
	if err != nil || sr == nil {
		return r, err
	}
	r.Submitted, err = sr.CompareSubmitted(s.u.ctx(), r)
	return r, err
}

// showSubmitted updates the banner and the submit button for the report shown.
func (s *reportsScreen) showSubmitted() {
	r, tr := s.report, s.u.tr
	if s.sub.banner == nil || r == nil || s.submissions() == nil {
		return
	}
	s.sub.submit.Show()
	s.sub.list.Show()
	if r.Filter.Comparable() {
		s.sub.submit.Enable()
	} else {
		s.sub.submit.Disable()
	}
	sub := r.Submitted
	if sub == nil {
		s.sub.banner.Hide()
		return
	}
	text := tr.T("ui.reports.submitted_banner", "When", s.when(sub), "By", by(sub.Advisor, sub.Partner))
	if sub.Note != "" {
		text += " " + tr.T("ui.reports.submitted_note", "Note", sub.Note)
	}
	changed := 0
	for _, f := range sub.Figures {
		if f.Changed() {
			changed++
		}
	}
	if changed == 0 {
		text += " " + tr.T("ui.reports.submitted_same")
	} else {
		text += " " + tr.T("ui.reports.submitted_changed")
	}
	s.sub.banner.SetText(text)
	s.sub.banner.Show()
}

func (s *reportsScreen) when(sub *indicators.Submitted) string {
	t := sub.At.Local()
	return s.u.tr.Date(t) + " " + t.Format("15:04")
}

func by(advisor, partner string) string {
	if partner != "" && advisor != "" {
		return advisor + " (" + partner + ")"
	}
	return advisor + partner
}

// submittedKey is the snapshot key of the figure row labelled label.
func (s *reportsScreen) submittedKey(label string) string {
	for _, k := range indicators.FigureKeys {
		if indicators.FigureLabel(k, s.u.tr) == label {
			return k
		}
	}
	return ""
}

// beside puts the submitted value and the difference under a figure whose
// ids changed since the submission; a tap lists what changed.
func (s *reportsScreen) beside(label string, cumulative bool, number fyne.CanvasObject) fyne.CanvasObject {
	r := s.report
	if r == nil || r.Submitted == nil {
		return number
	}
	key := s.submittedKey(label)
	if key == "" {
		return number
	}
	if cumulative {
		key = "cumulative." + key
	}
	fc, ok := r.Submitted.Figure(key)
	if !ok || !fc.Changed() {
		return number
	}
	tr := s.u.tr
	link := widget.NewHyperlink(tr.T("ui.reports.submitted_diff", "Was", tr.Number(fc.Submitted), "Diff", signedCount(fc.Now-fc.Submitted)), nil)
	link.Alignment = fyne.TextAlignTrailing
	link.OnTapped = func() { s.showDifference(label, fc) }
	return container.NewVBox(number, link)
}

func signedCount(n int) string {
	if n > 0 {
		return fmt.Sprintf("+%d", n)
	}
	if n < 0 {
		return fmt.Sprintf("−%d", -n)
	}
	return "±0"
}

// showDifference lists what entered and left a figure since its
// submission, each with why; live organisations and joint actions open
// with a tap, as in the drill-down.
func (s *reportsScreen) showDifference(label string, fc indicators.FigureChange) {
	r, tr := s.report, s.u.tr
	list := container.NewVBox()
	var dlg *dialog.CustomDialog
	section := func(head string, f indicators.Figure) {
		n := len(f.Orgs) + len(f.Visits) + len(f.Joints)
		if n == 0 {
			return
		}
		list.Add(boldLabel(tr.T(head, "N", tr.Number(n))))
		for _, ids := range [][]string{f.Joints, f.Orgs, f.Visits} {
			for _, id := range ids {
				w := r.Submitted.Why[id]
				line := capitalised(tr.EntityName(w.Entity)) + ": " + w.Name(tr) + " — " + r.WhyText(id, tr)
				live := w.Code != indicators.WhyDeleted && w.Code != indicators.WhyMerged
				switch {
				case live && w.Entity == domain.EntityOrganisation:
					list.Add(s.drillButton(line, func() { dlg.Hide(); s.u.selectOrg(id) }))
				case live && w.Entity == domain.EntityJoint:
					list.Add(s.drillButton(line, func() { dlg.Hide(); s.u.EditJointAction(id) }))
				default:
					l := widget.NewLabel(line)
					l.Wrapping = fyne.TextWrapWord
					list.Add(l)
				}
			}
		}
	}
	list.Add(widget.NewLabel(tr.T("ui.reports.difference_intro", "When", s.when(r.Submitted), "Was", tr.Number(fc.Submitted), "Now", tr.Number(fc.Now))))
	section("ui.reports.difference_added", fc.Added)
	section("ui.reports.difference_removed", fc.Removed)
	closeBtn := widget.NewButtonWithIcon(tr.T("ui.close"), theme.CancelIcon(), func() { dlg.Hide() })
	dlg = dialog.NewCustomWithoutButtons(label, container.NewVScroll(list), s.u.win)
	dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	s.showClosable(dlg, fyne.NewSize(760, 480))
}

func (s *reportsScreen) drillButton(text string, tapped func()) *widget.Button {
	b := widget.NewButton(text, tapped)
	b.Alignment = widget.ButtonAlignLeading
	b.Importance = widget.LowImportance
	return b
}

// showClosable shows a dialog that Esc closes.
func (s *reportsScreen) showClosable(dlg *dialog.CustomDialog, size fyne.Size) {
	closer := &drillCloser{hide: func() { dlg.Hide() }}
	dlg.SetOnClosed(func() { s.u.popDialog(closer) })
	s.u.pushDialog(closer)
	dlg.Resize(size)
	dlg.Show()
}

// confirmSubmit asks before freezing the period's report, with a note.
func (s *reportsScreen) confirmSubmit() {
	r, tr := s.report, s.u.tr
	sr := s.submissions()
	if r == nil || sr == nil || !r.Filter.Comparable() {
		return
	}
	note := widget.NewMultiLineEntry()
	note.SetPlaceHolder(tr.T("ui.reports.submit_note_hint"))
	note.SetMinRowsVisible(3)
	note.Wrapping = fyne.TextWrapWord
	text := widget.NewLabel(tr.T("ui.reports.submit_text", "From", tr.DateString(r.Filter.From), "To", tr.DateString(r.Filter.To)))
	text.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(text, widget.NewLabel(tr.T("field.note")), note)
	f := r.Filter
	dlg := dialog.NewCustomConfirm(tr.T("ui.reports.submit_title"), tr.T("ui.reports.submit_ok"), tr.T("ui.cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		n := note.Text
		s.u.background(func() func() {
			if _, err := sr.Submit(s.u.ctx(), f.From, f.To, f.ProjectStart, n); err != nil {
				s.u.showError(err)
				return nil
			}
			return s.refresh
		})
	}, s.u.win)
	dlg.Resize(fyne.NewSize(620, 380))
	dlg.Show()
}

// showSubmissions lists every submitted report; choosing one shows its
// period, unfiltered, beside the figures as submitted.
func (s *reportsScreen) showSubmissions() {
	sr := s.submissions()
	if sr == nil {
		return
	}
	tr := s.u.tr
	s.u.background(func() func() {
		subs, err := sr.Submissions(s.u.ctx())
		if err != nil {
			s.u.showError(err)
			return nil
		}
		return func() {
			list := container.NewVBox()
			var dlg *dialog.CustomDialog
			if len(subs) == 0 {
				list.Add(widget.NewLabel(tr.T("ui.reports.submitted_none")))
			}
			for _, sub := range subs {
				t := sub.CreatedAt.Local()
				line := tr.DateString(sub.From) + " – " + tr.DateString(sub.To) + " · " +
					tr.T("ui.reports.submitted_line", "When", tr.Date(t)+" "+t.Format("15:04"), "By", by(sub.Advisor, sub.Partner))
				if sub.Note != "" {
					line += " · " + strings.ReplaceAll(sub.Note, "\n", " ")
				}
				list.Add(s.drillButton(line, func() { dlg.Hide(); s.showPeriod(sub.From, sub.To) }))
			}
			closeBtn := widget.NewButtonWithIcon(tr.T("ui.close"), theme.CancelIcon(), func() { dlg.Hide() })
			dlg = dialog.NewCustomWithoutButtons(tr.T("ui.reports.submitted_title"), container.NewVScroll(list), s.u.win)
			dlg.SetButtons([]fyne.CanvasObject{closeBtn})
			s.showClosable(dlg, fyne.NewSize(760, 420))
		}
	})
}

// showPeriod sets a custom period with no selection and computes it.
func (s *reportsScreen) showPeriod(from, to string) {
	s.filling = true
	s.period.SetValue(periodCustom)
	s.from.SetText(s.u.tr.DateString(from))
	s.to.SetText(s.u.tr.DateString(to))
	for _, c := range []interface{ SetValue(string) }{s.country, s.county, s.muni, s.advisor, s.kind} {
		c.SetValue("")
	}
	s.filling = false
	s.refresh()
}

// capitalised is s with its first letter upper case.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
