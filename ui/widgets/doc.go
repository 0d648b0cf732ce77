// Package widgets holds the form widgets the screens share: an entry whose
// owner sees Esc and Ctrl+S first, a select over labelled values, the
// labelled form layout with a problem line under each field, a calendar in
// the reader's language and the organisation picker. They know nothing of
// the store: what they need from it comes through small interfaces.
package widgets
