package models

// Where each key of a model file is: Load and Parse name the line of every
// problem, which the toml package does not tell.

import (
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// pth is a path to a key or table in a TOML document: key names and array
// indexes (see at).
type pth []string

const indexMark = "\x00"

func (p pth) key(k string) pth { return append(p[:len(p):len(p)], k) }
func (p pth) at(i int) pth     { return append(p[:len(p):len(p)], indexMark+strconv.Itoa(i)) }
func (p pth) String() string   { return strings.Join(p, "\x1f") }

// display is the key as a user writes it inside its table: the part of the
// path after the last array index, e.g. "name.sv".
func (p pth) display() string {
	i := len(p)
	for i > 0 && !strings.HasPrefix(p[i-1], indexMark) {
		i--
	}
	return toml.Key(p[i:]).String()
}

// locator knows the line of every key and table in a TOML document.
type locator struct {
	lines map[string]int // pth.String() → line where it first appears
	keys  [][]string     // the keys in document order, as toml.MetaData.Keys lists them
}

// line returns the line of p, or of the nearest enclosing table or key when
// p itself is not in the file (a missing key); 0 when none is.
func (l *locator) line(p pth) int {
	if l == nil {
		return 0
	}
	for i := len(p); i > 0; i-- {
		if n, ok := l.lines[p[:i].String()]; ok {
			return n
		}
	}
	return 0
}

// locate scans a TOML document that the toml package has accepted and
// records the line of each key, table and array element. toml v1.6.0 keeps
// key positions to itself, hence this small scanner. It relies on the input
// being valid TOML, but never panics or loops on any input.
func locate(data []byte) *locator {
	s := &scanner{
		src:    strings.TrimPrefix(string(data), "\ufeff"),
		line:   1,
		loc:    &locator{lines: map[string]int{}},
		arrays: map[string]int{},
	}
	s.document()
	return s.loc
}

type scanner struct {
	src    string
	pos    int
	line   int
	loc    *locator
	arrays map[string]int // indexed path of an array of tables → its elements so far
}

// spath is a path both with array indexes (for lines) and without (for keys).
type spath struct {
	at    pth
	plain []string
}

func (p spath) key(k string) spath {
	return spath{p.at.key(k), append(p.plain[:len(p.plain):len(p.plain)], k)}
}

func (p spath) index(i int) spath { return spath{p.at.at(i), p.plain} }

func (s *scanner) eof() bool { return s.pos >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.pos]
}

func (s *scanner) advance() {
	if s.src[s.pos] == '\n' {
		s.line++
	}
	s.pos++
}

func (s *scanner) mark(p pth, line int) {
	if _, ok := s.loc.lines[p.String()]; !ok {
		s.loc.lines[p.String()] = line
	}
}

// skipBlank skips spaces, tabs and comments, and newlines if nl.
func (s *scanner) skipBlank(nl bool) {
	for !s.eof() {
		switch c := s.src[s.pos]; {
		case c == ' ' || c == '\t':
			s.pos++
		case c == '#':
			for !s.eof() && s.src[s.pos] != '\n' {
				s.pos++
			}
		case nl && (c == '\n' || c == '\r'):
			s.advance()
		default:
			return
		}
	}
}

func (s *scanner) document() {
	var table spath
	for {
		start := s.pos
		s.skipBlank(true)
		if s.eof() {
			return
		}
		line := s.line
		switch {
		case strings.HasPrefix(s.src[s.pos:], "[["):
			s.pos += 2
			table = s.header(s.keyParts(), line, true)
			s.skipBlank(false)
			if strings.HasPrefix(s.src[s.pos:], "]]") {
				s.pos += 2
			}
		case s.peek() == '[':
			s.pos++
			table = s.header(s.keyParts(), line, false)
			s.skipBlank(false)
			if s.peek() == ']' {
				s.pos++
			}
		default:
			s.keyValue(table)
		}
		if s.pos == start {
			return // not TOML after all: stop rather than loop
		}
	}
}

// header resolves a [table] or [[array]] header to its path: a key that names
// an array of tables means its last element.
func (s *scanner) header(parts []string, line int, array bool) spath {
	var p spath
	for i, k := range parts {
		p = p.key(k)
		n, isArray := s.arrays[p.at.String()]
		switch {
		case array && i == len(parts)-1:
			s.arrays[p.at.String()] = n + 1
			s.mark(p.at, line)
			p = p.index(n)
		case isArray && n > 0:
			p = p.index(n - 1)
		}
		s.mark(p.at, line)
	}
	s.loc.keys = append(s.loc.keys, p.plain)
	return p
}

func (s *scanner) keyValue(table spath) {
	line := s.line
	parts := s.keyParts()
	if len(parts) == 0 {
		return
	}
	p := table
	for _, k := range parts {
		p = p.key(k)
		s.mark(p.at, line)
	}
	s.loc.keys = append(s.loc.keys, p.plain)
	s.skipBlank(false)
	if s.peek() == '=' {
		s.pos++
	}
	s.skipBlank(false)
	s.value(p)
}

// keyParts reads a possibly dotted, possibly quoted key.
func (s *scanner) keyParts() []string {
	var parts []string
	for {
		s.skipBlank(false)
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			parts = append(parts, s.str())
		case isBare(c):
			start := s.pos
			for !s.eof() && isBare(s.src[s.pos]) {
				s.pos++
			}
			parts = append(parts, s.src[start:s.pos])
		default:
			return parts
		}
		s.skipBlank(false)
		if s.peek() != '.' {
			return parts
		}
		s.pos++
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (s *scanner) value(p spath) {
	switch s.peek() {
	case '{':
		s.pos++
		s.inlineTable(p)
	case '[':
		s.pos++
		s.array(p)
	case '"', '\'':
		s.str()
	default:
		for !s.eof() && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.pos])) {
			s.pos++
		}
	}
}

func (s *scanner) inlineTable(p spath) {
	for !s.eof() {
		start := s.pos
		s.skipBlank(true)
		switch s.peek() {
		case '}':
			s.pos++
			return
		case ',':
			s.pos++
			continue
		}
		line := s.line
		parts := s.keyParts()
		q := p
		for _, k := range parts {
			q = q.key(k)
			s.mark(q.at, line)
		}
		if len(parts) > 0 {
			s.loc.keys = append(s.loc.keys, q.plain)
		}
		s.skipBlank(true)
		if s.peek() == '=' {
			s.pos++
		}
		s.skipBlank(true)
		s.value(q)
		if s.pos == start {
			return
		}
	}
}

func (s *scanner) array(p spath) {
	for i := 0; !s.eof(); {
		start := s.pos
		s.skipBlank(true)
		switch s.peek() {
		case ']':
			s.pos++
			return
		case ',':
			s.pos++
			continue
		}
		q := p.index(i)
		s.mark(q.at, s.line)
		s.value(q)
		i++
		if s.pos == start {
			return
		}
	}
}

// str reads a string of any of TOML's four kinds and returns its value
// (escapes decoded for basic strings, which matters for quoted keys).
func (s *scanner) str() string {
	for _, q := range []string{`"""`, `'''`} {
		if strings.HasPrefix(s.src[s.pos:], q) {
			s.pos += 3
			start := s.pos
			for !s.eof() {
				if q[0] == '"' && s.src[s.pos] == '\\' {
					s.advance()
					if !s.eof() {
						s.advance()
					}
					continue
				}
				if strings.HasPrefix(s.src[s.pos:], q) {
					end := s.pos
					s.pos += 3
					for k := 0; k < 2 && s.peek() == q[0]; k++ { // up to two quotes before the closing ones
						s.pos++
						end++
					}
					return s.src[start:end]
				}
				s.advance()
			}
			return s.src[start:]
		}
	}
	quote := s.src[s.pos]
	s.pos++
	var b strings.Builder
	for !s.eof() {
		c := s.src[s.pos]
		switch {
		case c == quote:
			s.pos++
			return b.String()
		case c == '\n':
			return b.String() // unterminated: not valid TOML
		case c == '\\' && quote == '"':
			s.pos++
			s.escape(&b)
		default:
			b.WriteByte(c)
			s.pos++
		}
	}
	return b.String()
}

var (
	simpleEscapes = map[byte]byte{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', 'e': 0x1b, '"': '"', '\\': '\\'}
	hexEscapes    = map[byte]int{'x': 2, 'u': 4, 'U': 8} // number of hex digits
)

// escape decodes the escape sequence after a backslash.
func (s *scanner) escape(b *strings.Builder) {
	if s.eof() {
		return
	}
	c := s.src[s.pos]
	s.pos++
	if r, ok := simpleEscapes[c]; ok {
		b.WriteByte(r)
		return
	}
	digits := hexEscapes[c]
	if digits == 0 || s.pos+digits > len(s.src) {
		b.WriteByte(c)
		return
	}
	n, err := strconv.ParseUint(s.src[s.pos:s.pos+digits], 16, 32)
	if err != nil {
		b.WriteByte(c)
		return
	}
	s.pos += digits
	b.WriteRune(rune(n))
}
