// Package domain holds ILSA Coach's values and their rules, without SQL: the
// record types, their validation, organisation numbers, the reference lists
// (municipalities, sectors, size classes), countries, the collation of names
// and the typed errors the UI and the CLI turn into sentences.
package domain
