// Package models reads, validates and holds the innovation-management models
// (scales, canvases and checklists) that advisors apply with their clients.
package models

import "strings"

// Kind says how a model is applied.
type Kind string

// The kinds of model.
const (
	// KindScale: each dimension is rated on numbered levels 1..Levels.
	KindScale Kind = "scale"
	// KindCanvas: each dimension is a block of free text.
	KindCanvas Kind = "canvas"
	// KindChecklist: each dimension is an item that applies or not, with a comment.
	KindChecklist Kind = "checklist"
)

// Kinds lists the valid kinds in the order they are documented.
var Kinds = []Kind{KindScale, KindCanvas, KindChecklist}

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	switch k {
	case KindScale, KindCanvas, KindChecklist:
		return true
	}
	return false
}

// Languages are the languages every model text is written in.
var Languages = []string{"sv", "nb", "en"}

// Model is one version of one model, as read from a model file. A loaded
// Model is shared (the Library hands out the same pointer to every caller):
// treat it as read-only.
type Model struct {
	ID          string // lowercase letters, digits and dashes, e.g. "innovation-readiness"
	Version     int    // 1..MaxVersion; a newer file of the same ID has a higher version
	Kind        Kind
	Levels      int    // scale: the number of levels (levels are 1..Levels); 0 otherwise
	Source      string // origin and credit, in English
	URL         string // optional link to the origin
	Author      string // optional: who made the original model
	License     string // optional: the licence of the file's texts, e.g. "CC BY-SA 3.0"
	LicenseURL  string // optional link to the licence
	Adapted     bool   // the texts are adapted or translated from the original
	Name        Text
	Description Text
	Dimensions  []Dimension // scale: dimensions; canvas: blocks; checklist: items
	File        string      // where the model was loaded from
	Bundled     bool        // part of the app (assets/models) rather than from a folder
	// ReplacesBundled is the file's explicit word (replaces_bundled = true)
	// that it may outrank the app's own model of the same id.
	ReplacesBundled bool
}

// Dimension is a dimension of a scale, a block of a canvas or an item of a
// checklist.
type Dimension struct {
	ID          string
	Name        Text
	Description Text
	Levels      []Level // scale only: levels 1..Model.Levels in order; nil otherwise
}

// Level describes what one level of a scale dimension looks like.
type Level struct {
	Level int
	Text  Text
}

// Text is one text in the three languages.
type Text struct {
	SV, NB, EN string
}

// In returns the text in lang ("sv", "nb", "en", or a locale such as
// "nb_NO.UTF-8"; "no" and "nn" count as "nb"), falling back to English when
// the language is unknown or its text is empty.
func (t Text) In(lang string) string {
	var s string
	switch normaliseLang(lang) {
	case "sv":
		s = t.SV
	case "nb":
		s = t.NB
	}
	if s == "" {
		return t.EN
	}
	return s
}

// get returns the text in one of Languages, without fallback.
func (t Text) get(lang string) string {
	switch lang {
	case "sv":
		return t.SV
	case "nb":
		return t.NB
	case "en":
		return t.EN
	}
	return ""
}

// set sets the text in one of Languages.
func (t *Text) set(lang, s string) {
	switch lang {
	case "sv":
		t.SV = s
	case "nb":
		t.NB = s
	case "en":
		t.EN = s
	}
}

// normaliseLang reduces a language tag or locale to "sv", "nb", "en" or "".
func normaliseLang(lang string) string {
	l := strings.ToLower(lang)
	if i := strings.IndexAny(l, "-_.@"); i >= 0 {
		l = l[:i]
	}
	switch l {
	case "sv":
		return "sv"
	case "nb", "no", "nn":
		return "nb"
	case "en":
		return "en"
	}
	return ""
}

// Dimension returns the dimension with the given id.
func (m *Model) Dimension(id string) (*Dimension, bool) {
	for i := range m.Dimensions {
		if m.Dimensions[i].ID == id {
			return &m.Dimensions[i], true
		}
	}
	return nil, false
}

// Level returns the description of level n (1..Levels) of a scale dimension.
func (d *Dimension) Level(n int) (Level, bool) {
	if n >= 1 && n <= len(d.Levels) && d.Levels[n-1].Level == n {
		return d.Levels[n-1], true
	}
	for _, l := range d.Levels {
		if l.Level == n {
			return l, true
		}
	}
	return Level{}, false
}
