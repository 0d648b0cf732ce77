package models

// The typed readers the checker uses for each key of a model table: they
// report a wrong type, a missing key or an unknown one with its line.

import (
	"slices"
	"sort"
	"strings"
	"time"
)

// unknown reports the keys of t (the table at p) that are not in allowed.
func (c *checker) unknown(t map[string]any, p pth, allowed []string, x ctx) {
	keys := make([]string, 0, len(t))
	for k := range t {
		if !slices.Contains(allowed, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		c.add(p.key(k), x, CodeKeyUnknown, "key", p.key(k).display())
	}
}

// str returns the string at key in t (the table at p); ok says it is there
// and is a string. A missing required key and a wrong type are reported.
func (c *checker) str(t map[string]any, p pth, key string, x ctx, required bool) (s string, ok bool) {
	v, present := t[key]
	if !present {
		if required {
			c.add(p.key(key), x, CodeKeyMissing, "key", p.key(key).display())
		}
		return "", false
	}
	if s, ok = v.(string); !ok {
		c.add(p.key(key), x, CodeTypeInvalid, "key", p.key(key).display(), "want", "string", "got", tomlType(v))
	}
	return s, ok
}

// required returns the trimmed, non-empty string at key, reporting it when
// missing, blank or not a string.
func (c *checker) required(t map[string]any, p pth, key string, x ctx) string {
	s, ok := c.str(t, p, key, x, true)
	s = strings.TrimSpace(s)
	if ok && s == "" {
		c.add(p.key(key), x, CodeValueEmpty, "key", p.key(key).display())
	}
	return s
}

// integer is str for integers.
func (c *checker) integer(t map[string]any, p pth, key string, x ctx, required bool) (n int64, ok bool) {
	v, present := t[key]
	if !present {
		if required {
			c.add(p.key(key), x, CodeKeyMissing, "key", p.key(key).display())
		}
		return 0, false
	}
	if n, ok = v.(int64); !ok {
		c.add(p.key(key), x, CodeTypeInvalid, "key", p.key(key).display(), "want", "integer", "got", tomlType(v))
	}
	return n, ok
}

// text reads a required { sv = "…", nb = "…", en = "…" } table.
func (c *checker) text(t map[string]any, p pth, key string, x ctx) Text {
	var out Text
	v, present := t[key]
	q := p.key(key)
	if !present {
		c.add(q, x, CodeKeyMissing, "key", q.display())
		return out
	}
	tt, ok := v.(map[string]any)
	if !ok {
		c.add(q, x, CodeTypeInvalid, "key", q.display(), "want", "table", "got", tomlType(v))
		return out
	}
	c.unknown(tt, q, Languages, x)
	for _, lang := range Languages {
		s, _ := c.str(tt, q, lang, x, false)
		s = strings.TrimSpace(s)
		if s == "" {
			c.add(q.key(lang), x, CodeTranslationMissing, "lang", lang, "field", key)
		}
		out.set(lang, s)
	}
	return out
}

// tables returns the array of tables at key; an element that is not a table
// is reported and left nil so that indexes keep matching the file.
func (c *checker) tables(t map[string]any, p pth, key string, x ctx, required bool) ([]map[string]any, bool) {
	v, present := t[key]
	q := p.key(key)
	if !present {
		if required {
			c.add(q, x, CodeKeyMissing, "key", q.display())
		}
		return nil, false
	}
	switch v := v.(type) {
	case []map[string]any:
		return v, true
	case []any:
		out := make([]map[string]any, len(v))
		for i, e := range v {
			if tt, ok := e.(map[string]any); ok {
				out[i] = tt
			} else {
				c.add(q.at(i), x, CodeTypeInvalid, "key", q.display(), "want", "table", "got", tomlType(e))
			}
		}
		return out, true
	}
	c.add(q, x, CodeTypeInvalid, "key", q.display(), "want", "array of tables", "got", tomlType(v))
	return nil, false
}

// tomlType names the TOML type of a decoded value.
func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case time.Time:
		return "date-time"
	case map[string]any:
		return "table"
	case []map[string]any:
		return "array of tables"
	case []any:
		return "array"
	}
	return "date-time" // toml.LocalDate and friends
}
