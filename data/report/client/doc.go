// Package client writes the client report: a PDF for one organisation, in
// the reader's language, with its profile, visit timeline, the latest
// assessment of each model (charts for scale models), progress against
// targets, the suggested next step and the open actions.
//
// It reads everything through data.Store and draws with fpdf; it never
// imports Fyne, so the command line and the desktop app ("Export report…")
// produce the same bytes for the same data and date.
package client
