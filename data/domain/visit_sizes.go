package domain

import (
	"slices"
	"strings"
)

// The size of an organisation at the time it was supported is part of the
// visit: a period's size split must not change when a headcount is edited
// later. A visit keeps one entry per organisation, stored as the list
// "ORGID=CLASS" (CLASS empty: the size was unknown at the time), sorted.

// SizeClasses lists the classes a user can choose, unknown first.
var SizeClasses = []SizeClass{SizeUnknown, SizeMicro, SizeSmall, SizeMedium, SizeLarge}

// SizeOf is the size class for an optional headcount.
func SizeOf(employees *int) SizeClass {
	if employees == nil {
		return SizeUnknown
	}
	return SizeClassFor(*employees)
}

// FormatOrgSizes writes a visit's sizes as they are stored and synced.
func FormatOrgSizes(sizes map[string]SizeClass) []string {
	out := make([]string, 0, len(sizes))
	for id, c := range sizes {
		out = append(out, id+"="+string(c))
	}
	slices.Sort(out)
	return out
}

// ParseOrgSize reads one stored entry; ok is false when it is not
// "ORGID=CLASS" with a known class.
func ParseOrgSize(entry string) (id string, c SizeClass, ok bool) {
	id, class, found := strings.Cut(entry, "=")
	c = SizeClass(class)
	if !found || id == "" || !slices.Contains(SizeClasses, c) {
		return "", "", false
	}
	return id, c, true
}

// ParseOrgSizes reads the stored entries; entries that are not well formed
// are left out (the incoming checks keep them from being stored).
func ParseOrgSizes(entries []string) map[string]SizeClass {
	if len(entries) == 0 {
		return nil
	}
	m := make(map[string]SizeClass, len(entries))
	for _, e := range entries {
		if id, c, ok := ParseOrgSize(e); ok {
			m[id] = c
		}
	}
	return m
}

// checkOrgSizes validates a visit's sizes: known classes only.
func checkOrgSizes(sizes map[string]SizeClass) error {
	for id, c := range sizes {
		if strings.TrimSpace(id) == "" || strings.Contains(id, "=") {
			return invalid("sizes", "choice", "value", id)
		}
		if !slices.Contains(SizeClasses, c) {
			return invalid("sizes", "choice", "value", string(c))
		}
	}
	return nil
}
